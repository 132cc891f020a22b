import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sitemapListsPage } from '../render/sitemap.ts';
import { absoluteUrl, publicPageUrl } from '../site/urls.ts';

/**
 * The files a newsroom puts at the top of public/ to prove to a search engine that it owns the site: Google
 * Search Console's google<16 hex digits>.html (one line of text), Yandex Webmaster's yandex_<16 hex digits>.html,
 * Pinterest's pinterest-<hex>.html. Each must stay published, but none is a page for readers, and Search
 * Console reports a listed one as a page with no content.
 */
const SITE_VERIFICATION_FILE = /^(?:google[0-9a-f]{16}|yandex_[0-9a-f]{16}|pinterest-[0-9a-f]{5,})\.html$/i;

/**
 * The addresses of the HTML pages of public/ that sitemap.xml lists (an old site's pages kept as they were,
 * `public/o-nas/index.html` at /o-nas/), sorted by path, from public/'s files as publicFolderContents
 * lists them: each .html or .htm file is read, and one that asks not to be indexed or only sends the browser on is
 * left out, as is one whose canonical link names another address (render/sitemap.ts sitemapListsPage); `baseUrl`
 * is the site's, under which the page is published. A file gone since it was listed is left out too: the build
 * lists public/ again as it copies it.
 *
 * Read synchronously: every build with a change and every load of the dev server (each save of an article)
 * reads them all, and an old site's public/ holds thousands of small pages. Through fs/promises each file is
 * four trips to the thread pool (open, stat, read, close); 3,000 pages of 4 kB took 0.25 s on an idle 2-core
 * machine and 0.7–2.4 s on a busy one, read one by one or eight at a time, against 0.02–0.09 s this way.
 */
export function readPublicPages(root: string, files: readonly string[], baseUrl: string): string[] {
  const pages: string[] = [];
  for (const file of [...files].sort()) {
    const url = publicPageUrl(file);
    if (url === undefined || SITE_VERIFICATION_FILE.test(file)) continue;
    const html = readText(path.join(root, 'public', file));
    if (html !== undefined && sitemapListsPage(html, absoluteUrl(baseUrl, url))) pages.push(url);
  }
  return pages;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
