import path from 'node:path';
import { ArhivarError } from '../errors.ts';
import { isValidSlug, slugify } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { foldWhitespace } from '../text/whitespace.ts';
import { parseFrontMatter, textLine } from './front-matter.ts';
import { checkMarkdownShape } from './markdown-shape.ts';
import { insideTypographicQuotes } from './typographic-quotes.ts';
import { PersonFrontMatterSchema, cutAtCommentErrors, foldKey, isPlainObject, issuesToErrors, keyMeant, optionalKeys, stripBodyControlCharacters, withEntryErrorsCounted, withoutEmptyKeys } from './schema.ts';
import type { SourceFile } from './read.ts';
import type { z } from 'zod';
import { isNameSuffix, nameParts, nameWords, sameWords, splitAtSurname, withoutNameSuffix } from './person-name.ts';

export type Gender = 'm' | 'f';

export interface Person {
  /** The slug: the file name without .md, or derived from the name for people without a file. */
  id: string;
  name: string;
  /** The surname words of `name`, when they are not just its last word: Pirc Musar, Xi (Xi Jinping). */
  surname?: string | undefined;
  aliases: readonly string[];
  role: string | undefined;
  gender: Gender | undefined;
  /** false: never found in text, only through an article's `people` list. */
  detect: boolean;
  /** Markdown of the bio; rendered with the articles. */
  bio: string;
  /** The line of the person file the bio starts on, so warnings about it can name the line. */
  bioLine?: number | undefined;
  /** undefined for a person named in an article but with no file in content/people/. */
  file: string | undefined;
  /** The lines of the file's name: and aliases: keys, so an error about a name another person has can name its line. */
  nameLine?: number | undefined;
  aliasesLine?: number | undefined;
  /**
   * Ids the person had before their file was renamed (`redirectFrom:`), whose pages send readers on to this
   * person's; none for most people.
   */
  redirectFrom?: readonly string[] | undefined;
  redirectFromLine?: number | undefined;
}

const PERSON_KEYS = Object.keys(PersonFrontMatterSchema.shape);
const OPTIONAL_PERSON_KEYS = optionalKeys(PersonFrontMatterSchema);
/** Example lines where an article's would mislead: a person's earlier address is their old file's name. */
const PERSON_EXAMPLES: Readonly<Record<string, string>> = { redirectFrom: 'redirectFrom: [ana-novak]' };
/** The keys that hold text alone, which a # after a space would cut (cutAtCommentErrors). */
const PERSON_TEXT_KEYS = ['name', 'surname', 'role'];

/**
 * An article saved among the people (in the wrong folder, or a copy): read as a person file, it was told
 * »"date" is "name", which the file needs: write name: 2026-12-01T09:05 in its place«. A title: and no name: say it.
 */
