import { mkdir } from 'node:fs/promises';
import { writeNewFile } from '../content/write-new-file.ts';
import path from 'node:path';
import { ArhivarError } from '../errors.ts';
import { checkProjectFolder } from '../pipeline/folders.ts';
import { stripControlCharacters } from '../content/article.ts';
import { slugify } from '../site/slug.ts';
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

export function newArticleText(title: string, date: string, people: readonly string[], tags: readonly string[]): string {
  return ['---', `title: ${yamlString(title)}`, `date: ${date}`, `people: ${yamlList(people)}`, `tags: ${yamlList(tags)}`, '---', '', ''].join('\n');
}

export async function createArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  await checkProjectFolder(options.root);
  const title = stripControlCharacters(options.title);
  const slug = slugify(title);
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
  const absolute = path.join(options.root, ...file.split('/'));
  await mkdir(path.dirname(absolute), { recursive: true });
  const text = newArticleText(title, ljubljanaDay(now), options.people ?? [], options.tags ?? []);
  try {
    await writeNewFile(absolute, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ArhivarError({
        code: 'new/exists',
        message: 'an article with this title already exists this year; it was left as it is',
        file,
        hint: 'edit that file, or choose a different title',
      });
    }
    throw error;
  }
  return { file };
}
