import { mkdir } from 'node:fs/promises';
import { writeNewFile } from '../content/write-new-file.ts';
import path from 'node:path';
import { ArhivarError, ContentErrors, sortErrors, UsageError } from '../errors.ts';
import { checkProjectFolder } from '../pipeline/folders.ts';
import { stripControlCharacters, validateArticle, type ArticleSource } from '../content/article.ts';
import { parseContentDate } from '../content/dates.ts';
import { CONTENT_DIR } from '../content/read.ts';
import { isValidSlug, MAX_SLUG_LENGTH, shortenedSlug, shortenSlug, slugify, slugOfArticleAddress } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { resolveNames } from '../people/registry.ts';
import { unaddressedPeopleErrors, unknownPersonWarning } from '../pipeline/records.ts';
import { readPeopleRegistry } from './people-registry.ts';
import { shownPath } from './shown-path.ts';
import { formatIsoDate, ljubljanaCalendar } from '../text/sl.ts';
import { absoluteFile, addressTakenBy, articleFile, articleFolders, checkArticleFolder, findTakenAddresses, freeSlug } from './article-place.ts';

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
  /** What the next build will warn about the file's --people, told at once (article/unknown-person). */
  warnings: ArhivarError[];
}

/** A YAML double-quoted scalar: JSON string syntax is a subset of it, so every character survives. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

/**
 * "Ana Novak, Boris Kos" → ["Ana Novak", "Boris Kos"]. A semicolon separates too, as a CMS lists tags (Politika;
 * Gospodarstvo): the build refuses such a value without brackets, and in a list it was one tag.
 */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function newArticleText(title: string, date: string, people: readonly string[], tags: readonly string[], slug?: string): string {
  const slugLine = slug === undefined ? [] : [`slug: ${yamlString(slug)}`];
  return ['---', `title: ${yamlString(title)}`, ...slugLine, `date: ${date}`, `people: ${yamlList(people)}`, `tags: ${yamlList(tags)}`, '---', '', ''].join('\n');
}

/**
 * A shell word that stays one argument with its text as typed, inside double quotes (POSIX: \\ " $ ` are special
 * there). A text with ! goes in single quotes instead: an interactive bash expands !word even inside double quotes
 * (»event not found«), and nothing is special inside single quotes but the quote itself.
 */
export function shellQuoted(text: string): string {
  if (text.includes('!')) return `'${text.replaceAll("'", "'\\''")}'`;
  return `"${text.replace(/[\\"$`]/g, '\\$&')}"`;
}

/**
 * A --slug as given, or a UsageError with the slug to write: a slug that is no slug is a mistake on the command
 * line (exit 2), as a bad --date is, in new and import alike.
 */
