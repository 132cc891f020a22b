import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { writeNewFile } from '../content/write-new-file.ts';
import path from 'node:path';
import { ArhivarError, ContentErrors, sortErrors } from '../errors.ts';
import { checkFolder, checkProjectFolder } from '../pipeline/folders.ts';
import { stripControlCharacters, validateArticle } from '../content/article.ts';
import { parseContentDate, type ContentDate } from '../content/dates.ts';
import { peekDateAndDraft } from '../content/front-matter.ts';
import { CONTENT_DIR, listMarkdownFiles, readUnhashedSourceFile } from '../content/read.ts';
import { isValidSlug, MAX_SLUG_LENGTH, shortenedSlug, slugify } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { ljubljanaCalendar } from '../text/sl.ts';

/**
 * `arhivar new "Naslov"`: a new article file with today's Ljubljana date and the front-matter skeleton.
 * The file is created with the `wx` flag, so an existing file is never replaced, even in a race.
 */
export interface NewArticleOptions {
  root: string;
  title: string;
  people?: readonly string[];
  tags?: readonly string[];
  /** The last part of the address (and the file name) instead of the one made from the title; written as `slug:`. */
  slug?: string;
  /** The moment whose Ljubljana date the article gets; the clock by default. */
  now?: Date;
}

export interface NewArticleResult {
  /** Project-relative path of the file written. */
  file: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A YAML double-quoted scalar: JSON string syntax is a subset of it, so every character survives. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

/** "Ana Novak, Boris Kos" → ["Ana Novak", "Boris Kos"]. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function ljubljanaDay(instant: Date): string {
  const { year, month, day } = ljubljanaCalendar(instant);
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function newArticleText(title: string, date: string, people: readonly string[], tags: readonly string[], slug?: string): string {
  const slugLine = slug === undefined ? [] : [`slug: ${yamlString(slug)}`];
  return ['---', `title: ${yamlString(title)}`, ...slugLine, `date: ${date}`, `people: ${yamlList(people)}`, `tags: ${yamlList(tags)}`, '---', '', ''].join('\n');
}

/** A shell word that stays one argument with its text as typed, inside double quotes (POSIX: \\ " $ ` are special there). */
export function shellQuoted(text: string): string {
  return `"${text.replace(/[\\"$`]/g, '\\$&')}"`;
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
    if (peeked && (peeked.draft || (!days.has(ljubljanaDay(new Date(peeked.time))) && !namesAddressOf(source.text, days)))) continue;
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

function articleFile(year: number, slug: string): string {
  return `content/articles/${year}/${slug}.md`;
}

/**
 * The first of slug-2, slug-3, … that `new --slug` would write: no file of its name this year, and its
 * address taken by no article and no redirect. A hint offering just slug-2 sent the editor into the same
 * refusal again when that one was taken too.
 */
