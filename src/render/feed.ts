import type { Article } from '../content/article.ts';
import { articleModified } from '../site/archive.ts';
import { formatIsoDateTime } from '../text/sl.ts';
import type { Person } from '../content/person.ts';
import { FEED_GENERATOR } from './generator-lines.ts';
import { absoluteUrl, urls } from '../site/urls.ts';
import { absoluteBodyUrls } from './absolute-urls.ts';
import { distinctBylineAuthors } from './byline.ts';

/**
 * Atom 1.0 (RFC 4287) feeds. Every text node and attribute goes through `escapeXml`, which also drops
 * characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF):
 * one of them anywhere makes a strict parser reject the whole feed.
 */
export interface FeedInput {
  site: { title: string; baseUrl: string };
  /** Title of this feed ("Steve Witkoff – Arhiv novic"). */
  title: string;
  subtitle?: string;
  /** Root-relative URL of the feed file itself. */
  feedUrl: string;
  /** Root-relative URL of the HTML page the feed belongs to. */
  pageUrl: string;
  /** Newest first; the caller decides how many. */
  articles: readonly Article[];
  /** Full article HTML as content, or the summary alone. */
  content: 'full' | 'summary';
  people: ReadonlyMap<string, Person>;
}

/** How many entries a feed carries. */
export const FEED_SIZE = 50;

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXml(value: string): string {
  return value.replace(ILLEGAL_XML, '');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Safe in text and in double- or single-quoted attributes. */
export function escapeXml(value: string): string {
  return stripIllegalXml(value).replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!);
}

/**
 * The newest change among the articles. No feed is published without one (render/pages.ts): nothing would date it
 * but the clock, and a build is to give the same files for the same content whenever it runs.
 */
export function feedUpdated(articles: readonly Article[]): Date {
  let newest = 0;
  for (const article of articles) newest = Math.max(newest, articleModified(article).getTime());
  return new Date(newest);
}


