import { h, type FunctionComponent } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Article } from '../content/article.ts';
import type { ContentDate } from '../content/dates.ts';
import { articleModified, pageCount, paginate, type Archive, type Page, type PersonEntry } from '../site/archive.ts';
import { findRelated } from '../site/related.ts';
import { basePathOf, urls } from '../site/urls.ts';
import { pageSizes, pictureSources, type PictureSize } from '../site/pictures.ts';
import type { SiteContext } from './context.ts';
import { renderUnderBasePath } from './base-path.ts';
import { renderCheckingElements } from './element-checks.ts';
import { EmptyPageError } from './render-problem.ts';
import { FEED_SIZE, FeedEntries, renderAtomFeed } from './feed.ts';
import { renderRobots, renderSitemap, renderSitemapIndex, SITEMAP_LIMIT, type SitemapEntry } from './sitemap.ts';
import { HomePage } from '../../templates/home.tsx';
import { ArticlePage } from '../../templates/article.tsx';
import { PeoplePage } from '../../templates/people.tsx';
import { AUTHORED_PREVIEW, authoredListName, PersonAuthoredPage, PersonPage } from '../../templates/person.tsx';
import { pageHeading } from '../../templates/parts.tsx';
import { ArchivePage, MonthPage, YearPage } from '../../templates/archive.tsx';
import { TagsPage } from '../../templates/tags.tsx';
import { TagPage } from '../../templates/tag.tsx';
import { NotFoundPage } from '../../templates/not-found.tsx';
import { SearchPage } from '../../templates/search.tsx';
import { PersonRedirectPage, RedirectPage } from '../../templates/redirect.tsx';

/** One file of the built site. Rendering is deferred so pages can be streamed to disk one at a time. */
export interface PageSpec {
  /** Root-relative URL ("/osebe/steve-witkoff/"); the output path follows from it. */
  url: string;
  render: () => string;
  /**
   * Everything the page is rendered from (the template's props, a feed's options). When given, a rebuild
   * whose inputs hash the same as last time skips rendering the page (see render/fingerprint.ts). Leave it
   * out for pages that read anything besides their inputs.
   */
  inputs?: object;
  /** When the page's content last changed, for the sitemap. */
  lastmod?: Date | undefined;
  /** false for a page that is no content of its own (a redirect), which the sitemap leaves out. */
  inSitemap?: false;
}

/** A page rendered from a template and its props alone. */
export function templatePage<P extends { context: SiteContext }>(url: string, component: FunctionComponent<P>, props: P, lastmod?: Date): PageSpec {
  return { url, render: () => renderHtml(component, props), inputs: props, lastmod };
}

/**
 * One page of an entry's list (a person's, tag's or month's articles). Its items are the entry's articles
 * cut at page.number by the page size (in the context), so the fingerprint is given the page's number and
 * count and leaves the items to the entry, which is hashed once for all its pages: a person page then
 * costs two numbers instead of twenty articles.
 */
function entryListPage<P extends { context: SiteContext; page: Page<Article> }>(url: string, component: FunctionComponent<P>, props: P, lastmod: Date | undefined): PageSpec {
  const { number, total } = props.page;
  return { url, render: () => renderHtml(component, props), inputs: { ...props, page: { number, total } }, lastmod };
}

/** A page of the site; its links carry the path of the site's baseUrl (render/base-path.ts). */
export function renderHtml<P extends { context: SiteContext }>(component: FunctionComponent<P>, props: P): string {
  const html = renderUnderBasePath(basePathOf(props.context.site.baseUrl), () => renderCheckingElements(() => renderToString(h(component, props))));
  if (html === '') throw new EmptyPageError(component.displayName ?? component.name);
  return `<!DOCTYPE html>\n${html}\n`;
}

