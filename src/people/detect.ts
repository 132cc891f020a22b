import type { Gender, Person } from '../content/person.ts';
import { CASES, allForms, declineFeminineFirstName, declineMasculine, guessGender, personForms, type Case, type PersonForms } from './names.ts';
import { memoize } from '../memo.ts';
import { NAMED_AFTER_NOUN } from './organisation-noun.ts';
import { isInvisibleInWord, withoutInvisibles } from '../text/invisible.ts';
import { isAbbreviation } from '../text/abbreviations.ts';
import { isCapitalised, isLower } from '../text/letter-case.ts';
import { isNameSuffix, isSurnameParticle, nameSuffixKey, nameWords, PATRONYMIC_PARTICLES, SURNAME_PARTICLES, withoutNameSuffix } from '../content/person-name.ts';

/**
 * Finds registry people in plain text. The detector is built once: every inflected surname and
 * possessive of every person goes into one Map, so an article is read in ONE pass of word tokens with a
 * Map lookup per capitalised word, whatever the size of the registry. Context (the words around a hit)
 * decides the rest: a first name before it, a different first name (a namesake), a preposition or a
 * verb that fixes case and gender, a sentence start, a shared surname.
 */
export type MentionKind = 'full' | 'surname' | 'possessive' | 'alias';

export interface Mention {
  personId: string;
  kind: MentionKind;
  /** The words as written ("Jaredom Kushnerjem", "Trumpovim"). */
  text: string;
  /** Character offsets into the text that was searched. */
  start: number;
  end: number;
  /** Why this counts, for editors ("surname; the article names Steve Witkoff in full"). */
  reason: string;
  /**
   * The words are a whole name or alias in some case (Jaredom Kushnerjem, z Madonno), not a surname, an initial and
   * a surname (J. Kushner) or a possessive: what `import` lists in `people:`, leaving weaker evidence to the build.
   */
  inFull: boolean;
}

export interface Detection {
  /** In text order. */
  mentions: Mention[];
  /** Person ids in order of first appearance. */
  people: string[];
  counts: Map<string, number>;
}

interface DetectorPerson {
  id: string;
  name: string;
  gender: Gender;
  /** The main name's surname in the nominative as written (Kos, Petrova), not an older form of it (Kosova). */
  surname: string;
  /** Case forms of the given names of the main name, and of all aliases. */
  mainFirst: Set<string>;
  allFirst: Set<string>;
  /** The cases each of those forms stands for (CASE_BIT mask). */
  firstCases: Map<string, number>;
  /** First letters of the given names, for "J. Novak". */
  initials: Set<string>;
  /** The surname cannot be an ordinary Slovenian word (Witkoff, Dmitrijev, Vučić), so a sentence start does not hide it. */
  foreign: boolean;
  /**
   * The surname is also a noun Slovenian capitalises: a nationality noun (Rus, Turk, Nemec: »dva Rusa« names nobody)
   * or a heavenly body's name (Mesec, Luna: »Luna in Mesec«, »na Mesecu«).
   */
  capitalisedNoun: boolean;
  /** The surname is an animal's name (Golob, Medved), so its possessive may be the animal's (ANIMAL_NOUNS). */
  animal: boolean;
  /** The surname is a tree's name (Hrast, Javor), so its possessive may be the tree's (TREE_NOUNS). */
  tree: boolean;
  /** The suffix of the name (nameSuffixKey: »ml« for Janez Novak ml.), which tells a father from his son. */
  suffix: string | undefined;
  /**
   * The lower-case particles the main name and aliases are written with (da and de in Maria da Graça de Souza): one
   * between two given names in the text belongs to the name only if it is one of these (»Ana ter Marija Kos« is two).
   */
  particles: Set<string>;
  /** The stem of the head noun of `role:` (komisark for »evropska komisarka«), which tells namesakes apart: »komisarko Kos«. */
  roleStem: string | undefined;
}

interface FormEntry {
  person: number;
  kind: 'surname' | 'possessive';
  /** Only an alias spells the name this way. */
  alias: boolean;
  /** An alias that is a single word (a nickname or mononym): no first name is expected. */
  mononym: boolean;
  /** Surname words that must precede the declining word ("van" for van Gogh). */
  prefix: readonly string[];
  /** Bit mask of the cases this spelling stands for. */
  cases: number;
}

export interface PeopleDetector {
  people: readonly DetectorPerson[];
  index: ReadonlyMap<string, readonly FormEntry[]>;
  /** Forms of common first names and of every registry first name: a word before a surname that is one of these names someone else. */
  firstNames: ReadonlySet<string>;
}

const CASE_BIT: Record<Case, number> = { nom: 1, gen: 2, dat: 4, loc: 8, ins: 16 };
const NOM_ONLY = CASE_BIT.nom;

/** Common first names: a capitalised word at a sentence start before a surname is a first name if it is one of these. */
const COMMON_FIRST_NAMES =
  'Janez Ivan Marko Luka Miha Peter Andrej Jože Franc Anton Tomaž Matej Boštjan Aleš Robert Igor Marjan Bojan Gregor Rok Jan Žiga Nejc Jure Matija Simon Uroš Primož Matjaž Mitja Zoran Dejan Darko Milan Stane Borut Blaž Gašper Klemen Tadej Urban Vid Tim Nik Jakob Filip David Martin Aljaž Jernej Benjamin Lovro Tilen Žan Domen Anže Sašo Alojz Stanislav Vladimir Sergej Aleksander Dmitrij Mihail Nikolaj Kiril Jurij Pavel Tone Branko Drago Zdravko Dušan Vinko Silvo Viktor Emil Karel Jožef Mirko Rudi Boris Goran Denis Alen Ciril Metod Aleksej Andraž Bogdan Damjan Danijel Dominik Edvard Erik Hugo Ivo Janko Jošt Kristjan Leon Maks Matic Matevž Mihael Miran Miroslav Nace Oskar Patrik Rajko Rene Sandi Sebastjan Slavko Srečko Štefan Timotej Tomo Valentin Vasja Vito Zdenko Ludvik Lojze Jani Ernest Feliks Gal Jon Kevin Leo Liam Oliver Viljem Jaka Nikola Saša Zvonko Stanko Danko Niko Marino Renato Valentino John Michael George Joe James William Richard Thomas Paul Mark Steven Emmanuel Olaf Friedrich Recep Ana Maja Marija Mojca Nina Eva Sara Petra Tina Katja Mateja Barbara Nataša Irena Jana Urška Špela Andreja Tanja Vesna Simona Alenka Maruša Tjaša Lara Zala Ema Nika Lea Klara Helena Vida Darja Lucija Olga Tatjana Jelena Svetlana Natalija Angela Ines Karmen Nives Metka Majda Marjeta Mira Polona Neža Ajda Pia Živa Kaja Mirjana Ljudmila Ursula Giorgia Kamala Hillary Mary Elizabeth Keir Rishi Pedro Antonio António Jens Charles Narendra Aleksandar Milorad Volodimir Maria Anna Elena Sofia Julia Laura Paolo Marco Luca Giuseppe Francesco Matteo Jean Pierre François Nicolas Hans Karl Stefan Andreas Daniel Steve Jared Brian Bill Barack Nancy Ron Mike Elon Jeff Dragan Ante Ivica Tomislav Kolinda Tihomir Radovan Slobodan Sebastian Emil Oto Rado Ljubo Jakob Tomo Alenka Branka Vlasta Nada Dragica Marjetka Silva Sonja Romana Damjana Mihaela Aleksandra Nadja Bojana Maja Alja Anja Anita Bernarda Brigita Danica Darinka Erika Gabrijela Hana Ivana Ivanka Jasna Jerneja Jožica Julija Karin Katarina Kristina Lana Lidija Manca Marina Marta Martina Meta Mia Milena Monika Neja Nuša Patricija Rebeka Renata Sabina Sanja Sonja Suzana Štefka Taja Tamara Teja Tea Urša Valentina Veronika Zdenka Zoja Zvonka Ksenija Maša Iza Lina Brina Jelizaveta Irina Natalija Tatjana Larisa Marjana Tjaša'.split(
    ' ',
  );

const commonFirstNameGenders = new Map(COMMON_FIRST_NAMES.map((name) => [name, guessGender(`${name} X`)]));

/** The gender of a common first name in the nominative (Nataša: f, Sergej: m), or undefined for one not in the list. */
export function commonFirstNameGender(name: string): Gender | undefined {
  return commonFirstNameGenders.get(name);
}

export function createDetector(registry: Iterable<DetectedPerson>): PeopleDetector {
  const detector = emptyDetector();
  for (const person of registry) if (person.detect) addToDetector(detector, person, detector.people.length);
  return detector;
}

/** The fields of a person file that detection reads: a worker is sent these, not the bios. */
export type DetectedPerson = Pick<Person, 'id' | 'name' | 'surname' | 'aliases' | 'gender' | 'role' | 'detect'>;

/** A detector being built: createDetector's, or one that adds people as texts need them (lazy-detector.ts). */
export interface DetectorParts extends PeopleDetector {
  people: DetectorPerson[];
  index: Map<string, FormEntry[]>;
  firstNames: Set<string>;
  /** Lists of `index` that a person was added to out of order (lazy-detector.ts), to be sorted before use. */
  unsorted?: Set<FormEntry[]>;
}

const commonFirstNameParadigms = COMMON_FIRST_NAMES.map((name) => (guessGender(`${name} X`) === 'f' ? declineFeminineFirstName(name) : declineMasculine(name, 'given')));
const commonFirstNameForms = commonFirstNameParadigms.flatMap(allForms);

/** Each form of a common first name → the cases it stands for (CASE_BIT mask; Petra is Peter's genitive and Petra's nominative). */
const commonFirstNameCases = new Map<string, number>();
for (const paradigm of commonFirstNameParadigms) {
  for (const grammaticalCase of CASES) for (const form of paradigm[grammaticalCase]) commonFirstNameCases.set(form, (commonFirstNameCases.get(form) ?? 0) | CASE_BIT[grammaticalCase]);
}

/** A detector with no registry people: the common first names only. */
export function emptyDetector(): DetectorParts {
  return { people: [], index: new Map(), firstNames: new Set(commonFirstNameForms) };
}

/**
 * Adds a person as the `number`th of the registry's detected people. The index keeps each form's entries in the
 * order of those numbers (a reading's order decides ties, as `here[0]` in resolve); a person numbered below one
 * already in a list makes the list unsorted until sortDetector. Returns the person's forms.
 */
export function addToDetector(detector: DetectorParts, person: DetectedPerson, number: number): PersonForms {
  const { index, firstNames } = detector;
  const forms = personForms(person);
  const head = forms.variants[0]!.surname.nom[0] ?? '';
  const entry: DetectorPerson = { id: person.id, name: person.name, gender: forms.gender, surname: head, mainFirst: new Set(), allFirst: new Set(), firstCases: new Map(), initials: new Set(), foreign: looksForeign(head), capitalisedNoun: isCapitalisedNoun(head, forms.variants[0]!.firstNames.length === 0), animal: ANIMAL_NOUNS.has(head.toLowerCase()), tree: TREE_NOUNS.has(head.toLowerCase()), suffix: suffixOf(person.name), particles: new Set([person.name, ...person.aliases].flatMap(nameWords).filter((word) => SURNAME_PARTICLES.has(word))), roleStem: roleHeadStem(person.role) };
  detector.people[number] = entry;
  for (const variant of forms.variants) {
    for (const form of variant.firstForms) {
      if (!variant.alias) entry.mainFirst.add(form);
      entry.allFirst.add(form);
      firstNames.add(form);
    }
    for (const paradigm of variant.firstParadigms) {
      for (const grammaticalCase of CASES) {
        for (const form of paradigm[grammaticalCase]) entry.firstCases.set(form, (entry.firstCases.get(form) ?? 0) | CASE_BIT[grammaticalCase]);
      }
    }
    for (const first of variant.firstNames) if (first[0]) entry.initials.add(first[0].toUpperCase());
    const mononym = variant.firstNames.length === 0;
    // A man's surname of two words declines in both (Gnezda Čerin: Adama Gnezde Čerina, z Gnezdo Čerinom), not a
    // particle (van Gogha) and not a woman's (Pirc Musar), which does not decline at all.
    const prefixWord = variant.surnamePrefix.length === 1 ? variant.surnamePrefix[0]! : '';
    const declinedPrefix = forms.gender === 'm' && prefixWord && !isSurnameParticle(prefixWord) && prefixWord[0] !== prefixWord[0]!.toLowerCase() ? declineMasculine(prefixWord) : undefined;
    for (const grammaticalCase of CASES) {
      for (const form of variant.surname[grammaticalCase]) {
        addEntry(detector, form, { person: number, kind: 'surname', alias: variant.alias, mononym, prefix: variant.surnamePrefix, cases: CASE_BIT[grammaticalCase] });
        for (const prefixForm of declinedPrefix?.[grammaticalCase] ?? []) {
          if (prefixForm !== prefixWord) addEntry(detector, form, { person: number, kind: 'surname', alias: variant.alias, mononym, prefix: [prefixForm], cases: CASE_BIT[grammaticalCase] });
        }
      }
    }
    for (const form of variant.possessives) {
      addEntry(detector, form, { person: number, kind: 'possessive', alias: variant.alias, mononym, prefix: [], cases: 0 });
    }
  }
  return forms;
}

/** Puts the entries of the lists addToDetector left unsorted in the order of their people (a stable sort keeps each person's own order). */
export function sortDetector(detector: DetectorParts): void {
  if (!detector.unsorted) return;
  for (const list of detector.unsorted) list.sort((a, b) => a.person - b.person);
  detector.unsorted.clear();
}

function suffixOf(name: string): string | undefined {
  const { suffix } = withoutNameSuffix(nameWords(name));
  return suffix === undefined ? undefined : nameSuffixKey(suffix);
}

function addEntry(detector: DetectorParts, form: string, entry: FormEntry): void {
  const { index } = detector;
  // Names are NFC already (splitName); only the typographic apostrophe needs folding.
  const key = foldApostrophe(form);
  let list = index.get(key);
  if (!list) {
    index.set(key, [{ ...entry }]);
    return;
  }
  // Only the person being added can have an entry to merge with, and its entries are the last ones of the list:
  // createDetector adds everyone's forms person by person. A search of the whole list was quadratic in the
  // people who share a surname: 1.9 s for a registry of 20,000 generated people (835 forms, 500 entries each).
  let same: FormEntry | undefined;
  for (let k = list.length - 1; k >= 0 && list[k]!.person === entry.person; k--) {
    const other = list[k]!;
    if (other.kind === entry.kind && samePrefix(other.prefix, entry.prefix)) {
      same = other;
      break;
    }
  }
  if (same) {
    same.cases |= entry.cases;
    same.alias &&= entry.alias;
    same.mononym &&= entry.mononym;
  } else {
    if (list[list.length - 1]!.person > entry.person) (detector.unsorted ??= new Set()).add(list);
    list.push({ ...entry });
  }
}

/** The spelling of a form as the index holds it, and as Tokens.word gives a word: the typographic apostrophe folded. */
export function foldApostrophe(form: string): string {
  return form.includes('’') ? form.replace(/’/g, "'") : form;
}

function samePrefix(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((word, k) => word === b[k]));
}

// ---------------------------------------------------------------------------------------------------
// Tokens

export class Tokens {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private readonly cache: (string | undefined)[] = [];
  /** TokenFact answers, FACTS to a token: 0 not asked yet, 1 yes, 2 no (made at the first question, once all tokens are in). */
  private facts: Uint8Array | undefined;
  constructor(readonly text: string) {}
  get length(): number {
    return this.starts.length;
  }
  /**
   * `fact` of token i, `compute` asked once per text: every reading of a surname asks the same questions of the words
   * around it, and a surname many people share is read once for each of them (see WordBefore). Only facts of the
   * text, never of a registry: the same tokens may be detected by two detectors (lazy-detector.ts).
   */
  fact(fact: TokenFact, i: number, compute: (tokens: Tokens, i: number) => boolean): boolean {
    // No token there: asked, not kept.
    if (i < 0 || i >= this.starts.length) return compute(this, i);
    const facts = (this.facts ??= new Uint8Array(this.starts.length * FACTS));
    const at = i * FACTS + fact;
    let known = facts[at]!;
    if (known === 0) facts[at] = known = compute(this, i) ? 1 : 2;
    return known === 1;
  }
  /** The word at i; sliced lazily because most words are never looked at. */
  word(i: number): string {
    let word = this.cache[i];
    if (word === undefined) {
      word = this.text.slice(this.starts[i], this.ends[i]);
      // Text typed on some systems keeps č as c + combining caron (NFD); names are compared in NFC.
      if (SPECIAL.test(word)) word = withoutInvisibles(word.replace(/’/g, "'")).normalize('NFC');
      this.cache[i] = word;
    }
    return word;
  }
}

/** The questions about one token that Tokens.fact keeps the answers to, numbered from 0 to FACTS - 1. */
type TokenFact = number;
const SENTENCE_START: TokenFact = 0;
const INITIAL: TokenFact = 1;
const PREPOSITION: TokenFact = 2;
const DEMONYM: TokenFact = 3;
const PROPER_ADJECTIVE_SHAPE: TokenFact = 4;
const FACTS = 5;

// Combining marks (NFD), the typographic apostrophe and the characters text/invisible.ts drops from words.
const SPECIAL = /[\u0300-\u036f’\u00ad\u200b\u2060\ufeff]/;
/** From h or w: a URL with a scheme, or one starting www. (sticky: tried at one position). */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S*[^\s.,;:!?)»«"'“”]/iy;
const LETTER = /[\p{L}\p{M}]/u;
const letterCache = new Uint8Array(0x10000); // 0 unknown, 1 letter, 2 not a letter

function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let known = letterCache[code]!;
  if (known === 0) letterCache[code] = known = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** Words are runs of letters (with marks), an apostrophe inside a word included (O'Neill, D'Alema). */
export function tokenize(text: string): Tokens {
  const tokens = new Tokens(text);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (!isLetterCode(first)) {
      i++;
      continue;
    }
    // A web address written out (https://en.wikipedia.org/wiki/Donald_Trump) names no one: one token, which
    // starts lower-case and so is never looked up, and whose dots do not end a sentence.
    if (first === 104 || first === 119 || first === 72 || first === 87) {
      WEB_ADDRESS.lastIndex = i;
      if (WEB_ADDRESS.test(text)) {
        tokens.starts.push(i);
        tokens.ends.push(WEB_ADDRESS.lastIndex);
        i = WEB_ADDRESS.lastIndex;
        continue;
      }
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && (isLetterCode(text.charCodeAt(i)) || (isInvisibleInWord(text.charCodeAt(i)) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))))) i++;
      const code = text.charCodeAt(i);
      if ((code === 39 || code === 0x2019) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    tokens.starts.push(start);
    tokens.ends.push(i);
  }
  return tokens;
}

/** Only spaces (a line break inside a paragraph counts as one) between tokens a and a+1. */
function tightGap(tokens: Tokens, a: number): boolean {
  for (let k = tokens.ends[a]!; k < tokens.starts[a + 1]!; k++) {
    const ch = tokens.text[k]!;
    if (ch !== ' ' && ch !== '\u00a0' && ch !== '\t' && ch !== '\n' && ch !== '\r') return false;
    if (ch === '\n' && tokens.text[k + 1] === '\n') return false;
  }
  return true;
}

/** Between tokens a and a+1 there is no punctuation that ends a clause. */
function sameClause(tokens: Tokens, a: number): boolean {
  for (let k = tokens.ends[a]!; k < tokens.starts[a + 1]!; k++) {
    const ch = tokens.text[k]!;
    if (ch === ',' || ch === '.' || ch === ';' || ch === ':' || ch === '!' || ch === '?' || ch === '–' || ch === '—' || ch === '(' || ch === ')' || ch === '\n') return false;
  }
  return true;
}

const OPENING_QUOTES = '»„“"‚‘\'';

/** The token starts a sentence, a quotation, a heading or a paragraph. */
function isSentenceStart(tokens: Tokens, i: number): boolean {
  return tokens.fact(SENTENCE_START, i, startsSentence);
}

function startsSentence(tokens: Tokens, i: number): boolean {
  if (i === 0) return true;
  const { text } = tokens;
  const gapStart = tokens.ends[i - 1]!;
  const gapEnd = tokens.starts[i]!;
  for (let k = gapStart; k < gapEnd; k++) {
    const ch = text[k]!;
    if (ch === '!' || ch === '?' || ch === '…' || ch === ':') return true;
    if (ch === '\n' && text[k + 1] === '\n') return true;
    if (ch === '.') {
      if (k > 0 && /\d/.test(text[k - 1]!)) continue;
      if (k === gapStart) {
        const previous = tokens.word(i - 1);
        // »ga. Novak«: before the capitalised word detection asks about, »ga.« is taken for »gospa«, as it always
        // was here; elsewhere it is the pronoun ending a sentence (text/abbreviations.ts).
        if (previous.length === 1 || isAbbreviation(previous) || previous.toLowerCase() === 'ga') continue;
      }
      return true;
    }
  }
  // An opening quote right before the word starts a quoted sentence (»Sever bo …«).
  let k = gapEnd - 1;
  while (k >= gapStart && text[k] === ' ') k--;
  return k >= gapStart && OPENING_QUOTES.includes(text[k]!) && (k === gapStart || /\s/.test(text[k - 1]!));
}

function isInitial(tokens: Tokens, i: number): boolean {
  return tokens.fact(INITIAL, i, spellsInitial);
}

function spellsInitial(tokens: Tokens, i: number): boolean {
  return tokens.word(i).length === 1 && isCapitalised(tokens.word(i)) && tokens.text[tokens.ends[i]!] === '.';
}

/** A preposition, capitalised at a sentence start too (»Z Novak so se …«). */
function isPreposition(tokens: Tokens, i: number): boolean {
  return tokens.fact(PREPOSITION, i, spellsPreposition);
}

function spellsPreposition(tokens: Tokens, i: number): boolean {
  const word = tokens.word(i);
  return PREPOSITIONS.has(word) || (isSentenceStart(tokens, i) && PREPOSITIONS.has(word.toLowerCase()));
}

