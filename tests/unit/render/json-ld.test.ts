import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../../src/render/json-ld.ts';
import { renderHtml } from '../../../src/render/pages.ts';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import { Layout } from '../../../templates/layout.tsx';
import { shortenText } from '../../../src/text/shorten.ts';
import { documentElements, injectedMarkup } from '../../support/html.ts';

const hostile = '</script><script>alert(1)</script><!-- <script> \u2028\u2029 & "quoted" \'single\' ]]>';

describe('serializeJsonLd keeps a </script> inside a string from ending the block (issue 7)', () => {
  it('round-trips the data and contains no markup characters', () => {
    const data = { '@type': 'NewsArticle', headline: hostile, author: [{ name: '</SCRIPT >' }] };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('yields exactly one inert script block inside a rendered page, with every meta value escaped', () => {
    const site = SiteConfigSchema.parse({ title: `Arhiv ${hostile}`, description: `Opis ${hostile}` });
    const html = renderHtml(Layout, {
      context: { site, assets: { stylesheet: '/assets/site.css', scripts: {} }, people: new Map() },
      meta: { title: hostile, description: hostile, url: '/', jsonLd: [{ '@type': 'WebSite', name: hostile }] },
      children: null,
    });
    const elements = documentElements(html);
    expect(injectedMarkup(elements)).toEqual([]);
    const scripts = elements.filter((element) => element.tag === 'script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]!.text)).toEqual({ '@type': 'WebSite', name: hostile });
    const title = elements.find((element) => element.tag === 'title');
    expect(title?.text).toBe(site.title);
    expect(site.title).toContain("</script><script>alert(1)");
    const description = elements.find((element) => element.tag === 'meta' && element.attrs.name === 'description');
    expect(description?.attrs.content).toBe(shortenText(hostile));
    expect(description?.attrs.content).toContain('</script><script>alert(1)</script>');
    const ogTitle = elements.find((element) => element.tag === 'meta' && element.attrs.property === 'og:title');
    expect(ogTitle?.attrs.content).toBe(hostile);
  });
});