export interface PageInputs {
  context: SiteContext;
  archive: Archive;
  /** Rendered bios by person id. */
  bios: ReadonlyMap<string, string>;
  /** The addresses of public/'s HTML pages for the sitemap (output/public-pages.ts); none when not given. */
  publicPages?: readonly string[] | undefined;
  /**
   * The width and height of the pictures in public/ that bodies and bios show, by path there (pipeline/pictures.ts).
   * Each page is given those of its own pictures alone, so a picture replaced changes only the pages showing it.
   */
  pictureSizes?: ReadonlyMap<string, PictureSize> | undefined;
}

/**
 * Every file of the site, in a stable order: the pages, then sitemap.xml (every HTML page, that is every
 * URL ending in / but the redirects, so the 404 page, feeds and other files stay out, and then the pages of
 * public/ that no page of the build's own replaces) and robots.txt.
 */
export function* listPages(inputs: PageInputs): Generator<PageSpec> {
  const entries: SitemapEntry[] = [];
  const built = new Set<string>();
  for (const page of listSitePages(inputs)) {
    if (page.url.endsWith('/') && page.inSitemap !== false) entries.push({ url: page.url, lastmod: page.lastmod });
    built.add(page.url);
    yield page;
  }
  // No lastmod: a file's modification time is when it was copied or cloned (git keeps none), not when it changed.
  for (const url of inputs.publicPages ?? []) if (!built.has(url)) entries.push({ url });
  yield* sitemapFiles(inputs.context.site.baseUrl, entries);
  const { baseUrl } = inputs.context.site;
  yield { url: urls.robots(), render: () => renderRobots(baseUrl, urls.sitemap()), inputs: { baseUrl } };
}

