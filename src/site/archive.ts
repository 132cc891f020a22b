import type { Article, TagRef } from '../content/article.ts';
import type { ContentDate } from '../content/dates.ts';
import type { Person } from '../content/person.ts';
import { indexedSurname, nameWords, splitAtSurname, surnameStart, withoutNameSuffix } from '../content/person-name.ts';
import { bylinePeople } from './byline-people.ts';
import { collator, ljubljanaCalendar } from '../text/sl.ts';

/**
 * The collections pages are built from, gathered in one pass over the articles (no per-page filtering),
 * each list newest first.
 */
export interface PersonEntry {
  person: Person;
  /** The articles that name the person (their people, detected or listed). */
  articles: Article[];
  /** The articles whose byline (`author:`) names the person (site/byline-people.ts). */
  authored: Article[];
}

export interface TagEntry {
  tag: TagRef;
  articles: Article[];
}

export interface MonthEntry {
  year: number;
  month: number;
  articles: Article[];
}

export interface YearEntry {
  year: number;
  count: number;
  months: MonthEntry[];
}

export interface Archive {
  /** Published articles, newest first. */
  articles: Article[];
  /**
   * Everyone with a page, sorted by surname then first name (Slovenian collation): the people named by a
   * published article, and the registry people a published article's byline names, so a byline's link
   * always leads somewhere. A person file no published article names or is written by (only drafts or
   * articles not out yet) gets no page, so an embargoed story's subject is not given away.
   */
  people: PersonEntry[];
  peopleById: ReadonlyMap<string, PersonEntry>;
  tags: TagEntry[];
  tagsBySlug: ReadonlyMap<string, TagEntry>;
  /** Newest year first; months inside newest first. */
  years: YearEntry[];
  /** related[n]: indices into `articles` of article n's related articles (site/related.ts), when computed already. */
  related?: number[][] | undefined;
}

/** What the order of the lists is decided by: an article, or a validated draft before its body is rendered. */
export type NewestFirstKey = Pick<Article, 'date' | 'title' | 'url'>;

export function compareNewestFirst(a: NewestFirstKey, b: NewestFirstKey): number {
  return b.date.instant.getTime() - a.date.instant.getTime() || collator.compare(a.title, b.title) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/**
 * When the article last changed: its `updated:` date, unless that is earlier than `date:` (the build warns,
 * article/updated-before-date, and publishes), then its date. Feeds, the sitemap, JSON-LD dateModified and
 * article:modified_time all use this, so none of them says an article changed before it was published.
 */
export function articleModified(article: Pick<Article, 'date' | 'updated'>): Date {
  const updated = article.updated?.instant;
  return updated && updated.getTime() > article.date.instant.getTime() ? updated : article.date.instant;
}

/**
 * The update an article's page shows after "posodobljeno": none when `updated:` is earlier than `date:` (the
 * build warns, and everywhere else the date stands in for it, see articleModified), nor when it is the moment of
 * publication written again, which is no change. A date alone on the day of publication stays: content/dates.ts
 * updatedAsShown has moved it to the moment of publication, and it says the article changed later that day.
 */
export function shownUpdate(article: Pick<Article, 'date' | 'updated'>): ContentDate | undefined {
  const { date, updated } = article;
  if (!updated) return undefined;
  const after = updated.instant.getTime() - date.instant.getTime();
  return after > 0 || (after === 0 && !updated.hasTime) ? updated : undefined;
}

/**
 * "Steve Witkoff" → ["Witkoff", "Steve"]: Slovenian indexes sort by surname, then first name. The person
 * file's `surname:` names it when it is not the last word (Pirc Musar, Xi); lower-case particles in front
 * of it do not decide the place (»Ursula von der Leyen« → ["Leyen", "Ursula"]), with or without `surname:`.
 * A suffix files under the surname before it and follows the given names (»Janez Novak ml.« → ["Novak",
 * "Janez ml."]), so the Janez Novaks stand together, the one without it first.
 */
export function surnameSortKey(name: string, surname?: string): [string, string] {
  const { words, suffix } = withoutNameSuffix(nameWords(name));
  const rest = (given: readonly string[]) => [...given, ...(suffix === undefined ? [] : [suffix])].join(' ');
  const named = surname === undefined ? undefined : splitAtSurname(words, surname);
  if (named) return [indexedSurname(named.surname).join(' '), rest(named.given)];
  const start = surnameStart(words);
  return [indexedSurname(words.slice(start)).join(' '), rest(words.slice(0, start))];
}

/**
 * Each person's sort key, made once: a sort compares every person many times, and a key splits the name, its
 * suffix and particles (5,000 people on /osebe/ took 140–190 ms to sort with keys made per comparison, 18 ms so).
 */
const sortKeys = new WeakMap<Person, [string, string]>();

/** The person's [surname, given names] as /osebe/ files them (surnameSortKey), made once per person. */
export function personSortKey(person: Person): [string, string] {
  let key = sortKeys.get(person);
  if (!key) sortKeys.set(person, (key = surnameSortKey(person.name, person.surname)));
  return key;
}

export function comparePeople(a: Person, b: Person): number {
  const [surnameA, restA] = personSortKey(a);
  const [surnameB, restB] = personSortKey(b);
  return collator.compare(surnameA, surnameB) || collator.compare(restA, restB) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Articles whose tags are spelled otherwise than their tag's name (»zda« where the tag is »ZDA«: the first
 * spelling met, newest article first, names the tag), as copies with the tag's name, so the article's page,
 * feed entry and keywords spell it as its tag page does. Each is returned with the original it replaces; the
 * others are not copied. html and text stay getters of the original: a body is not read to copy it.
 */
export function withTagNames(articles: readonly Article[]): { articles: Article[]; renamed: [original: Article, copy: Article][] } {
  // The newest article with each tag, without sorting them all (collectArchive does that once).
  const newest = new Map<string, { article: Article; name: string }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const seen = newest.get(tag.slug);
      if (!seen || compareNewestFirst(article, seen.article) < 0) newest.set(tag.slug, { article, name: tag.name });
    }
  }
  const nameOf = (slug: string) => newest.get(slug)!.name;
  const renamed: [Article, Article][] = [];
  const result = articles.map((article) => {
    if (article.tags.every((tag) => nameOf(tag.slug) === tag.name)) return article;
    const original = article;
    const copy: Article = {
      ...article,
      tags: article.tags.map((tag) => ({ slug: tag.slug, name: nameOf(tag.slug) })),
      get html() {
        return original.html;
      },
      get text() {
        return original.text;
      },
    };
    renamed.push([original, copy]);
    return copy;
  });
  return { articles: result, renamed };
}

