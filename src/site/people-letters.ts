import type { Person } from '../content/person.ts';
import { personSortKey } from './archive.ts';
import { memoize } from '../memo.ts';
import { collator } from '../text/sl.ts';

/**
 * /osebe/ under letter headings, as a printed index: the people of each initial of the surname they are filed
 * under (van Gogh under G), with an id the jump links at the top of the page lead to.
 */
export interface LetterGroup<T> {
  /** The heading's id: ASCII, the same for a letter on every site and build (see LETTER_IDS). */
  id: string;
  /** The heading: »A«, »Č«, »Cirilica«. */
  label: string;
  /** In the order they were given (/osebe/'s, by surname with the Slovenian collator). */
  entries: T[];
}

/**
 * The Slovenian alphabet with Ć and Đ, which the collator files as letters of their own after C and D
 * (SLOVENIAN.md), and Q W X Y, which foreign surnames start with (Witkoff).
 */
const ALPHABET = ['A', 'B', 'C', 'Č', 'Ć', 'D', 'Đ', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'Š', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ž'] as const;

/**
 * The ASCII ids of the letters with a mark, as one types them without č š ž: ch sh zh for Č Š Ž (Chekhov,
 * Shostakovich, Zhukov), dj for Đ as arhivar's slugs write it, cj for Ć after it. None is a letter's id of its own,
 * so `crka-c` (C) and `crka-ch` (Č) never meet.
 */
const LETTER_IDS: Readonly<Record<string, string>> = { Č: 'ch', Ć: 'cj', Đ: 'dj', Š: 'sh', Ž: 'zh' };

/** Headings for names in another script, after the Latin letters, in the order the collator puts the scripts. */
const SCRIPTS = [
  { pattern: /\p{Script=Greek}/u, id: 'pisava-grska', label: 'Grška pisava' },
  { pattern: /\p{Script=Cyrillic}/u, id: 'pisava-cirilica', label: 'Cirilica' },
] as const;
const OTHER_SCRIPTS = { id: 'pisava-druge', label: 'Druge pisave' } as const;
/**
 * Latin letters the collator sorts after Ž, the alphabet's last letter (Icelandic Þ: Þórðarson), which no letter
 * of it is the place of: under Ž they stood under a letter that is not theirs. They follow Ž, before Greek.
 */
const OTHER_LETTERS = { id: 'crka-druge', label: 'Druge črke' } as const;
/** A surname with no letter to file it under (»2Pac« files under its digit): the collator puts these before A. */
const NO_LETTER = { id: 'crka-0-9', label: '0–9' } as const;

/** The first letter or digit of the surname a person is filed under, in capitals; a quote or apostrophe before it does not decide. */
function initialOf(person: Person): string | undefined {
  const [surname, given] = personSortKey(person);
  const initial = /[\p{L}\p{N}]/u.exec(surname)?.[0] ?? /[\p{L}\p{N}]/u.exec(given)?.[0];
  return initial?.toLocaleUpperCase('sl');
}

/**
 * The letter of the alphabet an initial is filed under, as the collator files it: É Ä Ø Ł with E A O L (equal to
 * the letter, or after it and before the next: Ł, Æ), Č Ć Đ Š Ž as letters of their own. Its place in ALPHABET;
 * ALPHABET.length for a letter sorted after Ž (OTHER_LETTERS).
 */
function letterIndexOf(initial: string): number {
  let index = 0;
  for (let k = 0; k < ALPHABET.length; k++) if (collator.compare(ALPHABET[k]!, initial) <= 0) index = k;
  return index === ALPHABET.length - 1 && collator.compare(ALPHABET[index]!, initial) < 0 ? ALPHABET.length : index;
}

function groupOf(initial: string | undefined): { id: string; label: string; rank: number } {
  return initial === undefined ? { ...NO_LETTER, rank: -1 } : groupOfInitial(initial);
}

// 5,000 people have a few dozen initials: each is looked up in the alphabet once (grouping them took 12–32 ms with a
// lookup per person, 1–6 ms so).
const groupOfInitial = memoize((initial: string): { id: string; label: string; rank: number } => {
  if (!/\p{L}/u.test(initial)) return { ...NO_LETTER, rank: -1 };
  if (/\p{Script=Latin}/u.test(initial)) {
    const index = letterIndexOf(initial);
    const letter = ALPHABET[index];
    if (letter === undefined) return { ...OTHER_LETTERS, rank: index };
    return { id: `crka-${LETTER_IDS[letter] ?? letter.toLowerCase()}`, label: letter, rank: index };
  }
  const index = SCRIPTS.findIndex(({ pattern }) => pattern.test(initial));
  const { id, label } = index === -1 ? OTHER_SCRIPTS : SCRIPTS[index]!;
  return { id, label, rank: ALPHABET.length + 1 + (index === -1 ? SCRIPTS.length : index) };
}, 10_000);

/**
 * The entries, already in /osebe/'s order, under their letters: A … Ž, then Greek, Cyrillic and other scripts, as the
 * collator orders them. Each group keeps the entries' order. The groups are ranked rather than taken as they come, so
 * a name the collator places apart from its letter (one starting with an apostrophe sorts before A) gets no second heading.
 */
export function groupPeopleByLetter<T extends { person: Person }>(entries: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, LetterGroup<T> & { rank: number }>();
  for (const entry of entries) {
    const { id, label, rank } = groupOf(initialOf(entry.person));
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, label, rank, entries: [] }));
    group.entries.push(entry);
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank).map(({ id, label, entries: grouped }) => ({ id, label, entries: grouped }));
}
