import { mkdir } from 'node:fs/promises';
import { writeNewFile } from '../content/write-new-file.ts';
import path from 'node:path';
import { ArhivarError } from '../errors.ts';
import { checkProjectFolder } from '../pipeline/folders.ts';
import { stripControlCharacters, validateArticle } from '../content/article.ts';
import { parseContentDate } from '../content/dates.ts';
import { peekDateAndDraft } from '../content/front-matter.ts';
import { CONTENT_DIR, listMarkdownFiles, readUnhashedSourceFile } from '../content/read.ts';
import { isValidSlug, slugify } from '../site/slug.ts';
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
function shellQuoted(text: string): string {
  return `"${text.replace(/[\\"$`]/g, '\\$&')}"`;
}

/**
 * The article file, other than `except`, that has `address` (today's date and the new article's slug), as the
 * build finds two such (article/duplicate-url): any file under content/articles/, since an imported or renamed
 * file's name need not be its slug, and not a draft, which the build leaves out. The date and draft flag are
 * peeked at first, so only the articles of the same day are validated: 10,000 articles take well under a
 * second. A file the build would refuse is left to the build to report.
 */
async function findArticleAt(root: string, address: string, day: string, except: string): Promise<string | undefined> {
  const files = await listMarkdownFiles(root, path.join(root, CONTENT_DIR, 'articles'), []);
  for (const absolute of files) {
    let source;
    try {
      source = readUnhashedSourceFile(root, absolute);
    } catch {
      continue;
    }
    if (source.file === except) continue;
    const peeked = peekDateAndDraft(source.text);
    if (peeked && (peeked.draft || ljubljanaDay(new Date(peeked.time)) !== day)) continue;
    const { article } = validateArticle(source);
    if (article && !article.frontMatter.draft && urls.article(article.frontMatter.date, article.slug) === address) return source.file;
  }
  return undefined;
}

function checkedSlug(slug: string): string {
  if (isValidSlug(slug)) return slug;
  const suggestion = slugify(slug);
  throw new ArhivarError({
    code: 'new/bad-slug',
    message: `--slug "${slug}" may hold only lowercase letters a–z, digits and single hyphens`,
    hint: suggestion ? `write --slug ${suggestion}` : 'leave --slug out to make the slug from the title',
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
  const file = `content/articles/${year}/${slug}.md`;
  const day = ljubljanaDay(now);
  const date = parseContentDate(day);
  if (!date.ok) throw new Error(`ljubljanaDay gave ${day}, which is no date`);
  const address = urls.article(date.value, slug);
  const other = await findArticleAt(options.root, address, day, file);
  if (other !== undefined) {
    throw new ArhivarError({
      code: 'new/duplicate-url',
      message: `this article is dated today and has the slug ${slug} too, so the new one would share its address ${address}, which the build refuses (article/duplicate-url); nothing was written`,
      file: other,
      hint: `if it is the same story, edit that file; otherwise give the new article another title, or keep the title with a slug of its own: npm run new -- ${shellQuoted(title)} --slug ${slug}-2`,
    });
  }
  const absolute = path.join(options.root, ...file.split('/'));
  await mkdir(path.dirname(absolute), { recursive: true });
  const text = newArticleText(title, day, options.people ?? [], options.tags ?? [], options.slug === undefined ? undefined : slug);
  try {
    await writeNewFile(absolute, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ArhivarError({
        code: 'new/exists',
        message: 'an article file of this name already exists this year; it was left as it is',
        file,
        hint: 'edit that file, or choose a different title (or --slug)',
      });
    }
    throw error;
  }
  return { file };
}