export function checkedSlug(slug: string): string {
  if (isValidSlug(slug)) return slug;
  const shortened = shortenedSlug(slug);
  if (shortened !== undefined) {
    throw new UsageError(`--slug is ${slug.length} characters long; a slug holds at most ${MAX_SLUG_LENGTH}; write a shorter one, such as --slug ${shortened}`);
  }
  const fromAddress = slugOfArticleAddress(slug);
  const suggestion = slugify(slug);
  throw new UsageError(
    `--slug "${slug}" may hold only lowercase letters a–z, digits and single hyphens; ${
      fromAddress
        ? `write --slug ${fromAddress}: the slug is the last part of the address alone, and the date before it is the article's`
        : suggestion
          ? `write --slug ${suggestion}`
          : 'leave --slug out to make the slug from the title'
    }`,
  );
}

async function checkArticleFolders(root: string, year: number): Promise<void> {
  const writtenInto = `the new article is written into ${CONTENT_DIR}/articles/${year}/`;
  for (const folder of articleFolders(year)) await checkArticleFolder(root, folder, { code: 'new/not-a-folder', writtenInto, again: 'run the command again' });
}

/** Where each line of the file the command writes comes from, to name it in the build's refusal of a value. */
const VALUE_SOURCES: Readonly<Record<string, string>> = { title: 'the title', slug: '--slug', people: '--people', tags: '--tags' };

/**
 * The build's refusals of the file about to be written (a tag or name over 200 characters, a name with no
 * letters, more than 100 tags), told now, each naming the option it came from: written, the file stopped the
 * next build of the whole site. The empty body is only a warning, and is left to the build.
 */
function refusedValues(text: string, errors: readonly ArhivarError[]): ArhivarError[] {
  const lines = text.split('\n');
  return sortErrors(errors).map((error) => {
    const key = error.line === undefined ? undefined : /^(\w+):/.exec(lines[error.line - 1] ?? '')?.[1];
    const source = (key !== undefined && VALUE_SOURCES[key]) || 'the new article';
    return new ArhivarError({ code: 'new/bad-value', message: `${source}: ${error.message} (${error.code} in the build)`, hint: error.hint });
  });
}

export async function createArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  await checkProjectFolder(options.root);
  const title = stripControlCharacters(options.title);
  // A long title's slug is cut at a word, as import cuts it: the whole title's was cut at 200 characters as it fell
  // (»…-o-sankcijah-proti-rusiji-in«). Written as a slug: line, the address stays when the title is corrected.
  const fullSlug = slugify(title);
  const slug = options.slug === undefined ? shortenSlug(fullSlug) : checkedSlug(options.slug);
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
  const day = formatIsoDate(now);
  const date = parseContentDate(day);
  if (!date.ok) throw new Error(`formatIsoDate gave ${day}, which is no date`);
  const text = newArticleText(title, day, options.people ?? [], options.tags ?? [], options.slug === undefined && slug === fullSlug ? undefined : slug);
  // Checked once, as the build will check it: its refusals stop the command, its article gives the warnings.
  const check = validateArticle({ file, text, mtimeMs: 0 });
  const refused = refusedValues(text, [...check.errors, ...(await unaddressedPeople(options.root, check.article))]);
  if (refused.length > 0) throw new ContentErrors(refused);
  const address = urls.article(date.value, slug);
  const taken = await findTakenAddresses(options.root, new Set([day]));
  // The project is named when it is not the working folder, as it was named to this command (--root).
  const rootOption = shownPath(path.resolve(options.root));
  const ownSlug = () =>
    `npm run new -- ${shellQuoted(title)} --slug ${freeSlug(options.root, slug, date.value, year, taken)}${rootOption === '' ? '' : ` --root ${shellQuoted(rootOption)}`}`;
  const takenBy = addressTakenBy(taken, address, file);
  if (takenBy?.reason === 'duplicate-url') {
    throw new ArhivarError({
      code: 'new/duplicate-url',
      message: `this article is dated today and has the slug ${slug} too, so the new one would share its address ${address}, which the build refuses (article/duplicate-url); nothing was written`,
      file: takenBy.file,
      hint: `if it is the same story, edit that file; otherwise give the new article another title, or keep the title with a slug of its own: ${ownSlug()}`,
    });
  }
  if (takenBy?.reason === 'redirect-taken') {
    throw new ArhivarError({
      code: 'new/redirect-taken',
      message: `this article redirects from ${address}, its address before a change of title or date, which would be the new article's address too: the build refuses that (article/redirect-taken); nothing was written`,
      file: takenBy.file,
      hint: `if it is the same story, edit that file; otherwise give the new article another title, or keep the title with a slug of its own: ${ownSlug()}`,
    });
  }
  const absolute = absoluteFile(options.root, file);
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
  return { file, warnings: await unknownPeopleWarnings(options.root, check.article, file) };
}

/**
 * The build's refusal of a --people name in letters a slug does not write (محمود عباس) that no person file has:
 * the registry is read only for such a name, and not trusted while a person file is left out for an error.
 */
async function unaddressedPeople(root: string, article: ArticleSource | undefined): Promise<ArhivarError[]> {
  if (!article?.frontMatter.people.some((name) => !slugify(name))) return [];
  const { registry, complete } = await readPeopleRegistry(root);
  return complete ? unaddressedPeopleErrors(article, registry) : [];
}

/**
 * The build's warning for each --people name no person file has, with the person it probably means (a typo,
 * a case form): told now, while the editor still has the name in mind, instead of at the next build.
 * The file is written all the same, as the build publishes it: the person may be new, with a file to come.
 */
async function unknownPeopleWarnings(root: string, article: ArticleSource | undefined, file: string): Promise<ArhivarError[]> {
  if (!article || article.frontMatter.people.length === 0) return [];
  const { registry, complete } = await readPeopleRegistry(root);
  // As in the build: with a person file left out for an error, its person would be told to have none.
  if (!complete) return [];
  const line = article.keyLines.get('people');
  return resolveNames(registry, article.frontMatter.people).unknown.map((person) => unknownPersonWarning(registry, person, file, line));
}
