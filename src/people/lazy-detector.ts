import { isNameSuffix, nameWords, PATRONYMIC_PARTICLES } from '../content/person-name.ts';
import { allForms, foldForeignLetters, personFirstForms, type PersonForms } from './names.ts';
import { addToDetector, createDetector, detectInTokens, emptyDetector, foldApostrophe, sortDetector, speakerTagSpelling, tokenize, type DetectedPerson, type Detection, type DetectorParts, type PeopleDetector } from './detect.ts';

/**
 * createDetector's detector, built only as far as the texts given to it need: a person's forms go into the index
 * once a text has a word that could be a form of their surname, and their first names into the set of first names
 * once a word could be one of those. A Markdown worker of a one-article rebuild so builds the people that article
 * could name, not the whole registry (a registry of 20,000 people took 0.7 s or more to build, in every build, in
 * each worker). Detection is the same as with the whole index: for every word of the text, the index and the set
 * of first names answer as the whole registry's would, because everyone who has that word among their forms is in
 * them (see formKeys), in the registry's order. Only the people in the index are looked at beyond that.
 *
 * A person whose forms break formKeys's promise (a rule of names.ts it does not know) is arhivar's bug, not the
 * content's: the detector then builds the whole registry's index, detects the text again with it and uses it from
 * then on, and `fallback` says whose keys failed. Texts detected before may have missed that person.
 */
export class LazyDetector {
  private readonly detector: DetectorParts = emptyDetector();
  /** The registry's detected people, numbered as createDetector numbers them. */
  private readonly people: DetectedPerson[] = [];
  /** Each person's keys (formKeys); undefined for those it cannot key, who are built with the first text. */
  private readonly keys: (FormKeys | undefined)[] = [];
  /** Key → the people one of whose surname keys it is, in order; deleted once they are built. */
  private readonly buckets = new Map<string, number[]>();
  /** Key → the people one of whose keys of a given name it is; deleted once their first names are in. */
  private readonly nameBuckets = new Map<string, number[]>();
  /** The first two UTF-16 units of every key, as one number: a word that starts no key is not sliced. */
  private readonly starts = new Set<number>();
  /** A key starts with a-z: words in lower case must be looked at too. */
  private lowerCaseKeys = false;
  /** People whose forms formKeys cannot vouch for: built with the first text. */
  private readonly always: number[] = [];
  private readonly built: Uint8Array;
  /** The person's first names are in the set of first names (they are when the person is built). */
  private readonly named: Uint8Array;
  /** The whole registry's detector, once a person broke formKeys's promise. */
  private full: PeopleDetector | undefined;
  /** What broke the promise (the person and the form), once one did: for a warning. */
  fallback: string | undefined;

  /** `keysOf` is formKeys; a test gives keys that promise too much, to see the detector fall back. */
  constructor(
    registry: Iterable<DetectedPerson>,
    private readonly keysOf: (person: DetectedPerson) => FormKeys | undefined = formKeys,
  ) {
    for (const person of registry) {
      if (!person.detect) continue;
      const number = this.people.length;
      this.people.push(person);
      const keys = this.keysOf(person);
      this.keys.push(keys);
      if (!keys) {
        this.always.push(number);
        continue;
      }
      for (const key of keys.all) {
        const buckets = keys.surname.has(key) ? this.buckets : this.nameBuckets;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(number);
        else buckets.set(key, [number]);
        this.starts.add(startOf(key));
        const first = key.charCodeAt(0);
        if (first >= 97 && first <= 122) this.lowerCaseKeys = true;
      }
    }
    this.built = new Uint8Array(this.people.length);
    this.named = new Uint8Array(this.people.length);
  }

  /** People built so far (for tests and measurements). */
  get size(): number {
    let size = 0;
    for (const built of this.built) size += built;
    return size;
  }

