import type { Article } from '../content/article.ts';
import type { Archive } from '../site/archive.ts';
import { formatDate, formatMachineDate } from '../text/sl.ts';
import { withBasePath } from '../site/urls.ts';
import { withoutInvisibles } from '../text/invisible.ts';
import { buildSearchIndex, type SearchDocument, type SearchIndex, type SearchIndexOptions } from './index-builder.ts';

/**
 * What search knows of an article: what a result shows, the text it is found by, its people, tags, byline and source. Its
 * URL is the one a result links to, under the path the site is published under (`basePath`, site/urls.ts).
 * `personNames` gives the names a person of the article is found by (archivePersonNames).
 */
export function toSearchDocument(article: Article, personNames: (id: string) => readonly string[] = () => [], basePath = '/'): SearchDocument {
  // The byline and the source (»Vir: Reuters«) are shown on the page but are no part of the text: a reader looking
  // for what a journalist wrote or an agency sent (Vidic, Reuters) found nothing, and was told to check the spelling.
  const keywords: string[] = [];
  for (const id of article.people) for (const name of personNames(id)) addKeyword(keywords, name);
  for (const tag of article.tags) addKeyword(keywords, tag.name);
  addKeyword(keywords, article.author);
  addKeyword(keywords, article.source);
  return new ArticleDocument(article, withBasePath(basePath, article.url), withoutInvisibles(article.title), keywords);
}

/** A keyword as withoutInvisibles gives it; an empty or missing one is left out. */
function addKeyword(keywords: string[], keyword: string | undefined): void {
  if (keyword) keywords.push(withoutInvisibles(keyword));
}

/**
 * A search document whose date and text are made when first read: a rebuild after one edit reads them only for
 * the few documents it indexes again. A class, not an object literal with getters: every rebuild makes a document
 * of each article (about 10,000), and a literal's getters are new functions each time (35–47 against 7–18 ms of
 * CPU for 10,000 documents, measured in one process each).
 */
class ArticleDocument implements SearchDocument {
  #date: string | undefined;
  #dateTime: string | undefined;

  constructor(
    private readonly article: Article,
    readonly url: string,
    // Soft hyphens and zero-width spaces would split the words they sit in (text/invisible.ts).
    readonly title: string,
    readonly keywords: readonly string[],
  ) {}

  get date(): string {
    return (this.#date ??= formatDate(this.article.date.instant));
  }

  get dateTime(): string {
    return (this.#dateTime ??= formatMachineDate(this.article.date.instant, this.article.date.hasTime));
  }

  // Made on each read from the article's text (kept as UTF-8 bytes, see pipeline/markdown.ts Utf8Body), so
  // the documents of a whole archive never hold every text at once while the index is built.
  get text(): string {
    const { article } = this;
    const body = article.text;
    // A summary written in the front matter is not part of the body, but readers expect to find it too. The
    // default one is the body's first paragraph, cut short with an ellipsis when long (text/shorten.ts defaultSummary):
    // the words before the ellipsis are in the body, and adding them again would count them twice.
    const summary = article.summary.replace(ELLIPSIS_AT_END, '');
    return withoutInvisibles(summary && !body.includes(summary) ? `${article.summary}\n\n${body}` : body);
  }
}

const ELLIPSIS_AT_END = / ?…$/u;

/**
 * The archive's articles in the order the search index numbers them: oldest first, so a new article is the
 * last document and the index after it changes only where its words are (pipeline/search.ts), where newest
 * first renumbered every posting. Newer articles still win ties: they have the higher numbers (query.ts).
 */
export function searchOrder<T>(articles: readonly T[]): T[] {
  return [...articles].reverse();
}

/**
 * The names each person of the archive is searched by: the name and the aliases of the person file, since a
 * reader types the spelling they know (Kirill Dmitriev, as English-language news writes Kiril Dmitrijev) and
 * every article tagged with the person is what they are after.
 */
export function archivePersonNames(archive: Pick<Archive, 'peopleById'>): (id: string) => readonly string[] {
  // Made once per person: a person is named by tens or hundreds of articles, each asking.
  const names = new Map<string, readonly string[]>();
  return (id) => {
    let known = names.get(id);
    if (known === undefined) {
      const person = archive.peopleById.get(id)?.person;
      known = person ? [person.name, ...person.aliases] : [];
      names.set(id, known);
    }
    return known;
  };
}

/** The search index of the archive (documents in searchOrder). */
export function buildArchiveSearch(archive: Pick<Archive, 'articles' | 'peopleById'>, options?: SearchIndexOptions): SearchIndex {
  const personNames = archivePersonNames(archive);
  return buildSearchIndex(
    searchOrder(archive.articles).map((article) => toSearchDocument(article, personNames, options?.basePath)),
    options,
  );
}
