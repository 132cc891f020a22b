import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sitemapListsPage } from '../render/sitemap.ts';
import { publicPageUrl } from '../site/urls.ts';

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
 * left out (render/sitemap.ts sitemapListsPage). A file gone since it was listed is left out too: the build
 * lists public/ again as it copies it.
 */
export async function readPublicPages(root: string, files: readonly string[]): Promise<string[]> {
  const pages: string[] = [];
  for (const file of [...files].sort()) {
    const url = publicPageUrl(file);
    if (url === undefined || SITE_VERIFICATION_FILE.test(file)) continue;
    const html = await readFile(path.join(root, 'public', file), 'utf8').catch(() => undefined);
    if (html !== undefined && sitemapListsPage(html)) pages.push(url);
  }
  return pages;
}