  detect(text: string): Detection {
    const tokens = tokenize(text);
    if (this.full) return detectInTokens(this.full, tokens);
    const wanted: number[] = [];
    const want = (numbers: readonly number[]) => {
      for (const number of numbers) {
        if (this.built[number]) continue;
        this.built[number] = 1;
        wanted.push(number);
      }
    };
    const named: number[] = [];
    want(this.always);
    for (let i = 0; i < tokens.length; i++) {
      const code = tokens.text.charCodeAt(tokens.starts[i]!);
      if (!this.lowerCaseKeys && code >= 97 && code <= 122) continue;
      // The word as detection looks it up (NFC, apostrophe folded), and an interview's tag in capitals as a surname.
      const word = tokens.word(i);
      this.keyWord(word, want, named);
      const tagged = speakerTagSpelling(tokens, i);
      if (tagged !== undefined) this.keyWord(tagged, want, named);
    }
    // In the registry's order, so most entries go to the end of their lists; sortDetector puts the rest in place.
    wanted.sort((a, b) => a - b);
    try {
      for (const number of wanted) this.add(number);
      for (const number of named) this.addFirstNames(number);
    } catch (error) {
      if (!(error instanceof BrokenKeys)) throw error;
      this.fallback = error.message;
      this.full = createDetector(this.people);
      return detectInTokens(this.full, tokens);
    }
    sortDetector(this.detector);
    return detectInTokens(this.detector, tokens);
  }

  /** The people one of whose keys `word` starts with: `want` those of surname keys, `named` those of given names'. */
  private keyWord(word: string, want: (numbers: readonly number[]) => void, named: number[]): void {
    if (word.length < 2 || !this.starts.has(startOf(word))) return;
    for (let length = 2; length <= Math.min(KEY_LENGTH, word.length); length++) {
      const key = word.slice(0, length);
      const bucket = this.buckets.get(key);
      if (bucket) {
        want(bucket);
        this.buckets.delete(key);
      }
      const names = this.nameBuckets.get(key);
      if (names) {
        // Not push(...names): a key many people's given names share could hold more than a call takes arguments.
        for (const number of names) named.push(number);
        this.nameBuckets.delete(key);
      }
    }
  }

  private add(number: number): void {
    const person = this.people[number]!;
    const forms = addToDetector(this.detector, person, number);
    this.named[number] = 1;
    const keys = this.keys[number];
    if (keys) checkKeys(person, forms, keys);
  }

  /** The person's first names, into the set of first names: the index is asked only about surnames. */
  private addFirstNames(number: number): void {
    if (this.named[number]) return;
    this.named[number] = 1;
    const person = this.people[number]!;
    const keys = this.keys[number]!;
    for (const form of personFirstForms(person)) {
      checkKey(person, form, keys.all);
      this.detector.firstNames.add(form);
    }
  }
}

/** Keys are at most this long: long enough to tell most surnames apart (Kova, Kovi), short enough for a lookup per length. */
const KEY_LENGTH = 4;

function startOf(word: string): number {
  return word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
}

/**
 * Name words whose forms names.ts makes by changing only their ends: letters (and marks), apostrophes and hyphens,
 * starting with a letter. A word with a dot (J., ml.), a comma (Novak, ml.), a digit or anything else is read in ways
 * (an initial, a suffix) this does not follow, and its person is built with the first text.
 */