/** »… je (v nedeljo) potrdila«: the clause after token `last` has a feminine singular verb. */
function feminineSubjectAfter(tokens: Tokens, last: number): boolean {
  if (last + 2 >= tokens.length || !AUXILIARIES.has(tokens.word(last + 1)) || !sameClause(tokens, last)) return false;
  for (let p = last + 2; p < tokens.length && p <= last + 4 && sameClause(tokens, p - 1); p++) {
    const word = tokens.word(p);
    if (!isLower(word)) return false;
    const gender = participleGender(tokens, p);
    if (gender) return gender === 'f';
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Context cues

/** Prepositions never followed by a nominative: "z Novak" cannot be a man (he would be "z Novakom"). */
const PREPOSITIONS = new Set(['z', 's', 'o', 'pri', 'po', 'k', 'h', 'od', 'do', 'brez', 'iz', 'za', 'proti', 'med', 'pred', 'nad', 'pod', 'zaradi', 'ob', 'na', 'v', 'mimo', 'okoli', 'blizu', 'zoper', 'namesto', 'glede', 'poleg', 'razen', 'skozi', 'čez', 'prek', 'preko']);
/**
 * Phrases that name whose words or view they report and so need a genitive after them (po besedah Novaka, po mnenju
 * Kallas): a word there spelled as a man's nominative is no man, as after a preposition. Only phrases that cannot end
 * where they stand: after »po oceni« or »na predlog« a new subject may follow (»Na predlog Horvat ni odgovoril«).
 */
const GENITIVE_PHRASES = new Set(['po besedah', 'po mnenju']);
const AUXILIARIES = new Set(['je', 'ni', 'bo', 'bi', 'ne']);
/** Verbs of saying: "je dejala Kallas" puts the speaker after the verb, and the speaker is the subject. */
const SPEECH_PARTICIPLE =
  /^(deja|poveda|rek|sporoči|pojasni|poudari|doda|izjavi|zatrdi|oceni|opozori|napoveda|zapisa|odgovori|prizna|meni|trdi|zanika|potrdi|vpraša|izpostavi|ugotovi|obljubi|zagotovi|spomni|nadaljeva|razloži|dopolni|sklene|zaključi|navede|navaja|pozva|dodaja|odvrni|odgovarja|napisa|izrazi|sklenil|ocenjeva|svari|posvari|pripomni)(e?l|la)$/;
/** ga. Novak, g. Novak; without the dot »ga« is a pronoun. */
const HONORIFICS = new Map<string, Gender>([
  ['ga', 'f'],
  ['gdč', 'f'],
  ['g', 'm'],
]);
const PROPER_ADJECTIVE = /(sk|šk|čk|ck)(a|e|i|o|ega|emu|em|im|ih|ima|imi)$/;

function spellsProperAdjective(tokens: Tokens, i: number): boolean {
  return PROPER_ADJECTIVE.test(tokens.word(i));
}

/** »Trumpovih 100 dni«: a number may stand between a possessive and its noun. */
const NUMBER_GAP = /^ \d[\d.,]* $/;
/** Possessive adjectives: Plenkovićeva, Trumpovi, Melonijina. */
const POSSESSIVE_SHAPE = /(ov|ev|in)(a|o|e|i|ega|emu|em|im|ih|ima|imi)?$/;
/** Place names spelled like a possessive (Kosovo: Kos; Kraljevo: Kralj). */
const PLACE_SPELLINGS = new Set(['Kosovo', 'Kraljevo', 'Sarajevo', 'Tetovo', 'Kumanovo', 'Ivanovo', 'Borovo', 'Petrovo', 'Lukovo']);
/** Their case forms (Kosova, Kosovu, Kosovom), which are also the older forms of a woman's surname (Kos: Kosova). */
const PLACE_FORMS = new Set([...PLACE_SPELLINGS].flatMap((place) => ['', 'a', 'u', 'om'].map((ending) => (ending ? place.slice(0, -1) + ending : place))));
/**
 * Nationality and regional nouns that are Slovenian surnames too (Rus, Turk, Nemec, Hrvat, Čeh, Korošec):
 * Slovenian capitalises them, so »dva Rusa« looks like a surname.
 */
const NATIONALITY_NOUNS = new Set(
  'rus turk nemec hrvat čeh srb poljak madžar slovak grk francoz anglež škot irec arab žid kitajec japonec avstrijec italijan bosanec makedonec albanec romun bolgar ukrajinec belorus litvanec šved danec norvežan finec estonec španec portugalec belgijec nizozemec američan kanadčan slovenec črnogorec korošec štajerc kranjec primorec prekmurec'.split(' '),
);
/**
 * Heavenly bodies, which Slovenian capitalises as names in astronomy (»Luna in Mesec«, »pristala na Mesecu«, »Zemlja,
 * Mesec in Sonce«; Slovenski pravopis) and which are surnames too (Luka Mesec; Luna, Mars, Merkur, Uran).
 */
const HEAVENLY_BODIES = new Set('sonce luna mesec zemlja merkur venera mars jupiter saturn uran neptun pluton'.split(' '));

/**
 * Surnames that are words a headline may lead with as its topic: seasons and weather, weekdays and months, the animals
 * news reports on. Before a headline's colon such a word is the topic (»Zima: najhladnejša v desetletju«, »Sobota:
 * trgovine zaprte«, »Medved: v Kočevju opazili mladiča«) as often as the one quoted, and nothing in the words tells the
 * two apart. Not surnames that are other words (Golob, Kos, Vesel): a headline does not lead with a pigeon, and
 * »Golob: davki se ne bodo zvišali« quotes Golob.
 */
const TOPIC_WORD_SURNAMES = new Set(
  'zima mraz sneg toča burja vihar megla sever jug sobota petek nedelja torek sreda četrtek januar februar marec april maj junij julij avgust september oktober november december medved volk lisjak jelen zajec'.split(' '),
);

/**
 * The word, a surname's nominative, may lead a headline as its topic (Zima), a nationality (»Rus: …«), a heavenly
 * body (»Luna: …«) or a role noun, which says who is quoted without naming them (»Župan: šola bo odprta«).
 */
function isHeadlineTopicWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TOPIC_WORD_SURNAMES.has(lower) || NATIONALITY_NOUNS.has(lower) || HEAVENLY_BODIES.has(lower) || LISTED_ROLE_NOUNS.has(lower);
}

/**
 * Whether a surname is also a noun Slovenian capitalises (see DetectorPerson.capitalisedNoun). Not a name of one
 * word (a singer called Luna): every mention of it is the whole name, so it would never count at all.
 */
function isCapitalisedNoun(surname: string, oneWord: boolean): boolean {
  const noun = surname.toLowerCase();
  return NATIONALITY_NOUNS.has(noun) || (!oneWord && HEAVENLY_BODIES.has(noun));
}

/** Every case of the nationality nouns, lower case (Avstrijca, Nemcem). */
const NATIONALITY_FORMS: ReadonlySet<string> = new Set([...NATIONALITY_NOUNS].flatMap((noun) => allForms(declineMasculine(noun))));

/**
 * Nationality nouns news puts before an athlete's or a politician's surname that are no surnames themselves, and the
 * women's forms of all of them (Slovenka, Švicarka, Hrvatica, Rusinja), in every case of the singular.
 */
const MEN_DEMONYMS = 'švicar britanec avstralec brazilec argentinec mehičan korejec latvijec kazahstanec izraelec iranec egipčan indijec';
const WOMEN_DEMONYMS =
  'slovenka švicarka američanka norvežanka avstrijka italijanka nemka francozinja britanka angležinja škotinja irka hrvatica srbkinja bosanka črnogorka makedonka albanka rusinja ukrajinka belorusinja poljakinja čehinja slovakinja madžarka romunka bolgarka grkinja turkinja kitajka japonka korejka kanadčanka mehičanka brazilka argentinka avstralka španka portugalka švedinja finka danka estonka latvijka litvanka belgijka nizozemka kazahstanka izraelka';
const DEMONYM_FORMS: ReadonlySet<string> = new Set([
  ...MEN_DEMONYMS.split(' ').flatMap((noun) => allForms(declineMasculine(noun))),
  ...WOMEN_DEMONYMS.split(' ').flatMap((noun) => ['a', 'e', 'i', 'o'].map((ending) => noun.slice(0, -1) + ending)),
]);

/** A nationality noun or an inhabitant's (Mariborčan, Ljubljančanka: -čan, -čanka), in any case of the singular. */
function isDemonym(word: string): boolean {
  const lower = word.toLowerCase();
  return NATIONALITY_FORMS.has(lower) || DEMONYM_FORMS.has(lower) || /čan(a|u|om)?$|čank[aeio]$/.test(lower);
}

function spellsDemonym(tokens: Tokens, i: number): boolean {
  return isDemonym(tokens.word(i));
}

/** Words that cannot be the noun a possessive adjective belongs to. */
const FUNCTION_WORDS = new Set(
  'je ni so sta bo bi in ali pa ter da ki ko se si v na z s o za iz od do po pri k h med pred nad pod kot ker če tudi še že ne le ga jo ji mu jih jim smo ste bil bila bilo bili bodo bosta'.split(' '),
);
/**
 * Nouns that make a possessive part of an institution's, a place's or a holiday's name: Cankarjev dom, Prešernov
 * trg, Prešernovo gledališče (Kranj), Prešernov dan (8 February, the cultural holiday: every year's reports name it, not
 * the poet). Only the singular of dan, so »Trumpovih 100 dni« still counts. A Prešernov nagrajenec is a laureate of the
 * award, as news calls the winners every February, not a mention of the poet. Each noun with its case endings only:
 * as a word's start, sklad, trg and log hid »Magnificova skladba«, »Trumpova trgovinska vojna«, »Putinova logika«. Awards are named so too: Borštnikov
 * prstan (actors), Bloudkova plaketa (sport), Glazerjeva listina (librarians); and a publisher, Cankarjeva založba.
 */
const INSTITUTION_NOUN =
  /^(dan|dne|dnev(a|u|om)|dnem|(praznik|dom|trg|cest|ulic|nagrad|most|park|dvoran|gimnazij|šol|inštitut|zavod|nabrež|ploščad|spomenik|vrt|sklad|gaj|log|hram|stolp|center|centr|kolidž|univerz|muzej|festival|fakultet|bolnišnic|letališč|stadion|zaliv|otok|slap|prelaz|vrh|gledališč|knjižnic|galerij|nagrajen|prstan|plaket|listin|založb)(a|e|i|o|u|om|em|ih|ah|am|ami|ov|ovi|je|ja|ju|jem|jo|ec|ca|cu|cem|ci|cev|ka|ke|ki)?)$/;

/**
 * Surnames that are animals' names (Golob, Kos, Vrabec, Medved), whose possessive is the animal's too, and what an animal
 * has: »Golobovo gnezdo«, »Medvedov brlog«, »Vrabčevo gnezdo« start a sentence as »Golobova vlada« does, and only the
 * noun tells the pigeon's nest from Golob's government.
 */
const ANIMAL_NOUNS = new Set('golob kos vrabec medved volk vovk lisjak jelen zajec orel sokol vran čuk polh jazbec krt petelin kozel bik ježek slavec škorec'.split(' '));
const ANIMALS_OWN = /^(gnezd|brlog|jazbin|perj|peres|perut|kril|kljun|mladič|gob[ce]c?|tac|šap|rogovj|iztrebk|jajc|dlak|kožuh|petj|rep)(o|a|e|i|u|om|em|ih|ami|ah|ek|ki|kov)?$/;

/**
 * Surnames that are trees' names (Hrast, Bor, Javor), whose possessive is the tree's adjective too, and what a
 * tree gives: »Hrastov les« (oak wood), »Javorjevo listje«, »v hrastovih sodih«; »Hrastova knjiga« is the man's.
 */
const TREE_NOUNS = new Set('hrast bor javor oreh kostanj brest gaber jesen macesen topol'.split(' '));
const TREES_OWN = /^(les|lub|list|želod|storž|iglic|sod|parket|pohištv|desk|hlod|debl|krošnj|vej|korenin|plod)(a|e|i|o|u|om|em|ih|ov|ami|je|ja|ju|jem)?$/;

/**
 * Masculine nouns in -l that no verb news uses is spelled as (pokati, to pop, is seldom written; »pokal« is a cup), in
 * the nominative and genitive, the fleeting e dropped (ansambel, ansambla): they end as a man's and a woman's
 * participle do.
 */
const MASCULINE_NOUNS_IN_L: ReadonlySet<string> = new Set([
  ...'festival kanal signal material kapital potencial ideal tunel portal profil terminal original muzikal pokal model simbol protokol alkohol apel gol del val stil'.split(' ').flatMap((noun) => [noun, `${noun}a`]),
  ...'ansambel kabel spektakel'.split(' ').flatMap((noun) => [noun, `${noun.slice(0, -2)}la`]),
]);

/**
 * Words spelled as a participle in -l or -la that are none: those nouns, nouns in -la (dela, vozila, šola) and »cel«,
 * »cela« (whole). »da je Novak festival odprla« has its verb after the noun. Not sporočila, poročila, pravila, the
 * plurals of nouns and the participles of sporočiti, poročiti, praviti alike (see beforeMasculineParticiple).
 */
const NOT_PARTICIPLE: ReadonlySet<string> = new Set([
  ...MASCULINE_NOUNS_IN_L,
  ...'dela vozila zdravila darila kosila plačila posojila števila kola šola vila sila skala igla metla tabla kapela novela parcela tabela cel cela'.split(' '),
]);

/**
 * »poročila pripravljal«, »sporočila ministrstva zavrnil«: a man's participle up to three words after a word in -la,
 * in its clause, makes that word a noun (reports, messages) before its verb, not a woman's participle (poročiti,
 * sporočiti), as one clause has one such verb. The other way round a man's participle stays one: »pripravil
 * poročila« is the verb and its object.
 */
function beforeMasculineParticiple(tokens: Tokens, i: number): boolean {
  for (let p = i + 1; p < tokens.length && p <= i + 3 && sameClause(tokens, p - 1); p++) {
    const word = tokens.word(p);
    if (word.length >= 3 && word.endsWith('l') && isLower(word) && !NOT_PARTICIPLE.has(word) && word !== 'hotel') return true;
  }
  return false;
}

/** The gender of the participle that token `i` is, if it is one (dejal, dejala). */
function participleGender(tokens: Tokens, i: number): Gender | undefined {
  const word = tokens.word(i);
  if (word.length < 3 || !isLower(word) || NOT_PARTICIPLE.has(word)) return undefined;
  // »je hotel oditi«: hoteti's participle (wanted) stands before an infinitive; elsewhere it is a hotel (»hotel zaprla«).
  if ((word === 'hotel' || word === 'hotela') && !(i + 1 < tokens.length && sameClause(tokens, i) && /(ti|či)$/.test(tokens.word(i + 1)))) return undefined;
  if (word.endsWith('la')) return beforeMasculineParticiple(tokens, i) ? undefined : 'f';
  if (word.endsWith('l')) return 'm';
  return undefined;
}

/**
 * Women's role and kinship nouns in -a that news writes before a surname, declined in every case of the singular
 * (-a, -e, -i, -o: ministrica, od ministrice, ministrici, z ministrico). Only a listed noun's genitive, dative and
 * locative tell a woman: those endings are shared with words that are no role nouns (»predsednik stranke Kos«, »na
 * tiskovki«). Not žena, mama (ženi, mami are verbs too: »se ženi«) nor govornica (a lectern: »z govornice«).
 */
const DECLINED_FEMININE_ROLE_NOUNS =
  'ministrica predsednica županja direktorica ravnateljica voditeljica sodnica odvetnica tožilka poslanka kandidatka političarka komisarka premierka kanclerka sekretarka tajnica svetovalka predstavnica veleposlanica diplomatka senatorka kongresnica guvernerka inšpektorica preiskovalka policistka novinarka urednica dopisnica avtorica pisateljica pesnica umetnica glasbenica igralka pevka plesalka režiserka producentka trenerka športnica smučarka tekačica kolesarka tenisačica nogometašica košarkarica rokometašica odbojkarica atletinja prvakinja zmagovalka rekorderka podjetnica lastnica menedžerka zdravnica profesorica učiteljica rektorica dekanja analitičarka ekonomistka zgodovinarka aktivistka strokovnjakinja junakinja obtoženka osumljenka kraljica princesa kontesa baronesa gospodična šefica partnerka zaročenka prijateljica soproga vdova sestra teta hčerka vnukinja nečakinja'.split(' ');

/**
 * Women's kinship and role nouns whose nominative or instrumental ends as a man's role noun does (sestra like
 * ministra, the genitive of minister) or has no role ending at all (žena, teta, hči, vdova; županja, princesa,
 * whose men's nouns župan and princ are listed below): without them »sestra Maja« read as a man's title before
 * his name, and »županja Kos« left Janez Kos standing. With them, every case of the declined list above.
 */
const FEMININE_ROLE_NOUNS = new Set([
  ...'žena ženo mati matere materi materjo hči hčere hčeri hčerjo mama mamo'.split(' '),
  ...DECLINED_FEMININE_ROLE_NOUNS.flatMap((noun) => ['a', 'e', 'i', 'o'].map((ending) => noun.slice(0, -1) + ending)),
]);

/** The nominative endings of a man's role noun (poslanec, direktor, predsednik, ravnatelj, nogometaš, tenisač); roleNounGender takes other cases too. */
const MASCULINE_ROLE_NOMINATIVE = /(nik|ec|or|ar|er|ent|ist|ant|log|telj|aš|ač)$/;

/** Podžupan, vicepremier, nadškof, podžupanja: a role noun with a prefix is that role's. */
function withoutRolePrefix(word: string): string {
  return word.replace(/^(pod|vice|nad|pra)/, '');
}

/** Gender of a role noun right before a name: ministrica Novak, predsednik Novak, župan Novak, županja Novak. */
function roleNounGender(word: string): Gender | undefined {
  const gender = roleNounGenders(word);
  return gender === 'none' ? undefined : gender;
}

/** readRoleNounGender, remembered: it is asked of the word before every reading of a surname, a dozen regular expressions. */
const roleNounGenders = memoize((word: string): Gender | 'none' => readRoleNounGender(word) ?? 'none', 50_000);

function readRoleNounGender(word: string): Gender | undefined {
  if (!isLower(word)) return undefined;
  if (word === 'gospa' || word === 'gospe' || word === 'gospo') return 'f';
  if (word === 'gospod' || word === 'gospoda') return 'm';
  if (FEMININE_ROLE_NOUNS.has(word) || FEMININE_ROLE_NOUNS.has(withoutRolePrefix(word))) return 'f';
  // Župan, kralj, šef, princ, sultan end as no rule below knows (and as given names do: Milan, Zoran), and so
  // are listed, in any case a man's noun has (županu, kralja, z županom).
  if (listedMasculineRoleNoun(word)) return 'm';
  if (word.length < 5) return undefined;
  // Nominative and oblique forms: ministrica, z ministrico; poslanec, s poslancem.
  // -ka after a consonant (poslanka, novinarko); not adverbs and adjectives (lahko, tako, veliki, težko).
  // Only the nominative and instrumental: a genitive is often a complement (predsednika stranke Goloba), and the
  // dative is also the locative of a place or an occasion (na tiskovki), so grammaticalCue reads it (feminineRoleDative).
  // Not the present tense of spominjati, opominjati, izginjati (»se spominja Marko«), which ends as -inja nouns do.
  if (/(ica|ico|inja|injo|[bcdfgjlmnprtv]k[ao])$/.test(word) && !/(minja|^i?zginja)$/.test(word)) return 'f';
  // Not -aša, -ača: the present tense of vprašati, plačati, vračati ends so (»se vpraša Kos«), and a man's
  // genitive before a name tells nothing a declined surname does not (nogometaša Kosa).
  if (MASCULINE_ROLE_NOMINATIVE.test(word) || /(nik|nc|tor|tr|rj|ent|ist|ant|telj)(a|u|om|em)$/.test(word) || /(aš|ač)(u|om|em)$/.test(word)) return 'm';
  return undefined;
}

/**
 * A listed role noun of a man (LISTED_ROLE_NOUNS; not vodja, which is a woman's too), with a prefix or in a man's
 * oblique case: kralja, županu, carjem, dedka (the -j- after -r and a fleeting e as roleStem takes them off).
 */
function listedMasculineRoleNoun(word: string): boolean {
  const base = withoutRolePrefix(word);
  if (LISTED_ROLE_NOUNS.has(base)) return base !== 'vodja';
  // The genitive of a noun in -ik is a feminine noun's nominative too (politika, kritika, tehnika), and may be the
  // subject with the name its genitive: »Kritika Kos je bila ostra«.
  return /(a|u|om|em)$/.test(base) && !base.endsWith('ika') && LISTED_MASCULINE_STEMS.has(roleStem(base));
}

/**
 * A role noun without its case ending, so the text's form meets the person file's nominative: komisarko and komisarka
 * → komisark, trenerju and trener → trenr (the -j- after -r goes, and an e before the last consonant, which drops in
 * poslanec, poslanca).
 */
function roleStem(word: string): string {
  return word
    .replace(/(om|em|ih|a|e|i|o|u)$/, '')
    .replace(/rj$/, 'r')
    .replace(/e([bcčdfghjklmnprsštvzž])$/, '$1');
}

/**
 * The stem of a role's head noun, its first word that is a role noun (the adjectives before it are none): only the
 * head, as the words after it are its complement (»svetovalec predsednika vlade« is no predsednik).
 */
function roleHeadStem(role: string | undefined): string | undefined {
  const head = (role ?? '').toLowerCase().split(/[^\p{L}]+/u).find((word) => roleNounGender(word) !== undefined || LISTED_ROLE_NOUNS.has(word));
  if (head === undefined || obliqueMasculineRoleNoun(head)) return undefined;
  return roleStem(head);
}

/**
 * A man's role noun in a case other than the nominative, which `role:` gives its head in: then it is a complement of
 * a head the detector does not know as a role noun (»član kabineta predsednika vlade«, »kandidat za predsednika«),
 * and that person is no predsednik: »Predsednik Kos« picked him among the namesakes.
 */
function obliqueMasculineRoleNoun(word: string): boolean {
  return roleNounGender(word) === 'm' && !LISTED_ROLE_NOUNS.has(withoutRolePrefix(word)) && word !== 'gospod' && !MASCULINE_ROLE_NOMINATIVE.test(word);
}

/**
 * Words that start a sentence before a man's surname (»Tudi Biden je dejal«, »Predsednik Biden«, »Danes
 * Novak …«) without being his first name: adverbs, conjunctions, particles and pronouns.
 */
const SENTENCE_OPENERS = new Set(
  'a ampak baje celo čeprav danes doslej edini gotovo jutri kaj kako kakor kasneje kdaj kdo kje kmalu koliko končno kot lani letos medtem menda morda najprej namreč nato nazadnje nedavno niti noben očitno odslej pa ponovno posebej potem pozneje prav predvsem prej ravno sam samo sedaj seveda sicer sinoči skoraj spet takoj takrat tako tedaj tisti toda torej ta vendar verjetno vsaj vsak včeraj zakaj zato zdaj zjutraj zlasti znova zvečer'.split(' '),
);
/**
 * Role, title and kinship nouns whose ending is also a given name's (premier, minister like Hunter, Walter;
 * kapetan, župan like Milan, Zoran) or no role ending at all (šef, kralj, brat), so only the listed ones count.
 * So do those in -at, -ik and -ak (kandidat, politik, prvak), endings of ordinary words too (tokrat, jezik, vsak).
 */
const LISTED_ROLE_NOUNS = new Set(
  'admiral arhitekt as atlet bankir bloger brat car cesar dedek dekan emir general guverner haker imam inženir kalif kancler kapetan kapitan kardinal kirurg kmet knez kralj lider major menedžer milijarder minister mož nečak oče papež partner pater pilot premier princ programer rabin raper rekorder reporter režiser ribič sin strateg stric sultan svak šampion šef šejk šerif škof tast trener veteran vnuk vodja zet župan advokat avtokrat birokrat delegat demokrat diplomat kandidat laureat magnat akademik analitik botanik dramatik fizik kemik komik kritik matematik mehanik politik satirik tehnik junak prvak rojak vojak'.split(
    ' ',
  ),
);
/** The stems (roleStem) of the listed men's role nouns, which their oblique cases share. */
const LISTED_MASCULINE_STEMS: ReadonlySet<string> = new Set([...LISTED_ROLE_NOUNS].filter((noun) => noun !== 'vodja').map(roleStem));

/**
 * A word that starts a sentence before a surname in the nominative and is no given name the detector knows:
 * an ordinary word (the lists above, a role or nationality noun, a word ending in a vowel or in -l) or else an
 * unknown given name (Hunter Biden, Eric Trump). A role ending in -er counts only if listed: it ends many
 * given names too. Unknown given names ending in a vowel (Mario, a woman's in -a) are taken for ordinary
 * words, as before; a verb's gender still tells a woman apart.
 */
function isOrdinaryOpener(word: string): boolean {
  const lower = word.toLowerCase();
  if (SENTENCE_OPENERS.has(lower) || FUNCTION_WORDS.has(lower) || PREPOSITIONS.has(lower) || NATIONALITY_NOUNS.has(lower)) return true;
  // Podžupan, vicepremier, nadškof: a listed role with a prefix.
  if (LISTED_ROLE_NOUNS.has(withoutRolePrefix(lower))) return true;
  if (!lower.endsWith('er') && roleNounGender(lower)) return true;
  // A vowel ends adjectives (Nekdanji), adverbs (Uradno), verbs (Pravi, Pojasnjuje), plural and neuter nouns
  // (Pokojnine, Podjetje); -l a headline's participle (Odstopil); and role endings (tenisač, nogometaš,
  // pisatelj, analitik, rojak, kandidat, fotograf, filozof, Ljubljančan) the rest.
  return /([aeiou]|l|ač|aš|telj|ik|ak|at|graf|zof|čan)$/.test(lower);
}

/**
 * A verb that agrees with the name as its subject: "Novak je dejala", "je Novak dejal", "je dejala Novak"
 * (the last only with verbs of saying: "je srečala Novak" has Novak as the object).
 */
function verbGender(tokens: Tokens, first: number, last: number): { gender: Gender; subject: boolean; possessor?: boolean } | undefined {
  const n = tokens.length;
  const apposition = appositionVerb(tokens, last);
  // Without a noun for a person, a sentence-initial word in -a may be a feminine noun the verb agrees with (»Zima,
  // najhujša v zadnjih letih, je prinesla sneg«).
  if (apposition && (apposition.person || !(isSentenceStart(tokens, first) && tokens.word(last).endsWith('a')))) return { gender: apposition.gender, subject: true };
  const clause = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (!sameClause(tokens, k)) return false;
    return true;
  };
  if (last + 2 < n && AUXILIARIES.has(tokens.word(last + 1))) {
    // Up to two words between: an adverb (»je včeraj dejal«) or a prepositional phrase (»Prevc je po tekmi
    // dejala«, »Kos je za Delo dejal«, whose capitalised object is no subject either).
    for (const p of [last + 2, last + 3, last + 4, last + 5, last + 6]) {
      if (p < n && clause(last, p)) {
        const gender = participleGender(tokens, p);
        // Farther on (»Horvat je na vprašanje novinarjev odgovorila«) only a feminine verb of saying: a man's
        // nominative is no object, so a feminine verb is a woman's whoever its subject (»Horvat je na seji
        // premierka pozvala« too: he would be Horvata), while a woman's undeclined surname may be the object of a
        // man's (»Horvat je na seji premier pozval«); and a verb of saying, as a noun in -la (dela, pravila,
        // šola) is no verb.
        if (p > last + 4) {
          if (gender === 'f' && SPEECH_PARTICIPLE.test(tokens.word(p))) return { gender, subject: false };
          if (gender) break;
        }
        // »Izjava Ušakova je presenetila«: a feminine noun before the name may be the subject instead,
        // and the name its genitive. So may the word between auxiliary and participle: »Po besedah
        // Novaka je vlada sprejela«; only a reading that can be a nominative must agree then.
        // »Koncert Björk je bil razprodan«: so may a masculine noun for a work or event, and an undeclined name its genitive.
        if (gender) return { gender, subject: p === last + 2 && !(gender === 'f' && afterFeminineNoun(tokens, first)), possessor: gender === 'm' && afterWorkNoun(tokens, first) };
        if (!isLower(tokens.word(p)) && !(p > last + 2 && PREPOSITIONS.has(tokens.word(p - 1)))) break;
      }
    }
  }
  // »Medved je na seji v torek zvečer po dolgi in utrujajoči razpravi o proračunu predlagala«: the name, »je«, and a
  // woman's participle far on, past the words farVerbGender allows (none of them may be its subject). As above, only a
  // woman's: a woman's undeclined surname may be a man's verb's object (»Medved je … on predlagal«, he proposed to her).
  // Not after a sentence-initial word in -a, which may be a feminine noun agreeing with it (»Zima je … prinesla sneg«).
  if (last + 2 < n && AUXILIARIES.has(tokens.word(last + 1)) && clause(last, last + 1) && !(isSentenceStart(tokens, first) && tokens.word(last).endsWith('a'))) {
    const far = farVerb(tokens, last + 1, FAR_REACH);
    if (far?.gender === 'f') return { gender: far.gender, subject: false };
  }
  // »Zima v Beogradu je bila huda«, »Kos kruha je stal tri evre«: Slovenian puts the auxiliary second, after the
  // whole first phrase, so a phrase between a sentence-initial word and it belongs to that word, which is the
  // subject. Only nominative readings are bound (subject: false), as the phrase may hide another subject.
  if (isSentenceStart(tokens, first)) {
    const aux = auxiliaryAfterPhrase(tokens, last);
    if (aux !== undefined) {
      for (let p = aux + 1; p < n && p <= aux + 3 && clause(p - 1, p); p++) {
        const word = tokens.word(p);
        const gender = participleGender(tokens, p);
        if (gender) return { gender, subject: false };
        if (!isLower(word) && !PREPOSITIONS.has(tokens.word(p - 1))) break;
      }
    }
  }
  if (first >= 1 && AUXILIARIES.has(tokens.word(first - 1)) && last + 1 < n && clause(first - 1, last + 1)) {
    // »je Lesjak rad pripovedoval«: rad, rada (gladly) agree with the subject as the participle does.
    const word = tokens.word(last + 1);
    const gender = word === 'rad' ? 'm' : word === 'rada' ? 'f' : participleGender(tokens, last + 1);
    if (gender) return { gender, subject: true };
    // »da je Novak festival odprla«: a noun spelled as a participle, then the verb. The noun may be the subject of a
    // man's verb (subject: false binds only a nominative), never of a woman's.
    if ((NOT_PARTICIPLE.has(word) || word === 'hotel' || word === 'hotela') && last + 2 < n && clause(last + 1, last + 2)) {
      const verb = participleGender(tokens, last + 2);
      if (verb) return { gender: verb, subject: false };
    }
  }
  // »da jo je Medved večkrat prosil«, »da Medved doslej še ni bil kaznovan«: up to two adverbs between the name and
  // its verb (or the auxiliary and the verb). Only a nominative reading is bound, as after a sentence-initial phrase.
  let afterAdverbs = last + 1;
  while (afterAdverbs < n && afterAdverbs <= last + 2 && ADVERBS.has(tokens.word(afterAdverbs)) && clause(afterAdverbs - 1, afterAdverbs)) afterAdverbs++;
  if (afterAdverbs > last + 1 && afterAdverbs < n && clause(afterAdverbs - 1, afterAdverbs)) {
    const auxBefore = first >= 1 && AUXILIARIES.has(tokens.word(first - 1)) && clause(first - 1, first);
    const verb = auxBefore ? afterAdverbs : AUXILIARIES.has(tokens.word(afterAdverbs)) && afterAdverbs + 1 < n && clause(afterAdverbs, afterAdverbs + 1) ? afterAdverbs + 1 : undefined;
    const gender = verb === undefined ? undefined : participleGender(tokens, verb);
    if (gender) return { gender, subject: false };
  }
  // »da je Medved na seji v torek zvečer po dolgi razpravi predlagal«: after »je« and the name, a participle further on.
  if (first >= 1 && AUXILIARIES.has(tokens.word(first - 1)) && clause(first - 1, first)) {
    const gender = farVerbGender(tokens, last);
    if (gender) return { gender, subject: false };
  }
  for (const [p, a] of [
    [first - 1, first - 2],
    [first - 1, first - 3],
  ] as const) {
    if (a >= 0 && AUXILIARIES.has(tokens.word(a)) && SPEECH_PARTICIPLE.test(tokens.word(p)) && clause(a, first)) {
      // "je vprašala Kuzmina" may have the name as the object: only a nominative reading is bound.
      const gender = participleGender(tokens, p);
      if (gender) return { gender, subject: false };
    }
  }
  // »je v smehu dejal Medved«, »je za STA dejala Kos«: two or three words between the auxiliary and the verb of saying,
  // if they are prepositions, their objects and adverbs, none of which can be the verb's subject instead of the name.
  for (let a = first - 4; a >= 0 && a >= first - 5; a--) {
    if (!AUXILIARIES.has(tokens.word(a)) || !SPEECH_PARTICIPLE.test(tokens.word(first - 1)) || !clause(a, first)) continue;
    let adverbial = true;
    for (let p = a + 1; p < first - 1 && adverbial; p++) {
      const word = tokens.word(p);
      adverbial = PREPOSITIONS.has(word) || ADVERBS.has(word) || (p > a + 1 && PREPOSITIONS.has(tokens.word(p - 1)));
    }
    const gender = adverbial ? participleGender(tokens, first - 1) : undefined;
    if (gender) return { gender, subject: false };
  }
  const reported = reportedParticiple(tokens, last);
  if (reported) return { gender: reported, subject: false };
  return undefined;
}

