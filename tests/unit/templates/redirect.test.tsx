import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import type { SiteContext } from '../../../src/render/context.ts';
import { RedirectPage } from '../../../templates/redirect.tsx';

const context: SiteContext = {
  site: SiteConfigSchema.parse({ title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' }),
  assets: { stylesheet: '/assets/site.css', scripts: {} },
  people: new Map(),
};

const sentence = (title: string) => {
  const html = renderToString(<RedirectPage context={context} article={{ title, url: '/2025/12/22/novo/' }} from="/2025/12/21/staro/" />);
  return /<p>(.*?)<\/p>/s.exec(html)![1]!.replace(/<[^>]+>/g, '');
};

describe('RedirectPage', () => {
  // Seen by a reader whose browser does not follow the refresh: Firefox's accessibility.blockautorefresh is for
  // readers who need the time a page gives them (WCAG 3.2.5), and a phone drew the page 980 px wide, its text tiny.
  it('fits a phone\'s screen and puts a heading and its sentence in the main landmark, as every page does', () => {
    const html = renderToString(<RedirectPage context={context} article={{ title: 'Seja', url: '/2025/12/22/novo/' }} from="/2025/12/21/staro/" />);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toMatch(/<body><main><h1>Seja<\/h1><p>Članek je na novem naslovu: <a href="[^"]+">Seja<\/a>.<\/p><\/main><\/body>/);
  });

  it('ends its sentence with a full stop after the title', () => {
    expect(sentence('Seja občinskega sveta')).toBe('Članek je na novem naslovu: Seja občinskega sveta.');
    // After a closing quote the full stop still follows, as Slovenian punctuation puts it.
    expect(sentence('Župan: »Ne bomo odstopili«')).toBe('Članek je na novem naslovu: Župan: »Ne bomo odstopili«.');
  });

  // A quotation that ends with its own ? ! or full stop ends the sentence too: »… plačal?«, not »… plačal?«.
  it.each(['Kdo bo plačal?', 'Zmaga!', 'Kaj pa zdaj …', 'Dogovor dosežen.', 'Golob: »Kdo bo plačal?«', 'Župan: »Ne bomo odstopili.«', 'Trump: „Dogovor je blizu!“'])('adds no full stop after a title that ends a sentence itself: %s', (title) => {
    expect(sentence(title)).toBe(`Članek je na novem naslovu: ${title}`);
  });
});
