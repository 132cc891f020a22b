import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { renderUnderBasePath } from '../../../src/render/base-path.ts';

function Links({ body }: { body: string }) {
  return (
    <div>
      <a href="/osebe/">Osebe</a>
      <a href="#vsebina">Skoči</a>
      <a href="https://example.si/">Domov</a>
      <a href="//cdn.example.si/x.css">CDN</a>
      <link rel="stylesheet" href="/assets/site-abc.css" />
      <script type="module" src="/assets/search-abc.js"></script>
      <form action="/iskanje/" data-index="/iskanje/indeks.json" data-label="Iskanje">
        <button formaction="/iskanje/">Išči</button>
      </form>
      <img src="/a.jpg" srcset="/a.jpg 1x, b.jpg 2x,/c.jpg 3x" alt="" />
      <div dangerouslySetInnerHTML={{ __html: body }} />
    </div>
  );
}

describe('renderUnderBasePath', () => {
  const body = '<p><a href="/kontakt/">kontakt</a></p>';

  it('puts the base path in front of every URL attribute from the site root, and leaves the rest', () => {
    const html = renderUnderBasePath('/arhiv/', () => renderToString(<Links body={body} />));
    expect(html).toContain('<a href="/arhiv/osebe/">');
    expect(html).toContain('<a href="#vsebina">');
    expect(html).toContain('<a href="https://example.si/">');
    expect(html).toContain('<a href="//cdn.example.si/x.css">');
    expect(html).toContain('href="/arhiv/assets/site-abc.css"');
    expect(html).toContain('src="/arhiv/assets/search-abc.js"');
    expect(html).toContain('action="/arhiv/iskanje/" data-index="/arhiv/iskanje/indeks.json" data-label="Iskanje"');
    expect(html).toContain('formaction="/arhiv/iskanje/"');
    expect(html).toContain('srcset="/arhiv/a.jpg 1x, b.jpg 2x,/arhiv/c.jpg 3x"');
    // Markup inserted as it is (an article body) is not rewritten.
    expect(html).toContain(body);
  });

  it('changes nothing for a site at the root of its host, nor after the page is rendered', () => {
    const plain = renderToString(<Links body={body} />);
    expect(renderUnderBasePath('/', () => renderToString(<Links body={body} />))).toBe(plain);
    renderUnderBasePath('/arhiv/', () => renderToString(<Links body={body} />));
    expect(renderToString(<Links body={body} />)).toBe(plain);
  });

  it('lets go of its hook when rendering fails', () => {
    const Failing = () => {
      throw new Error('template failed');
    };
    expect(() => renderUnderBasePath('/arhiv/', () => renderToString(<Failing />))).toThrow('template failed');
    expect(renderToString(<a href="/osebe/">Osebe</a>)).toBe('<a href="/osebe/">Osebe</a>');
  });
});
