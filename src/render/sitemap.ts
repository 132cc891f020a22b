import { absoluteUrl, basePathOf } from '../site/urls.ts';
import { escapeXml } from './feed.ts';
import { formatIsoDateTime } from '../text/sl.ts';

/**
 * sitemap.xml (sitemaps.org protocol 0.9) and robots.txt. A sitemap file may list at most 50,000 URLs;
 * a larger site gets numbered sitemap files and /sitemap.xml becomes their index.
 */
export interface SitemapEntry {
  /** Root-relative URL of an HTML page. */
  url: string;
  lastmod?: Date | undefined;
}

export const SITEMAP_LIMIT = 50_000;

export function renderSitemap(baseUrl: string, entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries) {
    const lastmod = entry.lastmod ? `<lastmod>${formatIsoDateTime(entry.lastmod)}</lastmod>` : '';
    lines.push(`  <url><loc>${escapeXml(absoluteUrl(baseUrl, entry.url))}</loc>${lastmod}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function renderSitemapIndex(baseUrl: string, parts: readonly { url: string; lastmod?: Date | undefined }[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const part of parts) {
    const lastmod = part.lastmod ? `<lastmod>${formatIsoDateTime(part.lastmod)}</lastmod>` : '';
    lines.push(`  <sitemap><loc>${escapeXml(absoluteUrl(baseUrl, part.url))}</loc>${lastmod}</sitemap>`);
  }
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}

/** Comments, and what is inside script and style elements, where a meta tag is only text. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const META = /<meta\s[^>]*>/gi;
const ATTRIBUTE = /([^\s"'>\/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/**
 * Whether a page kept in public/ belongs in the sitemap, from its HTML: not when it asks not to be indexed
 * (`<meta name="robots" content="noindex">`, or `none`, which means noindex, nofollow; also when it asks
 * Googlebot alone), nor when it sends the browser on to another address (`<meta http-equiv="refresh"
 * content="0; url=…">`), as the build's own 404 and redirect pages are left out. Google reports a listed
 * noindex page as an error ("Submitted URL marked 'noindex'") and follows a refresh as a redirect. A refresh
 * that names no address only reloads the page (an old front page's `content="300"`), which stays a page.
 */
export function sitemapListsPage(html: string): boolean {
  const markup = html.replace(NOT_MARKUP, '');
  for (const [tag] of markup.matchAll(META)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(ATTRIBUTE)) {
      const key = match[1]!.toLowerCase();
      // A browser keeps the first of two attributes of one name.
      if (!attributes.has(key)) attributes.set(key, match[2] ?? match[3] ?? match[4] ?? '');
    }
    const content = (attributes.get('content') ?? '').toLowerCase();
    const name = attributes.get('name')?.toLowerCase();
    if ((name === 'robots' || name === 'googlebot') && content.split(/[\s,]+/).some((token) => token === 'noindex' || token === 'none')) return false;
    // HTML's "shared declarative refresh steps": the delay, then `;` or `,` and the address, `url=` optional.
    if (attributes.get('http-equiv')?.toLowerCase() === 'refresh' && content.replace(/^\s*[\d.]*\s*[;,]?\s*/, '') !== '') return false;
  }
  return true;
}

/**
 * Crawlers read robots.txt only at the root of a host (RFC 9309 §2.3). A site published under a path gets
 * the file all the same, with a note saying where its Sitemap line must go to be read.
 */
export function renderRobots(baseUrl: string, sitemapUrl: string): string {
  const lines = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(baseUrl, sitemapUrl)}`, ''];
  if (basePathOf(baseUrl) === '/') return lines.join('\n');
  const hostRobots = new URL('/robots.txt', baseUrl).href;
  return [`# Crawlers read robots.txt only at the root of a host, ${hostRobots}.`, `# This site is published under ${basePathOf(baseUrl)}: copy its Sitemap line below into that file.`, ...lines].join('\n');
}
