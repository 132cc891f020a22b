import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Finds internal links and asset references in a built site that point at nothing.
 *
 * Every .html file under `distDir` is read; every href, src and srcset URL on every tag is resolved
 * against the page's own URL the way a browser would. Links with a scheme (https:, mailto:, tel:, …),
 * protocol-relative links and bare #fragments are not checked. A URL ending in / needs its folder's
 * index.html; a folder URL without the slash is accepted when the folder has an index.html (servers
 * redirect it). Query strings and fragments are ignored.
 */
export interface BrokenLink {
  /** The page, relative to distDir, with forward slashes ("osebe/index.html"). */
  file: string;
  /** The link exactly as the page writes it (entities decoded). */
  link: string;
}

export async function findBrokenLinks(distDir: string): Promise<Array<{ file: string; link: string }>> {
  const root = path.resolve(distDir);
  const files = new Set<string>();
  await collectFiles(root, '', files);
  const pages = [...files].filter((file) => file.endsWith('.html')).sort();
  const broken: BrokenLink[] = [];
  const checkPage = async (file: string) => {
    const html = await readFile(path.join(root, file), 'utf8');
    const seen = new Set<string>();
    for (const link of extractLinks(html)) {
      if (seen.has(link)) continue;
      seen.add(link);
      if (!resolves(link, file, files)) broken.push({ file, link });
    }
  };
  // A few files at a time: fast on a large site without opening thousands of files at once.
  let next = 0;
  const worker = async () => {
    while (next < pages.length) await checkPage(pages[next++]!);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return broken.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
}

async function collectFiles(root: string, relative: string, out: Set<string>): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await collectFiles(root, child, out);
    else out.add(child);
  }
}

const TAG = /<[a-zA-Z][^\s/>]*(\s[^>]*)?>/g;
const ATTRIBUTE = /\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The URLs a page refers to, from tags outside comments, scripts and styles. */
export function extractLinks(html: string): string[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '<$1>');
  const links: string[] = [];
  for (const tag of markup.matchAll(TAG)) {
    const attributes = tag[1];
    if (!attributes) continue;
    for (const match of attributes.matchAll(ATTRIBUTE)) {
      const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '').trim();
      if (match[1]!.toLowerCase() === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) links.push(url);
        }
      } else if (value) {
        links.push(value);
      }
    }
  }
  return links;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ORIGIN = 'http://dist.invalid';

function resolves(link: string, page: string, files: ReadonlySet<string>): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//') || link.startsWith('#')) return true;
  let target: URL;
  try {
    target = new URL(link, `${ORIGIN}/${page}`);
  } catch {
    return false;
  }
  if (target.origin !== ORIGIN) return true;
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.pathname).replace(/^\/+/, '');
  } catch {
    return false;
  }
  if (pathname === '' || pathname.endsWith('/')) return files.has(`${pathname}index.html`);
  return files.has(pathname) || files.has(`${pathname}/index.html`);
}
