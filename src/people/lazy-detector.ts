import { nameWords } from '../content/person-name.ts';
import { allForms, type PersonForms } from './names.ts';
import { addToDetector, detectInTokens, emptyDetector, foldApostrophe, sortDetector, tokenize, type DetectedPerson, type Detection, type DetectorParts } from './detect.ts';

/**
 * createDetector's detector, built only as far as the texts given to it need: a person's forms go into the index
 * once a text has a word that could be one of them. A Markdown worker of a one-article rebuild so builds the people
 * that article could name, not the whole registry (a registry of 20,000 people took 0.7 s or more to build, in
 * every build, in each worker). Detection is the same as with the whole index: for every word of the text, the
 * index and the set of first names answer as the whole registry's would, because everyone who has that word among
 * their forms is in them (see formKeys), in the registry's order.
 */
export class LazyDetector {
  private readonly detector: DetectorParts = emptyDetector();
  /** The registry's detected people, numbered as createDetector numbers them. */
  private readonly people: DetectedPerson[] = [];
  /** Each person's keys (formKeys); undefined for those built before the first text. */
  private readonly keys: (ReadonlySet<string> | undefined)[] = [];
  /** Key → the people one of whose keys it is, in order; deleted once they are built. */
  private readonly buckets = new Map<string, number[]>();
  /** The first two UTF-16 units of every key, as one number: a word that starts no key is not sliced. */
  private readonly starts = new Set<number>();
  /** A key starts with a-z: words in lower case must be looked at too. */
  private lowerCaseKeys = false;
  /** People whose forms formKeys cannot vouch for: built with the first text. */
  private readonly always: number[] = [];
  private readonly built: Uint8Array;

  constructor(registry: Iterable<DetectedPerson>) {
    for (const person of registry) {
      if (!person.detect) continue;
      const number = this.people.length;
      this.people.push(person);
      const keys = formKeys(person);
      this.keys.push(keys && new Set(keys));
      if (!keys) {
        this.always.push(number);
        continue;
      }
      for (const key of new Set(keys)) {
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(number);
        else this.buckets.set(key, [number]);
        this.starts.add(startOf(key));
        const first = key.charCodeAt(0);
        if (first >= 97 && first <= 122) this.lowerCaseKeys = true;
      }
    }
    this.built = new Uint8Array(this.people.length);
  }

  /** People built so far (for tests and measurements). */
  get size(): number {
    let size = 0;
    for (const built of this.built) size += built;
    return size;
  }

  detect(text: string): Detection {
    const tokens = tokenize(text);
    const wanted: number[] = [];
    const want = (numbers: readonly number[]) => {
      for (const number of numbers) {
        if (this.built[number]) continue;
        this.built[number] = 1;
        wanted.push(number);
      }
    };
    want(this.always);
    for (let i = 0; i < tokens.length; i++) {
      const code = tokens.text.charCodeAt(tokens.starts[i]!);
      if (!this.lowerCaseKeys && code >= 97 && code <= 122) continue;
      // The word as detection looks it up (NFC, apostrophe folded).
      const word = tokens.word(i);
      if (word.length < 2 || !this.starts.has(startOf(word))) continue;
      for (let length = 2; length <= Math.min(KEY_LENGTH, word.length); length++) {
        const key = word.slice(0, length);
        const bucket = this.buckets.get(key);
        if (!bucket) continue;
        want(bucket);
        this.buckets.delete(key);
      }
    }
    // In the registry's order, so most entries go to the end of their lists; sortDetector puts the rest in place.
    wanted.sort((a, b) => a - b);
    for (const number of wanted) this.add(number);
    sortDetector(this.detector);
    return detectInTokens(this.detector, tokens);
  }

  private add(number: number): void {
    const person = this.people[number]!;
    const forms = addToDetector(this.detector, person, number);
    const keys = this.keys[number];
    if (keys) checkKeys(person, forms, keys);
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

/**
 * Strings every form of a person's names and aliases starts with (the index's keys with the apostrophe folded, and
 * the first names as names.ts makes them), or undefined when that cannot be promised. Each name word (each part of a
 * hyphenated one) gives its first keptPrefix letters, at most KEY_LENGTH: every form of a given name or surname
 * starts with them, as names.ts changes only the last three letters of a word (Peter → Petra, Brecelj → Breclja,
 * Zelenskij → Zelenskim). A hyphenated name's forms start as its first part does. A word of fewer than three letters
 * keeps too little (Jo → Ja, Ju), so its person gets none. LazyDetector checks each person's forms against these
 * when it builds them.
 */
export function formKeys(person: DetectedPerson): string[] | undefined {
  const keys: string[] = [];
  const spellings = person.surname === undefined ? [person.name, ...person.aliases] : [person.name, ...person.aliases, person.surname];
  for (const spelling of spellings) {
    for (const word of nameWords(spelling)) {
      if (!PLAIN_WORD.test(word)) return undefined;
      for (const part of word.split(HYPHENS)) {
        if (part === '') continue;
        const kept = keptPrefix(part);
        if (kept < 2) return undefined;
        const key = part.slice(0, Math.min(KEY_LENGTH, kept));
        keys.push(key);
        // The index holds forms with ’ folded to '; the first names as written.
        const folded = foldApostrophe(key);
        if (folded !== key) keys.push(folded);
      }
    }
  }
  return keys;
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

/** Every form of the person starts with one of its keys; otherwise formKeys promised wrongly, and earlier texts may have missed the person. */
function checkKeys(person: DetectedPerson, forms: PersonForms, keys: ReadonlySet<string>): void {
  const check = (form: string) => {
    for (let length = 2; length <= Math.min(KEY_LENGTH, form.length); length++) if (keys.has(form.slice(0, length))) return;
    throw new Error(`the form »${form}« of ${person.name} starts with none of the keys ${[...keys].join(', ')} (people/lazy-detector.ts formKeys)`);
  };
  for (const variant of forms.variants) {
    for (const form of variant.firstForms) check(form);
    for (const form of allForms(variant.surname)) check(foldApostrophe(form));
    for (const form of variant.possessives) check(foldApostrophe(form));
  }
}