function articleAmongPeople(data: Record<string, unknown>, keyLines: ReadonlyMap<string, number>, file: string): ArhivarError | undefined {
  if ('name' in data || !('title' in data)) return undefined;
  const title = typeof data.title === 'string' ? foldWhitespace(data.title).trim() : '';
  const year = typeof data.date === 'string' ? /^\d{4}(?=-)/.exec(data.date.trim())?.[0] : undefined;
  const move = `move it to content/articles/${year ? `${year}/` : ''}${path.posix.basename(file)} (or delete it, if it is a copy of an article there)`;
  // Without a date: it may as well be a person's file whose name was written as title: (»title: Ana Novak«).
  const dated = 'date' in data;
  return new ArhivarError({
    code: 'person/article-file',
    message: `this ${dated ? 'is' : 'looks like'} an article${title ? ` (title: ${title})` : ''}, not a person file: content/people/ holds the people, and content/articles/ articles`,
    file,
    line: keyLines.get('title'),
    hint: dated ? `${move}; a person file starts with a name: line` : `if it is an article, ${move}; if it is a person's file, write name: in place of title:`,
  });
}

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
  const article = articleAmongPeople(frontMatter.data, frontMatter.keyLines, file);
  if (article) return { errors: [article] };
  // The bio is checked whatever the front matter holds, so one build names every problem of the file.
  const shape = checkMarkdownShape(frontMatter.body, file, frontMatter.bodyLine);
  const result = PersonFrontMatterSchema.safeParse(withoutEmptyKeys(frontMatter.data, OPTIONAL_PERSON_KEYS, frontMatter.keyLines, source.text));
  const cutAt = cutAtCommentErrors(frontMatter.data, PERSON_TEXT_KEYS, result.error?.issues ?? [], { file, code: 'person', keyLines: frontMatter.keyLines, text: source.text });
  if (!result.success) {
    const inParts = nameInParts(frontMatter.data, frontMatter.keyLines, file);
    const issues = inParts ? withoutIssuesOf(result.error.issues, inParts.keys) : result.error.issues;
    const errors = issuesToErrors(issues, {
      file,
      code: 'person',
      keyLines: frontMatter.keyLines,
      fallbackLine: 1,
      knownKeys: PERSON_KEYS,
      unknownKeyHint: (key) => notAPersonKey(key, file),
      schema: PersonFrontMatterSchema,
      data: frontMatter.data,
      text: source.text,
      examples: PERSON_EXAMPLES,
    });
    if (inParts) errors.unshift(inParts.error);
    errors.push(...cutAt);
    return { errors: withEntryErrorsCounted(shape ? [...errors, shape] : errors, frontMatter.keyLines) };
  }
  const data = result.data;
  // Every line written surname first is told at once, and a bad surname: with them: a file pasted from an index
  // has the name and its aliases so, and telling one per build sent the editor back for each.
  const quoted = quotedTextError('name', data.name, file, frontMatter.keyLines);
  const errors = quoted ? [quoted, ...cutAt] : [...reversedNameErrors(data, file, frontMatter.keyLines), ...noSurnameErrors(data, file, frontMatter.keyLines), ...cutAt];
  const quotedRole = data.role === undefined ? undefined : quotedTextError('role', data.role, file, frontMatter.keyLines);
  if (quotedRole) errors.push(quotedRole);
  // The surname is checked against the name, so only when the name is written right.
  const nameRight = !errors.some((error) => error.code === 'person/bad-name');
  if (nameRight && data.surname !== undefined && !isSurnameOf(data.name, data.surname)) {
    const spelled = spelledInName(data.name, data.surname);
    errors.push(
      new ArhivarError({
        code: 'person/bad-surname',
        message: `surname "${data.surname}" is not the first or the last words of name "${data.name}"`,
        file,
        line: frontMatter.keyLines.get('surname'),
        hint: spelled ? `write surname: ${spelled}, as name: spells it` : 'write the surname as it is spelled in name:, such as surname: Pirc Musar for name: Nataša Pirc Musar',
      }),
    );
  }
  if (errors.length > 0) return { errors: withEntryErrorsCounted(shape ? [...errors, shape] : errors, frontMatter.keyLines) };
  if (shape) return { errors: [shape] };
  const body = stripBodyControlCharacters(frontMatter.body);
  const bio = body.trim();
  // Blank lines before the bio are trimmed off with it: count them, so a warning's line is the file's.
  const bioLine = frontMatter.bodyLine + (body.slice(0, body.length - body.trimStart().length).match(/\n/g)?.length ?? 0);
  return {
    person: {
      id: base,
      name: data.name,
      ...(data.surname !== undefined && { surname: foldWhitespace(data.surname) }),
      aliases: data.aliases,
      role: data.role,
      gender: data.gender,
      detect: data.detect,
      bio,
      ...(bio !== '' && { bioLine }),
      file,
      nameLine: frontMatter.keyLines.get('name'),
      aliasesLine: frontMatter.keyLines.get('aliases'),
      ...(data.redirectFrom.length > 0 && { redirectFrom: data.redirectFrom, redirectFromLine: frontMatter.keyLines.get('redirectFrom') }),
    },
    errors: [],
  };
}

