import { bylineLine, splitByline, type BylineName } from '../content/byline.ts';
import { textLine } from '../content/front-matter.ts';
import type { Person } from '../content/person.ts';
import { ArhivarError } from '../errors.ts';
import { commonFirstNameGender } from '../people/detect.ts';
import { bylinePerson, peopleByName } from '../site/byline-people.ts';

/** One capitalised word, a surname as a byline writes it (Novak, Kovač, Pirc-Musar, O'Neill). */
const ONE_NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

/** A given name's initial (»A.«), as a surname-first byline abbreviates it: »Novak, A.«. */
const INITIAL = /^\p{Lu}\.$/u;

/**
 * »Novak, Ana«: a surname, a comma, then a given name, as a library catalogue or a CMS export writes a name.
 * A comma separates authors (content/byline.ts), so this reads as two people, »Novak« and »Ana«: neither is
 * linked to Ana Novak's page, and JSON-LD and the feed give two one-word Persons. A Slovenian byline names a
 * journalist by the full name, so a one-word surname followed by a given name or an initial is far more likely
 * one person; which name is the surname is a guess only the editor can confirm, so this is a warning, not a
 * silent reading. A given name is a common one (people/detect.ts) or that of someone with a file in
 * content/people/ (»Kos, Bor« beside bor-kos.md or bor-zupan.md: a newsroom keeps files on its journalists, and
 * »Bor« is on no list). A first word that is a common given name itself (»Jan, Ana«) is left alone.
 * Gives, for a pair that looks so, the person the name turned round is, when someone with a file has it as name or
 * alias (as a byline would link it).
 */
function surnameFirst(before: Readonly<BylineName>, after: Readonly<BylineName>, known: KnownNames): { person: Person | undefined } | undefined {
  if (before.kind !== 'person' || after.kind !== 'person' || !ONE_NAME_WORD.test(before.name) || commonFirstNameGender(before.name) !== undefined) return undefined;
  const person = bylinePerson({ ...after, name: `${after.name} ${before.name}` }, known.byName);
  const given = commonFirstNameGender(after.name) !== undefined || INITIAL.test(after.name) || known.givenNames.has(after.name);
  return person || given ? { person } : undefined;
}

/** What the person files tell a byline: who has which name or alias, and the given names they use. */
interface KnownNames {
  byName: ReadonlyMap<string, Person>;
  givenNames: ReadonlySet<string>;
}

const NO_PEOPLE: ReadonlyMap<string, Person> = new Map();
const knownNamesOf = new WeakMap<ReadonlyMap<string, Person>, KnownNames>();

/** `people`'s KnownNames, made once per map of people; only people with a file, as a byline links them. */
function knownNames(people: ReadonlyMap<string, Person>): KnownNames {
  let known = knownNamesOf.get(people);
  if (known) return known;
  const givenNames = new Set<string>();
  for (const person of people.values()) {
    if (person.file === undefined) continue;
    // The words before the surname (the last word, or `surname:`), when they are one word: Bor of Bor Kos.
    const surname = person.surname ?? person.name.split(' ').at(-1)!;
    const given = person.name.endsWith(` ${surname}`) ? person.name.slice(0, -surname.length - 1).trim() : '';
    if (ONE_NAME_WORD.test(given)) givenNames.add(given);
  }
  known = { byName: peopleByName(people), givenNames };
  knownNamesOf.set(people, known);
  return known;
}

/**
 * A byline copied with the label the article's byline line has (»Piše: Ana Novak«, »Avtorica: M. K.«, as import reads
 * such a line, markdown/plain-text.ts): the label is taken for part of the first name, so structured data and the
 * feeds gave a Person "Piše: Ana Novak", and no person file's name matched it.
 */
function labelWarning(byline: string, file: string, line: number | undefined): ArhivarError | undefined {
  const { label, name } = bylineLine(byline) ?? {};
  if (label === undefined || name === undefined) return undefined;
  return new ArhivarError({
    code: 'article/byline-label',
    message: `the byline starts with "${label}", a label that is not a name: the page shows it as written, but structured data and the feeds would give it as part of an author's name`,
    file,
    line,
    hint: `write ${textLine('author', name)}`,
  });
}

/**
 * Warnings about an `author:` line: a label before the names, names that look written surname first, with the line as
 * it should read. `people` are the registry's (people/registry.ts), whose files name journalists a list does not.
 */
export function bylineWarnings(byline: string | undefined, file: string, line: number | undefined, people: ReadonlyMap<string, Person> = NO_PEOPLE): ArhivarError[] {
  if (byline === undefined) return [];
  const label = labelWarning(byline, file, line);
  if (label) return [label];
  const names = splitByline(byline);
  const pairs: [Readonly<BylineName>, Readonly<BylineName>][] = [];
  const filed: Person[] = [];
  for (let index = 1; index < names.length; index++) {
    const before = names[index - 1]!;
    const after = names[index]!;
    if (byline.slice(before.end, after.start).trim() !== ',') continue;
    const found = surnameFirst(before, after, knownNames(people));
    if (!found) continue;
    pairs.push([before, after]);
    if (found.person && !filed.includes(found.person)) filed.push(found.person);
  }
  if (pairs.length === 0) return [];
  const read = pairs.map(([surname, given]) => `"${byline.slice(surname.start, given.end)}" as two people, "${surname.name}" and "${given.name}"`);
  const files = filed.map((person) => `${person.file} is ${person.name}`);
  const whose = files.length === 0 ? '' : `: ${files.join(', ')}, whose page${files.length === 1 ? '' : 's'} would list this article`;
  return [
    new ArhivarError({
      code: 'article/byline-surname-first',
      message: `a comma separates authors, so the byline reads ${read.join(', and ')}; ${pairs.length === 1 ? 'it looks like one name' : 'they look like names'} written surname first${whose}`,
      file,
      line,
      hint: `write the given name first: author: ${rewritten(byline, pairs, (surname, given) => `${given.name} ${surname.name}`)}; if they are different people, write in instead of the comma: author: ${rewritten(byline, pairs, (surname, given) => `${surname.name} in ${given.name}`)}`,
    }),
  ];
}

/** `byline` with each pair, from its surname to its given name, written as `write` gives it. */
function rewritten(byline: string, pairs: readonly [Readonly<BylineName>, Readonly<BylineName>][], write: (surname: Readonly<BylineName>, given: Readonly<BylineName>) => string): string {
  let text = '';
  let from = 0;
  for (const [surname, given] of pairs) {
    text += byline.slice(from, surname.start) + write(surname, given);
    from = given.end;
  }
  return text + byline.slice(from);
}
