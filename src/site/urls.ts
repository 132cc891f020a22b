import type { ContentDate } from '../content/dates.ts';
import { ljubljanaCalendar } from '../text/sl.ts';
import { memoize } from '../memo.ts';
import { ARCHIVE, AUTHOR, PAGE, PEOPLE, SEARCH, TAGS } from './path-names.ts';

export { firstPageListing, pageOfListing } from './path-names.ts';

const pad = (value: number) => String(value).padStart(2, '0');
const paged = (base: string, page: number) => (page <= 1 ? base : `${base}${PAGE}/${page}/`);

/**
 * Every URL of the site, made of the Slovenian words of path-names.ts.
 * URLs are root-relative and end in / for pages (served as folder/index.html). They are paths of the site,
 * which is also the layout of dist/: a site published under a path (baseUrl https://example.si/arhiv/) is
 * linked as withBasePath gives them, with the path in front, and serves them as withoutBasePath reads them.
 */
export const urls = {
  home: (page = 1) => paged('/', page),
  article: (date: ContentDate, slug: string) => {
    const { year, month, day } = ljubljanaCalendar(date.instant);
    return `/${year}/${pad(month)}/${pad(day)}/${slug}/`;
  },
  people: () => `/${PEOPLE}/`,
  person: (id: string, page = 1) => paged(`/${PEOPLE}/${id}/`, page),
  /** The articles whose byline names the person. */
  personAuthored: (id: string, page = 1) => paged(`/${PEOPLE}/${id}/${AUTHOR}/`, page),
  personFeed: (id: string) => `/${PEOPLE}/${id}/feed.xml`,
  tags: () => `/${TAGS}/`,
  tag: (slug: string, page = 1) => paged(`/${TAGS}/${slug}/`, page),
  tagFeed: (slug: string) => `/${TAGS}/${slug}/feed.xml`,
  archive: () => `/${ARCHIVE}/`,
  year: (year: number) => `/${year}/`,
  month: (year: number, month: number, page = 1) => paged(`/${year}/${pad(month)}/`, page),
  search: () => `/${SEARCH}/`,
  /** The search manifest (fixed URL) and the content-hashed folder of its shards and chunks. */
  searchIndex: () => `/${SEARCH}/indeks.json`,
  searchData: () => `/${SEARCH}/indeks/`,
  feed: () => '/feed.xml',
  sitemap: () => '/sitemap.xml',
  /** One part of a sitemap split because it is over 50,000 URLs. */
  sitemapPart: (n: number) => `/sitemap-${n}.xml`,
  robots: () => '/robots.txt',
  notFound: () => '/404.html',
};

const PERSON_PATH = new RegExp(`^/?${PEOPLE}/([^/]+)(?:/(.*))?$`);

/**
 * The person a path of the site belongs to (`/osebe/ana-novak/` or one of its pages, `/osebe/ana-novak/stran/2/`,
 * `/osebe/ana-novak/feed.xml`) and what follows the person's folder (`stran/2/`, `feed.xml`; empty for the page
 * itself); undefined for a path outside /osebe/<name>/. The leading / may be missing, as an editor writes it.
 */
export function personOfPath(sitePath: string): { id: string; rest: string } | undefined {
  const match = PERSON_PATH.exec(sitePath);
  return match ? { id: match[1]!, rest: (match[2] ?? '').replace(/^index\.html$/, '') } : undefined;
}

/**
 * The path part of baseUrl, ending in "/": "/" for a site at the root of its host, "/arhiv/" for
 * https://example.si/arhiv/. Percent-encoded as a browser sends it.
 */
export const basePathOf = memoize((baseUrl: string): string => {
  const { pathname } = new URL(baseUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}, 16);

/**
 * A site URL ("/osebe/") as the site links to it when it is published under `basePath` ("/arhiv/osebe/").
 * Anything that is not a path from the site's root (a full URL, "//host/…", "#vsebina", "slika.jpg") is
 * returned as it is, and so is every URL of a site at the root of its host.
 */
export function withBasePath(basePath: string, url: string): string {
  if (basePath === '/' || url[0] !== '/' || url[1] === '/') return url;
  return basePath + url.slice(1);
}

/** The site URL a request path under `basePath` asks for ("/arhiv/osebe/" → "/osebe/"), or undefined when the path is outside the site. */
export function withoutBasePath(basePath: string, pathname: string): string | undefined {
  return pathname.startsWith(basePath) ? pathname.slice(basePath.length - 1) : undefined;
}

/** Where a URL's file lives inside dist/: folders get index.html. */
export function outputPathFor(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * The address a file of public/ (its path inside public/, `/` between folders) is published at when it is an
 * HTML page, the inverse of outputPathFor: a folder's index.html at the folder's address with its trailing
 * slash, as hosts serve it, and any other .html or .htm file at its own name. Each name is percent-encoded,
 * so a `#` or `?` in a file name stays part of the path. undefined for a file that is no page.
 */
export function publicPageUrl(relative: string): string | undefined {
  if (!/\.html?$/i.test(relative)) return undefined;
  const names = relative.split('/');
  if (names.at(-1) === 'index.html') names[names.length - 1] = '';
  return `/${names.map(encodeURIComponent).join('/')}`;
}

/** The last base URL absoluteUrl was given, parsed: a build gives the same one every time. */
let lastBase: { baseUrl: string; href: string; joinable: boolean } | undefined;
/** Characters URL leaves as they are in a path. */
const PLAIN_PATH = /^[A-Za-z0-9._~/-]*$/;
/** A "." or ".." segment, which URL resolves away. */
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/**
 * An absolute URL for feeds, sitemaps and canonical links. A site URL made of plain path characters (every
 * slug, date and file name arhivar makes) resolves against a base ending in "/" to the two strings joined,
 * so that is returned without parsing: a 10,000-article build asks for about 150,000 of them (0.4 s through
 * URL). Anything else goes through URL; a test holds the two to the same answers.
 */
export function absoluteUrl(baseUrl: string, url: string): string {
  const relative = url.replace(/^\/+/, '');
  if (lastBase?.baseUrl !== baseUrl) {
    const base = new URL(baseUrl);
    lastBase = { baseUrl, href: base.href, joinable: base.search === '' && base.hash === '' && base.href.endsWith('/') };
  }
  if (lastBase.joinable && PLAIN_PATH.test(relative) && !DOT_SEGMENT.test(relative)) return lastBase.href + relative;
  return new URL(relative, baseUrl).href;
}
