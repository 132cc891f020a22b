import { ArhivarError } from '../errors.ts';
import { nameKey, slugify } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { parsePerson, personFromName, type Person } from '../content/person.ts';
import { checkRedirects } from '../content/redirects.ts';
import type { SourceFile } from '../content/read.ts';
import { append } from '../append.ts';

/**
 * Every known person, findable by canonical name, alias or slug. All three are compared by their slug,
 * so case, diacritics and spacing do not matter ("jurij usakov" finds Jurij Ušakov); a name with no slug
 * (محمود عباس) by its nameKey.
 */
export interface Registry {
  people: ReadonlyMap<string, Person>;
  /** slugified name/alias/id → person id */
  lookup: ReadonlyMap<string, string>;
  /**
   * The nameKey of each name and alias that has no slug (محمود عباس) → person id: a `people:` or `notPeople:` name
   * with no slug is found by it, as a byline finds it (site/byline-people.ts). Apart from lookup, whose slugs the
   * suggestions for a misspelt name are measured against.
   */
  byLetters: ReadonlyMap<string, string>;
  /** Each `redirectFrom:` id the registry accepted → the person it sends on to (none person/redirect-taken refused). */
  redirects: ReadonlyMap<string, string>;
}

/** A nameKey that is no slug: the letters of a name in a script slugs do not write. */
const NOT_SLUG = /[^a-z0-9-]/;

/** Parses every person file and builds the registry; the errors of both steps, in file order. */
export function loadRegistry(sources: readonly SourceFile[]): { registry: Registry; errors: ArhivarError[] } {
  const errors: ArhivarError[] = [];
  const people: Person[] = [];
  for (const source of sources) {
    const result = parsePerson(source);
    errors.push(...result.errors);
    if (result.person) people.push(result.person);
  }
  const built = buildRegistry(people);
  return { registry: built.registry, errors: [...errors, ...built.errors] };
}

