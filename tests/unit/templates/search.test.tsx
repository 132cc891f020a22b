import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import type { SiteContext } from '../../../src/render/context.ts';
import { SearchPage } from '../../../templates/search.tsx';

const context: SiteContext = {
  site: SiteConfigSchema.parse({ title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' }),
  assets: { stylesheet: '/assets/site.css', scripts: {} },
  people: new Map(),
};

describe('SearchPage', () => {
  it('tells a reader without JavaScript where to browse instead, with »brskati po«, which takes no object', () => {
    const html = renderToString(<SearchPage context={context} />);
    const note = /<noscript>(.*)<\/noscript>/s.exec(html)![1]!.replace(/<[^>]+>/g, '');
    // »Članke lahko brskate« is English »browse articles« word for word: Slovenian browses »po člankih«.
    expect(note).toContain('Po člankih lahko brskate na naslovnici in po osebah.');
    expect(note).not.toMatch(/Članke lahko brskate/);
  });
});
