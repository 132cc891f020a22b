import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import type { SiteContext } from '../../../src/render/context.ts';
import { ArticlePage } from '../../../templates/article.tsx';
import { testArticle } from '../../helpers/article.ts';

const context: SiteContext = {
  site: SiteConfigSchema.parse({ title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' }),
  assets: { stylesheet: '/assets/site.css', scripts: { tables: '/assets/tables-abc.js' } },
  people: new Map(),
};

describe('ArticlePage', () => {
  // A body kept in .cache/ is decoded (or read from the disk) on every read of html (pipeline/markdown.ts), and a
  // build renders one page per article: the page reads it once, for the body and for the table script both.
  it('reads the article body once, and loads the table script only for a body with a table', () => {
    const render = (body: string) => {
      let reads = 0;
      const article = testArticle();
      Object.defineProperty(article, 'html', { get: () => (reads++, body) });
      const html = renderToString(<ArticlePage context={context} article={article} />);
      return { reads, script: html.includes('/assets/tables-abc.js') };
    };
    expect(render('<div class="table-scroll" tabindex="0"><table></table></div>')).toEqual({ reads: 1, script: true });
    expect(render('<p>Besedilo</p>')).toEqual({ reads: 1, script: false });
  });
});
