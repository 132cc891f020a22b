import path from 'node:path';
import { ArhivarError } from '../errors.ts';
import { isValidSlug, slugify } from '../site/slug.ts';
import { parseFrontMatter } from './front-matter.ts';
import { checkMarkdownShape } from './markdown-shape.ts';
import { PersonFrontMatterSchema, isPlainObject, issuesToErrors, stripBodyControlCharacters } from './schema.ts';
import type { SourceFile } from './read.ts';

export type Gender = 'm' | 'f';

export interface Person {
  /** The slug: the file name without .md, or derived from the name for people without a file. */
  id: string;
  name: string;
  aliases: readonly string[];
  role: string | undefined;
  gender: Gender | undefined;
  /** false: never found in text, only through an article's `people` list. */
  detect: boolean;
  /** Markdown of the bio; rendered with the articles. */
  bio: string;
  /** undefined for a person named in an article but with no file in content/people/. */
  file: string | undefined;
}

const PERSON_KEYS = Object.keys(PersonFrontMatterSchema.shape);

export function parsePerson(source: SourceFile): { person?: Person; errors: ArhivarError[] } {
  const { file } = source;
  const base = path.posix.basename(file, path.posix.extname(file));
  if (!isValidSlug(base)) {
    return {
      errors: [
        new ArhivarError({
          code: 'person/bad-file-name',
          message: `file name "${base}.md" is not a slug; person files are named after the person's URL`,
          file,
          hint: `rename it to ${slugify(base) || 'ime-priimek'}.md`,
        }),
      ],
    };
  }
  let frontMatter;
  try {
    frontMatter = parseFrontMatter(source.text, file);
  } catch (error) {
    if (error instanceof ArhivarError) return { errors: [error] };
    throw error;
  }
  if (!frontMatter.present || !isPlainObject(frontMatter.data)) {
    return {
      errors: [
        new ArhivarError({
          code: 'person/no-front-matter',
          message: frontMatter.present ? 'front matter must hold keys and values' : 'the person file has no front matter',
          file,
          line: 1,
          hint: 'start the file with ---, a line such as name: Steve Witkoff, and ---',
        }),
      ],
    };
  }
  const result = PersonFrontMatterSchema.safeParse(frontMatter.data);
  if (!result.success) {
    return { errors: issuesToErrors(result.error.issues, { file, code: 'person', keyLines: frontMatter.keyLines, fallbackLine: 1, knownKeys: PERSON_KEYS }) };
  }
  const data = result.data;
  const shape = checkMarkdownShape(frontMatter.body, file, frontMatter.bodyLine);
  if (shape) return { errors: [shape] };
  return {
    person: {
      id: base,
      name: data.name,
      aliases: data.aliases,
      role: data.role,
      gender: data.gender,
      detect: data.detect,
      bio: stripBodyControlCharacters(frontMatter.body).trim(),
      file,
    },
    errors: [],
  };
}

/** A page for someone an article names but the registry does not know yet. */
export function personFromName(name: string): Person {
  return { id: slugify(name), name, aliases: [], role: undefined, gender: undefined, detect: false, bio: '', file: undefined };
}