function* listSitePages({ context, archive, bios, pictureSizes }: PageInputs): Generator<PageSpec> {
  const basePath = basePathOf(context.site.baseUrl);
  const { pageSize, title } = context.site;
  const { articles } = archive;
  // Every person's and tag's feed carries the summaries of its newest articles: each entry is made once.
  const feedEntries = new FeedEntries({ baseUrl: context.site.baseUrl, title: context.site.title, people: context.people, content: 'summary' });
  for (const entry of archive.people) {
    // Once for the person's feed and once for its copy at each earlier address (redirectFrom:).
    for (let feeds = 1 + (entry.person.redirectFrom?.length ?? 0); feeds > 0; feeds--) feedEntries.expect(entry.articles.slice(0, FEED_SIZE));
  }
  for (const entry of archive.tags) feedEntries.expect(entry.articles.slice(0, FEED_SIZE));
  // Each list's pages' dates are worked out once: the indexes (/osebe/, /oznake/, /arhiv/, a year) take their lists' newest.
  const changes = new ListChanges(pageSize);
  for (const page of paginate(articles, pageSize)) yield homePage(context, page, changes.page(articles, page.number));
  const related = archive.related ?? findRelated(articles);
  for (let index = 0; index < articles.length; index++) {
    const article = articles[index]!;
    const sizes = article.pictures.length === 0 ? undefined : pageSizes(picturesOf(article), pictureSizes, article.url, basePath);
    const props = {
      context,
      article,
      related: related[index]!.map((other) => articles[other]!),
      // Newest first: the article before this one in the list was published after it.
      newer: articles[index - 1],
      older: articles[index + 1],
      ...(sizes && { pictureSizes: sizes }),
    };
    yield templatePage(article.url, ArticlePage, props, lastChange(articles, index, index + 1));
    for (const from of article.redirectFrom) {
      yield { ...templatePage(from, RedirectPage, { context, article: { title: article.title, url: article.url }, from }), inSitemap: false };
    }
  }
  yield templatePage(urls.people(), PeoplePage, { context, entries: archive.people }, peopleIndexChange(archive.people, changes));
  for (const entry of archive.people) {
    const bioHtml = bios.get(entry.person.id) ?? '';
    // The first page also shows the newest articles the person wrote, and every page their count, which
    // changes with each one published (as a later page's list moves along, see listPageChange).
    const authoredChange = lastChange(entry.authored, 0, Math.min(entry.authored.length, AUTHORED_PREVIEW));
    const authoredHead = entry.authored[0]?.date.instant;
    const earlier = entry.person.redirectFrom ?? [];
    // The bio shows on the first page alone.
    const bioSizes = bioHtml === '' ? undefined : pageSizes(pictureSources(bioHtml), pictureSizes, urls.person(entry.person.id), basePath);
    for (const page of paginate(entry.articles, pageSize)) {
      const lastmod = newer(changes.page(entry.articles, page.number), page.number === 1 ? authoredChange : authoredHead);
      const props = { context, entry, page, bioHtml, ...(bioSizes && page.number === 1 && { pictureSizes: bioSizes }) };
      yield entryListPage(urls.person(entry.person.id, page.number), PersonPage, props, lastmod);
      for (const from of earlier) yield personRedirect(context, pageHeading(entry.person.name, page.number), urls.person(from, page.number), urls.person(entry.person.id, page.number));
    }
    if (entry.authored.length > 0) {
      for (const page of paginate(entry.authored, pageSize)) {
        yield entryListPage(urls.personAuthored(entry.person.id, page.number), PersonAuthoredPage, { context, entry, page }, changes.page(entry.authored, page.number));
        for (const from of earlier) yield personRedirect(context, pageHeading(authoredListName(entry.person), page.number), urls.personAuthored(from, page.number), urls.personAuthored(entry.person.id, page.number));
      }
    }
    // Someone only the bylines name has no articles about them to follow.
    if (entry.articles.length === 0) continue;
    const personFeed = (feedUrl: string) =>
      feedPage(feedUrl, {
        site: context.site,
        title: `${entry.person.name} – ${title}`,
        subtitle: entry.person.role,
        feedUrl,
        pageUrl: urls.person(entry.person.id),
        articles: entry.articles.slice(0, FEED_SIZE),
        content: 'summary',
        people: context.people,
      }, feedEntries);
    yield personFeed(urls.personFeed(entry.person.id));
    // A feed reader follows no refresh, so the feed at an earlier address is the feed itself, under the id and
    // self link it had there: readers subscribed to it go on getting the person's articles.
    for (const from of earlier) yield personFeed(urls.personFeed(from));
  }
  // /oznake/ counts tagged articles only: an untagged one leaves it as it was.
  yield templatePage(urls.tags(), TagsPage, { context, entries: archive.tags }, newest(archive.tags.map((entry) => changes.list(entry.articles))));
  for (const entry of archive.tags) {
    for (const page of paginate(entry.articles, pageSize)) {
      yield entryListPage(urls.tag(entry.tag.slug, page.number), TagPage, { context, entry, page }, changes.page(entry.articles, page.number));
    }
    yield feedPage(urls.tagFeed(entry.tag.slug), {
      site: context.site,
      title: `${entry.tag.name} – ${title}`,
      feedUrl: urls.tagFeed(entry.tag.slug),
      pageUrl: urls.tag(entry.tag.slug),
      articles: entry.articles.slice(0, FEED_SIZE),
      content: 'summary',
      people: context.people,
    }, feedEntries);
  }
  // Every article is counted on /arhiv/, under its year.
  yield templatePage(urls.archive(), ArchivePage, { context, years: archive.years }, changes.list(articles));
  for (const year of archive.years) {
    yield templatePage(urls.year(year.year), YearPage, { context, year }, newest(year.months.map((month) => changes.list(month.articles))));
    for (const month of year.months) {
      for (const page of paginate(month.articles, pageSize)) {
        yield entryListPage(urls.month(month.year, month.month, page.number), MonthPage, { context, month, page }, changes.page(month.articles, page.number));
      }
    }
  }
  // An Atom feed must say when it was last updated (RFC 4287 §4.1.1), and with no article nothing dates it: the
  // epoch stood in. As Zola leaves out a feed with no dated page, the site has none until an article is out.
  if (articles.length > 0) yield feedPage(urls.feed(), {
    site: context.site,
    title,
    subtitle: context.site.description,
    feedUrl: urls.feed(),
    pageUrl: urls.home(),
    articles: articles.slice(0, FEED_SIZE),
    content: 'full',
    people: context.people,
  });
  // The search page is the same form whatever the articles (they are searched in its index files, not in its
  // HTML): no article dates it, and a lastmod moving with each one published would be a change that never was.
  yield templatePage(urls.search(), SearchPage, { context });
  yield notFoundPage(context);
}

