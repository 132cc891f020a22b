import type { Article } from '../content/article.ts';
import { formatDate } from '../text/sl.ts';
import { buildSearchIndex, type SearchDocument, type SearchIndex, type SearchIndexOptions } from './index-builder.ts';

/** What search knows of an article: what a result shows and the text it is found by. */
export function toSearchDocument(article: Article): SearchDocument {
  // A summary written in the front matter is not part of the body, but readers expect to find it too.
  const text = article.summary && !article.text.includes(article.summary) ? `${article.summary}\n\n${article.text}` : article.text;
  return { url: article.url, title: article.title, date: formatDate(article.date.instant), dateTime: article.date.instant.toISOString(), text };
}

/** The search index of the archive; `articles` newest first, so newer articles win ties. */
export function buildArchiveSearch(articles: readonly Article[], options?: SearchIndexOptions): SearchIndex {
  return buildSearchIndex(articles.map(toSearchDocument), options);
}