/** Clitics that may stand between »da« and its participle: pronouns, »se«, the auxiliaries (»da ga bo obesil«). */
const CLITICS = new Set(['ga', 'jo', 'ji', 'mu', 'jih', 'jim', 'se', 'si', 'je', 'bo', 'bi', 'ni', 'ne']);

/**
 * »Kmet pravi, da ga bo obesil v sirarni«: a verb of saying in the present right after the name at token `last`, and
 * a clause »da« opens whose participle stands after only clitics: Slovenian leaves out the subject such a clause
 * shares with the one who says it, so the participle says that one's gender. Only where the clause ends after the
 * participle or a preposition or an adverb follows it: a word there may be a subject of its own (»da ga je obesila
 * žena«, »da je bila odločitev pravilna«).
 */
function reportedParticiple(tokens: Tokens, last: number): Gender | undefined {
  const verb = last + 1;
  if (verb + 2 >= tokens.length || !PRESENT_SPEECH.has(tokens.word(verb)) || !sameClause(tokens, last) || tokens.word(verb + 1) !== 'da') return undefined;
  if (!/^, +$/.test(tokens.text.slice(tokens.ends[verb]!, tokens.starts[verb + 1]!))) return undefined;
  let p = verb + 2;
  while (p < tokens.length && p <= verb + 5 && CLITICS.has(tokens.word(p)) && sameClause(tokens, p - 1)) p++;
  if (p >= tokens.length || p === verb + 2 || !sameClause(tokens, p - 1)) return undefined;
  // »da je bila odločitev pravilna«: a copula's subject follows it.
  if (tokens.word(p).startsWith('bil')) return undefined;
  const gender = participleGender(tokens, p);
  if (!gender) return undefined;
  // Only where nothing after it can be its own subject: the clause ends, or a preposition or an adverb follows.
  if (p + 1 >= tokens.length || !sameClause(tokens, p)) return gender;
  const after = tokens.word(p + 1);
  return PREPOSITIONS.has(after) || ADVERBS.has(after) ? gender : undefined;
}

/**
 * A participle up to ten words after the name at token `last` (»da je Medved na seji v torek zvečer po dolgi razpravi
 * predlagal«), past only words that cannot be its subject instead: prepositions and their objects (»na seji«, »za
 * Delo«), function words and adverbs, and words that end as no nominative of the verb's gender does. No masculine
 * noun's nominative ends in a vowel but a few (vodja, kolega, oče), so before a man's verb such a word may stand
 * (»podjetje«, »milijona«, »vlada«), not one ending in a consonant (»direktor«). A feminine one ends in -a or a
 * consonant (»občina«, »javnost«) or is »mati«, »hči«, so before a woman's verb only words in -e, -i, -o, -u may stand
 * (»podjetje«, »razpravi«) and the masculine nouns in -l (»del«, »festivala«). A capitalised word (»Zajc«) may be the
 * subject, and so may one right after the participle or an adverb after it (»… zagovarjal odvetnik«, »… pohvalila
 * ministrica«, »… pohvalil tudi minister«).
 */
function farVerbGender(tokens: Tokens, last: number): Gender | undefined {
  return farVerb(tokens, last, 10)?.gender;
}

/** farVerbGender's participle within `reach` words after token `last`, and where it is. */
function farVerb(tokens: Tokens, last: number, reach: number): { gender: Gender; at: number } | undefined {
  let man = true;
  let woman = true;
  for (let p = last + 1; p < tokens.length && p <= last + reach && sameClause(tokens, p - 1); p++) {
    const word = tokens.word(p);
    // A preposition's object is no verb, nor its subject, whatever it ends in (»v hotel«, »za Delo«).
    if (p > last + 1 && PREPOSITIONS.has(tokens.word(p - 1))) continue;
    if (!isLower(word)) return undefined;
    const gender = participleGender(tokens, p);
    if (gender) {
      if (!(gender === 'm' ? man : woman)) return undefined;
      // Past »tudi«, »še«: »… pohvalil tudi minister« has its subject after it.
      let q = p + 1;
      while (q < tokens.length && q <= p + 2 && sameClause(tokens, q - 1) && ADVERBS.has(tokens.word(q))) q++;
      if (q >= tokens.length || !sameClause(tokens, q - 1)) return { gender, at: p };
      const next = tokens.word(q);
      return isLower(next) && roleNounGender(next) === undefined ? { gender, at: p } : undefined;
    }
    if (PREPOSITIONS.has(word) || FUNCTION_WORDS.has(word) || ADVERBS.has(word)) continue;
    if (!/[aeiou]$/.test(word) || LISTED_ROLE_NOUNS.has(word) || MASCULINE_NOUNS_IN_A.has(word)) man = false;
    if (!((/[eiou]$/.test(word) && word !== 'mati' && word !== 'hči') || MASCULINE_NOUNS_IN_L.has(word))) woman = false;
    if (!man && !woman) return undefined;
  }
  return undefined;
}

/**
 * »Kos, sodnik in dolgoletni vodja senata, je dejal«, »Horvat, starosta slovenske politike, je dejal«: an apposition
 * between commas right after the name at token `last`, then »je« and a participle (perhaps after adverbs). The
 * apposition's head noun, its first word with a gender (a role noun, a masculine noun in -a, a woman's role noun; not
 * »vodja«, either), says the name's gender, and the verb must agree; without such a noun the verb says it. It must start
 * with a lower-case word that is no function word (»Kos, ki vodi senat, je dejal« is a relative clause).
 */
function appositionVerb(tokens: Tokens, last: number): { gender: Gender; at: number; person: boolean } | undefined {
  const n = tokens.length;
  if (last + 4 >= n || !/^,\s+$/.test(tokens.text.slice(tokens.ends[last]!, tokens.starts[last + 1]!))) return undefined;
  const opening = tokens.word(last + 1);
  if (!isLower(opening) || FUNCTION_WORDS.has(opening) || PREPOSITIONS.has(opening) || ADVERBS.has(opening)) return undefined;
  let head: Gender | undefined;
  let governed = false;
  let end: number | undefined;
  for (let p = last + 1; p < n && p <= last + 8; p++) {
    const word = tokens.word(p);
    if (PREPOSITIONS.has(word)) governed = true;
    if (head === undefined && !governed && isLower(word)) head = roleNounGender(word) ?? (MASCULINE_NOUNS_IN_A.has(word) || word === 'oče' ? 'm' : undefined);
    if (!sameClause(tokens, p)) {
      end = p;
      break;
    }
  }
  if (end === undefined || end + 2 >= n || !/^,\s+$/.test(tokens.text.slice(tokens.ends[end]!, tokens.starts[end + 1]!)) || !AUXILIARIES.has(tokens.word(end + 1))) return undefined;
  for (let p = end + 2; p < n && p <= end + 4 && sameClause(tokens, p - 1); p++) {
    const verb = participleGender(tokens, p);
    if (verb) return head === undefined || head === verb ? { gender: verb, at: p, person: head !== undefined } : undefined;
    if (!ADVERBS.has(tokens.word(p))) return undefined;
  }
  return undefined;
}

/** How many words after »je« a participle may stand in »Medved je … predlagala«: a long adverbial, as news writes one. */
const FAR_REACH = 13;

/** Participles of what only a person does (proposing, demanding, voting), which show a person as a verb of saying does. */
const PERSON_PARTICIPLE = /^(predlaga|zahteva|glasova)la?$/;

/** Masculine nouns in -a whose nominative may be a man's verb's subject (LISTED_ROLE_NOUNS has vodja). */
const MASCULINE_NOUNS_IN_A = new Set(['kolega', 'sluga', 'starešina', 'starosta', 'vojvoda', 'očka', 'ata']);

/** Adverbs that stand between a name and its verb: »je Medved večkrat prosil«, »Medved doslej še ni bil«. */
const ADVERBS = new Set(
  'večkrat pogosto tudi že še vedno nikoli nikdar takrat tedaj včeraj danes lani letos nato potem prej kasneje pozneje znova spet ponovno osebno javno doslej dotlej sploh redko nenehno takoj kmalu zdaj sedaj menda baje očitno verjetno morda res le samo zgolj celo skoraj najprej nazadnje končno vendarle ravno prav zjutraj dopoldne opoldne popoldne zvečer ponoči sinoči'.split(' '),
);

/**
 * The auxiliary after a phrase of one or two words that follows token `last` in its clause: a lower-case word (a
 * genitive, »Kos kruha«; an adverb, »Golob včeraj«) or a preposition and its object, capitalised or not
 * (»Zima v Beogradu«). Right after the name it is not this phrase's: verbGender reads that case already.
 */
function auxiliaryAfterPhrase(tokens: Tokens, last: number): number | undefined {
  if (last + 1 >= tokens.length || AUXILIARIES.has(tokens.word(last + 1))) return undefined;
  for (let p = last + 2; p <= last + 3 && p < tokens.length; p++) {
    for (let k = last; k < p; k++) if (!sameClause(tokens, k)) return undefined;
    const word = tokens.word(p - 1);
    if (!isLower(word) && !PREPOSITIONS.has(tokens.word(p - 2))) return undefined;
    if (AUXILIARIES.has(tokens.word(p))) return p;
  }
  return undefined;
}

/** The word before token `first`, in the same phrase, has the shape of a feminine noun (izjava, Vlada). */
function afterFeminineNoun(tokens: Tokens, first: number): boolean {
  if (first === 0 || !tightGap(tokens, first - 1)) return false;
  const word = tokens.word(first - 1).toLowerCase();
  return word.length >= 4 && word.endsWith('a') && !FUNCTION_WORDS.has(word) && !PREPOSITIONS.has(word);
}

/**
 * The word before token `first`, in the same phrase, is a masculine noun for a work or an event (koncert, album,
 * nastop): it may be the subject of a masculine verb after the name, and a name that does not decline its genitive
 * (»Koncert Björk je bil razprodan«, »novi album Adele je bil«). Only the listed nouns: the shape of a masculine
 * noun is no guide, as a person noun no role list has is apposition, the verb the name's own (»da sosed Novak ni bil
 * doma« is a man Novak, not Ana Novak's neighbour), and so are adverbs (»nekoč«, »zatem«).
 */
function afterWorkNoun(tokens: Tokens, first: number): boolean {
  if (first === 0 || !tightGap(tokens, first - 1)) return false;
  const written = tokens.word(first - 1);
  if (!isLower(written) && !isSentenceStart(tokens, first - 1)) return false;
  return WORK_NOUNS.has(written.toLowerCase());
}

/** Masculine nouns, in the nominative, whose bare genitive after them is a performer's, author's or speaker's name. */
const WORK_NOUNS = new Set(
  'album dosežek film gol govor hit intervju koncert komentar muzikal nagovor nastop obisk odgovor odhod odstop odziv podpis pogreb portret poraz poziv prihod prvenec recital rekord roman singl spot šov tvit umik uspeh videospot zadetek zapis'.split(' '),
);

/**
 * Words after a sentence-initial surname that show it is a person: a verb of saying (»Golob je dejal«; the
 * wind does not speak) or another name in a list (»Golob, Janša in Logar so …«). The verb shows it only of a
 * word that can be the one who speaks or the one told (`speaker`, a nominative or dative spelling): in »Jasno je
 * povedal« the word is the adverb, though it is also the accusative of a woman's name (Jasna, z Jasno).
 */
function personContext(detector: PeopleDetector, tokens: Tokens, i: number, speaker: boolean): boolean {
  const n = tokens.length;
  // After an apposition: »Zupan, predsednik odbora, je dejal«.
  const apposition = speaker ? appositionVerb(tokens, i) : undefined;
  if (apposition && SPEECH_PARTICIPLE.test(tokens.word(apposition.at))) return true;
  if (speaker && saysAfter(tokens, i)) return true;
  if (speaker && i + 2 < n && AUXILIARIES.has(tokens.word(i + 1)) && sameClause(tokens, i)) {
    // Further on, past words none of which may be its subject (farVerb): »Medved je na seji … o proračunu predlagala«.
    const far = farVerb(tokens, i + 1, FAR_REACH);
    if (far && (SPEECH_PARTICIPLE.test(tokens.word(far.at)) || PERSON_PARTICIPLE.test(tokens.word(far.at)))) return true;
  }
  if (i + 1 < n) {
    const gap = tokens.text.slice(tokens.ends[i]!, tokens.starts[i + 1]!);
    // »Janša: Ne bomo popustili« — a headline that quotes someone; not a word that may be its topic (»Zima: …«).
    if (/^:\s/.test(gap)) return !isHeadlineTopicWord(tokens.word(i));
    let next = i + 1;
    if (/^\s+$/.test(gap) && (tokens.word(next) === 'in' || tokens.word(next) === 'ter') && next + 1 < n) next++;
    else if (!/^,\s+$/.test(gap)) return false;
    const word = tokens.word(next);
    return isCapitalised(word) && (detector.index.has(word) || detector.firstNames.has(word));
  }
  return false;
}

/**
 * »je« and a verb of saying after token `i`, perhaps after an adverbial of up to three words: »Oblak je po tekmi
 * dejal«, also one naming a place or a medium, capitalised after its preposition: »Golob je v Bruslju dejal«, »za RTV
 * Slovenija«.
 */
function saysAfter(tokens: Tokens, i: number): boolean {
  const n = tokens.length;
  if (i + 2 >= n || !AUXILIARIES.has(tokens.word(i + 1)) || !sameClause(tokens, i)) return false;
  let governed = false;
  for (let p = i + 2; p < n && p <= i + 5 && sameClause(tokens, p - 1); p++) {
    const word = tokens.word(p);
    if (SPEECH_PARTICIPLE.test(word)) return true;
    if (PREPOSITIONS.has(word)) governed = true;
    else if (!isLower(word) && !governed) break;
  }
  return false;
}

/** The spelling can be the subject of a verb of saying or the one it tells (Golob je dejal; Golobu je dejal). */
function canSpeak(candidate: Candidate): boolean {
  return (candidate.cases & (CASE_BIT.nom | CASE_BIT.dat)) !== 0;
}

/**
 * Spellings no Slovenian common noun has: letters outside the alphabet (w, q, x, y, ć, đ, ä …), doubled
 * consonants, and the Slavic surname endings -ić, -ski, -ov/-ev, -in.
 */
function looksForeign(word: string): boolean {
  // Any letter the Slovenian alphabet has not (q, w, x, y, ć, đ, ğ, ł, ø …): no Slovenian word is spelled with it.
  return /[^a-pr-vzčšžA-PR-VZČŠŽ]|([bcdfghklmnprstvz])\1/i.test(word) || /(ski|cki|skij|ckij)$/.test(word) || (word.length >= 6 && /(ov|ev)$/.test(word)) || (word.length >= 5 && /[^aeiou]in$/.test(word));
}

// ---------------------------------------------------------------------------------------------------
// Detection

type Relation = 'full' | 'namesake' | 'bare';

interface Candidate {
  person: number;
  kind: 'surname' | 'possessive';
  relation: Relation;
  alias: boolean;
  nomOnly: boolean;
  /** The spelling can be a nominative, so the word can be the subject of a verb. */
  hasNom: boolean;
  /** Token index where the name starts (first name, initial or surname prefix). */
  from: number;
  /**
   * A namesake's first name looks like the other gender (Ana Novak beside Janez Novak): it hides only this person's
   * mentions spelled as it is, where the grammar does not say this person's gender (resolve).
   */
  namesakeOtherGender?: boolean;
  /** The word before the surname made it part of a place (v Ljubljani Kos, Murska Sobota): no namesake at all. */
  namesakeIsPlace?: boolean;
  /** The namesake's "first name" is a sentence-initial word that may be an ordinary noun. */
  uncertain?: boolean;
  /** Token index where the name ends, when not at the surname (Xi Jinping: at the given name). */
  to?: number;
  /** The cases the surname's spelling stands for (CASE_BIT mask); 0 for a possessive. */
  cases: number;
  /** The word is the person's whole main name (name: Madonna): neither a surname nor an alias. */
  wholeName?: boolean;
  /** The word is a whole one-word name or alias (Madonna, Tadi), not the surname of a longer one. */
  mononym?: boolean;
  /** Named in full by an initial before the surname (»J. Novak«), not by a first name. */
  byInitial?: boolean;
  /** The surname proper without the particles it is written with (»Souza« for de Souza). */
  withoutParticles?: boolean;
  /** Written surname first after a title at a sentence start (»Kralj Matjaž je dodal«): his only where he is named in full too. */
  titled?: boolean;
  /** A woman's older form spelled as a namesake's possessive before its noun (»Hribarjevo pecivo«): see olderFormBeforeNoun. */
  beforeNoun?: boolean;
  /** A possessive before a name (»Kraljev Novak«, an actor's part): his only where the article names him in full. */
  beforeName?: boolean;
}

/**
 * Particles news drops after the first mention (»de Souza«, then »Souza je dejala«; Gogh, Leyen, Silva), so the
 * surname proper counts without them. Not bin and ibn (PATRONYMIC_PARTICLES): a bare Salman is King Salman.
 */
const droppable = (prefix: readonly string[]) => prefix.every((word) => isSurnameParticle(word) && !PATRONYMIC_PARTICLES.has(word));

interface Occurrence {
  token: number;
  candidates: Candidate[];
}

/** The names of the people in `text`, with offsets. Title, summary and body may be joined by blank lines. */
export function detectPeople(detector: PeopleDetector, text: string): Detection {
  return detectInTokens(detector, tokenize(text));
}

/** detectPeople of a text already tokenized. */
export function detectInTokens(detector: PeopleDetector, tokens: Tokens): Detection {
  return resolve(detector, tokens, scan(detector, tokens));
}

