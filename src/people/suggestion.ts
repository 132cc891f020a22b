import type { Person } from '../content/person.ts';
import { isNameSuffix, SURNAME_PARTICLES } from '../content/person-name.ts';
import { slugify } from '../site/slug.ts';
import { typoDistance } from '../text/levenshtein.ts';
import { allForms, personForms, type NameVariant } from './names.ts';
import { findPerson, type Registry } from './registry.ts';

/**
 * The registry person a name in `people:` or `notPeople:` probably means when it matches no name, alias or
 * file name. Editors copy a name from the text, where it is declined (»s Kirilom Dmitrijevim«, »Vladimirja
 * Putina«), write the surname alone or surname first, or misspell it; such a name gets a page of its own, so
 * the warning should name the person instead of only asking for a new file.
 *  - `form`: the words are case forms of the person's first names and surname (Kirilom Dmitrijevim);
 *  - `order`: the same, surname first (Witkoff Steve);
 *  - `surname`: a form of the surname alone (Trump, Putina), when one person has it;
 *  - `spelling`: a name, alias or file name at most one edit in five letters away (Steve Witkof), or for one
 *    word a form of a surname (Witkof).
 * Only a hint: a different person may have such a name, so the name is not taken for the suggested one.
 */
export interface PersonSuggestion {
  person: Person;
  why: 'form' | 'order' | 'surname' | 'spelling';
}

/**
 * Answers by registry and name: every build makes every article's record again, and an archive whose people:
 * lists name the same unknown people in thousands of articles would compare each with every form of every
 * registry name each time (0.2 ms a name at 500 people, 3 ms at 2,000).
 */
const answers = new WeakMap<Registry, Map<string, PersonSuggestion | undefined>>();

export function suggestPerson(registry: Registry, name: string): PersonSuggestion | undefined {
  let known = answers.get(registry);
  if (!known) answers.set(registry, (known = new Map()));
  if (known.has(name)) return known.get(name);
  const suggestion = findSuggestion(registry, name);
  known.set(name, suggestion);
  return suggestion;
}

function findSuggestion(registry: Registry, name: string): PersonSuggestion | undefined {
  const index = formIndexOf(registry);
  const words = name.trim().split(/\s+/).map(slugify).filter(Boolean);
  if (words.length === 0) return undefined;
  const byForm = matchForms(index, words);
  if (byForm) return byForm;
  // A surname form that more than one person has (Novak) is no typo of another of their forms (Novaka).
  if (words.length === 1 && index.has(words[0]!)) return undefined;
  const slug = slugify(name);
  const folded = foldTransliteration(slug);
  // A single word is compared with the surnames' forms too (Witkof), where one person has the form.
  const candidates: Array<[string, string]> = [...registry.lookup];
  if (words.length === 1) for (const [form, entries] of index) if (entries.length === 1) candidates.push([form, entries[0]!.person.id]);
  let best: { id: string; distance: number } | undefined;
  const limit = Math.max(1, Math.floor(slug.length / 5));
  for (const [key, id] of candidates) {
    const distance = Math.min(nearness(slug, key, limit), nearness(folded, foldTransliteration(key), limit));
    if (distance <= limit && (!best || distance < best.distance)) best = { id, distance };
  }
  const person = best && registry.people.get(best.id);
  return person ? { person, why: 'spelling' } : undefined;
}

/** The typo distance of two slugs, or more than `limit` when their lengths alone differ by more than a typo's. */
function nearness(a: string, b: string, limit: number): number {
  return Math.abs(a.length - b.length) > Math.min(2, limit) ? limit + 1 : typoDistance(a, b, limit);
}

/**
 * One Cyrillic name in the transliterations news copies: y where Slovenian writes i, and a final -ij, -yj where it
 * writes -i (Volodymyr Zelenskyj, Volodymyr Zelensky, Volodimir Zelenski). The same sounds, not typos: four of them
 * were farther apart than a typo may be.
 */
function foldTransliteration(slug: string): string {
  return slug.replace(/y/g, 'i').replace(/ij(?=-|$)/g, 'i');
}

interface FormEntry {
  person: Person;
  variant: NameVariant;
  /** The slugs of the variant's surname words before the declining one (van; Novak in Novak-Kovač). */
  prefix: string[];
  /** Slugs of every case form of its first names. */
  firstForms: Set<string>;
}

/** Slug of a case form of a declining surname word → the name variants it belongs to. */
type FormIndex = Map<string, FormEntry[]>;

const indexes = new WeakMap<Registry, FormIndex>();

