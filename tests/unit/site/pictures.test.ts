import { describe, expect, it } from 'vitest';
import { pageSizes, pictureSources, publicPathOf, withPictureSizes } from '../../../src/site/pictures.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';

const ARTICLE = '/2025/12/22/seja-sveta/';

describe('publicPathOf finds the file of public/ a picture leads to, as the browser resolves its src on the page', () => {
  it.each([
    ['root-relative', '/slike/seja.jpg', '/', 'slike/seja.jpg'],
    ['page-relative', 'slike/seja.jpg', '/', '2025/12/22/seja-sveta/slike/seja.jpg'],
    ['page-relative up a folder', '../slike/seja.jpg', '/', '2025/12/22/slike/seja.jpg'],
    ['with a query and a fragment', '/slike/seja.jpg?v=2#x', '/', 'slike/seja.jpg'],
    ['percent-encoded', '/slike/%C4%8Debela%20na%20cvetu.jpg', '/', 'slike/čebela na cvetu.jpg'],
    ['written with č', '/slike/čebela.jpg', '/', 'slike/čebela.jpg'],
    ['under the base path', '/arhiv/slike/seja.jpg', '/arhiv/', 'slike/seja.jpg'],
    ['page-relative under the base path', 'slike/seja.jpg', '/arhiv/', '2025/12/22/seja-sveta/slike/seja.jpg'],
    ['root-relative missing the base path', '/slike/seja.jpg', '/arhiv/', undefined],
    ['on another host', 'https://example.si/slike/seja.jpg', '/', undefined],
    ['protocol-relative', '//example.si/slike/seja.jpg', '/', undefined],
    // Browsers take %2e%2e for .., and never above the site's root: so does the URL parser.
    ['dots encoded', '/slike/%2e%2e/%2e%2e/%2e%2e/zemljevid.svg', '/', 'zemljevid.svg'],
    ['a slash encoded, then two dots', '/slike/%2F..%2F..%2Fx.png', '/', undefined],
    ['a folder', '/slike/', '/', undefined],
    ['a broken escape', '/slike/100%.jpg', '/', undefined],
  ])('%s', (_name, url, basePath, expected) => {
    expect(publicPathOf(url, ARTICLE, basePath)).toBe(expected);
  });
});

describe('withPictureSizes', () => {
  const sizes = new Map([
    ['slike/a&b.png', { width: 640, height: 360 }],
    ['slike/čebela.jpg', { width: 3024, height: 4032 }],
  ]);

  it('gives each picture of rendered HTML whose file it knows its width and height, and leaves the others', () => {
    const { html } = renderMarkdown('![A](/slike/a&b.png "Foto: STA")\n\n![Č](/slike/čebela.jpg) ![X](/slike/x.png) ![Y](https://example.si/slike/a&b.png)');
    const sized = withPictureSizes(html, sizes, ARTICLE, '/');
    expect(sized).toContain('<img src="/slike/a&#x26;b.png" width="640" height="360" alt="A" decoding="async">');
    expect(sized).toContain('<img src="/slike/%C4%8Debela.jpg" width="3024" height="4032" alt="Č" loading="lazy" decoding="async">');
    expect(sized).toContain('<img src="/slike/x.png" alt="X" loading="lazy" decoding="async">');
    expect(sized).toContain('<img src="https://example.si/slike/a&#x26;b.png" alt="Y" loading="lazy" decoding="async">');
  });

  it('reads the sources the renderer writes, and a page is given the sizes of its own pictures alone', () => {
    const { html, pictures } = renderMarkdown('![A](/slike/a&b.png)\n\n![Č][c]\n\n[c]: /slike/čebela.jpg');
    expect(pictureSources(html)).toEqual(['/slike/a&b.png', '/slike/%C4%8Debela.jpg']);
    expect(pictures).toEqual([
      { url: '/slike/a&b.png', line: 1 },
      { url: '/slike/čebela.jpg', line: 3 },
    ]);
    // The Markdown's URLs and the HTML's sources lead to the same files.
    expect(pageSizes(pictures!.map((picture) => picture.url), sizes, ARTICLE, '/')).toEqual(pageSizes(pictureSources(html), sizes, ARTICLE, '/'));
    expect([...pageSizes(['/slike/čebela.jpg'], sizes, ARTICLE, '/')!.keys()]).toEqual(['slike/čebela.jpg']);
  });
});
