import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { validateArticle } from '../content/article.ts';
import type { ContentDate } from '../content/dates.ts';
import { peekDateAndDraft } from '../content/front-matter.ts';
import { CONTENT_DIR, listMarkdownFiles, readUnhashedSourceFile } from '../content/read.ts';
import { ArhivarError } from '../errors.ts';
import { checkFolder } from '../pipeline/folders.ts';
import { cutSlug, MAX_SLUG_LENGTH } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { formatIsoDate } from '../text/sl.ts';

/**
 * Where `new` and `import` put an article, and whether that place is free: its file, its address, and the folders
 * on the way to the file. Both commands ask the same questions, so that an article one of them refuses the other
 * refuses too, and the build after either refuses neither.
 */

/** The project-relative file of an article: content/articles/YYYY/<slug>.md. */
export function articleFile(year: number, slug: string): string {
  return `${CONTENT_DIR}/articles/${year}/${slug}.md`;
}

/** A project-relative file (written with /) as a path on this system. */
export function absoluteFile(root: string, file: string): string {
  return path.join(root, ...file.split('/'));
}

/**
 * The addresses of the given days (YYYY-MM-DD) that the build gives to a page already, each with the file that
 * takes it: an article's own (`articles`; the build refuses a second, article/duplicate-url), and one an article
 * redirects from (`redirects`; article/redirect-taken). Any file under content/articles/ counts, since an imported
 * or renamed file's name need not be its slug; a draft does not, as the build leaves it out. The date and draft
 * flag are peeked at first, so only the articles of those days, and those whose text names an address of one
 * (a redirectFrom: may be dated any day), are validated: 10,000 articles take well under a second. A file the
 * build would refuse is left to the build to report. `new` asks for one day, `import` for the days of all its
 * files at once, so that the articles are read once per command.
 */
export interface TakenAddresses {
  articles: Map<string, string[]>;
  redirects: Map<string, string>;
}

export async function findTakenAddresses(root: string, days: ReadonlySet<string>): Promise<TakenAddresses> {
  const taken: TakenAddresses = { articles: new Map(), redirects: new Map() };
  if (days.size === 0) return taken;
  const files = await listMarkdownFiles(root, path.join(root, CONTENT_DIR, 'articles'), []);
  for (const absolute of files) {
    let source;
    try {
      source = readUnhashedSourceFile(root, absolute);
    } catch {
      continue;
    }
    const peeked = peekDateAndDraft(source.text);
    if (peeked && (peeked.draft || (!days.has(formatIsoDate(new Date(peeked.time))) && !namesAddressOf(source.text, days)))) continue;
    const { article } = validateArticle(source);
    if (!article || article.frontMatter.draft) continue;
    const own = urls.article(article.frontMatter.date, article.slug);
    if (days.has(addressDay(own))) taken.articles.set(own, [...(taken.articles.get(own) ?? []), source.file]);
    for (const from of article.frontMatter.redirectFrom) if (days.has(addressDay(from)) && !taken.redirects.has(from)) taken.redirects.set(from, source.file);
  }
  return taken;
}

/** The start of every article address (urls.article): /2025/06/01/ is the day 2025-06-01. */
const ADDRESS_DAY = /\/(\d{4})\/(\d{2})\/(\d{2})\//g;

/** The day of an article address (/2025/06/01/slug/ → 2025-06-01), or '' for another address. */
function addressDay(address: string): string {
  const match = /^\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(address);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : '';
}

/** Whether the text names an address of one of the days: one pass, however many days an import spans. */
function namesAddressOf(text: string, days: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(ADDRESS_DAY)) if (days.has(`${match[1]}-${match[2]}-${match[3]}`)) return true;
  return false;
}

/**
 * The article that has `address` already, as its own (`duplicate-url`) or as one it redirects from
 * (`redirect-taken`), which the build would refuse beside the article about to be written to `file`. The file of
 * that name itself is not one: when it is there, the command tells it on writing, as `exists`.
 */
export function addressTakenBy(taken: TakenAddresses, address: string, file: string): { reason: 'duplicate-url' | 'redirect-taken'; file: string } | undefined {
  const other = taken.articles.get(address)?.find((owner) => owner !== file);
  if (other !== undefined) return { reason: 'duplicate-url', file: other };
  const redirecting = taken.redirects.get(address);
  return redirecting === undefined ? undefined : { reason: 'redirect-taken', file: redirecting };
}

/**
 * The first of slug-2, slug-3, … that the command would write: no file of its name this year, and its
 * address taken by no article and no redirect. A hint offering just slug-2 sent the editor into the same
 * refusal again when that one was taken too.
 */
export function freeSlug(root: string, slug: string, date: ContentDate, year: number, taken: TakenAddresses): string {
  for (let number = 2; ; number++) {
    // A title's slug may be as long as a slug may be: the number takes the place of its end, cut at a word
    // (cutSlug), as a cut inside one (»…-dolg-nas-2«) or after a preposition (»…-dolg-na-10«) reads as a typo.
    const suffix = `-${number}`;
    const candidate = `${cutSlug(slug, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    const address = urls.article(date, candidate);
    if (taken.articles.has(address) || taken.redirects.has(address)) continue;
    if (existsSync(absoluteFile(root, articleFile(year, candidate)))) continue;
    return candidate;
  }
}

/** content/, content/articles/ and the year's folder: the folders a new article of the year is written into. */
export function articleFolders(year: number): string[] {
  return [CONTENT_DIR, `${CONTENT_DIR}/articles`, `${CONTENT_DIR}/articles/${year}`];
}

/**
 * A folder the article is written into must be a folder, or missing (made on writing): a file or a dead link in
 * its place made mkdir fail with ENOTDIR or EEXIST, told as »arhivar failed unexpectedly«. `refusal` names the
 * command's code, where it writes and how to run it again.
 */
export async function checkArticleFolder(root: string, folder: string, refusal: { code: string; writtenInto: string; again: string }): Promise<void> {
  await checkFolder(root, folder, {
    code: refusal.code,
    hint: `${refusal.writtenInto}: rename ${folder} (or move it out of the project), then ${refusal.again}`,
  });
  await checkFolderInsideContent(root, folder);
}

/**
 * A folder under content/ that is a link out of it (content/articles/2025 -> /srv/drugje): the build refuses it
 * (content/symlink-outside) and reads nothing there, and the command wrote the article through it, outside the
 * project. content/ itself may be a link; the build reads where it leads.
 */
async function checkFolderInsideContent(root: string, folder: string): Promise<void> {
  if (folder === CONTENT_DIR) return;
  const target = await realpath(path.join(root, folder)).catch(() => undefined);
  if (target === undefined) return;
  const contentRoot = await realpath(path.join(root, CONTENT_DIR)).catch(() => path.join(root, CONTENT_DIR));
  const relative = path.relative(contentRoot, target);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return;
  throw new ArhivarError({
    code: 'content/symlink-outside',
    message: `${folder} is a symbolic link out of ${CONTENT_DIR}/ (to ${target}); nothing was written through it`,
    file: folder,
    hint: `the build does not read through it either: replace the link with the folder it leads to (move that folder into ${CONTENT_DIR}/), or delete it`,
  });
}
