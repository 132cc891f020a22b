import type { Article } from '../../src/content/article.ts';

/**
 * An article record as loadSite makes them, for unit tests of what reads records (feeds, search, JSON-LD):
 * one published on 22 December 2025 with a one-paragraph body, changed by `overrides`. One place, so a
 * field added to Article is added to every test's records at once.
 */
export function testArticle(overrides: Partial<Article> = {}): Article {
  return {
    file: 'content/articles/2025/x.md',
    slug: 'x',
    url: '/2025/12/22/x/',
    title: 'Naslov',
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
    image: undefined,
    sharedImage: undefined,
    pictures: [],
    redirectFrom: [],
    ...overrides,
  };
}
