import type { ContentDate } from '../content/dates.ts';
import { ljubljanaCalendar } from '../text/sl.ts';

/**
 * Every URL of the site. Slovenian words in paths live here and only here.
 * URLs are root-relative and end in / for pages (served as folder/index.html).
 */
const PAGE = 'stran';
const PEOPLE = 'osebe';
const TAGS = 'oznake';
const ARCHIVE = 'arhiv';
const SEARCH = 'iskanje';

const pad = (value: number) => String(value).padStart(2, '0');
const paged = (base: string, page: number) => (page <= 1 ? base : `${base}${PAGE}/${page}/`);

export const urls = {
  home: (page = 1) => paged('/', page),
  article: (date: ContentDate, slug: string) => {
    const { year, month, day } = ljubljanaCalendar(date.instant);
    return `/${year}/${pad(month)}/${pad(day)}/${slug}/`;
  },
  people: () => `/${PEOPLE}/`,
  person: (id: string, page = 1) => paged(`/${PEOPLE}/${id}/`, page),
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

/** Where a URL's file lives inside dist/: folders get index.html. */
export function outputPathFor(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** An absolute URL for feeds, sitemaps and canonical links. */
export function absoluteUrl(baseUrl: string, url: string): string {
  return new URL(url.replace(/^\/+/, ''), baseUrl).href;
}
