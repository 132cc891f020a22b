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
