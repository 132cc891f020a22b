import type { Person } from '../content/person.ts';
import { ArhivarError } from '../errors.ts';
import { commonFirstNameGender } from '../people/detect.ts';
import { declineMasculine, genderFromRole, guessGender, isOneWordName, possessiveForms, splitName } from '../people/names.ts';
import { isNameSuffix, nameWords, surnameStart, withoutNameSuffix } from '../content/person-name.ts';
import { textLine } from '../content/front-matter.ts';
import { slugify } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import { isAbbreviation } from '../text/abbreviations.ts';
import { typoDistance } from '../text/levenshtein.ts';

/**
 * A one-word name with no `gender:` is guessed from the word itself, and a word not in -a is guessed a man's: Adele,
 * Beyoncé, Björk and Cher would be looked for as »Adeleja«, »z Adelejem«, and her own undeclined name after a
 * woman's verb (»Adele je dejala«) would be read against her. Nothing in the text can tell, so the editor is asked,
 * unless a role noun decided (`role: pevka`) or the word is a man's name arhivar knows (Ivan).
 */
export function guessedGenderWarning(person: Person): ArhivarError | undefined {
  if (person.file === undefined || person.gender !== undefined || !person.detect) return undefined;
  const split = splitName(person.name, person.surname);
  if (!isOneWordName(split, person.surname)) return undefined;
  const word = split.surname[0]!;
  if (genderFromRole(person.role, true) !== undefined || guessGender(person.name, person.role, person.surname) !== 'm') return undefined;
  if (commonFirstNameGender(word) === 'm') return undefined;
  const forms = declineMasculine(word);
  const shown = [forms.gen[0], forms.ins[0], possessiveForms(word)[0]].filter((form) => form !== undefined);
  return new ArhivarError({
    code: 'person/guessed-gender',
    message: `"${person.name}" is one word and the file has no gender:, so it is declined as a man's name (${shown.join(', ')})`,
    file: person.file,
    line: person.nameLine,
    hint: `add gender: f if ${person.name} is a woman, whose one-word name stays as it is (z ${person.name}); gender: m keeps these forms`,
  });
}

/**
 * A surname of more than one word (Nataša Pirc Musar) needs `surname:`: without it the last word and its particles
 * are taken (person-name.ts surnameStart), so the name is filed under M and »Musar« alone is found as her. An alias
 * that is the last words of the name, more of them than that (aliases: [Pirc Musar]), shows the editor takes those
 * words for the surname and forgot the line. The alias may stay: beside surname: it is read as the surname and adds
 * nothing (people/names.ts personForms). Not for an alias that starts with a first name arhivar knows (Marija Kos
 * of Ana Marija Kos is a given name she goes by, with her surname) or with an initial (W. Bush).
 */
/** A given name's initial (W. of George W. Bush), which no surname starts with. */
const INITIAL = /^\p{Lu}\.$/u;

export function missingSurnameWarning(person: Person): ArhivarError | undefined {
  if (person.file === undefined || person.surname !== undefined) return undefined;
  const { words } = withoutNameSuffix(nameWords(person.name));
  const taken = words.slice(surnameStart(words));
  for (const alias of person.aliases) {
    const aliasWords = nameWords(alias);
    const count = aliasWords.length;
    if (count <= taken.length || count >= words.length || commonFirstNameGender(aliasWords[0]!) !== undefined || INITIAL.test(aliasWords[0]!)) continue;
    const tail = words.slice(-count);
    // In any letter case, as names.ts compares an alias with surname: (»Pirc musar« typed in haste is the same words).
    if (!aliasWords.every((word, k) => word.toLocaleLowerCase('sl') === tail[k]!.toLocaleLowerCase('sl'))) continue;
    const surname = tail.join(' ');
    const given = tail.slice(0, count - taken.length).join(' ');
    return new ArhivarError({
      code: 'person/missing-surname',
      message: `alias "${alias}" is the last words of name "${person.name}", as a surname of more than one word is, but the file has no surname:, so its surname is taken to be "${taken.join(' ')}", which the people index files the name by and detection reads as the surname`,
      file: person.file,
      line: person.aliasesLine,
      hint: `add the line surname: ${surname} (the alias ${alias} may stay: it is then read as the surname); if ${given} is a given name, surname: ${taken.join(' ')} says so`,
    });
  }
  return undefined;
}