function scan(detector: PeopleDetector, tokens: Tokens): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const wordsBefore = new WordsBefore();
  for (let i = 0; i < tokens.length; i++) {
    const code = tokens.text.charCodeAt(tokens.starts[i]!);
    if (code >= 97 && code <= 122) continue; // a-z: no name starts lower-case
    const spelled = tokens.word(i);
    const entries = detector.index.get(spelled);
    if (!entries) {
      // A colon right after the word is rare: only then may it be an interview's tag (speakerTag).
      const tag = tokens.text.charCodeAt(tokens.ends[i]!) === COLON ? speakerTag(detector, tokens, i) : undefined;
      if (tag) occurrences.push(tag);
      continue;
    }
    if (isTimeSpan(tokens, i) || isWeekdayBeforeDate(tokens, i)) continue;
    // »King Jr.«, »Karel III.«: a suffix after the surname is no given name (a lone capital and dot is an initial).
    // »roman Gorana Vojnovića Pod Rožnikom«: a capitalised preposition starts a title, and no given name is one.
    const followedByName =
      i + 1 < tokens.length && tightGap(tokens, i) && isCapitalised(tokens.word(i + 1)) && !isInitial(tokens, i + 1) && !isNameSuffix(tokens.word(i + 1)) && !PREPOSITIONS.has(tokens.word(i + 1).toLowerCase());
    const nextEntries = followedByName ? detector.index.get(tokens.word(i + 1)) : undefined;
    const placeForm = PLACE_FORMS.has(tokens.word(i));
    // Asked once per surname at this word, not once for each of the people who bear it.
    let nounBefore: Map<string, boolean> | undefined;
    const nounOfSentenceBefore = (person: DetectorPerson): boolean => {
      if (person.foreign || i === 0 || !isSentenceStart(tokens, i)) return false;
      nounBefore ??= new Map();
      let noun = nounBefore.get(person.surname);
      if (noun === undefined) nounBefore.set(person.surname, (noun = isNounOfSentenceBefore(detector, tokens, i, person.surname)));
      return noun;
    };
    const candidates: Candidate[] = [];
    for (const entry of entries) {
      if (entry.kind === 'possessive') {
        // A possessive adjective stands before its noun (Trumpovim zetom, Kosov načrt). Without one the
        // word is something else: Kosovo je …, predsednik Kosova.
        if (i + 1 >= tokens.length || !(tightGap(tokens, i) || NUMBER_GAP.test(tokens.text.slice(tokens.ends[i]!, tokens.starts[i + 1]!)))) continue;
        const next = tokens.word(i + 1);
        // "Vučićeva in Plenkovićeva izjava": a possessive coordinated with another one.
        const coordinated =
          (next === 'in' || next === 'ali' || next === 'ter') && i + 2 < tokens.length && tightGap(tokens, i + 1) && isCapitalised(tokens.word(i + 2)) && POSSESSIVE_SHAPE.test(tokens.word(i + 2));
        if (PLACE_SPELLINGS.has(tokens.word(i)) || beforeField(tokens, i)) continue;
        const beforeName = !coordinated && !isLower(next) && !ownsProperNoun(detector, tokens, i) && possessiveBeforeName(detector, tokens, i);
        if (!coordinated && !beforeName && !(isLower(next) || ownsProperNoun(detector, tokens, i))) continue;
        if (!coordinated && ((FUNCTION_WORDS.has(next) && !isNounSpelledAsPreposition(tokens, i + 1)) || INSTITUTION_NOUN.test(next.toLowerCase()) || isSpeechNotNoun(tokens.word(i), next))) continue;
        if (!coordinated && isFamilyBeforePreposition(tokens, i)) continue;
        if (!coordinated && detector.people[entry.person]!.animal && ANIMALS_OWN.test(next)) continue;
        if (!coordinated && detector.people[entry.person]!.tree && TREES_OWN.test(next)) continue;
        candidates.push({ person: entry.person, kind: 'possessive', relation: 'bare', alias: entry.alias, nomOnly: false, hasNom: false, from: i, cases: 0, ...(beforeName ? { beforeName } : {}) });
        continue;
      }
      // The surname first, then this person's given name: Xi Jinping, »Novak Janez« in a list.
      // Not where the given name starts the name in its usual order (»Gasilske zveze Kamnik Jure Kamnik«: a town, then him).
      // A title before a given name (»Kralj Matjaž po legendi spi«) is one, unless a verb of saying follows, which no
      // king of a legend does in the news: then it is the person, if the article names him in full too (resolve).
      const givenAfter = followedByName && detector.people[entry.person]!.allFirst.has(tokens.word(i + 1)) && !givenNameStartsName(detector, tokens, i + 1, entry.person);
      const titled = givenAfter && isTitleBeforeGivenName(detector, tokens, i);
      const surnameFirst = givenAfter && (!titled || saysAfter(tokens, i + 1));
      // "Novak Đoković": a surname spelling followed by another name is a first name here, unless that
      // name is a registry surname in another case: »s Trumpom Putin«, »Trump Putinu« are two people; or a common
      // given name in a case this spelling is not, as a man's given name declines with his surname (Šuštarja Toneta):
      // »Ob njej Šuštar Toneta gradi« is Šuštar and his object.
      if (followedByName && !surnameFirst && !(nextEntries && inOtherCase(entry, nextEntries)) && !givenNameInOtherCase(entry, tokens.word(i + 1)) && !ownedByOlderForm(detector, tokens, i, entry)) continue;
      let from = i;
      let prefixOk = true;
      for (let k = entry.prefix.length - 1; k >= 0; k--) {
        from--;
        if (from < 0 || !samePrefixWord(tokens.word(from), entry.prefix[k]!) || !prefixGap(tokens, from)) {
          prefixOk = false;
          break;
        }
      }
      if (!prefixOk && !droppable(entry.prefix)) continue;
      if (!prefixOk) from = i;
      const person = detector.people[entry.person]!;
      const nomOnly = entry.cases === NOM_ONLY;
      const candidate: Candidate = { person: entry.person, kind: 'surname', relation: 'bare', alias: entry.alias, nomOnly, hasNom: (entry.cases & NOM_ONLY) !== 0, from, cases: entry.cases, withoutParticles: !prefixOk };
      if (olderFormBeforeNoun(detector, tokens, i, entry)) candidate.beforeNoun = true;
      if (surnameFirst) {
        candidate.relation = 'full';
        candidate.to = i + 1;
        if (titled) candidate.titled = true;
        candidate.alias = entry.alias || !person.mainFirst.has(tokens.word(i + 1));
      } else if (!entry.mononym) classifyFirstName(detector, tokens, person, candidate, wordsBefore);
      // A one-word alias (Tadi) is an alias, but a one-word main name (Madonna, Sting) is the name itself.
      else {
        candidate.wholeName = !entry.alias;
        candidate.mononym = true;
      }
      // »Vlada Kosova«: a form of a place's name (Kosovo) is the place unless the first name stands before it,
      // or it is her nominative and a feminine verb follows it, with no preposition or feminine noun before it:
      // the place is neuter and its genitive no subject, so »Kosova je dejala« is Marta Kos in the older form
      // news uses; »Na Kosovo je odpotovala ministrica« and »Predsednica Kosova je dejala« are the place. So is that
      // older form before a negation, which takes the genitive as its object: »Kosova ni priznala niti Srbija«; a
      // surname written so is hers still (»Petrova ni skrivala veselja«: Petrovo is a village).
      // Asked only of a place's form: asked of every candidate, it took a seventh of detection's time.
      if (placeForm && candidate.relation !== 'full' && !isHerSubject(tokens, i, person, candidate)) continue;
      if (
        candidate.relation === 'bare' &&
        candidate.from === i &&
        (isPluralNounSubject(tokens, i, person) ||
          isFamilySubject(tokens, i, person) ||
          titleOfPlace(tokens, i, person) ||
          isSeasonDescribed(tokens, i) ||
          isSeasonOfArticle(detector, tokens, i, entry.person) ||
          nounOfSentenceBefore(person) ||
          isListedWithNouns(tokens, i) ||
          (spelled === person.surname && isNounSaidAgain(tokens, i, person.surname)))
      )
        continue;
      candidates.push(candidate);
    }
    if (candidates.length > 0) occurrences.push({ token: i, candidates });
  }
  return occurrences;
}

/**
 * »KOS: Vsi drugi so narisali stavbo.«: an interview's answer opened by its speaker's surname in capitals and a colon.
 * Asked only of a capitalised word no form spells and a colon follows, so of almost no word.
 */
function speakerTag(detector: PeopleDetector, tokens: Tokens, i: number): Occurrence | undefined {
  const spelled = speakerTagSpelling(tokens, i);
  const entries = spelled === undefined ? undefined : detector.index.get(spelled);
  if (!entries) return undefined;
  const candidates: Candidate[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'surname' || entry.prefix.length > 0 || (entry.cases & NOM_ONLY) === 0) continue;
    candidates.push({ person: entry.person, kind: 'surname', relation: 'bare', alias: entry.alias, nomOnly: entry.cases === NOM_ONLY, hasNom: true, from: i, cases: entry.cases });
  }
  return candidates.length > 0 ? { token: i, candidates } : undefined;
}

const COLON = 58;

/** The word at `i` spelled as a surname is, if it is a speaker's tag in capitals (»DVOŘÁKOVÁ:«: Dvořáková). */
export function speakerTagSpelling(tokens: Tokens, i: number): string | undefined {
  if (tokens.text[tokens.ends[i]!] !== ':' || !paragraphStart(tokens, i)) return undefined;
  const word = tokens.word(i);
  if (word.length < 2 || word !== word.toUpperCase() || word === word.toLowerCase()) return undefined;
  return word[0] + word.slice(1).toLowerCase();
}

/** The token opens the text or a paragraph (a blank line before it, perhaps a bold mark's leftovers). */
function paragraphStart(tokens: Tokens, i: number): boolean {
  if (i === 0) return /^\s*$/.test(tokens.text.slice(0, tokens.starts[0]!));
  return /\n[^\S\n]*\n[^\p{L}\p{N}]*$/u.test(tokens.text.slice(tokens.ends[i - 1]!, tokens.starts[i]!));
}

/** The surname at token `i`, in her nominative, is the subject of a feminine verb after it (see scan). */
function isHerSubject(tokens: Tokens, i: number, person: DetectorPerson, candidate: Candidate): boolean {
  const negated = i + 1 < tokens.length && (tokens.word(i + 1) === 'ni' || tokens.word(i + 1) === 'ne') && tokens.word(i) !== person.surname;
  return (
    candidate.hasNom &&
    !negated &&
    !(i > 0 && isPreposition(tokens, i - 1)) &&
    (feminineSpeechBefore(tokens, i) || (!afterFeminineNoun(tokens, i) && (feminineSubjectAfter(tokens, i) || presentSpeechAfter(tokens, i))))
  );
}

/** »Kosova pravi, da …«: a verb of saying in the present right after token `i`, whose subject it is; a place's genitive is none. */
function presentSpeechAfter(tokens: Tokens, i: number): boolean {
  return i + 1 < tokens.length && sameClause(tokens, i) && PRESENT_SPEECH.has(tokens.word(i + 1));
}

/**
 * »Petelinov med je dobil zlato priznanje«: »med« (between) is also honey and »pod« (under) a floor; with no object
 * after it, before an auxiliary or a clause's end, the word after a possessive is that noun.
 */
function isNounSpelledAsPreposition(tokens: Tokens, i: number): boolean {
  const word = tokens.word(i);
  if (word !== 'med' && word !== 'pod') return false;
  return i + 1 >= tokens.length || !sameClause(tokens, i) || AUXILIARIES.has(tokens.word(i + 1)) || PLURAL_AUXILIARIES.has(tokens.word(i + 1));
}

/**
 * »Hribar je Kmetovim ob tem izročil priznanje«: a possessive in the plural's endings (-ovi, -ovih, -ovim) before a
 * preposition is the family, »the Kmets«, a plural noun of its own with nothing to own, not a mention of one of them.
 */
function isFamilyBeforePreposition(tokens: Tokens, i: number): boolean {
  return /[oe]vi[hm]?$/.test(tokens.word(i)) && PREPOSITIONS.has(tokens.word(i + 1)) && !isNounSpelledAsPreposition(tokens, i + 1);
}

/**
 * »Kraljeva pravi, da …«, »Kraljeva meni«: a verb of saying in the present is no noun for a possessive to stand before,
 * so the word is a woman's older form, not Rok Kralj's possessive. »pravi« and »trdi« are adjectives too, which agree
 * only with a masculine possessive: »Golobov pravi obraz«, »Golobovi pravi prijatelji«.
 */
function isSpeechNotNoun(possessive: string, next: string): boolean {
  if (!PRESENT_SPEECH.has(next)) return false;
  return (next !== 'pravi' && next !== 'trdi') || !/(ov|ev|ovi|evi)$/.test(possessive);
}

/**
 * »je povedala Kraljeva«, »je tedaj povedala Kraljeva«: a woman's verb of saying right before token `i`, after the
 * auxiliary and perhaps an adverb. A place's genitive (Kraljevo: Kraljeva) is no object of such a verb, so it is she.
 */
function feminineSpeechBefore(tokens: Tokens, i: number): boolean {
  const verb = i - 1;
  if (verb < 1 || !sameClause(tokens, verb) || !SPEECH_PARTICIPLE.test(tokens.word(verb)) || participleGender(tokens, verb) !== 'f') return false;
  const aux = ADVERBS.has(tokens.word(verb - 1)) && verb >= 2 && sameClause(tokens, verb - 2) && sameClause(tokens, verb - 1) ? verb - 2 : verb - 1;
  return AUXILIARIES.has(tokens.word(aux)) && sameClause(tokens, aux);
}

/**
 * »Kralj Matjaž po legendi spi pod Peco«: at a sentence start, a listed title or kinship noun (kralj, papež, knez,
 * brat, sestra …, in any case) spelled as a surname before a given name is that noun and the given name, not the
 * person written surname first (Matjaž Kralj), unless a comma, »in« or »ter« and a capitalised word that is no given
 * name follow: the next entry of a list written surname first (»Kralj Matjaž, Novak Janez in …«).
 */
function isTitleBeforeGivenName(detector: PeopleDetector, tokens: Tokens, i: number): boolean {
  const lower = tokens.word(i).toLowerCase();
  if (!(LISTED_ROLE_NOUNS.has(lower) || listedMasculineRoleNoun(lower) || FEMININE_ROLE_NOUNS.has(lower)) || !isSentenceStart(tokens, i)) return false;
  const next = i + 2;
  if (next < tokens.length) {
    const gap = tokens.text.slice(tokens.ends[i + 1]!, tokens.starts[next]!);
    const entry = /^,\s+$/.test(gap) ? next : /^\s+$/.test(gap) && (tokens.word(next) === 'in' || tokens.word(next) === 'ter') && next + 1 < tokens.length && tightGap(tokens, next) ? next + 1 : undefined;
    if (entry !== undefined && isCapitalised(tokens.word(entry)) && !detector.firstNames.has(tokens.word(entry))) return false;
  }
  return true;
}

/** The given name at token `at` is followed by a surname of the same person: the name in its usual order starts there. */
function givenNameStartsName(detector: PeopleDetector, tokens: Tokens, at: number, person: number): boolean {
  if (at + 1 >= tokens.length || !tightGap(tokens, at)) return false;
  return detector.index.get(tokens.word(at + 1))?.some((entry) => entry.person === person && entry.kind !== 'possessive') ?? false;
}

const WEEKDAYS = new Set(['ponedeljek', 'torek', 'sreda', 'četrtek', 'petek', 'sobota', 'nedelja']);

/** »Petek, 5. septembra, bo dan odprtih vrat«, »Sobota 6. 9.«: a weekday before a date is the day, not Marjeta Petek. */
function isWeekdayBeforeDate(tokens: Tokens, i: number): boolean {
  if (!WEEKDAYS.has(tokens.word(i).toLowerCase())) return false;
  return /^,?\s+\d{1,2}\.\s*(\d{1,2}\.|\p{Ll})/u.test(tokens.text.slice(tokens.ends[i]!, tokens.ends[i]! + 24));
}

/** Seasons spelled as a surname (Zima, Jesen) in the nominative. */
const SEASON_NOUNS = new Set(['zima', 'jesen', 'pomlad']);
/** Adjectives said of a season's weather, not of a person: mila, huda, mrzla, snežna, težka, toplejša, najhladnejša. */
const WEATHER_ADJECTIVE = /^(naj)?(mil|hud|mrzl|topl|hladn|snežn|suh|sušn|deževn|vroč|težk|milejš|toplejš|hladnejš|težj)a$/;
/** Words for a season's weather, in any case: snow, frost, ice, black ice, rain, bora, temperatures, degrees. */
const WEATHER_NOUN = /^(sneg|snega|snegu|snegom|mraz|mraza|mrazu|mrazom|led|ledu|ledom|dež|dežja|dežju|dežjem|poledic[aeio]|zmrzal|zmrzali|zmrzaljo|burj[aeio]|padavin[aeio]?|temperatur[aeio]?|stopinj[aeio]?)$/;

/**
 * »Zima bo za industrijo tudi letos težka«, »Zima je bila lani mila«, »Zima je spet prinesla sneg«: at a sentence
 * start, a season's name with an adjective of its weather or a word for it in its clause, and no verb of saying, is the
 * season even where the article names Vesna Zima.
 */
function isSeasonDescribed(tokens: Tokens, i: number): boolean {
  if (!SEASON_NOUNS.has(tokens.word(i).toLowerCase()) || !isSentenceStart(tokens, i)) return false;
  let weather = false;
  for (let p = i + 1; p < tokens.length && p <= i + 10 && sameClause(tokens, p - 1); p++) {
    const word = tokens.word(p);
    if (SPEECH_PARTICIPLE.test(word)) return false;
    if (WEATHER_ADJECTIVE.test(word) || WEATHER_NOUN.test(word)) weather = true;
  }
  return weather;
}

/** Verbs of saying in the present tense, which a season or an animal does not do (»Zima pravi, da …«). */
const PRESENT_SPEECH = new Set(['pravi', 'meni', 'dodaja', 'opozarja', 'pojasnjuje', 'poudarja', 'ocenjuje', 'trdi', 'zatrjuje', 'svari', 'priznava', 'odgovarja', 'pripoveduje']);

/** A verb of saying, past or present, in the sentence after token `i` (up to 20 words): the word at `i` may be its subject. */
function speechInSentenceAfter(tokens: Tokens, i: number): boolean {
  for (let p = i + 1; p < tokens.length && p <= i + 20 && !isSentenceStart(tokens, p); p++) {
    const word = tokens.word(p);
    if (SPEECH_PARTICIPLE.test(word) || PRESENT_SPEECH.has(word)) return true;
  }
  return false;
}

/** The seasons in lower case, in any form, with their adjectives and adverbs (zime, pozimi, zimski, jesenski, spomladi). */
const SEASON_IN_LOWER_CASE: ReadonlyMap<string, RegExp> = new Map([
  ['zima', /(?<!\p{L})(zim|zim[aeio]|zimah|zimam|zimami|zimama|pozimi|zimsk\p{L}*)(?!\p{L})/u],
  ['jesen', /(?<!\p{L})(jesen|jeseni|jesenjo|jesenmi|jesensk\p{L}*)(?!\p{L})/u],
  ['pomlad', /(?<!\p{L})(pomlad|pomladi|pomladjo|spomladi|s?pomladansk\p{L}*)(?!\p{L})/u],
]);

/**
 * »Razstava o zimah, ki jih ni več … Kustosinja Vrabec pravi: »Zima ni umrla, le spremenila se je.««: in an article
 * that writes the season in lower case too, a season's name at a sentence start is the season, even where the article
 * names Zala Zima in full, unless its paragraph has named her before it (»Zala Zima … Zima je posnela tudi zvočno
 * kuliso«), a verb of saying follows in its sentence or a man's participle in its clause (»Zima je po tekmi odšel«).
 * Asked only of a season's name that starts a sentence.
 */
function isSeasonOfArticle(detector: PeopleDetector, tokens: Tokens, i: number, person: number): boolean {
  const season = SEASON_IN_LOWER_CASE.get(tokens.word(i).toLowerCase());
  if (season === undefined || !isSentenceStart(tokens, i) || !season.test(tokens.text)) return false;
  if (speechInSentenceAfter(tokens, i) || participleAfter(tokens, i, 'm')) return false;
  for (let k = i - 1; k >= 0 && !/\n[^\S\n]*\n/.test(tokens.text.slice(tokens.ends[k]!, tokens.starts[k + 1]!)); k--) {
    if (detector.index.get(tokens.word(k))?.some((entry) => entry.person === person)) return false;
  }
  return true;
}

/**
 * »Zima je po tekmi odšel domov«, »Vrabec je razstavo zasnovala«: the auxiliary after token `i` and, within five words
 * of it in its clause, a participle of `gender`, the first one. A noun of the other gender is no subject of it: the
 * seasons are feminine nouns, vrabec or medved masculine, so the word is the person.
 */
function participleAfter(tokens: Tokens, i: number, gender: Gender): boolean {
  if (i + 2 >= tokens.length || !AUXILIARIES.has(tokens.word(i + 1)) || !sameClause(tokens, i)) return false;
  for (let p = i + 2; p < tokens.length && p <= i + 6 && sameClause(tokens, p - 1); p++) {
    const found = participleGender(tokens, p);
    if (found) return found === gender;
  }
  return false;
}

/** Plural endings of a masculine noun: golobi, golobov, golobom, golobe, golobih, golobema. */
const PLURAL_ENDING = /^(i|ov|om|e|ih|ema|a)$/;

/**
 * »… sestavil skulpturo medveda, ki stoji sredi galerije. Medved, visok skoraj tri metre, je …«, »Na sedežih sedijo
 * golobi. Golob je simbol mesta.«: at a sentence start a surname spelled as a noun the sentence before writes in lower
 * case (in any form of the surname, or a plural) goes on about that noun, even where the article names Nejc Medved in
 * full; unless a verb of saying follows in its sentence, a participle that cannot agree with the noun (»Vrabec je
 * razstavo zasnovala«), or the sentence before names the person too (»Nejc Medved je posnel film o medvedu. Medved je
 * film snemal tri leta.«) or a namesake. Asked only of a word that starts a sentence.
 */
function isNounOfSentenceBefore(detector: PeopleDetector, tokens: Tokens, i: number, surname: string): boolean {
  const lower = surname.toLowerCase();
  // »… lani jeseni. Jesenova je nato pripravila predlog«: a woman's older form is spelled as no form of the noun.
  const spelled = tokens.word(i).toLowerCase();
  if (spelled !== lower && OLDER_FORM.test(spelled)) return false;
  // A noun in -a is feminine (zima, gora), any other masculine (medved, vrabec): a participle of the other gender is the person's.
  if (speechInSentenceAfter(tokens, i) || participleAfter(tokens, i, lower.endsWith('a') ? 'm' : 'f')) return false;
  const bearer = (entry: FormEntry) => detector.people[entry.person]!.surname === surname;
  let noun = false;
  for (let k = i - 1; k >= 0 && k >= i - 60; k--) {
    const word = tokens.word(k);
    if (isLower(word)) {
      if (!noun && word.startsWith(lower) && (word.length === lower.length || PLURAL_ENDING.test(word.slice(lower.length)))) noun = true;
      else if (!noun && detector.index.get(word[0]!.toUpperCase() + word.slice(1))?.some((entry) => entry.kind === 'surname' && bearer(entry))) noun = true;
    } else if (detector.index.get(word)?.some(bearer)) return false;
    if (isSentenceStart(tokens, k)) break;
  }
  return noun;
}

/** Adverbs of a season, spelled as a surname's dative or locative would be (zimi: Zima, Zimi). */
const SEASON_ADVERBS = new Set(['zimi', 'poleti', 'jeseni', 'spomladi']);

/** Auxiliaries of a plural subject: »Zime so …«, »Gore niso …«, »Zime bodo …«. */
const PLURAL_AUXILIARIES = new Set(['so', 'niso', 'bodo']);

/**
 * »Zime so vse krajše«, »Gore so ostale brez snega«, »Gore so osvojili alpinisti«: the genitive of a surname in -a
 * (Zima: Zime) is the nominative and accusative plural of the noun spelled so, and at a sentence start before a plural
 * auxiliary it is that noun; a name in the singular can be neither that subject nor, in the genitive, the object of
 * most verbs. Unless a participle in -li follows a negation or »se«: the verb's subject is »they«, and the name its
 * object in the genitive that a negation or a verb such as »spomniti se« takes (»Zime niso povabili«, »Gore so se
 * spomnili«).
 */
function isPluralNounSubject(tokens: Tokens, i: number, person: DetectorPerson): boolean {
  const word = tokens.word(i);
  if (!word.endsWith('e') || person.surname !== `${word.slice(0, -1)}a`) return false;
  if (i + 1 >= tokens.length || !PLURAL_AUXILIARIES.has(tokens.word(i + 1)) || !sameClause(tokens, i) || !isSentenceStart(tokens, i)) return false;
  let genitiveObject = tokens.word(i + 1) === 'niso';
  for (let p = i + 2; p < tokens.length && p <= i + 4 && sameClause(tokens, p - 1); p++) {
    const next = tokens.word(p);
    if (next === 'se' || next === 'ne') genitiveObject = true;
    if (next.length >= 4 && next.endsWith('li') && isLower(next)) return !genitiveObject;
  }
  return true;
}

/**
 * »Hrastovi so se zahvalili vsem …«: a woman's older form in -ovi or -evi (her dative, Hrastova: Hrastovi) at a
 * sentence start before a plural auxiliary is the family's plural, the Hrasts, the verb's subject, which no one
 * tags; the dative of a woman's name is seldom what a sentence opens with.
 */
