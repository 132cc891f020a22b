import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLinks, findBrokenLinks } from '../../../src/output/links.ts';

describe('extractLinks', () => {
  it('reads href, src and srcset in any quoting, decoding entities', () => {
    const html = `<a href="/a/?x=1&amp;y=2">a</a><img src='/slika.jpg' srcset="/s-1x.jpg 1x, /s-2x.jpg 2x"><link rel=stylesheet href=/c.css>`;
    expect(extractLinks(html)).toEqual(['/a/?x=1&y=2', '/slika.jpg', '/s-1x.jpg', '/s-2x.jpg', '/c.css']);
  });

  it('ignores comments, script bodies and escaped markup in text', () => {
    const html = `<!-- <a href="/v-komentarju/"> --><script>const t = '<a href="/v-skripti/">';</script><p>&lt;a href="/besedilo/"&gt;</p><a href="/da/">`;
    expect(extractLinks(html)).toEqual(['/da/']);
  });

  it("reads a script's and a style's own tag, not what is inside them", () => {
    const html = `<script type="module" src="/assets/iskanje.js"></script><style media="print">a[href="/ne/"]{}</style><script src='/a.js'>var x = "<img src='/ne.png'>";</script>`;
    expect(extractLinks(html)).toEqual(['/assets/iskanje.js', '/a.js']);
  });
});

describe('findBrokenLinks', () => {
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-'));
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
      await writeFile(path.join(dist, file), text);
    };
    await write('assets/site.css', 'body{}');
    await write('feed.xml', '<feed/>');
    await write('osebe/jurij-usakov/index.html', '<a href="../">nazaj</a><a href="../../feed.xml">vir</a>');
    await write('osebe/index.html', '<a href="jurij-usakov/">Ušakov</a>');
    await write('mapa z presledkom/index.html', '<a href="/">domov</a>');
    await write(
      'index.html',
      [
        '<link rel="stylesheet" href="/assets/site.css">',
        '<a href="/osebe/">osebe</a>',
        '<a href="/osebe/jurij-usakov">brez poševnice</a>',
        '<a href="/osebe/jurij-usakov/#vsebina">z oznako</a>',
        '<a href="/mapa%20z%20presledkom/">presledek</a>',
        '<a href="#vsebina">skok</a>',
        '<a href="https://example.org/manjka/">zunanja</a>',
        '<a href="//cdn.example.org/x.js">brez sheme</a>',
        '<a href="mailto:urednik@example.si">pošta</a>',
        '<a href="/manjka/">manjka</a>',
        '<img src="/assets/manjka.png">',
        '<a href="/feed.xml?v=1">vir</a>',
        '<a href="/osebe/jurij-usakov/feed.xml">manjkajoč vir</a>',
        '<script type="module" src="/assets/manjka.js"></script>',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it('reports exactly the internal links and assets that do not resolve', async () => {
    expect(await findBrokenLinks(dist)).toEqual([
      { file: 'index.html', link: '/assets/manjka.js' },
      { file: 'index.html', link: '/assets/manjka.png' },
      { file: 'index.html', link: '/manjka/' },
      { file: 'index.html', link: '/osebe/jurij-usakov/feed.xml' },
    ]);
  });

  it('resolves relative links against the page folder', async () => {
    await writeFile(path.join(dist, 'osebe/jurij-usakov/extra.html'), '<a href="../manjka/">x</a><a href="index.html">y</a>');
    // The same relative link as osebe/index.html's, which resolves there and not here.
    await mkdir(path.join(dist, 'drugo'));
    await writeFile(path.join(dist, 'drugo/index.html'), '<a href="jurij-usakov/">Ušakov</a>');
    const broken = await findBrokenLinks(dist);
    expect(broken.filter((entry) => entry.file.startsWith('osebe/'))).toEqual([{ file: 'osebe/jurij-usakov/extra.html', link: '../manjka/' }]);
    expect(broken.filter((entry) => entry.file.startsWith('drugo/'))).toEqual([{ file: 'drugo/index.html', link: 'jurij-usakov/' }]);
  });

  it('under a base path, maps URLs under it onto dist/ and reports every link that leads out of it', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-base-'));
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(base, file)), { recursive: true });
        await writeFile(path.join(base, file), text);
      };
      await write('assets/site.css', 'body{}');
      await write('osebe/jurij-usakov/index.html', '<a href="../">nazaj</a><a href="../../../">ven</a><a href="/arhiv/">domov</a>');
      await write('osebe/index.html', '<a href="jurij-usakov/">Ušakov</a>');
      await write(
        'index.html',
        [
          '<link rel="stylesheet" href="/arhiv/assets/site.css">',
          '<a href="/arhiv/osebe/">osebe</a>',
          '<a href="/arhiv/osebe/jurij-usakov">brez poševnice</a>',
          '<a href="/arhiv">domov brez poševnice</a>',
          '<a href="/arhiv/manjka/">manjka</a>',
          '<a href="/osebe/">s korena</a>',
          '<link rel="stylesheet" href="/assets/site.css">',
          '<a href="/arhivi/">drug arhiv</a>',
          '<a href="https://example.si/osebe/">zunanja</a>',
        ].join('\n'),
      );
      expect(await findBrokenLinks(base, { basePath: '/arhiv/' })).toEqual([
        { file: 'index.html', link: '/arhiv/manjka/' },
        { file: 'index.html', link: '/arhivi/', outside: true },
        { file: 'index.html', link: '/assets/site.css', outside: true },
        { file: 'index.html', link: '/osebe/', outside: true },
        { file: 'osebe/jurij-usakov/index.html', link: '../../../', outside: true },
      ]);
      // The same site checked as if it were at the root of its host: the links under /arhiv/ lead nowhere.
      expect((await findBrokenLinks(base)).map((entry) => entry.link)).toContain('/arhiv/osebe/');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