/**
 * What a person file says with no key, for the keys editors look for: a biography (the Markdown after the
 * front matter), an address (the file's name) and a name in parts (name: holds all of it).
 */
function notAPersonKey(written: string, file: string): string | undefined {
  const folded = foldKey(written);
  if (['bio', 'biography', 'biografija', 'opis', 'description', 'about', 'zivljenjepis', 'body', 'text', 'besedilo'].includes(folded)) {
    return 'the biography is not a key: write it as Markdown after the closing ---';
  }
  if (['slug', 'id', 'url', 'permalink', 'path'].includes(folded)) {
    const id = path.posix.basename(file, path.posix.extname(file));
    return `the file's name is the person's address (${file} is ${urls.person(id)}): rename the file to change it, and add redirectFrom: [${id}] to it, so the old address sends readers on`;
  }
  if (GIVEN_NAME_KEYS.includes(folded) || FAMILY_NAME_KEYS.includes(folded)) {
    return 'write the whole name in name:, such as name: Ana Kos; surname: is only for a surname that is not its last word (Pirc Musar)';
  }
  return undefined;
}

/** A name's parts under keys of other tools (folded as foldKey folds them): name: holds the whole name. */
const GIVEN_NAME_KEYS = ['firstname', 'first', 'givenname', 'forename'];
const FAMILY_NAME_KEYS = ['lastname', 'last', 'familyname'];
/** The same with the Slovenian keys (ime:, priimek:, which SLOVENIAN_KEYS tell as name: and surname:) and arhivar's surname:. */
const GIVEN_NAME_PART_KEYS = [...GIVEN_NAME_KEYS, 'ime'];
const FAMILY_NAME_PART_KEYS = [...FAMILY_NAME_KEYS, 'priimek', 'surname'];

/**
 * A name written in two keys, as a CMS exports people (firstName: and lastName:) or a Slovenian form asks for it
 * (ime: and priimek:), in a file without name:: one error, with the line to write. Told key by key, ime: was
 * »write name: Ana in its place«, a person with no surname, and priimek: was surname:, which is only for a
 * surname that is not the name's last word; firstName: and lastName: were three errors for one slip. `keys` are
 * the two keys, whose own errors this one replaces (with »name is required«). A surname: of arhivar's own stays.
 */
function nameInParts(data: Record<string, unknown>, keyLines: ReadonlyMap<string, number>, file: string): { error: ArhivarError; keys: string[] } | undefined {
  if (data.name !== undefined) return undefined;
  const keys = Object.keys(data);
  const given = keys.find((key) => GIVEN_NAME_PART_KEYS.includes(foldKey(key)));
  // arhivar's own surname: first: with priimek: or lastName: taken instead, the hint asked for a second surname: line.
  const family = keys.includes('surname') ? 'surname' : keys.find((key) => FAMILY_NAME_PART_KEYS.includes(foldKey(key)));
  if (given === undefined || family === undefined) return undefined;
  // The whole name under a key of its own as well (Name: Ana Kovač, as some exports write it beside firstName: and
  // lastName:) is told to be renamed to name:: a name made of the two keys too was a second name: line to write.
  if (keys.some((key) => key !== given && !PERSON_KEYS.includes(key) && notAPersonKey(key, file) === undefined && keyMeant(key, PERSON_KEYS) === 'name')) return undefined;
  const givenName = data[given];
  const familyName = data[family];
  if (typeof givenName !== 'string' || typeof familyName !== 'string') return undefined;
  const first = foldWhitespace(givenName);
  const last = foldWhitespace(familyName);
  if (first === '' || last === '') return undefined;
  // The whole name in ime: beside its surname (ime: Ana Kovač, priimek: Kovač) is not to be written twice.
  const name = first === last || first.endsWith(` ${last}`) ? first : `${first} ${last}`;
  const ownSurname = family === 'surname';
  // A surname of more than one word that is the name's last words needs surname: to be one (Pirc Musar).
  const surnameToo = !ownSurname && last.includes(' ') && name.endsWith(` ${last}`);
  const replaced = ownSurname ? `${given}:` : `${given}: and ${family}:`;
  return {
    keys: ownSurname ? [given] : [given, family],
    error: new ArhivarError({
      code: 'person/missing-name',
      message: 'name is required, and the name is written in two keys',
      file,
      line: keyLines.get(given),
      // Pasted as it is, the line must read back as the name: »Ana: Marija« or »&Ana« unquoted is not one.
      hint: `write ${textLine('name', name)}${surnameToo ? ` and ${textLine('surname', last)}` : ''} in place of ${replaced} (name: holds the whole name${surnameToo ? '; surname: a surname that is not its last word' : ''})`,
    }),
  };
}