/**
 * The file's name is the person's address (/osebe/<file name>/), and nothing else checks its spelling: a typo in it
 * (volodimir-zelinski.md for Volodimir Zelenski) was published without a word, and renaming the file once the page is
 * out needs redirectFrom:. Only a file name a typo away from the name's slug is told (a letter, or two in a long name):
 * one named otherwise on purpose is further off (lula.md) or leaves whole words out or adds them (donald-trump.md for
 * Donald J. Trump, a suffix left out, a namesake's number), and one that is an alias's slug is that alias's spelling.
 */
export function fileNameTypoWarning(person: Person): ArhivarError | undefined {
  if (person.file === undefined) return undefined;
  const slug = slugify(person.name);
  if (!slug || slug === person.id || person.aliases.some((alias) => slugify(alias) === person.id)) return undefined;
  if (wordsLeftOutOrAdded(person.id.replace(/(?<=\p{Ll})\d+$/u, ''), slug)) return undefined;
  const limit = slug.length >= 16 ? 2 : 1;
  if (typoDistance(person.id, slug, limit) > limit) return undefined;
  return new ArhivarError({
    code: 'person/file-name-typo',
    message: `the file name ${person.id}.md, which is the address of the page (${urls.person(person.id)}), is spelt unlike name: ${person.name}, whose address would be ${slug}`,
    file: person.file,
    line: person.nameLine,
    hint: `if name: is spelt right, rename the file to ${slug}.md (once the page has been published, with redirectFrom: [${person.id}] in it, so the old address sends readers on); if the file name is, correct name:`,
  });
}

/**
 * Whether one slug is the other with whole words left out or added (franklin-roosevelt for franklin-d-roosevelt,
 * natasa-pirc-musar-2 for a namesake): a file named so on purpose, as two letters in a long slug are not a typo then.
 */
function wordsLeftOutOrAdded(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a.split('-'), b.split('-')] : [b.split('-'), a.split('-')];
  if (longer.includes('')) return false;
  let at = 0;
  for (const word of longer) if (word === shorter[at]) at++;
  return at === shorter.length;
}

/**
 * A role written after a comma in `name:` (»Ana Kos, ministrica za zunanje zadeve«, as a caption or a press release
 * names people). A comma before what is not a given name is taken for a title or the rest of a name, shown with it
 * (content/person.ts), so the role was published as her name on her page, in the people index and in every article.
 * A title or suffix starts with an abbreviation (dr., dr. med, univ. dipl. inž, ml.), is one without its full stop
 * (mag, ml) or written out (mlajši), or starts with a capital (PhD, Prince of Wales); other small letters after the
 * comma are a role's, one short word (župan, škof) or one that ends in an abbreviation (direktorica družbe Petrol d. d.).
 */
export function roleInNameWarning(person: Person): ArhivarError | undefined {
  if (person.file === undefined) return undefined;
  const match = /^(.+?),\s*(\p{Ll}[^,]*?)\s*$/u.exec(person.name);
  if (!match) return undefined;
  const [, name, after] = match as unknown as [string, string, string];
  const words = after.split(/\s+/);
  if (words[0]!.endsWith('.') || (words.length === 1 && (isNameSuffix(after) || isAbbreviation(after)))) return undefined;
  return new ArhivarError({
    code: 'person/role-in-name',
    message: `name "${person.name}" has "${after}" after its comma, which reads as a role, not as part of the name: the page, the people index and every article that names the person would show it as the name`,
    file: person.file,
    line: person.nameLine,
    hint: person.role === undefined ? `write ${textLine('name', name)} and ${textLine('role', after)}` : `write ${textLine('name', name)} (the file has role: already)`,
  });
}