/** Made once per registry, and only when a name matched nobody: most builds never need it. */
function formIndexOf(registry: Registry): FormIndex {
  let index = indexes.get(registry);
  if (index) return index;
  index = new Map();
  for (const person of registry.people.values()) {
    for (const variant of personForms(person).variants) {
      const entry: FormEntry = {
        person,
        variant,
        prefix: variant.surnamePrefix.map(slugify),
        firstForms: new Set([...variant.firstForms].map(slugify)),
      };
      for (const form of new Set(allForms(variant.surname).map(slugify))) {
        const entries = index.get(form) ?? [];
        if (!entries.some((other) => other.person === person)) entries.push(entry);
        index.set(form, entries);
      }
    }
  }
  indexes.set(registry, index);
  return index;
}

/** A person whose surname (and first names, when there are more words) the words are forms of. */
function matchForms(index: FormIndex, words: string[]): PersonSuggestion | undefined {
  // Surname last (Kirilom Dmitrijevim), then surname first (Witkoff Steve, Dmitrijevim Kirilom).
  const last = fullMatch(index.get(words.at(-1)!) ?? [], words.slice(0, -1), 'last');
  if (last.length === 1) return { person: last[0]!, why: words.length === 1 ? 'surname' : 'form' };
  if (words.length < 2) return undefined;
  const first = fullMatch(index.get(words[0]!) ?? [], words.slice(1), 'first');
  return first.length === 1 ? { person: first[0]!, why: 'order' } : undefined;
}

/** The distinct people of `entries` whose surname prefix and first names account for all of `rest`. */
function fullMatch(entries: readonly FormEntry[], rest: string[], surnameAt: 'first' | 'last'): Person[] {
  const people: Person[] = [];
  for (const entry of entries) {
    let given = rest;
    if (entry.prefix.length > 0) {
      const prefix = surnameAt === 'last' ? rest.slice(-entry.prefix.length) : rest.slice(0, entry.prefix.length);
      if (prefix.join(' ') !== entry.prefix.join(' ')) continue;
      given = surnameAt === 'last' ? rest.slice(0, -entry.prefix.length) : rest.slice(entry.prefix.length);
    }
    if (given.length > entry.variant.firstNames.length || !given.every((word) => entry.firstForms.has(word))) continue;
    if (!people.includes(entry.person)) people.push(entry.person);
  }
  return people;
}

/**
 * The names one entry of `people:` or `notPeople:` joins (»Steve Witkoff in Jared Kushner«, »ter«, »&«, a comma,
 * »;« or »/« between them, as a sentence or a byline lists people), each as its person file writes it, when at
 * least one of them is a registry person's. To the build the entry is one name, with a page of its own
 * (/osebe/steve-witkoff-in-jared-kushner/), and the hint asked for a person file of that name. Undefined when no
 * part is a registry person (»Ana Kos in Bor Zupan« may be a duo's name), or a part neither is a registry person's
 * name or alias nor looks like a name (a suffix, title or organisation after a comma: »Janez Novak, ml.«, »Janez
 * Novak, PhD«, »Kiril Dmitrijev, RDIF«).
 */
export function namesInOneEntry(registry: Registry, name: string): string[] | undefined {
  const parts = name.split(/\s*[,;/]\s*|\s+(?:in|ter|&)\s+/u).map((part) => part.trim());
  if (parts.length < 2) return undefined;
  const found = parts.map((part) => findPerson(registry, part));
  if (found.every((person) => person === undefined)) return undefined;
  if (parts.some((part, k) => found[k] === undefined && !looksLikeName(part))) return undefined;
  return parts.map((part, k) => found[k]?.name ?? part);
}

/**
 * Whether a part no registry person has is written as a person's name: two or more capitalised words, lower-case
 * surname particles between them (Vincent van Gogh). What follows a comma after a name is as often a title, degree
 * or organisation (»Janez Novak, PhD«, »dr. med.«, »Kiril Dmitrijev, RDIF«): of one word, in capitals, abbreviated
 * or in lower case, none of it two name words.
 */
function looksLikeName(part: string): boolean {
  const words = part.split(/\s+/);
  if (!words.every((word) => SURNAME_PARTICLES.has(word) || /^\p{Lu}/u.test(word))) return false;
  return words.filter((word) => NAME_WORD.test(word) && !isNameSuffix(word)).length >= 2;
}

/** A capital, then letters ending in a lower-case one: Novak, McCarthy, O'Brien, Novak-Kovač; not PhD, MBA, Dr. */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}$/u;