/** `entries`: entries shared with the other feeds of one listing (see FeedEntries); made here otherwise. */
export function renderAtomFeed(input: FeedInput, entries?: FeedEntries): string {
  const { site } = input;
  const absolute = (url: string) => absoluteUrl(site.baseUrl, url);
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sl">',
    `  <id>${escapeXml(absolute(input.feedUrl))}</id>`,
    `  <title>${escapeXml(input.title)}</title>`,
  ];
  if (input.subtitle) lines.push(`  <subtitle>${escapeXml(input.subtitle)}</subtitle>`);
  lines.push(
    `  <updated>${formatIsoDateTime(feedUpdated(input.articles))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absolute(input.feedUrl))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absolute(input.pageUrl))}"/>`,
    // RFC 4287 §4.1.1: a feed needs an author unless every entry has one; the newsroom stands in.
    `  <author><name>${escapeXml(site.title)}</name><uri>${escapeXml(site.baseUrl)}</uri></author>`,
    `  ${FEED_GENERATOR}`,
  );
  for (const article of input.articles) {
    const make = () => renderEntry(article, input, absolute);
    lines.push(entries ? entries.take(article, input, make) : make());
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/**
 * Entries made once and handed to every feed that carries the same article: an article is in the feeds of
 * each of its people and tags, and its entry is the same in all of them (at 10,000 articles those feeds carry
 * 26,050 entries, of which 7,087 are distinct; making all 26,050 took about 0.6 s, the 7,087 0.17 s). One
 * listing of the site's pages makes one for its summary feeds and tells it, before any feed is rendered, how
 * many feeds will carry each article. An entry is let go once the last of them has taken it: held until the
 * listing was done, the 7,087 entries (about 24 MB of text) were a fifth of what the main thread kept alive
 * while the last pages were written. A feed rendered more often than expected (the dev server renders a page
 * each time it is asked for) gets its entries made again, never a wrong one.
 */
export class FeedEntries {
  private readonly remaining = new Map<Article, number>();
  private readonly made = new Map<Article, string>();

  constructor(
    /** The site, people and kind of content every feed given these entries has (the title names the newsroom's entries). */
    private readonly shape: { baseUrl: string; title: string; people: FeedInput['people']; content: FeedInput['content'] },
  ) {}

  /** Counts one more feed that will carry each of `articles`. */
  expect(articles: readonly Article[]): void {
    for (const article of articles) this.remaining.set(article, (this.remaining.get(article) ?? 0) + 1);
  }

  /** Entries held now, made and still expected by a feed not yet rendered. */
  get held(): number {
    return this.made.size;
  }

  /** `article`'s entry for a feed of `input`, made by `make` unless one is held. */
  take(article: Article, input: FeedInput, make: () => string): string {
    const { shape } = this;
    if (input.site.baseUrl !== shape.baseUrl || input.site.title !== shape.title || input.people !== shape.people || input.content !== shape.content) return make();
    const left = (this.remaining.get(article) ?? 0) - 1;
    const xml = this.made.get(article) ?? make();
    if (left > 0) {
      this.remaining.set(article, left);
      this.made.set(article, xml);
    } else {
      this.remaining.delete(article);
      this.made.delete(article);
    }
    return xml;
  }
}

/**
 * An entry's id is the address the article was first published at: its URL, or after a corrected headline or
 * date the first of its `redirectFrom:` addresses. Feed readers know an entry by its id (RFC 4287 §4.2.6: it
 * must not change when the entry is relocated), so a corrected article updates the entry readers already have
 * instead of arriving a second time beside the old headline.
 */
export function entryId(article: Pick<Article, 'url' | 'redirectFrom'>): string {
  return article.redirectFrom[0] ?? article.url;
}

function renderEntry(article: Article, input: FeedInput, absolute: (url: string) => string): string {
  const url = absolute(article.url);
  const parts = [
    '  <entry>',
    `    <id>${escapeXml(absolute(entryId(article)))}</id>`,
    `    <title type="text">${escapeXml(article.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `    <published>${formatIsoDateTime(article.date.instant)}</published>`,
    `    <updated>${formatIsoDateTime(articleModified(article))}</updated>`,
  ];
  // RFC 4287 §4.2.1: an entry may have several authors; each name of the byline is one, a registry person's with their page
  // and named as their file names them (as JSON-LD does): »TOMAZ SUSTERSIC« is Tomaž Šušteršič, one author to a reader.
  // »Uredništvo« is the site's newsroom, named by the site as in JSON-LD: a reader or partner that gathers many
  // newsrooms' feeds would otherwise show every outlet's staff as the same »Uredništvo«.
  for (const author of article.author ? distinctBylineAuthors(article.author, input.people) : []) {
    if (author.kind === 'newsroom') {
      parts.push(`    <author><name>${escapeXml(input.site.title)}</name><uri>${escapeXml(input.site.baseUrl)}</uri></author>`);
      continue;
    }
    const uri = author.person ? `<uri>${escapeXml(absolute(urls.person(author.person.id)))}</uri>` : '';
    parts.push(`    <author><name>${escapeXml(author.person?.name ?? author.name)}</name>${uri}</author>`);
  }
  for (const tag of article.tags) {
    parts.push(`    <category term="${escapeXml(tag.slug)}" label="${escapeXml(tag.name)}" scheme="${escapeXml(absolute(urls.tags()))}"/>`);
  }
  for (const id of article.people) {
    const person = input.people.get(id);
    if (person) parts.push(`    <category term="${escapeXml(person.id)}" label="${escapeXml(person.name)}" scheme="${escapeXml(absolute(urls.people()))}"/>`);
  }
  if (article.summary) parts.push(`    <summary type="text">${escapeXml(article.summary)}</summary>`);
  if (input.content === 'full') {
    // Addresses made absolute for readers that ignore xml:base (render/absolute-urls.ts); xml:base stays for the rest.
    parts.push(`    <content type="html" xml:base="${escapeXml(url)}">${escapeXml(absoluteBodyUrls(article.html, url))}</content>`);
  }
  parts.push('  </entry>');
  return parts.join('\n');
}