export function freeSlug(root: string, slug: string, date: ContentDate, year: number, taken: TakenAddresses): string {
  for (let number = 2; ; number++) {
    // A title's slug may be as long as a slug may be: the number takes the place of its end.
    const suffix = `-${number}`;
    const candidate = `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    const address = urls.article(date, candidate);
    if (taken.articles.has(address) || taken.redirects.has(address)) continue;
    if (existsSync(path.join(root, ...articleFile(year, candidate).split('/')))) continue;
    return candidate;
  }
}

export function checkedSlug(slug: string): string {
  if (isValidSlug(slug)) return slug;
  const shortened = shortenedSlug(slug);
  if (shortened !== undefined) {
    throw new ArhivarError({
      code: 'new/bad-slug',
      message: `--slug is ${slug.length} characters long; a slug holds at most ${MAX_SLUG_LENGTH}`,
      hint: `write a shorter one, such as --slug ${shortened}`,
    });
  }
  const suggestion = slugify(slug);
  throw new ArhivarError({
    code: 'new/bad-slug',
    message: `--slug "${slug}" may hold only lowercase letters a–z, digits and single hyphens`,
    hint: suggestion ? `write --slug ${suggestion}` : 'leave --slug out to make the slug from the title',
  });
}

/**
 * The folders the new file goes into must be folders, or missing (made below): a file or a dead link in the
 * place of one made mkdir fail with ENOTDIR or EEXIST, told as »arhivar failed unexpectedly«.
 */
async function checkArticleFolders(root: string, year: number): Promise<void> {
  for (const folder of [CONTENT_DIR, `${CONTENT_DIR}/articles`, `${CONTENT_DIR}/articles/${year}`]) {
    await checkFolder(root, folder, {
      code: 'new/not-a-folder',
      hint: `the new article is written into ${CONTENT_DIR}/articles/${year}/: rename ${folder} (or move it out of the project), then run the command again`,
    });
  }
}

/** Where each line of the file the command writes comes from, to name it in the build's refusal of a value. */
const VALUE_SOURCES: Readonly<Record<string, string>> = { title: 'the title', slug: '--slug', people: '--people', tags: '--tags' };

/**
 * The build's refusals of the file about to be written (a tag or name over 200 characters, a name with no
 * letters, more than 100 tags), told now, each naming the option it came from: written, the file stopped the
 * next build of the whole site. The empty body is only a warning, and is left to the build.
 */
function refusedValues(text: string, file: string): ArhivarError[] {
  const lines = text.split('\n');
  return sortErrors(validateArticle({ file, text, mtimeMs: 0 }).errors).map((error) => {
    const key = error.line === undefined ? undefined : /^(\w+):/.exec(lines[error.line - 1] ?? '')?.[1];
    const source = (key !== undefined && VALUE_SOURCES[key]) || 'the new article';
    return new ArhivarError({ code: 'new/bad-value', message: `${source}: ${error.message} (${error.code} in the build)`, hint: error.hint });
  });
}

export async function createArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  await checkProjectFolder(options.root);
  const title = stripControlCharacters(options.title);
  const slug = options.slug === undefined ? slugify(title) : checkedSlug(options.slug);
  if (!slug) {
    throw new ArhivarError({
      code: 'new/empty-slug',
      message: `title "${title}" gives an empty URL slug`,
      hint: 'use a title with letters or digits, such as "Seja vlade 12. decembra"',
    });
  }
  const now = options.now ?? new Date();
  const { year } = ljubljanaCalendar(now);
  await checkArticleFolders(options.root, year);
  const file = articleFile(year, slug);
  const day = ljubljanaDay(now);
  const date = parseContentDate(day);
  if (!date.ok) throw new Error(`ljubljanaDay gave ${day}, which is no date`);
  const text = newArticleText(title, day, options.people ?? [], options.tags ?? [], options.slug === undefined ? undefined : slug);
  const refused = refusedValues(text, file);
  if (refused.length > 0) throw new ContentErrors(refused);
  const address = urls.article(date.value, slug);
  const taken = await findTakenAddresses(options.root, new Set([day]));
  const ownSlug = () => `npm run new -- ${shellQuoted(title)} --slug ${freeSlug(options.root, slug, date.value, year, taken)}`;
  // The file of the new article's own name, when it is there, is told as new/exists below.
  const other = taken.articles.get(address)?.find((owner) => owner !== file);
  if (other !== undefined) {
    throw new ArhivarError({
      code: 'new/duplicate-url',
      message: `this article is dated today and has the slug ${slug} too, so the new one would share its address ${address}, which the build refuses (article/duplicate-url); nothing was written`,
      file: other,
      hint: `if it is the same story, edit that file; otherwise give the new article another title, or keep the title with a slug of its own: ${ownSlug()}`,
    });
  }
  const redirecting = taken.redirects.get(address);
  if (redirecting !== undefined) {
    throw new ArhivarError({
      code: 'new/redirect-taken',
      message: `this article redirects from ${address}, its address before a change of title or date, which would be the new article's address too: the build refuses that (article/redirect-taken); nothing was written`,
      file: redirecting,
      hint: `if it is the same story, edit that file; otherwise give the new article another title, or keep the title with a slug of its own: ${ownSlug()}`,
    });
  }
  const absolute = path.join(options.root, ...file.split('/'));
  await mkdir(path.dirname(absolute), { recursive: true });
  try {
    await writeNewFile(absolute, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ArhivarError({
        code: 'new/exists',
        message: 'an article file of this name already exists this year; it was left as it is',
        file,
        hint: `if it is the same story, edit that file; otherwise give the new article another title, or keep the title with a slug of its own: ${ownSlug()}`,
      });
    }
    throw error;
  }
  return { file };
}