function picturesOf(article: Article): string[] {
  return article.pictures.map((picture) => picture.url);
}

/**
 * A page of a person's earlier address (`redirectFrom:` of their file) sending readers on to the same page under the
 * new one, named by that page's heading (»Ana Kovač, stran 2«), as its own title names it.
 */
function personRedirect(context: SiteContext, heading: string, from: string, to: string): PageSpec {
  return { ...templatePage(from, PersonRedirectPage, { context, person: { name: heading, url: to }, from }), inSitemap: false };
}

/**
 * The 404 page. With `heldBack`, the date of an article held back at the address asked for: the dev server
 * then says when it comes out (SiteModel.heldBackUrls). The build never passes it, so its 404 page and that
 * page's inputs stay the same.
 */
export function notFoundPage(context: SiteContext, heldBack?: ContentDate): PageSpec {
  return heldBack ? templatePage(urls.notFound(), NotFoundPage, { context, heldBack }) : templatePage(urls.notFound(), NotFoundPage, { context });
}

function homePage(context: SiteContext, page: Page<Article>, lastmod: Date | undefined): PageSpec {
  return templatePage(urls.home(page.number), HomePage, { context, page }, lastmod);
}

/**
 * The home page from the newest articles alone (newest first, at least a page of them unless there are
 * fewer) and the number of articles: what listPages makes of the whole archive for `/`. The dev server
 * shows it while the other articles are still being rendered.
 */
export function firstHomePage(context: SiteContext, newest: readonly Article[], count: number): PageSpec {
  const { pageSize } = context.site;
  const page = { items: newest.slice(0, pageSize), number: 1, total: pageCount(count, pageSize) };
  return homePage(context, page, listPageChange(newest, 1, lastChange(page.items, 0, page.items.length)));
}

/** A feed, rendered from its options alone (`entries` only saves making the same entry twice). */
function feedPage(url: string, feed: Parameters<typeof renderAtomFeed>[0], entries?: FeedEntries): PageSpec {
  return { url, render: () => renderAtomFeed(feed, entries), inputs: feed };
}

/** The newest publication or update among `articles` from `start` to before `end`; undefined for none. */
function lastChange(articles: readonly Article[], start: number, end: number): Date | undefined {
  // Compared as numbers: `>` on two Dates converts both through valueOf, and this runs for every list page.
  let newest: Date | undefined;
  let newestTime = -Infinity;
  for (let index = start; index < end; index++) {
    const changed = articleModified(articles[index]!);
    if (changed.getTime() > newestTime) {
      newest = changed;
      newestTime = changed.getTime();
    }
  }
  return newest;
}

/** The latest of the dates; undefined for none. */
function newest(dates: readonly (Date | undefined)[]): Date | undefined {
  let latest: Date | undefined;
  for (const date of dates) latest = newer(latest, date);
  return latest;
}

/**
 * The newest change on each page of a newest-first list, worked out once per list (by the list's identity):
 * the list's pages and the index that counts the list (/osebe/, /oznake/, /arhiv/, a year's page) both need
 * them, and reading every article's dates again for each index took half of listing the pages' dates.
 */
class ListChanges {
  private readonly pagesOf = new WeakMap<readonly Article[], (Date | undefined)[]>();

  constructor(private readonly pageSize: number) {}