function isFamilySubject(tokens: Tokens, i: number, person: DetectorPerson): boolean {
  if (person.gender !== 'f' || i + 1 >= tokens.length || !PLURAL_AUXILIARIES.has(tokens.word(i + 1))) return false;
  const word = tokens.word(i);
  return word !== person.surname && /[oe]vi$/.test(word) && sameClause(tokens, i) && isSentenceStart(tokens, i);
}

/** Monarchs' and nobles' titles that are surnames too (Kralj, Knez, Cesar, Grof): see titleOfPlace. */
const TITLES_OF_PLACES = new Set('kralj knez cesar car grof baron vojvoda princ'.split(' '));

/**
 * »Kralj z Gorjancev: Lear na kmetiji«, »uprizorili Kralja z Gorjancev«, »Knez iz Celja«: a monarch's or a noble's
 * title spelled as the surname, before »z«, »s« or »iz« and a capitalised place, is the title of someone from there, a
 * legend's or a play's, as »Kralj Matjaž« is; a verb of saying after the place makes it the person (»Knez iz Celja je
 * dejal«), as no king of a legend says anything in the news.
 */
function titleOfPlace(tokens: Tokens, i: number, person: DetectorPerson): boolean {
  if (i + 2 >= tokens.length) return false;
  const from = tokens.word(i + 1);
  if ((from !== 'z' && from !== 's' && from !== 'iz') || !TITLES_OF_PLACES.has(person.surname.toLowerCase())) return false;
  return tightGap(tokens, i) && tightGap(tokens, i + 1) && isCapitalised(tokens.word(i + 2)) && !saysAfter(tokens, i + 2);
}

/**
 * »Grah, fižol in žita so pri nas še vedno redkost«: at a sentence start, a word followed by a comma and a list of
 * lower-case words that »in«, »ter« or »ali« closes, with no comma after the last, is one of the nouns listed, as the
 * others are written in lower case; people would be listed by their names. Not an apposition, which a comma closes
 * (»Grah, svetovalka in predavateljica, je dejala«), nor a list of a person's kin or roles (»Kos, mož in hči so prišli«).
 */
function isListedWithNouns(tokens: Tokens, i: number): boolean {
  if (i + 2 >= tokens.length || tokens.text[tokens.ends[i]!] !== ',' || !isSentenceStart(tokens, i) || !/^, +$/.test(tokens.text.slice(tokens.ends[i]!, tokens.starts[i + 1]!))) return false;
  let p = i + 1;
  for (let listed = 0; p + 1 < tokens.length && listed < 6; listed++, p++) {
    const word = tokens.word(p);
    if (!isLower(word) || FUNCTION_WORDS.has(word) || roleNounGender(word) !== undefined || KINSHIP_NOUN.test(word)) return false;
    const gap = tokens.text.slice(tokens.ends[p]!, tokens.starts[p + 1]!);
    if (/^, +$/.test(gap)) continue;
    if (!tightGap(tokens, p)) return false;
    const conjunction = tokens.word(p + 1);
    if (conjunction !== 'in' && conjunction !== 'ter' && conjunction !== 'ali') return false;
    const last = p + 2;
    if (last >= tokens.length || !tightGap(tokens, p + 1)) return false;
    const lastWord = tokens.word(last);
    if (!isLower(lastWord) || FUNCTION_WORDS.has(lastWord) || roleNounGender(lastWord) !== undefined || KINSHIP_NOUN.test(lastWord)) return false;
    return last + 1 < tokens.length && tightGap(tokens, last);
  }
  return false;
}

/**
 * »»… da bom propadel. Kmet brez škropiva, so rekli, ni kmet,« se spominja gospodar«: a surname that starts a
 * sentence inside a quotation and is written in lower case later in that quoted sentence is the noun both times, a
 * saying about it, even where the article names Jože Kmet in full. Only in a quotation, where such sayings are; a
 * report may write the person and the noun in one sentence (»Kmet je kupil traktor, ki ga potrebuje vsak kmet«).
 */
function isNounSaidAgain(tokens: Tokens, i: number, surname: string): boolean {
  if (!isSentenceStart(tokens, i)) return false;
  const lower = surname.toLowerCase();
  const initial = lower.charCodeAt(0);
  for (let p = i + 1; p < tokens.length && p <= i + 25 && !isSentenceStart(tokens, p); p++) {
    // Most words start with another letter: no string for them.
    if (tokens.text.charCodeAt(tokens.starts[p]!) === initial) {
      const word = tokens.word(p);
      if (word.startsWith(lower) && (word.length === lower.length || PLURAL_ENDING.test(word.slice(lower.length)))) return insideQuotation(tokens, i);
    }
    // The quotation ends: what follows is the reporter's.
    for (let k = tokens.ends[p]!; k < (tokens.starts[p + 1] ?? k); k++) {
      const ch = tokens.text[k];
      if (ch === '«' || ch === '“' || ch === '”' || ch === '"') return false;
    }
  }
  return false;
}

/** An opening quote stands right before token `i` (»Vrh sezone …«). */
function opensQuotation(tokens: Tokens, i: number): boolean {
  const start = tokens.starts[i]!;
  return start > 0 && (tokens.text[start - 1] === '»' || tokens.text[start - 1] === '„');
}

/**
 * The speaker of the quotation that opens at token `token`, when its attribution names none (»…,« je dejal. / pravi.)
 * and so goes on with the one the paragraph named last before the quotation, in the nominative: that person, from
 * `found`, the mentions read so far. Undefined when the attribution names someone or is not found.
 */
function implicitSpeaker(detector: PeopleDetector, tokens: Tokens, token: number, found: readonly { person: number; from: number; to: number }[], paragraphs: Int32Array): number | undefined {
  let close = -1;
  for (let p = token; p + 1 < tokens.length && p <= token + 80 && paragraphs[p + 1] === paragraphs[token]; p++) {
    const gap = tokens.text.slice(tokens.ends[p]!, tokens.starts[p + 1]!);
    if (gap.includes('«') || gap.includes('“')) {
      close = p;
      break;
    }
  }
  if (close < 0) return undefined;
  let verb = close + 1;
  if (verb + 1 >= tokens.length) return undefined;
  if (AUXILIARIES.has(tokens.word(verb)) && SPEECH_PARTICIPLE.test(tokens.word(verb + 1))) verb++;
  else if (!PRESENT_SPEECH.has(tokens.word(verb))) return undefined;
  // The attribution ends with the verb: no name or noun after it says who spoke.
  const after = tokens.text.slice(tokens.ends[verb]!, verb + 1 < tokens.length ? tokens.starts[verb + 1]! : tokens.text.length);
  if (!after.startsWith('.')) return undefined;
  for (let k = found.length - 1; k >= 0; k--) {
    const mention = found[k]!;
    if (mention.from >= token) continue;
    // Named in the nominative, the subject the attribution goes on with; »Kos je vprašal Novaka. »Novak …,« je dejal.«
    // is Kos speaking of Novak.
    const subject = tokens.word(mention.to) === detector.people[mention.person]!.surname;
    return paragraphs[mention.from] === paragraphs[token] && subject ? mention.person : undefined;
  }
  return undefined;
}

/** Token `i` stands inside a quotation »…« or „…“ that its paragraph opened before it. */
function insideQuotation(tokens: Tokens, i: number): boolean {
  const { text } = tokens;
  for (let k = tokens.starts[i]! - 1; k >= 0; k--) {
    const ch = text[k];
    if (ch === '»' || ch === '„') return true;
    if (ch === '«' || ch === '“' || (ch === '\n' && text[k - 1] === '\n')) return false;
  }
  return false;
}

/** The forms of »polje« (a field), with a capital in a place's name (Kosovo Polje, the town). */
const FIELD = /^[Pp]olj(e|a|u|em|ih|ema|i)$/;

/**
 * »na Kosovem polju«, »Kosovega polja«: before »polje« a possessive-shaped word of a place's stem (Kosov-) is the
 * place's name declined as an adjective, Kosovo polje (the battlefield, and the town Kosovo Polje), not Kos's.
 */
function beforeField(tokens: Tokens, i: number): boolean {
  if (i + 1 >= tokens.length || !FIELD.test(tokens.word(i + 1))) return false;
  const word = tokens.word(i);
  for (const place of PLACE_SPELLINGS) if (word.startsWith(place.slice(0, -1))) return true;
  return false;
}

/**
 * »Putinova Rusija«, »Trumpova Amerika«: a possessive before a capitalised word that is no name, and not
 * itself after one (»Boris Trumpov« is a surname).
 */
function ownsProperNoun(detector: PeopleDetector, tokens: Tokens, i: number): boolean {
  const next = tokens.word(i + 1);
  // »predsednica Kosova Vjosa Osmani«, »Kraljeva Sutjeska«: a place's case form, not a possessive.
  if (PLACE_FORMS.has(tokens.word(i))) return false;
  // A party's or a body's acronym is a proper noun too (Janševa SDS, Putinova FSB); a longer word in capitals is not.
  const acronym = /^\p{Lu}{2,5}$/u.test(next);
  if (!tightGap(tokens, i) || !(isCapitalised(next) || acronym) || detector.index.has(next) || detector.firstNames.has(next)) return false;
  // A capitalised word after that one makes a name of the two (»Kosova Albin Kurti«), which owns nothing.
  if (i + 2 < tokens.length && tightGap(tokens, i + 1) && isCapitalised(tokens.word(i + 2))) return false;
  if (i === 0 || !tightGap(tokens, i - 1) || isSentenceStart(tokens, i)) return true;
  const before = tokens.word(i - 1);
  return !(isCapitalised(before) && (!isSentenceStart(tokens, i - 1) || detector.firstNames.has(before)));
}

/**
 * »Kraljev Novak ne kriči«, »Vrabčev Lojze je …«: a possessive before a name, a given name or a surname, and not
 * after another capitalised word inside a sentence (»Boris Trumpov« is a surname); an actor's part, a coach's
 * player. Asked only where ownsProperNoun said no; resolve keeps it only where the article names its man in full,
 * as »Kraljev Peter« may be the Kraljs' Peter, a family's.
 */
function possessiveBeforeName(detector: PeopleDetector, tokens: Tokens, i: number): boolean {
  const next = tokens.word(i + 1);
  if (!tightGap(tokens, i) || !isCapitalised(next) || !(detector.index.has(next) || detector.firstNames.has(next))) return false;
  if (i === 0 || isSentenceStart(tokens, i)) return true;
  return !isCapitalised(tokens.word(i - 1)) || !tightGap(tokens, i - 1);
}

/**
 * Of full names that one text reads as several people (Janez Novak st., Janez Novak ml., Janez Novak), the one whose
 * suffix follows in the text (»Janeza Novaka ml.«, », st.«, »mlajšega«), or who has none when none follows; undefined
 * when that is no one or the readings are one person's.
 */
function bySuffix(detector: PeopleDetector, tokens: Tokens, surname: number, readings: readonly Candidate[]): Candidate | undefined {
  if (readings.every((candidate) => candidate.person === readings[0]!.person)) return undefined;
  const matching = suffixReadings(detector, tokens, surname, readings);
  return matching.find((candidate) => !candidate.alias) ?? matching[0];
}

/** The readings whose person's name suffix is the one the text writes after the name (none when it writes none). */
function suffixReadings(detector: PeopleDetector, tokens: Tokens, surname: number, readings: readonly Candidate[]): Candidate[] {
  const last = Math.max(...readings.map((candidate) => candidate.to ?? surname));
  const next = last + 1 < tokens.length && /^\s*,?\s*$/.test(tokens.text.slice(tokens.ends[last]!, tokens.starts[last + 1]!)) ? nameSuffixKey(tokens.word(last + 1)) : undefined;
  return readings.filter((candidate) => detector.people[candidate.person]!.suffix === next);
}

/**
 * »A. Kos« with Ana and Andrej Kos in the registry: an initial (and the surname) that fit more than one person name
 * neither, unless the name suffix the text writes (ml., st.) is one person's alone. The first in the registry's order was taken, so an article
 * about Andrej was tagged with Ana.
 */
function initialOfMany(detector: PeopleDetector, tokens: Tokens, surname: number, candidates: readonly Candidate[], from: number): boolean {
  const here = candidates.filter((candidate) => candidate.relation === 'full' && candidate.from === from);
  if (here.length < 2 || !here.every((candidate) => candidate.byInitial)) return false;
  if (here.every((candidate) => candidate.person === here[0]!.person)) return false;
  return new Set(suffixReadings(detector, tokens, surname, here).map((candidate) => candidate.person)).size !== 1;
}

/** Every reading of the next word is a surname in a case this spelling is not, or a possessive. */
function inOtherCase(entry: FormEntry, nextEntries: readonly FormEntry[]): boolean {
  return nextEntries.every((next) => next.kind === 'possessive' || (next.cases & entry.cases) === 0);
}

/** A woman's older surname form in -ova or -eva, not her surname as written (Kurnikova): Kallasova, Kovačeva, Potočnikove. */
const OLDER_FORM = /[oe]v[aeio]$/;

/**
 * »Potočnikova Lučka« (the actress's Lučka, her part), »Merklova Nemčija«: a woman's older form before a proper noun
 * reads as a possessive does there (»Putinova Rusija«, ownsProperNoun), not as a name of two words. Where it is also a
 * man's possessive (Rok Potočnik's), resolve gives it to the one the article names in full, and where it names
 * neither, to nobody.
 */
function ownedByOlderForm(detector: PeopleDetector, tokens: Tokens, i: number, entry: FormEntry): boolean {
  const person = detector.people[entry.person]!;
  const word = tokens.word(i);
  return person.gender === 'f' && word !== person.surname && OLDER_FORM.test(word) && ownsProperNoun(detector, tokens, i);
}

/**
 * »Hribarjevo pecivo«, »kupuje Hribarjevo pekarno«: a woman's older form in -ovo or -evo (her accusative or
 * instrumental) before a lower-case word in -o, or one in -ovi before a plural subject (»Horváthovi dijaki so«),
 * reads as a man's possessive before its noun, which agrees with it: no verb news writes after her ends so but »bo«,
 * and a noun in apposition to her would be capitalised. Resolve gives it to a registry man spelled so where the
 * article names him in full, to no one where it names a man of her surname who is no one of the registry (a play's
 * »kmet Janez Novak« beside the actress Ana Novak), and leaves it hers where it names only her (»Petra Kovač …
 * Kovačevo delo«, as a reader takes it).
 */
function olderFormBeforeNoun(detector: PeopleDetector, tokens: Tokens, i: number, entry: FormEntry): boolean {
  const person = detector.people[entry.person]!;
  const word = tokens.word(i);
  if (person.gender !== 'f' || word === person.surname || !/[oe]v[oi]$/.test(word) || i + 1 >= tokens.length || !tightGap(tokens, i)) return false;
  const next = tokens.word(i + 1);
  if (!isLower(next) || FUNCTION_WORDS.has(next)) return false;
  if (word.endsWith('o')) return next.endsWith('o');
  // »Horváthovi dijaki so …«: in -ovi (her dative), before a noun in -i and a plural auxiliary, a possessive in the
  // plural agreeing with its noun, the subject; her dative has no plural subject right after it.
  return next.endsWith('i') && i + 2 < tokens.length && sameClause(tokens, i + 1) && PLURAL_AUXILIARIES.has(tokens.word(i + 2));
}

/** The word is a common given name's form in none of the cases this spelling is (Toneta after Šuštar; not after a woman's Potočnik). */
function givenNameInOtherCase(entry: FormEntry, word: string): boolean {
  const cases = commonFirstNameCases.get(word);
  return cases !== undefined && (cases & entry.cases) === 0;
}

/** "Van der Berg" at a sentence start spells the particle with a capital. */
function samePrefixWord(word: string, expected: string): boolean {
  return word === expected || (word[0] !== expected[0] && word.toLowerCase() === expected.toLowerCase());
}

function prefixGap(tokens: Tokens, a: number): boolean {
  const gap = tokens.text.slice(tokens.ends[a]!, tokens.starts[a + 1]!);
  return /^(\s+|[-‐‑])$/.test(gap) && !gap.includes('\n\n');
}

/**
 * »Janez »Žani« Vrh«, »Jože „Pepi“ Kmet«: one capitalised word in quotes right before the name's token `from` is a
 * nickname written inside the name; returns the token of the word before its opening quote, or undefined.
 */
function beforeNickname(tokens: Tokens, from: number): number | undefined {
  const nickname = from - 1;
  // Asked of every surname read with the words before it: most have no closing quote before them.
  if (nickname < 1) return undefined;
  const close = tokens.text[tokens.ends[nickname]!];
  if ((close !== '«' && close !== '“' && close !== '”' && close !== '"') || !isCapitalised(tokens.word(nickname))) return undefined;
  const after = tokens.text.slice(tokens.ends[nickname]!, tokens.starts[from]!);
  const before = tokens.text.slice(tokens.ends[nickname - 1]!, tokens.starts[nickname]!);
  return /^[«“”"] +$/.test(after) && /^ +[»„“"]$/.test(before) ? nickname - 1 : undefined;
}

/** Looks at the words before a surname: this person's first name, someone else's, or none. */
function classifyFirstName(detector: PeopleDetector, tokens: Tokens, person: DetectorPerson, candidate: Candidate, wordsBefore: WordsBefore): void {
  // A nickname between the given name and the surname belongs to the name (»Janez »Žani« Vrh«).
  const given = beforeNickname(tokens, candidate.from);
  if (given !== undefined && person.allFirst.has(tokens.word(given)) && agreesInCase(person, tokens.word(given), candidate.cases)) {
    candidate.relation = 'full';
    candidate.alias = candidate.alias || !person.mainFirst.has(tokens.word(given));
    candidate.from = earlierGivenNames(tokens, person, given);
    return;
  }
  let j = candidate.from - 1;
  let sawInitialMatch: boolean | undefined;
  for (let steps = 0; steps < 4 && j >= 0; steps++, j--) {
    // A blank line ends a heading or paragraph (»Načrt B.«, a heading given its full stop by markdown/render.ts):
    // an initial never stands there.
    if (!tightGap(tokens, j) && !(isInitial(tokens, j) && /^\.(?=\s)[^\S\n]*\n?[^\S\n]*$/.test(tokens.text.slice(tokens.ends[j]!, tokens.starts[j + 1]!)))) break;
    const word = tokens.word(j);
    if (isInitial(tokens, j)) {
      sawInitialMatch = (sawInitialMatch ?? true) && person.initials.has(word);
      continue;
    }
    if (!isCapitalised(word)) break;
    // A man's first name and surname decline together (Petra Kovača), so a declined first name before a surname
    // in no case of its own that a woman may be called is another name: in »Petra Kovač je dejala« Petra is a
    // woman, not Peter's genitive. Otherwise it is hasty writing, not another person (»o Steven Witkoffu«,
    // »z Donald Trumpom«, »s Petrom Rossi«).
    if (person.allFirst.has(word) && agreesInCase(person, word, candidate.cases)) {
      candidate.relation = 'full';
      candidate.alias = candidate.alias || !person.mainFirst.has(word);
      candidate.from = j;
      // Further given names before it ("Jared Corey Kushner") belong to the name as well.
      candidate.from = j = earlierGivenNames(tokens, person, j);
      // »Mohamed bin Salman Al Saud« is the son: a given name right after bin or ibn is his father's, in his name.
      if (j > 0 && tightGap(tokens, j - 1) && PATRONYMIC_PARTICLES.has(tokens.word(j - 1))) candidate.relation = 'namesake';
      return;
    }
    const look = wordsBefore.read(detector, tokens, j, candidate.from, candidate.hasNom);
    if (look.alone) break;
    if (look.firm !== undefined) {
      candidate.from = look.firm;
      return;
    }
    if (look.unknownName) {
      candidate.relation = 'namesake';
      candidate.from = j;
      candidate.uncertain = true;
      return;
    }
    // Possibly a middle name the registry does not spell: keep looking one word further back.
    if (j - 1 >= 0 && tightGap(tokens, j - 1) && person.allFirst.has(tokens.word(j - 1))) continue;
    // »Marko in Ana Golob«: two people sharing the surname; the first one is this person.
    if (j >= 2 && (tokens.word(j - 1) === 'in' || tokens.word(j - 1) === 'ter') && tightGap(tokens, j - 1) && tightGap(tokens, j - 2) && person.allFirst.has(tokens.word(j - 2))) {
      candidate.relation = 'full';
      candidate.from = j - 2;
      return;
    }
    candidate.relation = 'namesake';
    candidate.from = j;
    // Such a word may still be an ordinary noun (»Vlada Netanjahuja zavrača …«): it hides this mention only.
    candidate.uncertain = look.agreeing;
    candidate.namesakeIsPlace = look.place;
    const { roleGender } = look;
    const otherGender = roleGender ? roleGender !== person.gender && (person.gender === 'f' || candidate.nomOnly) : looksOtherGender(word, person, candidate.nomOnly);
    candidate.namesakeOtherGender = !candidate.namesakeIsPlace && otherGender;
    return;
  }
  if (sawInitialMatch !== undefined) {
    candidate.relation = sawInitialMatch ? 'full' : 'namesake';
    candidate.byInitial = sawInitialMatch;
    if (sawInitialMatch) candidate.from = j + 1;
  }
}

/**
 * What a capitalised word before a surname says when it is none of the person's given names (classifyFirstName asks
 * that first). It is the same for every person whose surname is spelled so, and a surname many people share is read
 * once for each of them (the bench's 500 people have 40 surnames: 2.8 million readings of 113,000 words in its
 * 10,000 articles), so it is read once per word and surname. With Tokens.fact and roleNounGenders that took
 * detection over those articles from 2.0 to 1.3 s of CPU.
 */
interface WordBefore {
  /** The surname stands alone: the word is a nationality, an ordinary word that starts the sentence, a role's complement or another registry name. */
  alone: boolean;
  /** A firm's name with the surname starts at this token (firmNameStart). */
  firm: number | undefined;
  /** An unknown given name at a sentence start (»Hunter Biden je dejal«): a namesake, not certain. */
  unknownName: boolean;
  /** A sentence-initial word in the surname's case (»Tihomirja Novaka«): a namesake that may be an ordinary noun. */
  agreeing: boolean;
  /** The word makes the surname part of a place (v Ljubljani Kos, Murska Sobota): no namesake. */
  place: boolean;
  /** The gender a role or kinship noun before the word gives its namesake (»soproga Brigitte Macron«). */
  roleGender: Gender | undefined;
}

const ALONE: WordBefore = { alone: true, firm: undefined, unknownName: false, agreeing: false, place: false, roleGender: undefined };

/** readWordBefore's answers for one text and detector, by the word, where the name starts and whether the surname can be a nominative. */
class WordsBefore {
  private readonly answers = new Map<number, WordBefore>();

  read(detector: PeopleDetector, tokens: Tokens, j: number, from: number, hasNom: boolean): WordBefore {
    // classifyFirstName looks at most four words back from `from`.
    const key = (from * 4 + (from - j - 1)) * 2 + (hasNom ? 1 : 0);
    let answer = this.answers.get(key);
    if (!answer) this.answers.set(key, (answer = readWordBefore(detector, tokens, j, from, hasNom)));
    return answer;
  }
}

