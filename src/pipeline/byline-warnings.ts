import { bylineLine, splitByline, type BylineName } from '../content/byline.ts';
import { textLine } from '../content/front-matter.ts';
import { ArhivarError } from '../errors.ts';
import { commonFirstNameGender } from '../people/detect.ts';

/** One capitalised word, a surname as a byline writes it (Novak, Kovač, Pirc-Musar, O'Neill). */
const ONE_NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

/** A given name's initial (»A.«), as a surname-first byline abbreviates it: »Novak, A.«. */
const INITIAL = /^\p{Lu}\.$/u;

/**
 * »Novak, Ana«: a surname, a comma, then a given name, as a library catalogue or a CMS export writes a name.
 * A comma separates authors (content/byline.ts), so this reads as two people, »Novak« and »Ana«: neither is
 * linked to Ana Novak's page, and JSON-LD and the feed give two one-word Persons. A Slovenian byline names a
 * journalist by the full name, so a one-word surname followed by a common given name (people/detect.ts) or an
 * initial is far more likely one person; which name is the surname is a guess only the editor can confirm, so
 * this is a warning, not a silent reading. A first word that is a given name itself (»Jan, Ana«) is left alone.
 */
function surnameFirst(before: Readonly<BylineName>, after: Readonly<BylineName>): boolean {
  return (
    before.kind === 'person' &&
    after.kind === 'person' &&
    ONE_NAME_WORD.test(before.name) &&
    commonFirstNameGender(before.name) === undefined &&
    (commonFirstNameGender(after.name) !== undefined || INITIAL.test(after.name))
  );
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

/** Warnings about an `author:` line: a label before the names, names that look written surname first, with the line as it should read. */
export function bylineWarnings(byline: string | undefined, file: string, line: number | undefined): ArhivarError[] {
  if (byline === undefined) return [];
  const label = labelWarning(byline, file, line);
  if (label) return [label];
  const names = splitByline(byline);
  const pairs: [Readonly<BylineName>, Readonly<BylineName>][] = [];
  for (let index = 1; index < names.length; index++) {
    const before = names[index - 1]!;
    const after = names[index]!;
    if (byline.slice(before.end, after.start).trim() === ',' && surnameFirst(before, after)) pairs.push([before, after]);
  }
  if (pairs.length === 0) return [];
  const read = pairs.map(([surname, given]) => `"${byline.slice(surname.start, given.end)}" as two people, "${surname.name}" and "${given.name}"`);
  return [
    new ArhivarError({
      code: 'article/byline-surname-first',
      message: `a comma separates authors, so the byline reads ${read.join(', and ')}; ${pairs.length === 1 ? 'it looks like one name' : 'they look like names'} written surname first`,
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