  /** When page `number` of `list`, cut by the page size as paginate() cuts it, last changed (listPageChange). */
  page(list: readonly Article[], number: number): Date | undefined {
    return listPageChange(list, number, this.pages(list)[number - 1]);
  }

  /** The newest change in the whole list. */
  list(list: readonly Article[]): Date | undefined {
    return newest(this.pages(list));
  }

  private pages(list: readonly Article[]): (Date | undefined)[] {
    let pages = this.pagesOf.get(list);
    if (pages === undefined) {
      pages = [];
      for (let number = 1; number <= pageCount(list.length, this.pageSize); number++) {
        const start = (number - 1) * this.pageSize;
        pages.push(lastChange(list, start, Math.min(list.length, start + this.pageSize)));
      }
      this.pagesOf.set(list, pages);
    }
    return pages;
  }
}

/**
 * When /osebe/ last changed: the index shows each person with the count of the articles naming them, or, for
 * someone only bylines name, of the articles they wrote (templates/people.tsx), so an article naming no one,
 * or bylined by someone already counted by mentions, leaves it as it was.
 */
function peopleIndexChange(entries: readonly PersonEntry[], changes: ListChanges): Date | undefined {
  return newest(entries.map((entry) => changes.list(entry.articles.length > 0 ? entry.articles : entry.authored)));
}

/** The later of two dates; undefined when both are. */
function newer(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  return b !== undefined && b.getTime() > a.getTime() ? b : a;
}

/**
 * When page `number` of a newest-first list last changed, for the sitemap, given the newest change among its
 * own articles (`own`): that and, on a later page, no earlier than the list's newest article, since each
 * article published at the head of the list moves every later page along by one. Google trusts lastmod only
 * while it is "consistently and verifiably accurate" (its guide "Build and submit a sitemap"), and page 5 did
 * change the day an article was published, though none of its own articles did.
 */
function listPageChange(list: readonly Article[], number: number, own: Date | undefined): Date | undefined {
  const head = list[0]?.date.instant;
  if (number === 1 || head === undefined || (own !== undefined && own.getTime() >= head.getTime())) return own;
  return head;
}

/** sitemap.xml, or numbered parts and an index at /sitemap.xml when there are more than `limit` pages. */
export function* sitemapFiles(baseUrl: string, entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): Generator<PageSpec> {
  if (entries.length <= limit) {
    yield { url: urls.sitemap(), render: () => renderSitemap(baseUrl, entries), inputs: sitemapInputs(baseUrl, entries) };
    return;
  }
  const parts: { url: string; lastmod: Date | undefined }[] = [];
  for (let start = 0, n = 1; start < entries.length; start += limit, n++) {
    const slice = entries.slice(start, start + limit);
    let lastmod: Date | undefined;
    for (const entry of slice) if (entry.lastmod && (!lastmod || entry.lastmod > lastmod)) lastmod = entry.lastmod;
    parts.push({ url: urls.sitemapPart(n), lastmod });
    yield { url: urls.sitemapPart(n), render: () => renderSitemap(baseUrl, slice), inputs: sitemapInputs(baseUrl, slice) };
  }
  yield { url: urls.sitemap(), render: () => renderSitemapIndex(baseUrl, parts) };
}

/**
 * A sitemap's inputs with its entries as one string, every field of each: walked as 15,000 small objects they
 * took the page fingerprints about 30 ms of every build at 10,000 articles.
 */
function sitemapInputs(baseUrl: string, entries: readonly SitemapEntry[]): object {
  let listed = '';
  for (const entry of entries) listed += `${JSON.stringify(entry.url)}${entry.lastmod === undefined ? '' : entry.lastmod.getTime()}\n`;
  return { baseUrl, entries: listed };
}

// A field added to SitemapEntry stops the build here until sitemapInputs writes it too: left out, a change to it
// would leave the sitemap as it was.
const sitemapFieldsListed: keyof SitemapEntry extends 'url' | 'lastmod' ? true : never = true;
void sitemapFieldsListed;
