import type { Person } from '../content/person.ts';
import { ArhivarError } from '../errors.ts';
import { commonFirstNameGender } from '../people/detect.ts';
import { declineMasculine, genderFromRole, guessGender, isOneWordName, possessiveForms, splitName } from '../people/names.ts';

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