/** zod's issues without those `nameInParts` answers: »name is required« and the two keys as unknown. */
function withoutIssuesOf(issues: readonly z.core.$ZodIssue[], keys: readonly string[]): z.core.$ZodIssue[] {
  const kept: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const others = issue.keys.filter((key) => !keys.includes(key));
      if (others.length > 0) kept.push({ ...issue, keys: others });
    } else if (issue.path[0] !== 'name') {
      kept.push(issue);
    }
  }
  return kept;
}

/**
 * A name or role between typographic quotes (“Ana Kos”, „Ana Kos“, »Ana Kos«), as Word or macOS types the straight
 * ones: YAML quotes only with ' and ", so the marks were part of the name, shown in the page's heading and title and
 * filed in the people index under “, or shown around the role under it. Neither is written so; quotes inside a name
 * (Ana „Anka“ Kos) are a nickname's.
 */
function quotedTextError(key: 'name' | 'role', value: string, file: string, keyLines: ReadonlyMap<string, number>): ArhivarError | undefined {
  const inner = insideTypographicQuotes(value);
  if (inner === undefined) return undefined;
  return new ArhivarError({
    code: `person/bad-${key}`,
    message: `${key} "${value}" is in typographic quotes, which YAML does not read as quotes, so they would be published as part of it`,
    file,
    line: keyLines.get(key),
    hint: `write ${textLine(key, inner)}`,
  });
}

/**
 * A given name as an index lists it after the surname: a capital and small letters (Ana, Marie-Anne) or an
 * initial (A.). A title (dr., mag., PhD), a word in lowercase or a sign (Prince of Wales, Lake & Palmer) is
 * none, so a comma before it is part of a name, not an index's.
 */
const GIVEN_NAME = /^\p{Lu}(?:\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*|\.)$/u;

/**
 * The name and each alias written surname first, as an index lists people (»Kos, Ana«): text never names them so.
 * An alias so written was worse than never found: what follows its comma was taken for a suffix or title, and
 * »Kos, Ana« became the one-word alias »Kos«, matched alone in text.
 */
function* reversedNameErrors(data: { name: string; aliases: readonly string[] }, file: string, keyLines: ReadonlyMap<string, number>): Generator<ArhivarError> {
  const reversed = surnameFirst(data.name);
  if (reversed) {
    yield new ArhivarError({
      code: 'person/bad-name',
      message: `name "${data.name}" is written surname first, as an index lists it; text names people first name first, so it would never be found there`,
      file,
      line: keyLines.get('name'),
      hint: `write name: ${firstNameFirst(reversed)}${reversed.surname.includes(' ') ? ` and surname: ${reversed.surname}` : ''}`,
    });
  }
  for (const alias of data.aliases) {
    const reversedAlias = surnameFirst(alias);
    if (!reversedAlias) continue;
    yield new ArhivarError({
      code: 'person/bad-aliases',
      message: `alias "${alias}" is written surname first, as an index lists it; text names people first name first, so it would never be found there`,
      file,
      line: keyLines.get('aliases'),
      hint: `write the alias first name first, as text names people: ${firstNameFirst(reversedAlias)}`,
    });
  }
}

/**
 * The name and each alias whose last word, the surname text names the person by, has no letters or digits: »Janez -«
 * (its hyphen splits off nothing), »Janez .«, a word of a zero-width joiner. people/names.ts has no forms of such a
 * word (it made ja, ju, jem of an empty one), so nothing in text was the surname. One written surname first is told
 * by reversedNameErrors alone.
 */