/** See WordBefore: capitalised token `j` before a surname whose name starts at token `from`. */
function readWordBefore(detector: PeopleDetector, tokens: Tokens, j: number, from: number, hasNom: boolean): WordBefore {
  const word = tokens.word(j);
  // »Slovenka Štuhec«, »Švicar Odermatt«, »Mariborčanka Maze«: a nationality or an inhabitant, not a given name,
  // so no namesake that would hide the person's other mentions.
  if (tokens.fact(DEMONYM, j, spellsDemonym)) return ALONE;
  const sentenceStart = isSentenceStart(tokens, j);
  // »podjetje Gradnje Medved«, »družbe Gorenjske Gradnje Medved«: capitalised words after a firm's generic noun are
  // the firm's name with the surname, no namesake's given name; resolve reads the whole name as after the noun.
  const firm = sentenceStart || detector.firstNames.has(word) ? undefined : firmNameStart(tokens, j);
  if (firm !== undefined) return { ...ALONE, alone: false, firm };
  // »Pekarna Hribar ima 64 zaposlenih«, »prevzelo Pekarno Hribar«: the generic noun of a firm's registered name, with
  // its capital, is no given name of a namesake, who would hide the founder's other mentions; resolve reads the
  // surname after it as the firm's.
  if (!detector.firstNames.has(word) && COMPANY_NOUN.test(word.toLowerCase())) return ALONE;
  // »Lani Golob ni kandidiral«, »Sam Golob je dejal«: at a sentence start, an adverb or pronoun spelled like a
  // given name's form (Lani of Lana, Sam) is the adverb.
  const knownName = detector.firstNames.has(word) && !(sentenceStart && SENTENCE_OPENERS.has(word.toLowerCase()));
  // »predsednik Francije Macron«, »guverner Banke Slovenije Vasle«, »predsednik uprave Krke Colarič«: a role's
  // complement in the genitive, a place or a body, no given name; as one it would hide every bare mention of him.
  // The first word of a registry surname of two (»predsednica Pirc Musar«) is left to the checks below.
  if (!knownName && !sentenceStart && isRoleComplement(tokens, j) && !startsOtherSurname(detector, tokens, from, word)) return ALONE;
  const afterPreposition = j > 0 && isPreposition(tokens, j - 1) && tightGap(tokens, j - 1);
  // Murska Sobota, v Slovenskih Konjicah: a capitalised adjective makes the surname part of a place name.
  const properAdjective = tokens.fact(PROPER_ADJECTIVE_SHAPE, j, spellsProperAdjective);
  const otherName = detector.index.has(word) && !knownName;
  // »Tihomirja Novaka so …«: a sentence-initial word with the case ending of the surname is a first name,
  // unless a feminine verb follows: in »Vlada Netanjahuja je potrdila« the word is the subject, a noun.
  const agreeing =
    sentenceStart &&
    !knownName &&
    !hasNom &&
    sameEnding(word, tokens.word(from)) &&
    !roleNounGender(word.toLowerCase()) &&
    !feminineSubjectAfter(tokens, from);
  // »Hunter Biden je dejal«: a word at the sentence start that is neither a known given name nor an
  // ordinary word is an unknown given name; it may still be a word no list has, so it hides only this mention.
  if (sentenceStart && !knownName && !properAdjective && !agreeing && !otherName && hasNom && !isOrdinaryOpener(word)) return { ...ALONE, alone: false, unknownName: true };
  // "Danes Novak …": an ordinary word that starts the sentence; the surname stands alone.
  if ((sentenceStart && !knownName && !properAdjective && !agreeing) || otherName) return ALONE;
  // »soproga Brigitte Macron«, »sin Hunter Biden«: a role or kinship noun before the given name tells the namesake's
  // gender better than a foreign given name's ending does.
  const before = j > 0 && tightGap(tokens, j - 1) ? tokens.word(j - 1) : '';
  const roleGender = before ? roleNounGender(isSentenceStart(tokens, j - 1) ? before.toLowerCase() : before) : undefined;
  // A place (v Ljubljani …, Murska Sobota) names no namesake, so bare mentions elsewhere stay.
  return { alone: false, firm: undefined, unknownName: false, agreeing, place: !knownName && (afterPreposition || properAdjective), roleGender };
}

/**
 * The first-name form is a nominative or stands in one of the cases of the surname's spelling, or it is no woman's
 * name. Only then is a case apart another person: a woman's surname does not decline, so »Petra Kovač« and
 * »Aleksandra Vučić« are women, but no woman is called Petrom, Petru or Antóniom (»z Antóniom Costa«).
 */
function agreesInCase(person: DetectorPerson, firstForm: string, surnameCases: number): boolean {
  const cases = person.firstCases.get(firstForm);
  // A man's surname in -a declines as a woman's noun does (Janša, Janše, Janšo): his accusative is the -o the forms
  // list as the instrumental, and his first name's accusative is its genitive (»obsodili Janeza Janšo«).
  const accusative = person.gender === 'm' && person.surname.endsWith('a') && (surnameCases & CASE_BIT.ins) !== 0 ? CASE_BIT.gen : 0;
  return cases === undefined || (cases & (surnameCases | accusative | NOM_ONLY)) !== 0 || firstNameGender(firstForm) !== 'f';
}

/**
 * Where a full name starts, given `j`, one of its given names: further given names before it belong to it (»Jared
 * Corey Kushner«), and so does a lower-case particle between two of them (»Maria da Graça de Souza«), which is no
 * given name itself (splitName), as »da« is a Slovenian word. Only between two: »dejala, da Graça« keeps its »da«.
 */
function earlierGivenNames(tokens: Tokens, person: DetectorPerson, j: number): number {
  for (;;) {
    if (j - 1 >= 0 && tightGap(tokens, j - 1) && person.allFirst.has(tokens.word(j - 1))) j--;
    else if (j - 2 >= 0 && person.particles.has(tokens.word(j - 1)) && tightGap(tokens, j - 1) && tightGap(tokens, j - 2) && person.allFirst.has(tokens.word(j - 2))) j -= 2;
    else return j;
  }
}

/** Two words in the same oblique case of a masculine noun: Tihomirja Novaka, Tihomiru Novaku, Tihomirom Novakom. */
function sameEnding(a: string, b: string): boolean {
  for (const ending of ['om', 'em', 'a', 'u']) if (a.endsWith(ending) && b.endsWith(ending) && a.length > ending.length + 2) return true;
  return false;
}

/** "Ana Novak" next to Janez Novak, or "Ivan Novak" next to Ana Novak: a namesake of the other gender. */
function looksOtherGender(firstName: string, person: DetectorPerson, nomOnly: boolean): boolean {
  if (person.gender === 'm') return nomOnly && (firstNameGender(firstName) === 'f' || isWomansObliqueName(firstName));
  const last = firstName.charCodeAt(firstName.length - 1);
  return last !== 97 && last !== 101 && last !== 105 && last !== 111; // not a, e, i, o
}

/**
 * A woman's first name in -a in another case (Jane, Jano of Jana; Ane, Ano of Ana), before her undeclined surname: »Jano Medved
 * je sodišče oprostilo« names a woman, whose surname is spelled as the man's nominative only. Only the common names'
 * forms, and not one that is a name itself (Jani, a man's): Marko is no form of a woman's »Marka«.
 */
function isWomansObliqueName(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return (last === 101 || last === 105 || last === 111) && !commonFirstNameGenders.has(word) && commonFirstNameGenders.get(`${word.slice(0, -1)}a`) === 'f';
}

/** guessGender of a lone first name, remembered: the same capitalised words recur in every article (a third of the detection time). */
const firstNameGender = memoize((firstName: string): Gender => guessGender(`${firstName} X`), 50_000);

/**
 * Decides each occurrence in the light of the whole article: who is named in full, whose surname a
 * namesake took, and what the grammar around the word allows.
 */