export function buildRegistry(people: readonly Person[]): { registry: Registry; errors: ArhivarError[] } {
  const errors: ArhivarError[] = [];
  const byId = new Map<string, Person>();
  const lookup = new Map<string, string>();
  const byLetters = new Map<string, string>();
  const owner = new Map<string, { person: Person; what: string }>();
  const reported = new Set<string>();

  for (const person of people) {
    const first = byId.get(person.id);
    if (first) {
      // Person files in different folders of content/people/ can share a file name, and so a URL.
      errors.push(
        new ArhivarError({
          code: 'person/duplicate',
          message: `this file and ${first.file} both give the page ${urls.person(person.id)}`,
          file: person.file,
          hint: 'keep one file per person: merge the two, or rename one of them',
        }),
      );
      continue;
    }
    byId.set(person.id, person);
  }
  for (const person of byId.values()) {
    // By nameKey, not the slug alone: a byline links a name with no slug (محمود عباس) too, so two files of one such
    // name would leave which of them a byline means to the order of the files.
    // A file named after its name (volodymyr-zelenskyj.md for Volodymyr Zelenskyj) clashes by its name, which has a
    // line to point at; told by its file name, the clash had none, and »file name of« hid that the name was meant.
    const keys: Array<[string, string, number | undefined]> = [
      ...(person.id === nameKey(person.name) ? [] : [[person.id, 'file name', undefined] as [string, string, undefined]]),
      [nameKey(person.name), 'name', person.nameLine],
      ...person.aliases.map((alias): [string, string, number | undefined] => [nameKey(alias), `alias "${alias}"`, person.aliasesLine]),
    ];
    for (const [key, what, line] of keys) {
      if (!key) continue;
      const previous = owner.get(key);
      if (previous && previous.person.id !== person.id) {
        const pair = `${person.id}\n${previous.person.id}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        errors.push(
          new ArhivarError({
            code: 'person/duplicate',
            // Two files of one person (janez-novak.md, janez-novak-2.md) share the name: say that, not "the name of Janez Novak is the name of Janez Novak".
            message:
              person.name === previous.person.name
                ? `${person.name} has two files: this one (by its ${what}) and ${previous.person.file} (by its ${previous.what})`
                : `${what} of ${person.name} is also the ${previous.what} of ${previous.person.name} (${previous.person.file})`,
            file: person.file,
            // A file name has no line; when it clashes with the other file's same name, the name: line is where that name is.
            line: line ?? (person.name === previous.person.name ? person.nameLine : undefined),
            hint: duplicateHint({ person, what }, previous),
          }),
        );
        continue;
      }
      if (!previous) {
        owner.set(key, { person, what });
        // The suggestions for a misspelt name measure slugs: a key of other letters is kept apart from them.
        (NOT_SLUG.test(key) ? byLetters : lookup).set(key, person.id);
      }
    }
  }
  const redirects = new Map<string, string>();
  append(errors, addEarlierIds(byId, lookup, redirects));
  return { registry: { people: byId, lookup, byLetters, redirects }, errors };
}

/**
 * What to do about a name two person files share, by what each shares it with. One name in two files is most
 * often one person written twice (a copy kept under a new file name): »remove the alias« said nothing to that
 * editor, whose files have none. An alias is the usual clash of two people (»minister«), and a file name that
 * is another person's name is a file kept under an old name (README "When a person's file is renamed").
 */
function duplicateHint(clash: { person: Person; what: string }, other: { person: Person; what: string }): string {
  if (nameKey(clash.person.name) === nameKey(other.person.name)) {
    return "keep one of the two files and delete the other, moving its aliases: and redirectFrom: into the one kept; if they are two people of one name, tell them apart in name:, such as Janez Novak ml. and Janez Novak st.";
  }
  const byFileName = clash.what === 'file name' ? clash.person : other.what === 'file name' ? other.person : undefined;
  const renamed = byFileName && slugify(byFileName.name);
  if (byFileName && renamed && renamed !== byFileName.id) {
    return `a file's name finds its person as their name does: rename ${byFileName.file} after its name: (${renamed}.md), with redirectFrom: [${byFileName.id}] in it, or merge the two files if they are one person`;
  }
  return 'each name and alias may belong to one person: remove the alias, or, if they are one person, keep one file and delete the other, moving its name into aliases: and its file name into redirectFrom: of the one kept';
}

/**
 * Each person's `redirectFrom:` ids: an address where no person's page may stand (their own, another
 * person file's, one another person redirects from: person/redirect-taken), and afterwards a name that finds
 * them, so an article's `people: [Ana Novak]` written before ana-novak.md became ana-kovac.md is still hers
 * and makes no page of its own where her redirect stands. Looked up after every name and alias: one of those
 * that slugifies to the old id finds the person it belongs to.
 */
function addEarlierIds(byId: ReadonlyMap<string, Person>, lookup: Map<string, string>, redirects: Map<string, string>): ArhivarError[] {
  const { accepted, taken } = checkRedirects([...byId.values()], {
    redirectFrom: (person) => person.redirectFrom ?? [],
    line: (person) => person.redirectFromLine,
    ownerOf: (from) => byId.get(from),
    code: 'person/redirect-taken',
    noun: 'person',
    page: urls.person,
    eitherOf: 'one of the two files, or merge the two people into one file',
  });
  for (const [from, person] of accepted) {
    redirects.set(from, person.id);
    if (!lookup.has(from)) lookup.set(from, person.id);
  }
  return taken.map(({ error }) => error);
}

/**
 * The registry person a `people:` or `notPeople:` name is: by its slug, or by nameKey when it has none (a name in
 * Arabic, Hebrew, Greek or Chinese letters, which only a person file of that name or alias gives an address).
 */
export function findPerson(registry: Registry, name: string): Person | undefined {
  const slug = slugify(name);
  const id = slug ? registry.lookup.get(slug) : registry.byLetters.get(nameKey(name));
  return id === undefined ? undefined : registry.people.get(id);
}

export interface ResolvedNames {
  ids: string[];
  /** People named in front matter who have no registry file: they get a page from the name alone. */
  unknown: Person[];
}

export function resolveNames(registry: Registry, names: readonly string[]): ResolvedNames {
  const ids: string[] = [];
  const unknown: Person[] = [];
  for (const name of names) {
    const person = findPerson(registry, name) ?? personFromName(name);
    if (!person.id) continue;
    if (!registry.people.has(person.id)) unknown.push(person);
    if (!ids.includes(person.id)) ids.push(person.id);
  }
  return { ids, unknown };
}
