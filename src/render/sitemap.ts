import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { absoluteUrl, basePathOf } from '../site/urls.ts';
import { escapeXml } from './feed.ts';
import { formatIsoDateTime } from '../text/sl.ts';
import { ROBOTS_GENERATOR } from './generator-lines.ts';

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

/** Comments, and what is inside script and style elements, where a tag is only text. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(meta|link|base)\s[^>]*>/gi;
const ATTRIBUTE = /([^\s"'>\/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** What the HTML of a page kept in public/ says about its place in the sitemap (see sitemapListsPage). */
export interface PageSignals {
  /** It asks not to be indexed, or sends the browser on to another address. */
  leftOut: boolean;
  /** The href of each `<link rel="canonical">`, as written. */
  canonicals: string[];
  /** The href of its first `<base>`, against which a relative canonical address is resolved. */
  base: string | undefined;
}

export function readPageSignals(html: string): PageSignals {
  const signals: PageSignals = { leftOut: false, canonicals: [], base: undefined };
  const markup = html.replace(NOT_MARKUP, '');
  for (const [tag, element] of markup.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(ATTRIBUTE)) {
      const key = match[1]!.toLowerCase();
      // A browser keeps the first of two attributes of one name.
      if (!attributes.has(key)) attributes.set(key, match[2] ?? match[3] ?? match[4] ?? '');
    }
    const kind = element!.toLowerCase();
    if (kind === 'link') {
      const href = attributes.get('href');
      if (href !== undefined && (attributes.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) signals.canonicals.push(decodeReferences(href).trim());
      continue;
    }
    if (kind === 'base') {
      // HTML uses the first base element with an href.
      const href = attributes.get('href');
      signals.base ??= href === undefined ? undefined : decodeReferences(href).trim();
      continue;
    }
    const content = (attributes.get('content') ?? '').toLowerCase();
    const name = attributes.get('name')?.toLowerCase();
    if ((name === 'robots' || name === 'googlebot') && content.split(/[\s,]+/).some((token) => token === 'noindex' || token === 'none')) signals.leftOut = true;
    // HTML's "shared declarative refresh steps": the delay, then `;` or `,` and the address, `url=` optional.
    if (attributes.get('http-equiv')?.toLowerCase() === 'refresh' && content.replace(/^\s*[\d.]*\s*[;,]?\s*/, '') !== '') signals.leftOut = true;
  }
  return signals;
}

/** A character reference ended by `;`: a name, or a number in decimal or hex. */
const CHARACTER_REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]*));/g;

/**
 * An attribute's value as the browser reads it: HTML writes `&` in an href as `&amp;` (`q&amp;a.html` is
 * q&a.html), and a page saved by an older CMS may write a letter as `&#269;`. Left as written, such a page's
 * canonical link to itself named another address, and the page was left out of the sitemap.
 */
function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(CHARACTER_REFERENCE, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return decodeNamedCharacterReference(name) || whole;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Whether a page kept in public/, published at `address` (absolute), belongs in the sitemap, from its HTML:
 * not when it asks not to be indexed (`<meta name="robots" content="noindex">`, or `none`, which means
 * noindex, nofollow; also when it asks Googlebot alone), nor when it sends the browser on to another address
 * (`<meta http-equiv="refresh" content="0; url=…">`), as the build's own 404 and redirect pages are left out.
 * Google reports a listed noindex page as an error ("Submitted URL marked 'noindex'") and follows a refresh as
 * a redirect. A refresh that names no address only reloads the page (an old front page's `content="300"`),
 * which stays a page.
 *
 * Nor when its `<link rel="canonical">` names another address: the page says it is a copy of that one, and a
 * sitemap is to list canonical addresses only (Google Search Central, "Build and submit a sitemap"). Its own
 * address counts in any form that leads to the same file: relative or absolute, a folder's with or without
 * its slash or with index.html. Canonical links that disagree are all ignored, as Google ignores them.
 */
export function sitemapListsPage(html: string, address: string): boolean {
  return whyLeftOut(readPageSignals(html), address) === undefined;
}

/** Why the sitemap leaves out a page kept in public/ (see whyLeftOut). */
export type LeftOutOfSitemap = { because: 'noindex-or-refresh' } | { because: 'canonical'; canonical: URL };

/**
 * Why the sitemap leaves out a page kept in public/, published at `address` (see sitemapListsPage): it asks not
 * to be indexed or sends the browser on, or its canonical link names `canonical`, another address; undefined
 * when it is listed. The build tells of a canonical link to another host (output/public-pages.ts), which an old
 * site's pages carry when they are moved into public/.
 */
export function whyLeftOut(signals: PageSignals, address: string): LeftOutOfSitemap | undefined {
  if (signals.leftOut) return { because: 'noindex-or-refresh' };
  const canonicals = new Map<string, URL>();
  for (const href of signals.canonicals) {
    const canonical = resolveHref(href, signals.base, address);
    if (canonical !== undefined) canonicals.set(addressKey(canonical), canonical);
  }
  if (canonicals.size !== 1) return undefined;
  const [key, canonical] = [...canonicals][0]!;
  const own = addressKey(new URL(address));
  const names = own.endsWith('/') ? [own, `${own}index.html`, own.slice(0, -1)] : [own];
  return names.includes(key) ? undefined : { because: 'canonical', canonical };
}

/** `href` as a browser resolves it on the page at `address` (under its `<base>`); undefined when it is no URL. */
function resolveHref(href: string, base: string | undefined, address: string): URL | undefined {
  try {
    return new URL(href, base === undefined ? address : new URL(base, address));
  } catch {
    return undefined;
  }
}

/**
 * An address as a key to compare addresses by: without a fragment, its path's escapes decoded (the build escapes
 * `&` in a file's name, a page may not), and with http: and https:, and a host with and without www. in front, the
 * same: an old site moved into public/ from plain http names its pages http://…, and a newsroom's site answers at
 * both hosts (as npm run check takes them, output/links.ts isSiteHost), so such a page names itself.
 */
function addressKey(url: URL): string {
  const scheme = url.protocol === 'http:' || url.protocol === 'https:' ? 'web:' : url.protocol;
  return `${scheme}//${url.host.replace(/^www\./, '')}${decodePath(url.pathname)}${url.search}`;
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}


/**
 * Crawlers read robots.txt only at the root of a host (RFC 9309 §2.3). A site published under a path gets
 * the file all the same, with a note saying where its Sitemap line must go to be read.
 */
export function renderRobots(baseUrl: string, sitemapUrl: string): string {
  const lines = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(baseUrl, sitemapUrl)}`, ''];
  if (basePathOf(baseUrl) === '/') return [ROBOTS_GENERATOR, ...lines].join('\n');
  const hostRobots = new URL('/robots.txt', baseUrl).href;
  return [ROBOTS_GENERATOR, `# Crawlers read robots.txt only at the root of a host, ${hostRobots}.`, `# This site is published under ${basePathOf(baseUrl)}: copy its Sitemap line below into that file.`, ...lines].join('\n');
}
