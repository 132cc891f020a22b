import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import type { SiteContext } from '../../../src/render/context.ts';
import { newsArticleJsonLd } from '../../../src/render/structured-data.ts';

const context: SiteContext = {
  site: SiteConfigSchema.parse({ title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' }),
  assets: { stylesheet: '/assets/site.css', scripts: {} },
  people: new Map(),
};

function article(title: string): Article {
  return {
    file: 'content/articles/x.md',
    slug: 'x',
    url: '/2025/12/22/x/',
    title,
    date: { instant: new Date('2025-12-22T17:30:00Z'), hasTime: true },
    updated: undefined,
    author: undefined,
    source: undefined,
    summary: '',
    tags: [],
    people: [],
    mentionCounts: new Map(),
    draft: false,
    html: '<p>Besedilo</p>',
    text: 'Besedilo',
    wordCount: 1,
  };
}

describe('newsArticleJsonLd', () => {
  it('gives the headline whole, as the page shows it, however long', () => {
    const title =
      'Vlada je po dolgi seji sprejela rebalans proračuna za leto 2026, ki zmanjšuje izdatke za investicije v občinah Savinjske, Šaleške in Zasavske regije';
    expect([...title].length).toBeGreaterThan(110);
    expect(newsArticleJsonLd(article(title), context).headline).toBe(title);
  });
});
