import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Finds internal links and asset references in a built site that point at nothing.
 *
 * Every .html file under `distDir` is read; every href, src and srcset URL on every tag is resolved
 * against the page's own URL the way a browser would. Links with a scheme (https:, mailto:, tel:, …),
 * protocol-relative links and bare #fragments are not checked. A URL ending in / needs its folder's
 * index.html; a folder URL without the slash is accepted when the folder has an index.html (servers
 * redirect it). Query strings and fragments are ignored.
 *
 * dist/ is published at the site's base path (the path of baseUrl, "/arhiv/" for https://example.si/arhiv/):
 * a page's URL is that path followed by its file, and a link that leads out of it (the host's "/osebe/")
 * points at nothing the site publishes.
 */
export interface BrokenLink {
  /** The page, relative to distDir, with forward slashes ("osebe/index.html"). */
  file: string;
  /** The link exactly as the page writes it (entities decoded). */
  link: string;
  /** Set when the link leads out of the base path the site is published under. */
  outside?: true;
}

export interface LinkCheckOptions {
  /** The path the site is published under, as site/urls.ts basePathOf gives it; "/" by default. */
  basePath?: string;
}

type Resolution = 'ok' | 'missing' | 'outside';

export async function findBrokenLinks(distDir: string, options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const root = path.resolve(distDir);
  const basePath = options.basePath ?? '/';
  const files = new Set<string>();
  await collectFiles(root, '', files);
  const pages = [...files].filter((file) => file.endsWith('.html')).sort();
  const broken: BrokenLink[] = [];
  // Whether each link resolves, by the folder of the page it is on: a site's pages repeat the same links
  // (every person and tag page links the same articles), and resolving one is a URL parse.
  const resolved = new Map<string, Resolution>();
  for (const file of pages) {
    // Read one at a time, synchronously: through fs.promises each small file is four round trips to the
    // thread pool (open, stat, read, close), about a third of the check's time at 15,000 pages.
    const html = readFileSync(path.join(root, file), 'utf8');
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    const seen = new Set<string>();
    for (const link of extractLinks(html)) {
      if (seen.has(link)) continue;
      seen.add(link);
      // A link from the site root (not //host) means the same on every page.
      const key = link.startsWith('/') && !link.startsWith('//') ? link : `${folder}\0${link}`;
      let resolution = resolved.get(key);
      if (resolution === undefined) resolved.set(ownCopy(key), (resolution = resolves(link, file, files, basePath)));
      if (resolution === 'missing') broken.push({ file, link });
      else if (resolution === 'outside') broken.push({ file, link, outside: true });
    }
  }
  return broken.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
}

/**
 * The text as a string of its own. A link is cut from its page's HTML, and V8 keeps a cut of 13 characters
 * or more as a view into the whole page: kept as a key, each link held its page in memory (the link check
 * of 15,000 pages went from 120 to 510 MB).
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
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
/** Comments, and what is inside script and style elements (their opening tag stays: a script's src is a link). */
const NOT_MARKUP = /<!--[\s\S]*?-->|(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi;

/** The URLs a page refers to, from tags outside comments, scripts and styles (a script's own src included). */
export function extractLinks(html: string): string[] {
  const markup = html.replace(NOT_MARKUP, (_whole, openingTag: string | undefined) => openingTag ?? '');
  const links: string[] = [];
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(markup); tag; tag = TAG.exec(markup)) {
    const attributes = tag[1];
    if (!attributes) continue;
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
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
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ORIGIN = 'http://dist.invalid';

function resolves(link: string, page: string, files: ReadonlySet<string>, basePath: string): Resolution {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//') || link.startsWith('#')) return 'ok';
  let target: URL;
  try {
    target = new URL(link, `${ORIGIN}${basePath}${page}`);
  } catch {
    return 'missing';
  }
  if (target.origin !== ORIGIN) return 'ok';
  // The base path without its slash ("/arhiv") is the site's own folder, which servers redirect.
  if (`${target.pathname}/` === basePath) return files.has('index.html') ? 'ok' : 'missing';
  if (!target.pathname.startsWith(basePath)) return 'outside';
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.pathname.slice(basePath.length));
  } catch {
    return 'missing';
  }
  pathname = pathname.replace(/^\/+/, '');
  if (pathname === '' || pathname.endsWith('/')) return files.has(`${pathname}index.html`) ? 'ok' : 'missing';
  return files.has(pathname) || files.has(`${pathname}/index.html`) ? 'ok' : 'missing';
}