function* noSurnameErrors(data: { name: string; surname?: string | undefined; aliases: readonly string[] }, file: string, keyLines: ReadonlyMap<string, number>): Generator<ArhivarError> {
  const spellings: Array<[string, string | undefined, boolean]> = [[data.name, data.surname, false]];
  // An alias that is the surname (aliases: [Pirc Musar]) is read as the surname: it is as good as surname: is.
  for (const alias of data.aliases) if (data.surname === undefined || !sameWords(alias, data.surname)) spellings.push([alias, undefined, true]);
  for (const [spelling, surname, alias] of spellings) {
    if (surnameFirst(spelling) || hasLetters(nameParts(spelling, surname).surname.at(-1) ?? '')) continue;
    yield new ArhivarError({
      code: alias ? 'person/bad-aliases' : 'person/bad-name',
      message: `${alias ? 'alias' : 'name'} "${spelling}" ends in no word with letters or digits, and its last word is the surname text names the person by`,
      file,
      line: keyLines.get(alias ? 'aliases' : 'name'),
      hint: alias
        ? 'write the alias with the surname last, such as Janez Novak, or delete it'
        : 'write the name with the surname last, such as name: Janez Novak; a person known by one name has it alone (name: Madonna)',
    });
  }
}

function hasLetters(word: string): boolean {
  return /[\p{L}\p{N}]/u.test(word);
}

function firstNameFirst({ given, surname, suffix }: { given: string; surname: string; suffix?: string | undefined }): string {
  return [given, surname, suffix].filter(Boolean).join(' ');
}

/**
 * The parts of a name written as an index lists it, "Kos, Ana" ("King, Martin Luther Jr.", whose suffix goes
 * after the surname); undefined for any other name.
 */
function surnameFirst(name: string): { given: string; surname: string; suffix?: string | undefined } | undefined {
  // Its words as every other reader of a name takes them (nameWords): a mark a right-to-left paste left after
  // »Ana« made her no given name here, and »Kos, Ana« passed as Kos with a title after the comma.
  const parts = nameWords(name).join(' ').split(',').map(foldWhitespace);
  if (parts.length !== 2) return undefined;
  const [surname, given] = parts as [string, string];
  const words = given.split(' ');
  const suffix = isNameSuffix(words.at(-1)!) ? words.pop() : undefined;
  // A suffix alone after the comma (King, Jr.) is how the name is written, not an index's order.
  if (surname === '' || words.length === 0 || !words.every((word) => GIVEN_NAME.test(word))) return undefined;
  return { given: words.join(' '), surname, suffix };
}

/**
 * The leading or trailing words of `name` that `surname` is written otherwise than, in letter case or
 * diacritics alone (pirc musar, Usakov for Ušakov); undefined when it is another name.
 */
function spelledInName(name: string, surname: string): string | undefined {
  const fold = (text: string) => foldWhitespace(text).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const { words } = withoutNameSuffix(nameWords(name));
  const wanted = fold(nameWords(surname).join(' '));
  for (let count = 1; count < words.length; count++) {
    for (const part of [words.slice(-count), words.slice(0, count)]) if (fold(part.join(' ')) === wanted) return part.join(' ');
  }
  return undefined;
}

/**
 * Whether `surname` is the leading or trailing words of `name`, and not all of a name of two words or more. A suffix
 * after the surname does not count: Novak is the surname of Janez Novak ml., and ml. is none.
 */
function isSurnameOf(name: string, surname: string): boolean {
  const { words } = withoutNameSuffix(nameWords(name));
  const named = splitAtSurname(words, surname);
  return named !== undefined && (named.given.length > 0 || words.length === 1);
}

/** A page for someone an article names but the registry does not know yet. */
export function personFromName(name: string): Person {
  return { id: slugify(name), name, aliases: [], role: undefined, gender: undefined, detect: false, bio: '', file: undefined };
}