export function collectArchive(articles: readonly Article[], people: ReadonlyMap<string, Person>): Archive {
  const published = [...articles].sort(compareNewestFirst);
  const peopleById = new Map<string, PersonEntry>();
  for (const person of people.values()) peopleById.set(person.id, { person, articles: [], authored: [] });
  const tagsBySlug = new Map<string, TagEntry>();
  const months = new Map<string, MonthEntry>();

  for (const article of published) {
    for (const id of article.people) peopleById.get(id)?.articles.push(article);
    if (article.author !== undefined) for (const author of bylinePeople(article.author, people)) peopleById.get(author.id)?.authored.push(article);
    for (const tag of article.tags) {
      let entry = tagsBySlug.get(tag.slug);
      if (!entry) tagsBySlug.set(tag.slug, (entry = { tag, articles: [] }));
      entry.articles.push(article);
    }
    const { year, month } = ljubljanaCalendar(article.date.instant);
    const key = `${year}-${month}`;
    let monthEntry = months.get(key);
    if (!monthEntry) months.set(key, (monthEntry = { year, month, articles: [] }));
    monthEntry.articles.push(article);
  }

  const years = new Map<number, YearEntry>();
  for (const entry of months.values()) {
    let year = years.get(entry.year);
    if (!year) years.set(entry.year, (year = { year: entry.year, count: 0, months: [] }));
    year.count += entry.articles.length;
    year.months.push(entry);
  }
  const sortedYears = [...years.values()].sort((a, b) => b.year - a.year);
  for (const year of sortedYears) year.months.sort((a, b) => b.month - a.month);

  for (const [id, entry] of peopleById) if (entry.articles.length === 0 && entry.authored.length === 0) peopleById.delete(id);

  return {
    articles: published,
    people: [...peopleById.values()].sort((a, b) => comparePeople(a.person, b.person)),
    peopleById,
    tags: [...tagsBySlug.values()].sort((a, b) => collator.compare(a.tag.name, b.tag.name)),
    tagsBySlug,
    years: sortedYears,
  };
}

export interface Page<T> {
  items: T[];
  /** 1-based */
  number: number;
  total: number;
}

/** Splits a list into pages; an empty list still has one (empty) page so its URL exists. */
export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  const total = pageCount(items.length, pageSize);
  const pages: Page<T>[] = [];
  for (let number = 1; number <= total; number++) {
    pages.push({ items: items.slice((number - 1) * pageSize, number * pageSize), number, total });
  }
  return pages;
}

/** How many pages `count` items take; an empty list still has one. */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}