function resolve(detector: PeopleDetector, tokens: Tokens, occurrences: Occurrence[]): Detection {
  const fullNamed = new Set<number>();
  // Person → the tokens where a full-name reading of them stands, in text order.
  const namedAt = new Map<number, number[]>();
  let paragraphs: Int32Array | undefined;
  const shadowed = new Set<number>();
  // Person → the spellings a namesake of the other gender wrote their surname in (»Tomaž Kos« beside Marta Kos).
  const otherGenderSpellings = new Map<number, Set<string>>();
  // Person → whether a full name of theirs follows a parent's noun (»oče Matjaž Kralj«), a child's (»sin Jurij Sever«)
  // or a spouse's (»njen mož Rok Dolenc«); and the pairs named together, »Urška in Rok Dolenc«, as `${a} ${b}`, a < b.
  const kinship = new Map<number, Set<Kin>>();
  const namedTogether = new Set<string>();
  // »Predstavljal se je kot kriminalist Kralj«: the tokens of a name someone took, and the people who bear it.
  const assumed = new Set<number>();
  const assumedBy = new Set<number>();
  for (const occurrence of occurrences) {
    // »Olga Kuzmina« is Olga's full name; that it is not Igor Kuzmin's says nothing about Igor. Nor is the first
    // word of a surname of two (»predsednica Pirc Musar«) a namesake's first name before »Musar«: it is hers.
    const explained = occurrence.candidates.some(
      (candidate) => candidate.relation === 'full' || (candidate.relation === 'bare' && candidate.from < occurrence.token),
    );
    const together = occurrence.candidates.filter((candidate) => candidate.relation === 'full' && candidate.from < occurrence.token);
    if (together.length === 2 && together[0]!.person !== together[1]!.person && together[0]!.from !== together[1]!.from) {
      namedTogether.add(`${Math.min(together[0]!.person, together[1]!.person)} ${Math.max(together[0]!.person, together[1]!.person)}`);
    }
    for (const candidate of occurrence.candidates) {
      if (candidate.relation === 'full' && !candidate.titled && !initialOfMany(detector, tokens, occurrence.token, occurrence.candidates, candidate.from) && !namedAfter(tokens, candidate)) {
        fullNamed.add(candidate.person);
        let at = namedAt.get(candidate.person);
        if (!at) namedAt.set(candidate.person, (at = []));
        at.push(occurrence.token);
        const kin = kinBefore(tokens, candidate.from);
        if (kin) {
          let kins = kinship.get(candidate.person);
          if (!kins) kinship.set(candidate.person, (kins = new Set()));
          kins.add(kin);
        }
      }
      if (candidate.relation === 'bare' && candidate.from === occurrence.token && candidate.kind === 'surname' && isAssumedName(tokens, occurrence.token, candidate.hasNom)) {
        assumed.add(occurrence.token);
        assumedBy.add(candidate.person);
      }
      if (candidate.relation !== 'namesake' || candidate.uncertain || candidate.namesakeIsPlace || explained) continue;
      if (!candidate.namesakeOtherGender) shadowed.add(candidate.person);
      else {
        let spellings = otherGenderSpellings.get(candidate.person);
        if (!spellings) otherGenderSpellings.set(candidate.person, (spellings = new Set()));
        spellings.add(tokens.word(occurrence.token));
      }
    }
  }
  // Spelling → whether the article writes it as a given name before another name (see writtenAsGivenName).
  let givenNames: Map<string, boolean> | undefined;
  // A name someone took hides the bare surname in the whole article, as another's given name before it does (»gospod
  // Kralj že vse uredil« in the victim's words), unless the article names its bearer in full.
  for (const person of assumedBy) if (!fullNamed.has(person)) shadowed.add(person);
  interface Found {
    person: number;
    kind: MentionKind;
    from: number;
    to: number;
    weak: boolean;
    /** A surname spelled as its nominative, which a town's name is too. */
    nominative?: boolean;
    reason: string;
    inFull: boolean;
  }
  const found: Found[] = [];
  // People whose surname the article uses as a place's name (»v Kamniku«, »Občina Kamnik«): see `strong` below.
  const place = new Set<number>();
  const asPlace = (candidate: Candidate): false => {
    place.add(candidate.person);
    return false;
  };
  for (const { token, candidates } of occurrences) {
    // Most occurrences have no full name: no array for them.
    let full: Candidate[] | undefined;
    for (const candidate of candidates) if (candidate.relation === 'full') (full ??= []).push(candidate);
    if (full) {
      // »Peter in Domen Prevc«: full names that start at different words are two people sharing the surname;
      // readings that start at the same word are one name, and the main spelling wins over an alias.
      const starts = full.length === 1 ? [full[0]!.from] : [...new Set(full.map((candidate) => candidate.from))].sort((a, b) => a - b);
      for (const from of starts) {
        const here = full.filter((candidate) => candidate.from === from);
        if (initialOfMany(detector, tokens, token, candidates, from)) continue;
        const best = bySuffix(detector, tokens, token, here) ?? here.find((candidate) => !candidate.alias) ?? here[0]!;
        if (namedAfter(tokens, best) || (best.titled && !fullNamed.has(best.person))) continue;
        const person = detector.people[best.person]!;
        found.push({ person: best.person, kind: best.alias ? 'alias' : 'full', from: best.from, to: best.to ?? token, weak: false, reason: best.alias ? `alias of ${person.name}` : 'full name', inFull: !best.byInitial });
      }
      continue;
    }
    if (assumed.has(token)) continue;
    let open = candidates.filter((candidate) => candidate.relation === 'bare');
    if (open.length === 0) continue;
    // »Jan Medved je zadel. Jan je po tekmi dejal …«: a surname's spelling the article writes as a given name before
    // another name is that given name as much as the surname, and tags nobody alone where the article does not name the
    // surname's bearer (Ivo Jan) in full; where it does, the surname is read as before (an obituary's »Anton Sever« and
    // his daughter »Katja Sever Dolenc«, whose middle name it is).
    if (detector.firstNames.has(tokens.word(token)) && open.every((candidate) => candidate.kind === 'surname' && candidate.from === token && !fullNamed.has(candidate.person))) {
      givenNames ??= new Map();
      let given = givenNames.get(tokens.word(token));
      if (given === undefined) givenNames.set(tokens.word(token), (given = writtenAsGivenName(detector, tokens, tokens.word(token))));
      if (given) continue;
    }
    let first = open[0]!.from;
    for (const candidate of open) if (candidate.from < first) first = candidate.from;
    if (afterMaidenName(tokens, first) || nameAsSuch(tokens, first, open)) continue;
    // »Samo priimek, ki je … tako pogost kot pri vas Novak«: the surname as such, of no one the article names.
    if (open.every((candidate) => candidate.kind === 'surname' && !fullNamed.has(candidate.person)) && surnameSpokenOf(tokens, first)) continue;
    // »poleg zakoncev Dolenc«: a married couple named by their shared surname is both of the two the article names in
    // full, if it names them as a couple: together (»Urška in Rok Dolenc«) or one as the other's spouse (»njen mož Rok
    // Dolenc«); two namesakes may be a wife and someone unrelated. Before a role noun's gender (zakoncev reads as a
    // man's) could rule the wife out.
    if (afterCoupleNoun(tokens, first, token)) {
      const named = distinctPeople(open.filter((candidate) => candidate.kind === 'surname' && detector.people[candidate.person]!.surname === tokens.word(token))).filter((person) => fullNamed.has(person));
      const couple =
        named.length === 2 && (namedTogether.has(`${Math.min(...named)} ${Math.max(...named)}`) || named.some((person) => kinship.get(person)?.has('spouse')));
      if (couple) {
        for (const person of named) found.push({ person, kind: 'surname', from: token, to: token, weak: false, reason: 'surname; a married couple named by their shared surname', inFull: false });
        continue;
      }
    }
    const cue = grammaticalCue(tokens, first, token);
    const cased = applyPreposition(open, cue);
    open = applyGender(cased, cue, detector, tokens.word(token)).filter(
      (candidate) => !shadowed.has(candidate.person) && !namesakesSpelling(detector, tokens, token, candidate, cue, otherGenderSpellings) && (!candidate.beforeName || fullNamed.has(candidate.person)),
    );
    // »v trgovinah Tuš«, »podjetje Tesla«: after its generic noun the name stays in the nominative, and it is the firm's.
    if (afterCompanyNoun(tokens, first, true)) open = open.filter((candidate) => candidate.kind === 'possessive' || !candidate.hasNom);
    // »delnice Tesle«: after shares or shareholders a genitive is a company's, declined or not.
    else if (afterShareNoun(tokens, first)) open = open.filter((candidate) => candidate.kind === 'possessive');
    // »bazen v Hrastniku«, »iz Hrastnika«: after »v« or »na« a locative is a place's, after »iz«, »z« or »s« a genitive
    // (from), and a town may be spelled as a surname.
    const placeCases = placePrepositionCases(tokens, first);
    if (placeCases !== 0) {
      // »Volivci v Golobu vidijo rešitelja«: a person seen as someone, if the article names them in full.
      const seen = seenAsSomeone(tokens, first, token) || allyIn(tokens, first, token) || burdenOn(tokens, first, token);
      open = open.filter((candidate) => candidate.kind === 'possessive' || (candidate.cases & ~placeCases) !== 0 || (seen && fullNamed.has(candidate.person)) || asPlace(candidate));
    }
    // »Hribarjevo pecivo« beside Franc and Katja Hribar: his possessive before its noun, where the article names him.
    if (open.some((candidate) => candidate.beforeNoun) && open.some((candidate) => candidate.kind === 'possessive' && fullNamed.has(candidate.person))) {
      open = open.filter((candidate) => !candidate.beforeNoun);
    }
    // »Francko, Novakovo najmlajšo hčer« beside a play's farmer »Janez Novak«: a man of her surname the article names in
    // full, though no one of the registry, owns it as well, and it is not hers.
    if (otherGenderSpellings.size > 0) open = open.filter((candidate) => !candidate.beforeNoun || !otherGenderSpellings.has(candidate.person));
    // »Analitik Rok Vrh meni … »Vrh sezone je december,« je dejal.«: no one names himself by his surname in his own
    // words, so a surname that opens a quotation is not the one the paragraph named just before it as its speaker.
    if (open.length > 0 && opensQuotation(tokens, first)) {
      paragraphs ??= paragraphIndex(tokens);
      const speaker = implicitSpeaker(detector, tokens, token, found, paragraphs);
      if (speaker !== undefined) open = open.filter((candidate) => candidate.person !== speaker);
    }
    // »v stranski vlogi notarja Kosa«: a part an actor plays, no registry Kos, unless the article names them in full.
    // Only a case that is no nominative: »V novi vlogi Kos ne bo …« (in his new role) is the subject.
    // A nominative there is the part too after a form of address (»v vlogi gospe Kos«) or where the verb has its own
    // subject after it (»V vlogi Kos je nastopila Ana Rozman«): a woman's surname is spelled as one in every case.
    if (asPartPlayed(tokens, first)) {
      const character = afterFormOfAddress(tokens, first) || subjectAfterVerb(detector, tokens, token);
      open = open.filter((candidate) => candidate.kind === 'possessive' || (candidate.hasNom && !character) || fullNamed.has(candidate.person));
    }
    // »župan Hrastnika«, »prebivalci Hrastnika«, »center Hrastnika«: a mayor's, the inhabitants' or a town part's
    // genitive complement is the town; so is any case after a municipality, in apposition (»Občina Hrastnik«).
    if (afterTownHead(tokens, first)) open = open.filter((candidate) => candidate.kind === 'possessive' || (candidate.cases & ~CASE_BIT.gen) !== 0 || asPlace(candidate));
    else if (afterMunicipality(tokens, first)) open = open.filter((candidate) => candidate.kind === 'possessive' || asPlace(candidate));
    // The people the gender took out: only then did the context decide. A verb or role noun that agrees with
    // the reading left, or belongs to another subject (»S Stingom je nastopila Madonna«), is no reason.
    // Whom the gender cue ruled out, for the reason `people` gives; most matches have no cue, and need none.
    let ruledOut: Set<number> | undefined;
    if (cue.gender) {
      ruledOut = new Set(cased.filter((candidate) => !shadowed.has(candidate.person)).map((candidate) => candidate.person));
      for (const candidate of open) ruledOut.delete(candidate.person);
    }
    const notes: string[] = [];
    let people = distinctPeople(open);
    if (people.length > 1) {
      // »komisarko Kos«: the role noun before the name is a word of one namesake's `role:`. It says more than
      // the namesake the article names in full, who may be someone else there (»novinarka Ana Kos je vprašala komisarko Kos«).
      const stem = cue.roleNoun === undefined ? undefined : roleStem(cue.roleNoun);
      const byRole = stem === undefined ? [] : people.filter((person) => detector.people[person]!.roleStem === stem);
      const named = people.filter((person) => fullNamed.has(person));
      const bySuffixAfter = suffixAfterSurname(detector, tokens, token, people);
      const byAge = bySuffixAfter === undefined ? elderOrYounger(tokens, token, named, kinship) : undefined;
      if (bySuffixAfter !== undefined) {
        people = [bySuffixAfter];
        notes.push(`shared surname; »${tokens.word(token + 1)}« is ${detector.people[bySuffixAfter]!.name}'s suffix`);
      } else if (byAge !== undefined) {
        people = [byAge];
        notes.push(`shared surname; »${tokens.word(token + 1)}«: ${detector.people[byAge]!.name} is the ${ELDER.test(tokens.word(token + 1)) ? 'elder' : 'younger'} of the two named in full`);
      } else if (byRole.length === 1) {
        people = byRole;
        notes.push(`shared surname; »${cue.roleNoun}« is ${detector.people[byRole[0]!]!.name}'s role`);
      } else if (named.length === 1) {
        people = named;
        notes.push(`shared surname; the article names ${detector.people[named[0]!]!.name} in full`);
      } else {
        // Several named in full (a father and his son in an obituary): the one named in this paragraph before the
        // surname, if only one is; else the one the text below the headline names in full before it, if only one
        // does (the nearer name: »Peter Novak prevzel vodenje« over »oče Janez Novak«, then »Novak je dejal«);
        // else the one the first paragraph, the headline, names, if only one does: where the text below names both,
        // the headline's is the article's subject (an obituary's father after a paragraph on his son).
        paragraphs ??= paragraphIndex(tokens);
        const paragraph = paragraphs[token]!;
        let inParagraph = named.filter((person) => namedAt.get(person)!.some((at) => at < token && paragraphs![at] === paragraph));
        let inTextBefore = named.filter((person) => namedAt.get(person)!.some((at) => at < token && paragraphs![at] !== 0));
        let inHeadline = named.filter((person) => paragraphs![namedAt.get(person)![0]!] === 0);
        // A headline that names none of them in full (»Đurić zadel soimenjaka«) has the lead below it say whom the
        // article is about: the first paragraph, if it is the first to name any of them, and names only one.
        if (inHeadline.length === 0) {
          const firstNamed = named.map((person) => paragraphs![namedAt.get(person)![0]!]!);
          if (Math.min(...firstNamed) === 1) inHeadline = named.filter((_person, k) => firstNamed[k] === 1);
        }
        // Another of them first named in full further on in this paragraph: a paragraph often brings in the second of a
        // name by the surname and names him a sentence later (»Novak, ki ga kličejo Pero, … Peter Novak je sin«) or in
        // apposition (»drugi Novak, njegov sin Peter Novak«) as often as it goes on about the first, so the surname
        // counts for neither. Named later in the same sentence otherwise, the other is someone the one meant speaks
        // or is told of (»Novak je dejal, da je sin Peter Novak pripravljen«, »Mlakar je umrl, Ivanka Mlakar pa …«).
        if (named.some((person) => introducedLater(tokens, token, namedAt.get(person)![0]!, paragraphs!))) continue;
        // Named in full earlier in the same sentence, one is not named again there by the surname but by a pronoun or
        // nothing: »Matej Golob je dodal, da … knjige, ki jo je Golob napisal« is his father, whom the headline names.
        // Nor is the kinsman a verb of saying has as its subject: »Golob je bil tudi strasten ribič, je dodal sin.«
        const speaker = speakerKinAfter(tokens, token);
        const notMeant = named.filter(
          (person) => namedAt.get(person)!.some((at) => at < token && namedEarlierInSentence(tokens, at, token)) || (speaker !== undefined && kinship.get(person)?.has(speaker)),
        );
        if (notMeant.length > 0) {
          const others = (list: number[]) => list.filter((person) => !notMeant.includes(person));
          [inParagraph, inTextBefore, inHeadline] = [others(inParagraph), others(inTextBefore), others(inHeadline)];
          if (inParagraph.length + inTextBefore.length + inHeadline.length === 0) continue;
        }
        // »Miha Kmet, sin ekološkega kmeta Jožeta Kmeta … pravi Kmet«: one named in the paragraph only in the genitive
        // after another's kinship noun is named to say whose son the other is; the surname goes on about the other.
        if (inParagraph.length > 1) {
          const principal = inParagraph.filter(
            (person) => !namedAt.get(person)!.every((at) => at >= token || paragraphs![at] !== paragraph || namedAsKinOf(tokens, at, detector.people[person]!)),
          );
          if (principal.length === 1) inParagraph = principal;
        }
        if (inParagraph.length === 1) {
          people = inParagraph;
          notes.push(`shared surname; the paragraph names ${detector.people[inParagraph[0]!]!.name} in full`);
        } else if (inParagraph.length === 0 && inTextBefore.length === 1 && inHeadline.length === 1 && inHeadline[0] !== inTextBefore[0]) {
          // The headline names one, the text below only the other: both readings are common (a succession's father
          // quoted after a headline on his son; an obituary's son quoted, then the deceased again) and the words do
          // not settle which, so the surname counts for neither: a missed mention costs less than a wrong one.
          continue;
        } else if (inParagraph.length === 0 && inTextBefore.length === 1) {
          people = inTextBefore;
          notes.push(`shared surname; the text before it names ${detector.people[inTextBefore[0]!]!.name} in full`);
        } else if (inParagraph.length === 0 && inHeadline.length === 1) {
          people = inHeadline;
          notes.push(`shared surname; the headline names ${detector.people[inHeadline[0]!]!.name} in full`);
        } else continue; // a shared surname and no way to tell: tag nobody
      }
    } else if (people.length === 0) continue;
    const person = people[0]!;
    const chosen = open.filter((candidate) => candidate.person === person);
    const possessive = chosen.every((candidate) => candidate.kind === 'possessive');
    const alias = chosen.every((candidate) => candidate.alias);
    const from = Math.min(...chosen.map((candidate) => candidate.from));
    // »Zimi so vikendi prazni«: at a sentence start a season's adverb spelled as the surname's dative (Zima: Zimi) is
    // the adverb, unless the paragraph has just named the person in full (»Miha Zima je dodal … Zimi je ta stavek
    // ostal«); the verb after it does not tell them apart (»Zimi so se oglašali lastniki«).
    if (from === token && SEASON_ADVERBS.has(tokens.word(token).toLowerCase()) && isSentenceStart(tokens, token)) {
      paragraphs ??= paragraphIndex(tokens);
      const paragraph = paragraphs[token]!;
      if (!namedAt.get(person)?.some((at) => at < token && paragraphs![at] === paragraph)) continue;
    }
    const wholeName = !possessive && !alias && chosen.some((candidate) => candidate.wholeName);
    const kind: MentionKind = possessive ? 'possessive' : alias ? 'alias' : wholeName ? 'full' : 'surname';
    if (!possessive && fullNamed.has(person) && notes.length === 0) notes.push(`the article names ${detector.people[person]!.name} in full`);
    if (cue.gender && ruledOut && ruledOut.size > 0) {
      const others = [...ruledOut].map((other) => detector.people[other]!.name).join(', ');
      notes.push(`${cue.gender === 'f' ? 'feminine' : 'masculine'} context, not ${others}`);
    }
    const label = kind === 'possessive' ? 'possessive' : kind === 'alias' ? `alias of ${detector.people[person]!.name}` : kind === 'full' ? 'full name' : 'surname';
    found.push({
      person,
      kind,
      from,
      to: token,
      weak:
        (detector.people[person]!.capitalisedNoun && !cue.hard) ||
        (!possessive && !cue.hard && chosen.every((candidate) => !candidate.hasNom) && commonFirstNameGenders.has(tokens.word(token))) ||
        // »Silva«, »Luca« without their particle are far more often given names than da Silva, de Luca.
        (!possessive && chosen.every((candidate) => candidate.withoutParticles) && detector.firstNames.has(tokens.word(token))) ||
        // »Pirc Musar bo obiskala Kijev«: a surname of two capitalised words is no ordinary word at a sentence start.
        (!possessive && isSentenceStart(tokens, from) && !chosen.some((candidate) => candidate.relation === 'bare' && candidate.from < token && !candidate.withoutParticles) && !detector.people[person]!.foreign && !looksForeign(tokens.word(token)) && !personContext(detector, tokens, token, chosen.some(canSpeak))),
      nominative: !possessive && chosen.some((candidate) => candidate.hasNom),
      reason: notes.length > 0 ? `${label}; ${notes.join('; ')}` : label,
      inFull: !possessive && chosen.some((candidate) => candidate.mononym),
    });
  }

  // A bare surname only at sentence starts ("Sever bo zapihal") may be an ordinary word, one that is also a
  // nationality noun (»Rus je dejal«) may be any Russian (and a heavenly body's name the Moon), and a case form of it that is a common given name
  // (Ma: Maja, Jan: Jana) is far more often that given name: each counts only if the article names the person
  // somewhere else too.
  const strong = new Set<number>();
  for (const item of found) if (!item.weak) strong.add(item.person);

  const mentions: Mention[] = [];
  const counts = new Map<string, number>();
  const order: string[] = [];
  // »Luiz Inácio Lula da Silva«: a one-word alias (Lula) is a word of the full name too; the name counts once.
  const spans = found.filter((item) => item.to > item.from);
  const insideSpan = (item: Found) => spans.some((span) => span !== item && span.person === item.person && span.from <= item.from && item.to <= span.to);
  // Where the article uses the word as a place, its nominative may be the town at a sentence start too (»Kamnik bo
  // dobil še en vrtec«, a headline »Kamnik dobil nov vrtec«), though the article names Jure Kamnik: such a word counts
  // only with a verb of saying or a list of names after it, which make it no weak reading. Another case is still his
  // (»Hrastnika je podprla svetnica«).
  for (const item of found) {
    if (item.weak && (!strong.has(item.person) || (item.nominative && place.has(item.person)))) continue;
    if (spans.length > 0 && insideSpan(item)) continue;
    const id = detector.people[item.person]!.id;
    const start = tokens.starts[item.from]!;
    const end = tokens.ends[item.to]!;
    mentions.push({ personId: id, kind: item.kind, text: tokens.text.slice(start, end).replace(/\s+/g, ' '), start, end, reason: item.reason, inFull: item.inFull });
    if (!counts.has(id)) order.push(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { mentions, people: order, counts };
}

/**
 * »V stranski vlogi notarja Kosa je nastopil …«, »je v vlogi Kosa prepričljiv«: after »v vlogi« (in the part of),
 * perhaps with an adjective between (stranski, glavni, naslovni) and a lower-case noun after »vlogi« (notarja), a name
 * is the part, a character of a play or film. Not after »vlogo« or »vloga«, whose genitive is often the person's own
 * role (»poudaril je vlogo trenerja Kosa«). »V vlogi« is also »in the role of« a function, so resolve drops only a case
 * that is no nominative.
 */
function asPartPlayed(tokens: Tokens, first: number): boolean {
  let j = first - 1;
  // The part's noun, not a verb or an adverb: »V tej vlogi je Kosa nasledil …« is Kos succeeded in a role.
  if (j >= 0 && tightGap(tokens, j) && isLower(tokens.word(j)) && tokens.word(j) !== 'vlogi') {
    if (FUNCTION_WORDS.has(tokens.word(j)) || ADVERBS.has(tokens.word(j))) return false;
    j--;
  }
  if (j < 0 || !tightGap(tokens, j) || tokens.word(j).toLowerCase() !== 'vlogi') return false;
  j--;
  if (j >= 0 && tightGap(tokens, j) && isLower(tokens.word(j)) && tokens.word(j) !== 'v') j--;
  return j >= 0 && tightGap(tokens, j) && tokens.word(j).toLowerCase() === 'v';
}

/** »gospe«, »gospoda«, »gospodične« (of Mrs, Mr, Miss) right before token `first`: a form of address, which no one holds as a function. */
function afterFormOfAddress(tokens: Tokens, first: number): boolean {
  const word = wordBefore(tokens, first);
  return word === 'gospe' || word === 'gospoda' || word === 'gospodične';
}

/**
 * After the name at token `last`, an auxiliary, a participle (perhaps after an adverb) and a capitalised word, all in
 * its clause: »Kos je nastopila Ana Rozman«, »… je blestela Zupan«. That word is the verb's subject, so the name is not;
 * unless it ends in -o or -e and is no given name or registry name, a place's accusative or a neuter noun, which cannot
 * agree with the participle as its subject: »V vlogi ministrice Kos je obiskala Celje«, »… Ukrajino«; not before another
 * capitalised word, which makes it a given name (»Nicole Kidman«).
 */
function subjectAfterVerb(detector: PeopleDetector, tokens: Tokens, last: number): boolean {
  if (last + 3 >= tokens.length || !AUXILIARIES.has(tokens.word(last + 1)) || !sameClause(tokens, last)) return false;
  for (let p = last + 2; p <= last + 3 && p + 1 < tokens.length && sameClause(tokens, p - 1); p++) {
    if (participleGender(tokens, p)) {
      const next = tokens.word(p + 1);
      if (!sameClause(tokens, p) || !isCapitalised(next)) return false;
      if (detector.firstNames.has(next) || detector.index.has(next) || !/[oe]$/.test(next)) return true;
      // A foreign given name in -e before a surname (»Nicole Kidman«) is the subject still.
      return p + 2 < tokens.length && tightGap(tokens, p + 1) && isCapitalised(tokens.word(p + 2));
    }
    if (!ADVERBS.has(tokens.word(p))) return false;
  }
  return false;
}

/** The people of `candidates`, each once, in the order of their first candidates. */
function distinctPeople(candidates: readonly Candidate[]): number[] {
  const people: number[] = [];
  // A surname's index list is in the people's order (sortDetector), and so are its candidates: a person after the
  // greatest one so far is new, with no search through the hundreds who may share a common surname.
  let greatest = -1;
  for (const { person } of candidates) {
    if (person > greatest) {
      people.push(person);
      greatest = person;
    } else if (person !== greatest && !people.includes(person)) people.push(person);
  }
  return people;
}

/**
 * A full name whose surname is token `at`, the first of its person, comes after the bare surname at token `token` in
 * its paragraph, in a later sentence (not after a colon) or in apposition to it (a comma right after the surname, the
 * name within four words).
 */
function introducedLater(tokens: Tokens, token: number, at: number, paragraphs: Int32Array): boolean {
  if (at <= token || paragraphs[at] !== paragraphs[token]) return false;
  if (at - token <= 5 && /^,\s+$/.test(tokens.text.slice(tokens.ends[token]!, tokens.starts[token + 1]!))) return true;
  // A colon starts a list or a quote of the same sentence: »razstavljavci: … Sever Anton, Sever Jurij«, »je dejal: »…«.
  for (let k = token + 1; k <= at; k++) if (isSentenceStart(tokens, k) && !tokens.text.slice(tokens.ends[k - 1]!, tokens.starts[k]!).includes(':')) return true;
  return false;
}

/**
 * The article writes `word`, a surname's spelling that is a given name too (Jan, Marko), as a given name before
 * another name: »Jan Medved«, »Marko Vidmar«; not before a given name of a bearer of the surname (»Jan Ivo«, Ivo Jan
 * written surname first), as the first word of a surname of two (»Nina Jan Kovač«, `surname: Jan Kovač`) or before
 * what is no name (as scan reads a name after it).
 */
function writtenAsGivenName(detector: PeopleDetector, tokens: Tokens, word: string): boolean {
  const bearers = detector.index.get(word) ?? [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (tokens.word(k) !== word || !tightGap(tokens, k)) continue;
    const next = tokens.word(k + 1);
    if (!isCapitalised(next) || isInitial(tokens, k + 1) || isNameSuffix(next) || PREPOSITIONS.has(next.toLowerCase())) continue;
    if (bearers.some((entry) => detector.people[entry.person]!.allFirst.has(next))) continue;
    // »Nina Jan Kovač«: the first word of a surname of two.
    if (detector.index.get(next)?.some((entry) => entry.prefix[entry.prefix.length - 1] === word)) continue;
    return true;
  }
  return false;
}

/** Verbs of presenting oneself as someone, with »se«: »se je predstavil(a) kot«, »se predstavlja kot«, »se je izdajal za«. */
const PRESENTING_ONESELF = /^(predstavi|predstavlja|izdaja)(l|la|li|le)?$|^(predstavljajo|izdajajo)$/;

/**
 * »Predstavljal se je kot kriminalist Kralj«, »ki se je izdajal za policista Kralja«: a surname after »kot« or »za«,
 * perhaps after one lower-case noun of a role or address, in the clause of a verb of presenting oneself with »se«, is a
 * name someone took (a fraudster's), no one's in the registry. After »kot« only in the nominative, as the noun before
 * it is (`nominative`: the spelling may be one): »se je predstavil kot naslednik Janše« names Janša. Not after two
 * words: »se je predstavila kot naslednica ministra Novaka« names the minister.
 */
function isAssumedName(tokens: Tokens, i: number, nominative: boolean): boolean {
  let at = i - 1;
  if (at >= 0 && tokens.word(at) !== 'kot' && tokens.word(at) !== 'za' && isLower(tokens.word(at)) && tightGap(tokens, at)) at--;
  if (at < 0 || (tokens.word(at) !== 'kot' && tokens.word(at) !== 'za') || !tightGap(tokens, at) || !sameClause(tokens, i - 1)) return false;
  if (tokens.word(at) === 'kot' && !nominative) return false;
  let reflexive = false;
  let verb = false;
  for (let k = at - 1; k >= 0 && k >= at - 5 && sameClause(tokens, k); k--) {
    const word = tokens.word(k).toLowerCase();
    if (word === 'se') reflexive = true;
    else if (PRESENTING_ONESELF.test(word)) verb = true;
  }
  return reflexive && verb;
}

/** The full name at token `at` is earlier in the sentence of token `token`; a colon's list or quote is the same sentence. */
function namedEarlierInSentence(tokens: Tokens, at: number, token: number): boolean {
  for (let k = at + 1; k <= token; k++) if (isSentenceStart(tokens, k) && !tokens.text.slice(tokens.ends[k - 1]!, tokens.starts[k]!).includes(':')) return false;
  return true;
}

/** The paragraph each token is in, counted from 0: a blank line (title, summary and body are joined by one) ends one. */
function paragraphIndex(tokens: Tokens): Int32Array {
  const result = new Int32Array(tokens.length);
  let paragraph = 0;
  for (let i = 1; i < tokens.length; i++) {
    // Most gaps are one space: no slice for them.
    const start = tokens.ends[i - 1]!;
    const end = tokens.starts[i]!;
    if (end - start >= 2 && /\n[^\S\n]*\n/.test(tokens.text.slice(start, end))) paragraph++;
    result[i] = paragraph;
  }
  return result;
}

/**
 * »Tomaž Kos je odprl šolo. Med gosti je bil tudi Kos.«: a namesake of the other gender named in the article writes
 * the surname as this person's bare mention does (his nominative is her surname in every case; her surname is his
 * nominative), so that mention is the namesake's as much as this person's. It is this person's only where the grammar
 * says so: a verb or role noun of this person's gender, or, for a woman, a preposition or »po besedah«, after which a
 * man's surname declines (»s Kosom«, »po besedah Kosa«). A spelling the namesake cannot have (Kosa, Kosu: a man's, beside Ana Kos) is still this person's.
 */
function namesakesSpelling(detector: PeopleDetector, tokens: Tokens, token: number, candidate: Candidate, cue: Cue, spellings: ReadonlyMap<number, ReadonlySet<string>>): boolean {
  if (candidate.kind !== 'surname' || !spellings.get(candidate.person)?.has(tokens.word(token))) return false;
  const gender = detector.people[candidate.person]!.gender;
  return cue.gender !== gender && !(gender === 'f' && cue.preposition);
}

interface Cue {
  gender: Gender | undefined;
  /** The gender comes from an apposition (ministrica Novak): it binds every reading. */
  hard: boolean;
  /** That apposition's role noun, as written (komisarko): it may be the `role:` of one of the namesakes. */
  roleNoun?: string;
  /** The name sits where only a subject can (Kuzmina je dejala): every reading must agree. */
  subject: boolean;
  /** A noun before the name may be the verb's subject and the name its genitive (Koncert Björk je bil). */
  possessor: boolean;
  /** A preposition, or a phrase that needs a genitive (po besedah), is right before the name: no nominative. */
  preposition: boolean;
}

function grammaticalCue(tokens: Tokens, first: number, last: number): Cue {
  let before = first - 1;
  let gender: Gender | undefined;
  let hard = false;
  let roleNoun: string | undefined;
  const honorific = before >= 0 && tokens.text[tokens.ends[before]!] === '.' ? HONORIFICS.get(tokens.word(before).toLowerCase()) : undefined;
  if (honorific) {
    gender = honorific;
    hard = true;
    before--;
  } else if (before >= 0 && tightGap(tokens, before)) {
    // »Ministrica Novak je …« starts the sentence with the role noun.
    const word = tokens.word(before);
    const lower = isSentenceStart(tokens, before) ? word.toLowerCase() : word;
    const role = roleNounGender(lower) ?? (feminineRoleDative(tokens, before, lower) ? 'f' : undefined);
    if (role) {
      gender = role;
      hard = true;
      roleNoun = word.toLowerCase();
      before--;
    }
  }
  const preposition = before >= 0 && before + 1 <= first && tightGap(tokens, before) && (isPreposition(tokens, before) || afterGenitivePhrase(tokens, before));
  let subject = false;
  let possessor = false;
  if (!gender) {
    const verb = verbGender(tokens, first, last);
    gender = verb?.gender;
    subject = verb?.subject ?? false;
    possessor = verb?.possessor ?? false;
  }
  return { gender, hard, roleNoun, subject, possessor, preposition };
}

/**
 * Generic nouns for a firm, a brand or a group, in any case. A name right after one is its apposition, and it is not
 * declined (»delnice družbe Krka«, »v trgovinah Tuš«, »pivo Jelen«): a firm named after its founder (Tuš, Tesla,
 * Akrapovič, Pekarna Hribar) or one spelled like a surname (hotel Jelen) is no mention of a person. Not role nouns that
 * name a person (trgovec, bankir), and not »v družbi«, which also means »accompanied by« (»v družbi Novak«).
 */
const COMPANY_NOUN =
  /^((družb|skupin|verig|trgovin|znamk|pivovarn|bank|zavarovalnic|tovarn|korporacij|firm|založb|agencij|gostiln|restavracij|kavarn|picerij|pekarn|mesnic|slaščičarn|mlekarn)(a|e|i|o|ah|am|ama|ami)?|(koncern|holding|proizvajalc|hotel)(a|u|om|i|ev|ih|e)?|proizvajalec|podjetj(e|a|u|em|ih)|podjetij|piv(o|a|u|om))$/;

/**
 * The word before token `first` is a generic noun for a firm or brand (COMPANY_NOUN) in the same phrase. `anyCase`: also
 * one with a capital inside a sentence, as a firm's registered name writes it (»prevzelo Pekarno Hribar«); not for
 * the start of a firm's name of more words, where a capitalised noun is a body's (»guverner Banke Slovenije Vasle«).
 */
function afterCompanyNoun(tokens: Tokens, first: number, anyCase = false): boolean {
  const before = first - 1;
  if (before < 0 || !tightGap(tokens, before)) return false;
  const word = tokens.word(before);
  const lower = isCapitalised(word) && (anyCase || isSentenceStart(tokens, before)) ? word.toLowerCase() : word;
  if (!COMPANY_NOUN.test(lower)) return false;
  return !(lower === 'družbi' && before > 0 && tightGap(tokens, before - 1) && tokens.word(before - 1).toLowerCase() === 'v');
}

/** Shares, shareholders and bonds, in any case: one holds those of a company, never of a person. */
const SHARE_NOUN = /^(delnic|obveznic)(a|e|i|o|ah|am|ami)?$|^delničar(ji|jev|jem|je|ja|ju|jih|jema)?$/;

/** Where a firm's name that ends at capitalised token `j` starts, if a COMPANY_NOUN stands before it (up to three words). */
function firmNameStart(tokens: Tokens, j: number): number | undefined {
  for (let k = j; k > j - 3 && k >= 0; k--) {
    if (afterCompanyNoun(tokens, k)) return k;
    if (k === 0 || !tightGap(tokens, k - 1) || !isCapitalised(tokens.word(k - 1))) return undefined;
  }
  return undefined;
}

/** The word before token `first` is a SHARE_NOUN in the same phrase: »delnice Tesle«, »delničarji Krke«. */
function afterShareNoun(tokens: Tokens, first: number): boolean {
  if (first === 0) return false;
  // Asked of every bare surname: most words before one start with neither d nor o.
  const initial = tokens.text.charCodeAt(tokens.starts[first - 1]!) | 32;
  if ((initial !== 100 && initial !== 111) || !tightGap(tokens, first - 1)) return false;
  return SHARE_NOUN.test(tokens.word(first - 1).toLowerCase());
}

/** Of the NAMED_AFTER_NOUNs (organisation-noun.ts), the institutions someone heads: a school, a faculty, a library, a barracks, a theatre. */
const HEADED_INSTITUTION = /^((šol|gimnazij|fakultet|univerz|knjižnic|vojašnic)(a|e|i|o|ah|am|ami)?|vrt(ec|ca|cu|cem)|gledališč(e|a|u|em))$/;

/**
 * A full name in the genitive right after a NAMED_AFTER_NOUN. Not after a role noun and a lower-case institution it
 * heads: »pismo ravnatelja šole Tomaža Kosmača«, »Intendanta gledališča Janeza Novaka« name the head, in apposition
 * to the role. A name the institution bears is written with it as a name, »OŠ«, »Gimnazija«, »Osnovna šola«.
 */
function namedAfter(tokens: Tokens, candidate: Candidate): boolean {
  if ((candidate.cases & CASE_BIT.gen) === 0 || (candidate.cases & NOM_ONLY) !== 0) return false;
  const before = candidate.from - 1;
  if (before < 0 || !tightGap(tokens, before)) return false;
  const noun = tokens.word(before);
  if (!NAMED_AFTER_NOUN.test(noun.toLowerCase())) return false;
  if (before === 0 || !isLower(noun) || !HEADED_INSTITUTION.test(noun) || !tightGap(tokens, before - 1)) return true;
  const role = tokens.word(before - 1);
  const lower = isSentenceStart(tokens, before - 1) ? role.toLowerCase() : role;
  return roleNounGender(lower) === undefined;
}

/** Nouns of a body, in the genitive, that a role takes before the body's name: predsednik uprave Krke, predsednik stranke Levica. */
const BODY_GENITIVES = new Set(
  'uprave sveta odbora stranke družbe skupine banke zbornice komisije vlade agencije zveze kluba društva sindikata ministrstva občine fakultete univerze zavoda podjetja države parlamenta skupščine sodišča policije vojske reprezentance ekipe'.split(' '),
);
/** Kinship nouns, in any case: after one comes the relative's own given name (sin Hunter Biden, soproga Brigitte Macron). */
const KINSHIP_NOUN = /^(brat|sin|oč|oče|mož|stric|nečak|vnuk|zet|tast|svak|dedek|dedk|žen|mat|hč|mam|sestr|soprog|tet|babic|partner|prijatelj)/;

/**
 * Token `j`, a capitalised word before a surname, is the genitive complement of a role rather than a given name: a
 * country's genitive (Francije, Slovenije, Hrvaške, Madžarske), any word after a body's genitive (uprave Krke,
 * stranke Levica), or a feminine genitive in -e after a role noun that is no kinship noun (župan Ljubljane). Not any
 * word after a role noun: »sodnik Zvonko Kos« has a given name arhivar does not know, and it is another Kos.
 */
function isRoleComplement(tokens: Tokens, j: number): boolean {
  const word = tokens.word(j);
  if (/(ije|ske|ške|čke)$/.test(word)) return true;
  if (j === 0 || !tightGap(tokens, j - 1)) return false;
  const before = tokens.word(j - 1);
  const lower = isSentenceStart(tokens, j - 1) ? before.toLowerCase() : before;
  if (BODY_GENITIVES.has(lower)) return true;
  return word.endsWith('e') && roleNounGender(lower) !== undefined && !KINSHIP_NOUN.test(lower);
}

/** `word`, right before token `at`, is the first word of a registry surname that ends there (Pirc before Musar). */
function startsOtherSurname(detector: PeopleDetector, tokens: Tokens, at: number, word: string): boolean {
  return (detector.index.get(tokens.word(at)) ?? []).some((entry) => entry.prefix.length > 0 && samePrefixWord(word, entry.prefix[entry.prefix.length - 1]!));
}

/** Units of time that are surnames too (Luka Mesec), and the words that make one a span of time after it. */
const TIME_UNITS = new Set(['mesec', 'teden']);
const AFTER_TIME_UNIT = new Set(['dni', 'pozneje', 'kasneje', 'prej', 'zatem', 'nazaj']);

/** »Mesec dni pred tem«, »Mesec pozneje«: token `i` starts a span of time, a noun capitalised only as the sentence's first word. */
function isTimeSpan(tokens: Tokens, i: number): boolean {
  // Asked of every surname: the word after it first, which is seldom one of AFTER_TIME_UNIT.
  return i + 1 < tokens.length && AFTER_TIME_UNIT.has(tokens.word(i + 1)) && TIME_UNITS.has(tokens.word(i).toLowerCase()) && tightGap(tokens, i) && isSentenceStart(tokens, i);
}

/**
 * The cases (CASE_BIT mask) in which a word after the preposition right before token `first` is a place, not a person:
 * the locative (and the dative, spelled the same) after »v« or »na«, the genitive after »iz«, »z« or »s« (from). A
 * person is seldom so (»pri Hrastniku«, »o Hrastniku«, »s Hrastnikom«; »zaupanje v Hrastnika« is the accusative), a
 * place nearly always: »v Hrastniku«, »na Kamniku«, »iz Hrastnika«, »z Bleda«. 0 after any other word.
 */
function placePrepositionCases(tokens: Tokens, first: number): number {
  if (first === 0 || tokens.ends[first - 1]! - tokens.starts[first - 1]! > 2 || !tightGap(tokens, first - 1)) return 0;
  const word = tokens.word(first - 1);
  const lower = word === word.toLowerCase() || !isSentenceStart(tokens, first - 1) ? word : word.toLowerCase();
  if (lower === 'v' || lower === 'na') return CASE_BIT.dat | CASE_BIT.loc;
  return lower === 'iz' || lower === 'z' || lower === 's' ? CASE_BIT.gen : 0;
}

/**
 * A mayor (župan, županja, podžupan, podžupanja) in any case but the genitive, and inhabitants (prebivalec, občan,
 * meščan, and the women's nouns) in any case, singular or plural. The genitive after them is a complement, and theirs
 * is a town, never a person: »župan Hrastnika«, »z županom Hrastnika«, »prebivalci Hrastnika«. A mayor's genitive
 * (»župana Hrastnika«) is left out, as an apposition to it is spelled the same (»kritizirali so župana Hrastnika«).
 */
const TOWN_HEAD = /^((pod)?župan(|u|om|i|ih|ov|ja|ji|jo)|prebival(ec|c[aueiv]|cem|cev|cih|cema)|prebivalk[aeio]?|(obč|mešč)an(|a|u|om|i|ov|ih|e)|(obč|mešč)ank[aeio]?)$/;

/**
 * A part of a town or what surrounds it, in any case: its centre or middle, its surroundings, outskirts and streets.
 * A person has none of them, so the genitive after them is a town: »center Hrastnika«, »iz okolice Kamnika«, »ulice
 * Hrastnika«. (»Okolica« is also a person's circle, »iz okolice Janše«; news writes it so far less than of a town.)
 */
const TOWN_PART = /^(cent(er|ra|ru|rom)|središč(e|a|u|em)|okolic(a|e|i|o)|obrobj(e|a|u|em)|ulic(a|e|i|o|ah|am|ami)?)$/;
/** A municipality, in any case, which names its town in apposition as well: »Občina Hrastnik«, »v občini Kamnik«. */
const MUNICIPALITY = /^občin(a|e|i|o|ah|am|ami)?$/;

/** The word before token `first`, in its phrase, spelled in lower case (a capital only at a sentence start), or undefined. */
function wordBefore(tokens: Tokens, first: number): string | undefined {
  if (first === 0 || !tightGap(tokens, first - 1)) return undefined;
  const word = tokens.word(first - 1);
  return isSentenceStart(tokens, first - 1) ? word.toLowerCase() : word;
}

/**
 * The word before token `first`, in its phrase, is a TOWN_HEAD or a TOWN_PART. Not a town part after a role noun, whose
 * apposition the name may be: »izjava direktorja centra Novaka« (of the centre's director Novak).
 */
function afterTownHead(tokens: Tokens, first: number): boolean {
  const word = wordBefore(tokens, first);
  if (word === undefined) return false;
  if (TOWN_HEAD.test(word)) return true;
  if (!TOWN_PART.test(word)) return false;
  const role = wordBefore(tokens, first - 1);
  return role === undefined || roleNounGender(role) === undefined;
}

/** The word before token `first`, in its phrase, is a MUNICIPALITY. */
function afterMunicipality(tokens: Tokens, first: number): boolean {
  const word = wordBefore(tokens, first);
  return word !== undefined && MUNICIPALITY.test(word);
}

/** Forms of »videti« (to see), present tense and participle. */
const SEE = /^vid(i|im|iš|imo|ite|ijo|ita|iva|el|ela|eli|ele|elo)$/;

/**
 * »v Golobu vidijo rešitelja«, »v Golobu vidi novega voditelja«: »videti v kom koga« (to see someone as …) puts a
 * person in the locative after »v«, with a form of »videti« right after the name and a noun for a person (a role
 * noun, rešitelja, naslednika), perhaps after one adjective, as its object. A town is seldom seen as one (»V Kranju
 * vidijo priložnost«), and »imajo« is left out: in a town they have a mayor (»V Hrastniku imajo novega župana«).
 */
function seenAsSomeone(tokens: Tokens, first: number, last: number): boolean {
  if (tokens.word(first - 1).toLowerCase() !== 'v' || last + 2 >= tokens.length || !tightGap(tokens, last) || !SEE.test(tokens.word(last + 1))) return false;
  for (let p = last + 2; p < tokens.length && p <= last + 3 && tightGap(tokens, p - 1); p++) {
    const word = tokens.word(p);
    if (!isLower(word)) return false;
    if (roleNounGender(word) !== undefined || listedMasculineRoleNoun(word)) return true;
  }
  return false;
}

/** Forms of »imeti« (to have) and »nimati«, present tense and participle. */
const HAVE = /^n?im(a|am|aš|amo|ate|ajo|ata|ava|el|ela|eli|ele|elo)$/;
/** Someone one has in a person, in the accusative or, after a negation, the genitive: an ally, a supporter, an opponent. */
const ALLY_NOUN = /^((zaveznik|podpornik|nasprotnik|zagovornik)(a|e|ov)|prijatelj(a|e|ev)|(zaveznic|podpornic|nasprotnic|zagovornic|prijateljic)[oe])$/;

/**
 * »V Golobu imajo zaveznika«, »v Golobu imajo svetniki zveste podpornike«: »imeti koga v kom« (to have an ally in
 * someone) puts a person in the locative after »v«, with a form of »imeti« right after the name and an ally, a
 * supporter or an opponent within three words. Not other nouns: in a town they have a mayor or a pool
 * (»V Hrastniku imajo novega župana«).
 */
function allyIn(tokens: Tokens, first: number, last: number): boolean {
  if (tokens.word(first - 1).toLowerCase() !== 'v' || last + 2 >= tokens.length || !tightGap(tokens, last) || !HAVE.test(tokens.word(last + 1))) return false;
  for (let p = last + 2; p < tokens.length && p <= last + 4 && tightGap(tokens, p - 1); p++) {
    if (ALLY_NOUN.test(tokens.word(p))) return true;
  }
  return false;
}

/** What lies on a person (»na kom je«): responsibility, blame, a burden, the next move, the ball in one's court. */
const BURDEN_NOUN = /^(odgovornost|krivda|breme|poteza|žoga)$/;

/**
 * »Na Golobu je odgovornost«, »vse breme je zdaj na Golobu«: responsibility, blame or a burden lies on a person, in the
 * locative after »na«, with »je«, »bo« or »ni« and such a noun within four words of the name in its clause. A place
 * bears none: »Na Hrastniku je delo steklo« stays a place.
 */
function burdenOn(tokens: Tokens, first: number, last: number): boolean {
  if (tokens.word(first - 1).toLowerCase() !== 'na') return false;
  let auxiliary = false;
  let burden: number | undefined;
  const read = (p: number) => {
    const word = tokens.word(p).toLowerCase();
    if (word === 'je' || word === 'bo' || word === 'ni') auxiliary = true;
    else if (BURDEN_NOUN.test(word)) burden = p;
  };
  for (let p = last + 1; p < tokens.length && p <= last + 4 && sameClause(tokens, p - 1); p++) read(p);
  for (let p = first - 2; p >= 0 && p >= first - 5 && sameClause(tokens, p); p--) read(p);
  return auxiliary && burden !== undefined && !(burden > last && burdenElsewhere(tokens, burden));
}

/**
 * After the burden noun at token `at`, in its clause: a participle or an adjective that agrees with it (»odgovornost
 * … razdeljena«, »… velika«, »breme … porazdeljeno«), so »je« is its auxiliary or copula and the place only where it
 * is so; whose it is, in the genitive (»odgovornost župana«); or a second »na« and who bears it (»odgovornost za promet
 * na županu«). Either way the name after the first »na« is a place: »Na Bledu je odgovornost za turizem razdeljena med
 * občino in državo« names no Igor Bled. A word in -a may also end a preposition's phrase (»za varnost javnega
 * prometa«), and the person is then missed: a missed mention costs less than a wrong one.
 */
function burdenElsewhere(tokens: Tokens, at: number): boolean {
  const neuter = tokens.word(at).toLowerCase() === 'breme';
  for (let p = at + 1; p < tokens.length && p <= at + 8 && sameClause(tokens, p - 1); p++) {
    const word = tokens.word(p);
    if (PREPOSITIONS.has(tokens.word(p - 1)) && p > at + 1 && tokens.word(p - 1) !== 'na') continue;
    if (word === 'na' && p + 1 < tokens.length && sameClause(tokens, p)) return true;
    // A feminine burden's predicate in -a: a participle, an adjective (»velika«) or a man's genitive (»župana«).
    if (FUNCTION_WORDS.has(word) || ADVERBS.has(word)) continue;
    if (neuter ? /(en|jen|an|et|it)o$/.test(word) : word.length >= 3 && word.endsWith('a')) return true;
  }
  return false;
}

type Kin = 'parent' | 'child' | 'spouse';
const PARENT_NOUN = /^(oče|očeta|očetu|očetom|oča|mati|matere|materi|mater|materjo|mama|mame|mami|mamo|ded|deda|dedu|dedom|dedek|dedka|dedku|dedkom|babica|babice|babici|babico)$/;
const CHILD_NOUN = /^(sin|sina|sinu|sinom|hči|hčere|hčeri|hčer|hčerjo|hčerka|hčerke|hčerki|hčerko|vnuk|vnuka|vnuku|vnukom|vnukinja|vnukinje|vnukinji|vnukinjo)$/;
const SPOUSE_NOUN = /^(mož|moža|možu|možem|žena|žene|ženi|ženo|soprog|soproga|soprogu|soprogom|soproge|soprogi|soprogo)$/;
/** »starejši«, »mlajši« (the elder, the younger) in the cases of the singular. */
const ELDER = /^starejš(i|ega|emu|em|im)$/;
const YOUNGER = /^mlajš(i|ega|emu|em|im)$/;

/** A parent's, a child's or a spouse's noun in the nominative, the subject of a verb of saying. */
const KIN_SPEAKER = new Map<string, Kin>([
  ...['oče', 'mati', 'mama', 'ded', 'dedek', 'babica'].map((noun): [string, Kin] => [noun, 'parent']),
  ...['sin', 'hči', 'hčerka', 'vnuk', 'vnukinja'].map((noun): [string, Kin] => [noun, 'child']),
  ...['mož', 'žena', 'soprog', 'soproga'].map((noun): [string, Kin] => [noun, 'spouse']),
]);

/**
 * »Golob je bil tudi strasten ribič, je dodal sin.«, »…, pravi žena.«: a verb of saying later in the sentence of token
 * `token` whose subject is a kinship noun right after it. The kinsman speaks of someone else, so the surname is not the
 * one the article introduced by that noun (»Sin Matej Golob«).
 */
function speakerKinAfter(tokens: Tokens, token: number): Kin | undefined {
  for (let p = token + 1; p + 1 < tokens.length && p <= token + 25; p++) {
    if (isSentenceStart(tokens, p) && !tokens.text.slice(tokens.ends[p - 1]!, tokens.starts[p]!).includes(':')) return undefined;
    const word = tokens.word(p);
    if ((SPEECH_PARTICIPLE.test(word) || PRESENT_SPEECH.has(word)) && tightGap(tokens, p)) {
      const kin = KIN_SPEAKER.get(tokens.word(p + 1));
      if (kin) return kin;
    }
  }
  return undefined;
}

/**
 * »sin ekološkega kmeta Jožeta Kmeta«: the full name whose surname is token `at` stands in a case that is no nominative
 * (a man's surname declines) within four words after a parent's, a child's or a spouse's noun in its clause, as the
 * one someone else is the son, daughter or spouse of.
 */
function namedAsKinOf(tokens: Tokens, at: number, person: DetectorPerson): boolean {
  if (person.gender !== 'm' || tokens.word(at) === person.surname) return false;
  for (let k = at - 1; k >= 0 && k >= at - 5 && sameClause(tokens, k); k--) {
    const word = tokens.word(k);
    const lower = isSentenceStart(tokens, k) ? word.toLowerCase() : word;
    if (PARENT_NOUN.test(lower) || CHILD_NOUN.test(lower) || SPOUSE_NOUN.test(lower)) return true;
  }
  return false;
}

/** A parent's, a child's or a spouse's noun right before the name that starts at token `from` (»oče Matjaž Kralj«, »njen mož Rok Dolenc«). */
function kinBefore(tokens: Tokens, from: number): Kin | undefined {
  if (from === 0 || !tightGap(tokens, from - 1)) return undefined;
  const word = tokens.word(from - 1);
  const lower = isSentenceStart(tokens, from - 1) ? word.toLowerCase() : word;
  return PARENT_NOUN.test(lower) ? 'parent' : CHILD_NOUN.test(lower) ? 'child' : SPOUSE_NOUN.test(lower) ? 'spouse' : undefined;
}

/**
 * »se spominja Mlinar st.«, »Mlinar starejši«: a bare surname before a name suffix, abbreviated or spelled out, is
 * the one of its people whose name ends in that suffix (Ivan Mlinar st. beside Ivan Mlinar ml.), if only one does.
 */
function suffixAfterSurname(detector: PeopleDetector, tokens: Tokens, token: number, people: readonly number[]): number | undefined {
  if (token + 1 >= tokens.length || tokens.starts[token + 1]! - tokens.ends[token]! > 3 || !people.some((person) => detector.people[person]!.suffix !== undefined)) return undefined;
  if (!/^\s*,?\s*$/.test(tokens.text.slice(tokens.ends[token]!, tokens.starts[token + 1]!))) return undefined;
  const key = nameSuffixKey(tokens.word(token + 1));
  if (key === undefined) return undefined;
  const bearers = people.filter((person) => detector.people[person]!.suffix === key);
  return bearers.length === 1 ? bearers[0] : undefined;
}

/**
 * »je dodal Kralj starejši«, »Sever mlajši«: of a parent and child the article names in full, the elder is the one it
 * introduces after a parent's noun (»oče Matjaž Kralj«), the younger the one after a child's (»sin Jurij Sever«), or
 * the other one; only where the article names two of them in full, else undefined.
 */
function elderOrYounger(tokens: Tokens, token: number, named: readonly number[], kinship: ReadonlyMap<number, ReadonlySet<Kin>>): number | undefined {
  // Of three (a grandfather, a father, a son) the elder is relative: the father is the son's elder and his father's younger.
  if (named.length !== 2 || token + 1 >= tokens.length || !tightGap(tokens, token)) return undefined;
  const next = tokens.word(token + 1);
  const wanted: Kin | undefined = ELDER.test(next) ? 'parent' : YOUNGER.test(next) ? 'child' : undefined;
  if (!wanted) return undefined;
  const other: Kin = wanted === 'parent' ? 'child' : 'parent';
  // Introduced as the one and never as the other (a man may be one person's son and another's father).
  const only = (kin: Kin, not: Kin) => named.filter((person) => kinship.get(person)?.has(kin) && !kinship.get(person)?.has(not));
  const direct = only(wanted, other);
  if (direct.length === 1) return direct[0];
  const opposite = only(other, wanted);
  if (direct.length === 0 && opposite.length === 1) return named.find((person) => person !== opposite[0]);
  return undefined;
}

/** »zakonca« (a married couple) in the plural and dual: zakoncev, zakoncema, zakonci, zakoncih. */
const COUPLE_NOUN = /^zakon(cev|cema|ci|cih)$/;
/** Verbs in the dual: »zakonca Dolenc sta …«. */
const DUAL_AUXILIARIES = new Set(['sta', 'nista', 'bosta']);

/**
 * »poleg zakoncev Dolenc«, »z zakoncema Dolenc«, »zakonca Dolenc sta se spoznala«: the undeclined surname after the
 * plural or dual of »zakonec« names a married couple. »Zakonca« is also the genitive of one spouse (»zakonca Dolenc ni
 * bilo«), so it counts only before a verb in the dual.
 */
function afterCoupleNoun(tokens: Tokens, first: number, last: number): boolean {
  if (first === 0 || !tightGap(tokens, first - 1)) return false;
  const word = tokens.word(first - 1).toLowerCase();
  if (COUPLE_NOUN.test(word)) return true;
  return word === 'zakonca' && last + 1 < tokens.length && tightGap(tokens, last) && DUAL_AUXILIARIES.has(tokens.word(last + 1));
}

/** »rojena«, »roj.« (née) and »priimek« in any case: the surname after them is a family's, a word cited. */
const MAIDEN_NAME = /^(rojen[aeio]?|priim(ek|ka|ku|kom))$/;

/**
 * A bare surname right after »rojena« or »priimek« (»z Miro Lesjak, rojeno Kovač«, »roj. Kovač«, »z dekliškim priimkom
 * Kovač«) is the name of her parents' family, and no mention of a registry man who shares it.
 */
function afterMaidenName(tokens: Tokens, first: number): boolean {
  if (first === 0) return false;
  // Asked of every bare surname: most words before one start with neither r nor p.
  const initial = tokens.text.charCodeAt(tokens.starts[first - 1]!) | 32;
  if (initial !== 114 && initial !== 112) return false;
  const word = tokens.word(first - 1).toLowerCase();
  if (word === 'roj') return /^\.\s+$/.test(tokens.text.slice(tokens.ends[first - 1]!, tokens.starts[first]!));
  return tightGap(tokens, first - 1) && MAIDEN_NAME.test(word);
}

/**
 * »Ime Hribar ljudje poznajo«, »obdržali bodo ime Hribar«: right after »ime« (the name) a surname spelled as its
 * nominative is the name itself, a brand's or a family's, as after »priimek«; »ime Hribarja« (his name) is his.
 */
function nameAsSuch(tokens: Tokens, first: number, open: readonly Candidate[]): boolean {
  if (first === 0 || (tokens.text.charCodeAt(tokens.starts[first - 1]!) | 32) !== 105) return false;
  return tokens.word(first - 1).toLowerCase() === 'ime' && tightGap(tokens, first - 1) && open.every((candidate) => candidate.kind === 'surname' && candidate.hasNom);
}

/** The nouns for a name: a surname in a sentence about one is spoken of as a surname (see surnameSpokenOf). */
const NAME_NOUN = /^(priimek|priimk[aueo]|priimkom|priimki|ime|imena|imenom)$/i;

/**
 * »Samo priimek, ki je na Češkem tako pogost kot pri vas Novak«, »Najpogostejše ime na seznamu je bilo Novak«: a bare
 * surname after a noun for a name in its sentence is the surname as such. Asked only of a surname whose bearers the
 * article does not name in full, and only back to the sentence's start, at most twelve words. Not »v imenu« (on
 * behalf of), whose genitive is a person.
 */
function surnameSpokenOf(tokens: Tokens, first: number): boolean {
  for (let j = first - 1; j >= 0 && j >= first - 12; j--) {
    if (NAME_NOUN.test(tokens.word(j))) return true;
    if (isSentenceStart(tokens, j)) return false;
  }
  return false;
}

/** Prepositions that take the dative (k ministrici, proti komisarki). */
const DATIVE_PREPOSITIONS = new Set(['k', 'h', 'proti', 'kljub', 'nasproti']);

/**
 * A woman's role noun in the dative, token `i` spelled `word` (»Komisarki Horvat so čestitali«, ministrici,
 * junakinji). Its locative is spelled the same, and after v, na, o, po, pri that is mostly a place, a body or an
 * occasion, not an apposition (»na tiskovki«, the press conference; »v stranki«, »v resnici«), so it counts only
 * with no preposition before it or one that takes the dative.
 */
function feminineRoleDative(tokens: Tokens, i: number, word: string): boolean {
  if (word.length < 5 || !isLower(word) || !/(ici|inji|[bcdfgjlmnprtv]ki)$/.test(word)) return false;
  return i === 0 || !tightGap(tokens, i - 1) || !isPreposition(tokens, i - 1) || DATIVE_PREPOSITIONS.has(tokens.word(i - 1).toLowerCase());
}

/** Tokens `before - 1` and `before` are one of GENITIVE_PHRASES, in one phrase (»Po besedah«). */
function afterGenitivePhrase(tokens: Tokens, before: number): boolean {
  if (before < 1 || !tightGap(tokens, before - 1)) return false;
  const opener = isSentenceStart(tokens, before - 1) ? tokens.word(before - 1).toLowerCase() : tokens.word(before - 1);
  return GENITIVE_PHRASES.has(`${opener} ${tokens.word(before)}`);
}

function applyPreposition(candidates: Candidate[], cue: Cue): Candidate[] {
  // A preposition rules out a nominative: "z Novak" is Ana Novak, never Janez (z Novakom).
  return cue.preposition ? candidates.filter((candidate) => candidate.kind === 'possessive' || !candidate.nomOnly) : candidates;
}

function applyGender(candidates: Candidate[], cue: Cue, detector: PeopleDetector, word: string): Candidate[] {
  let result = candidates;
  if (cue.gender) {
    const genderOf = (candidate: Candidate) => detector.people[candidate.person]!.gender;
    if (cue.hard) {
      // A woman's surname does not decline, so after her role noun a man's spelling that is no nominative (»sestra
      // Kosa«, »od sestre Kosa«) is not the noun's apposition but its complement: his sister, and a mention of him.
      // Not one that is a given name's form: »sestra Maja« is her name, not Jack Ma's genitive; nor a genitive in
      // -ova, -eva, -ina, which is how a Russian or Bulgarian woman's surname is spelt: »novinarka Lavrova« is hers.
      const complement = (candidate: Candidate) =>
        cue.gender === 'f' && !candidate.hasNom && genderOf(candidate) === 'm' && !detector.firstNames.has(word) && !/(?:ov|ev|in)a$/u.test(word);
      result = result.filter((candidate) => candidate.kind === 'possessive' || genderOf(candidate) === cue.gender || complement(candidate));
    } else {
      // The verb's subject is a nominative: a reading that can be one must agree; a genitive or
      // instrumental reading (Dmitrijeva, Novakom) is someone else's object and stays. Where only a subject
      // can stand (»je Kuzmina dejala«) every reading must agree, but only if one can be that subject: in
      // »Von der Leyen je Putina povabila« none can, so the verb has another subject and Putina is its object.
      const subject = cue.subject && result.some((candidate) => candidate.kind !== 'possessive' && candidate.hasNom && genderOf(candidate) === cue.gender);
      // After a noun that may be the subject (Koncert Björk je bil), a spelling that is also a genitive is not bound.
      const complement = (candidate: Candidate) => cue.possessor && (candidate.cases & CASE_BIT.gen) !== 0;
      result = result.filter((candidate) => candidate.kind === 'possessive' || !(candidate.hasNom || subject) || genderOf(candidate) === cue.gender || complement(candidate));
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Names nobody in the registry has

export interface UnknownName {
  words: string;
  start: number;
}

/** Runs of two to four capitalised words (Ivan Novak, Vincenta van Gogha) that are not registry mentions. */
export function findUnknownNames(detector: PeopleDetector, text: string): UnknownName[] {
  const tokens = tokenize(text);
  const detection = resolve(detector, tokens, scan(detector, tokens));
  const covered = (offset: number) => detection.mentions.some((mention) => offset >= mention.start && offset < mention.end);
    const result: UnknownName[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens, i)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      // The next name word, over particles between (Ursula von der Leyen, Vincent van Gogh).
      let next = j + 1;
      while (next < tokens.length && next - j <= 3 && PARTICLE_WORDS.has(tokens.word(next)) && (tightGap(tokens, next - 1) || prefixGap(tokens, next - 1))) next++;
      if (next >= tokens.length || !(tightGap(tokens, next - 1) || prefixGap(tokens, next - 1)) || !isNameWord(tokens, next)) break;
      j = next;
    }
    // "Podjetniki Miran Novakovič", "Na Prešernovem": a sentence-initial word that is no known first name is an
    // ordinary word, unless no Slovenian word is spelled so (Đorđe Balašević at the start of a title).
    let from = i;
    if (isSentenceStart(tokens, i) && !detector.firstNames.has(tokens.word(i)) && !looksForeign(tokens.word(i))) from = i + 1;
    // »Avstrijca Stefana Krafta«, »Nemec Florian Lipowitz«: Slovenian capitalises nationality nouns, and they
    // stand before a foreigner's name; the name is what follows.
    if (from < j && NATIONALITY_FORMS.has(tokens.word(from).toLowerCase())) from++;
    const length = j - from + 1;
    // Urška, Urško end like an adjective of a place (Murska Sobota) but are a known first name.
    const adjective = PROPER_ADJECTIVE.test(tokens.word(from)) && !detector.firstNames.has(tokens.word(from));
    if (length >= 2 && length <= 4 && !PLACE_ADJECTIVE.test(tokens.word(from)) && !adjective) {
      let hit = false;
      for (let k = from; k <= j; k++) if (covered(tokens.starts[k]!)) hit = true;
      if (!hit) result.push({ words: text.slice(tokens.starts[from]!, tokens.ends[j]!).replace(/\s+/g, ' '), start: tokens.starts[from]! });
    }
    i = j + 1;
  }
  return result;
}

const PARTICLE_WORDS = new Set(['van', 'von', 'de', 'der', 'da', 'di', 'del', 'du', 'la', 'le', 'bin', 'al']);

/**
 * An adjective that starts a place's name (Velika Britanija, Nova Gorica, Južna Koreja, Severne Makedonije,
 * Zgornja Kungota), in any case: such a pair is no one's name, though both words are capitalised.
 */
const PLACE_ADJECTIVE = /^(Velik|Mal|Nov|Star|Južn|Severn|Zahodn|Vzhodn|Srednj|Zgornj|Spodnj)(a|e|i|o|ega|emu|em|im|ih|ima|imi)$/;

function isNameWord(tokens: Tokens, i: number): boolean {
  const word = tokens.word(i);
  return word.length > 1 && isCapitalised(word);
}