const PLAIN_WORD = /^\p{L}[\p{L}\p{M}'’‐‑-]*$/u;
const HYPHENS = /[-‐‑]/;

/** A person's keys: those of every name word, and of the words whose forms go into the index (`surname`). */
export interface FormKeys {
  all: ReadonlySet<string>;
  surname: ReadonlySet<string>;
}

/**
 * Strings every form of a person's names and aliases starts with (the index's keys with the apostrophe folded, and
 * the first names as names.ts makes them), or undefined when that cannot be promised. Each name word (each part of a
 * hyphenated one) gives its first keptPrefix letters, at most KEY_LENGTH: every form of a given name or surname
 * starts with them, as names.ts changes only the last three letters of a word (Peter → Petra, Brecelj → Breclja,
 * Zelenskij → Zelenskim). A hyphenated name's forms start as its first part does. The index holds the forms of the
 * last word of each spelling (of its last part: Kovač of Novak-Kovač), and of the `surname:` (Xi of Xi Jinping):
 * their keys are the `surname` keys. A word of fewer than three letters keeps too little (Jo → Ja, Ju), and with a
 * suffix (Jr) or bin and ibn the declining word is another, so such a person gets none. LazyDetector checks each
 * person's forms against these when it builds them.
 */
export function formKeys(person: DetectedPerson): FormKeys | undefined {
  const all = new Set<string>();
  const surname = new Set<string>();
  const written = person.surname === undefined ? [person.name, ...person.aliases] : [person.name, ...person.aliases, person.surname];
  // names.ts adds each spelling with foreign letters dropped (Wałęsa → Walesa), whose forms start otherwise.
  const spellings = new Set([...written, ...written.map(foldForeignLetters)]);
  for (const spelling of spellings) {
    const words = nameWords(spelling);
    // An alias of no words (text-direction marks alone, which parsePerson refuses, in a registry made otherwise) has
    // no forms: names.ts declines an empty surname to none. Should it make one, checkKeys finds it and the detector
    // falls back.
    if (words.length === 0) continue;
    for (const [at, word] of words.entries()) {
      if (!PLAIN_WORD.test(word) || isNameSuffix(word) || PATRONYMIC_PARTICLES.has(word)) return undefined;
      const parts = word.split(HYPHENS).filter((part) => part !== '');
      for (const [k, part] of parts.entries()) {
        const kept = keptPrefix(part);
        if (kept < 2) return undefined;
        const key = part.slice(0, Math.min(KEY_LENGTH, kept));
        // The index holds forms with ’ folded to '; the first names as written.
        for (const spelled of new Set([key, foldApostrophe(key)])) {
          all.add(spelled);
          if (at === words.length - 1 && k === parts.length - 1) surname.add(spelled);
        }
      }
    }
  }
  return { all, surname };
}

/**
 * How many of a word's first letters all its forms keep (names.ts): the ending changes the last letter (Ana → Ane,
 * Novak → Novakom, Rutte → Rutteja), a fleeting e or a, an adjective's -ij or a c that becomes č the last two (Peter →
 * Petra, Aleksandar → Aleksandra, Zelenskij → Zelenskim, Tihec → Tihčev), -elj the last three (Brecelj → Breclja).
 */
function keptPrefix(word: string): number {
  if (word.length >= 5 && /[^aeiou]elj$/i.test(word)) return word.length - 3;
  if (word.length >= 4) return word.length - 2;
  return word.length - 1;
}

/**
 * Every form in the index starts with one of the person's surname keys, and every first name with one of its keys;
 * otherwise formKeys promised wrongly, and earlier texts may have missed the person.
 */
function checkKeys(person: DetectedPerson, forms: PersonForms, keys: FormKeys): void {
  for (const variant of forms.variants) {
    for (const form of variant.firstForms) checkKey(person, form, keys.all);
    for (const form of allForms(variant.surname)) checkKey(person, foldApostrophe(form), keys.surname);
    for (const form of variant.possessives) checkKey(person, foldApostrophe(form), keys.surname);
  }
}

function checkKey(person: DetectedPerson, form: string, keys: ReadonlySet<string>): void {
  for (let length = 2; length <= Math.min(KEY_LENGTH, form.length); length++) if (keys.has(form.slice(0, length))) return;
  throw new BrokenKeys(`the form »${form}« of ${person.name} (${person.id}) starts with none of the keys ${[...keys].join(', ')} (people/lazy-detector.ts formKeys)`);
}

/** A person's forms broke formKeys's promise. */
class BrokenKeys extends Error {}
