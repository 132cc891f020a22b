import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Internal links of a built site that lead nowhere. A link is internal when it has no scheme and no
 * host (`/osebe/`, `../`, `feed.xml`); it resolves as a static host would serve it: a folder needs an
 * index.html, a file must exist. Fragments and queries are ignored.
 */
export interface BrokenLink {
  /** The HTML file holding the link, relative to distDir with forward slashes. */
  file: string;
  /** The link as written in the attribute. */
  link: string;
}

const LINK_ATTRIBUTE = /<(?:a|link|img|script|source|iframe)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

export async function findBrokenLinks(distDir: string): Promise<BrokenLink[]> {
  const root = path.resolve(distDir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const htmlFiles = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const known = new Map<string, boolean>();
  const exists = async (target: string): Promise<boolean> => {
    let result = known.get(target);
    if (result === undefined) {
      result = await stat(target).then(
        (info) => info.isFile(),
        () => false,
      );
      known.set(target, result);
    }
    return result;
  };
  const broken: BrokenLink[] = [];
  for (const absolute of htmlFiles) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const html = await readFile(absolute, 'utf8');
    const pageUrl = new URL(`/${file}`, 'http://site.invalid');
    for (const match of html.matchAll(LINK_ATTRIBUTE)) {
      const link = decodeEntities(match[1] ?? match[2] ?? '');
      const target = internalTarget(link, pageUrl);
      if (target === undefined) continue;
      const candidate = target.endsWith('/') ? `${target}index.html` : target;
      const onDisk = path.join(root, ...candidate.split('/').filter(Boolean));
      if (!onDisk.startsWith(root)) {
        broken.push({ file, link });
        continue;
      }
      if (await exists(onDisk)) continue;
      if (!target.endsWith('/') && (await exists(path.join(onDisk, 'index.html')))) continue;
      broken.push({ file, link });
    }
  }
  return broken;
}

/** The decoded path a link points at inside the site, or undefined for external and fragment-only links. */
function internalTarget(link: string, pageUrl: URL): string | undefined {
  const trimmed = link.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const resolved = new URL(trimmed, pageUrl);
  try {
    return decodeURIComponent(resolved.pathname);
  } catch {
    return resolved.pathname;
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
