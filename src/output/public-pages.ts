import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sitemapListsPage } from '../render/sitemap.ts';
import { publicPageUrl } from '../site/urls.ts';

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
    if (url === undefined) continue;
    const html = await readFile(path.join(root, 'public', file), 'utf8').catch(() => undefined);
    if (html !== undefined && sitemapListsPage(html)) pages.push(url);
  }
  return pages;
}
