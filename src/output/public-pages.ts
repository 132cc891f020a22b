import { readFileSync } from 'node:fs';
import path from 'node:path';
import { domainToUnicode } from 'node:url';
import { ArhivarError } from '../errors.ts';
import { readPageSignals, whyLeftOut } from '../render/sitemap.ts';
import { isSiteHost } from './links.ts';
import { absoluteUrl, publicPageUrl } from '../site/urls.ts';

/**
 * The files a newsroom puts at the top of public/ to prove to a search engine that it owns the site: Google
 * Search Console's google<16 hex digits>.html (one line of text), Yandex Webmaster's yandex_<16 hex digits>.html,
 * Pinterest's pinterest-<hex>.html. Each must stay published, but none is a page for readers, and Search
 * Console reports a listed one as a page with no content.
 */
const SITE_VERIFICATION_FILE = /^(?:google[0-9a-f]{16}|yandex_[0-9a-f]{16}|pinterest-[0-9a-f]{5,})\.html$/i;

/** The HTML pages of public/ as the sitemap takes them (see readPublicPages). */
export interface PublicPages {
  /** The addresses sitemap.xml lists, sorted by path. */
  urls: string[];
  /** What the build tells of them: the pages left out for a canonical link to another host (public/canonical-other-host). */
  warnings: ArhivarError[];
}

/**
 * The addresses of the HTML pages of public/ that sitemap.xml lists (an old site's pages kept as they were,
 * `public/o-nas/index.html` at /o-nas/), sorted by path, from public/'s files as publicFolderContents
 * lists them: each .html or .htm file is read, and one that asks not to be indexed or only sends the browser on is
 * left out, as is one whose canonical link names another address (render/sitemap.ts sitemapListsPage); `baseUrl`
 * is the site's, under which the page is published. A file gone since it was listed is left out too: the build
 * lists public/ again as it copies it.
 *
 * The pages left out because their canonical link names another host are told of, in one warning: an old site's
 * pages moved into public/ often still name the old host, and all of them would drop out of the sitemap unseen.
 * A canonical link to another page of this site is the ordinary copy (a print version) and is not told of.
 *
 * Read synchronously: every build with a change and every load of the dev server (each save of an article)
 * reads them all, and an old site's public/ holds thousands of small pages. Through fs/promises each file is
 * four trips to the thread pool (open, stat, read, close); 3,000 pages of 4 kB took 0.25 s on an idle 2-core
 * machine and 0.7–2.4 s on a busy one, read one by one or eight at a time, against 0.02–0.09 s this way.
 */
export function readPublicPages(root: string, files: readonly string[], baseUrl: string): PublicPages {
  const urls: string[] = [];
  const otherHost: { file: string; canonical: URL }[] = [];
  const site = new URL(baseUrl);
  for (const file of [...files].sort()) {
    const url = publicPageUrl(file);
    if (url === undefined || SITE_VERIFICATION_FILE.test(file)) continue;
    const html = readText(path.join(root, 'public', file));
    if (html === undefined) continue;
    const leftOut = whyLeftOut(readPageSignals(html), absoluteUrl(baseUrl, url));
    if (leftOut === undefined) urls.push(url);
    else if (leftOut.because === 'canonical' && !isSiteHost(leftOut.canonical.host, site.host)) otherHost.push({ file, canonical: leftOut.canonical });
  }
  return { urls, warnings: otherHost.length > 0 ? [canonicalOtherHost(otherHost, baseUrl)] : [] };
}

/** How many files a summary names before it counts the rest. */
const NAMED = 3;

/** One warning for all the pages of public/ left out of the sitemap because their canonical link names another host. */
function canonicalOtherHost(pages: readonly { file: string; canonical: URL }[], baseUrl: string): ArhivarError {
  const files = pages.slice(0, NAMED).map(({ file }) => `public/${file}`).join(', ') + (pages.length > NAMED ? ` and ${pages.length - NAMED} more` : '');
  const hosts = [...new Set(pages.map(({ canonical }) => showHost(canonical)))];
  const named = hosts.slice(0, NAMED).join(', ') + (hosts.length > NAMED ? ` and ${hosts.length - NAMED} more` : '');
  const other = `${hosts.length === 1 ? 'another host' : 'other hosts'} (${named}), not this site's ${showHost(new URL(baseUrl))}`;
  return new ArhivarError({
    code: 'public/canonical-other-host',
    file: 'public',
    message:
      pages.length === 1
        ? `1 page of public/ is left out of the sitemap: its canonical link names ${other}, so it tells search engines to index the page there instead: ${files}`
        : `${pages.length} pages of public/ are left out of the sitemap: their canonical links name ${other}, so they tell search engines to index the pages there instead: ${files}`,
    hint:
      pages.length === 1
        ? `if this page now lives here, change its canonical link to this site's address (${baseUrl}…) or remove the link, and the next build lists it; if it is a copy of the page its link names, which stays there, leave it as it is`
        : `if these pages now live here, change their canonical links to this site's address (${baseUrl}…) or remove the links, and the next build lists them; if they are copies of the pages their links name, which stay there, leave them as they are`,
  });
}

/** A URL's host as an editor writes it: a Slovenian name with č, š or ž, not the xn-- form URL keeps. */
function showHost(url: URL): string {
  return `${domainToUnicode(url.hostname) || url.hostname}${url.port === '' ? '' : `:${url.port}`}`;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
