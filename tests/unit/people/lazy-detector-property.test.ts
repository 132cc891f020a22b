import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gender, Person } from '../../../src/content/person.ts';
import { createDetector, detectPeople } from '../../../src/people/detect.ts';
import { LazyDetector } from '../../../src/people/lazy-detector.ts';
import { allForms, personForms } from '../../../src/people/names.ts';

/**
 * LazyDetector must find what createDetector finds, for any registry and any text: its keys (formKeys) are a
 * promise about names.ts's rules, and a name of a shape nobody thought of is where that promise breaks. These draw
 * registries from name words of every shape detection knows (and of none), and texts of their declined forms.
 */

const GIVEN = ['Ana', 'Eva', 'Marko', 'Janez', 'Peter', 'Aleksandar', 'Petar', 'Miha', 'Jože', 'Ines', 'Kaja', 'Zvezdan', 'Jean-Claude', 'Ana-Marija', 'Mohamed', 'Vincent', 'Conan', 'Giorgia', 'Volodimir', 'Fjodor', 'Sergej', 'Jo', 'Li', 'Al', 'Mike', 'George', 'Nikola', 'Luka', 'Zoran', 'Kamala', 'Mary', 'J.', 'W', 'Ivo', 'Vanja', 'Ursula', 'Marta', 'Recep', 'Đorđe', 'Ljubov', 'Olaf', 'Keir', 'Abdel', 'Fattah', 'Sean', "D'Arcy", 'Ðuro', 'Ena', 'Ula', 'Ela', 'Jan'];
const SURNAMES = ['Novak', 'Kovač', 'Brecelj', 'Kozelj', 'Tihec', 'Hegel', 'Marek', 'Pirc', 'Musar', 'Kos', 'Hren', 'Golob', 'Vučić', 'Plenković', 'Đoković', 'Pogačar', 'Zelenski', 'Zelenskij', 'Zelenskyj', 'Dostojevskij', 'Navalni', 'Dmitrijev', 'Ušakov', 'Putin', 'Kurnikova', 'Zaharova', 'Zelenska', 'Kallas', 'Merkel', 'Thatcher', 'Kennedy', 'Rutte', 'Zola', 'Vance', 'Renzi', 'Meloni', 'Merz', "O'Brien", 'O’Neill', "D'Alema", 'D’Alema', 'Gogh', 'Leyen', 'Saud', 'Salman', 'El-Sisi', 'al-Asad', 'Al-Asad', 'Xi', 'Li', 'Wu', 'Ng', 'Ilec', 'Rus', 'Nemec', 'Kosova', 'Peterle', 'Janša', 'Logar', 'Oblak', 'Prevc', 'Madonna', 'Sting', 'Adele', 'Björk', 'Bell', 'hooks', 'Čeh', 'Elj', 'Abelj', 'Kelj', 'Ozelj', 'Sever', 'Kraljevo', 'Ota', 'Ure', 'Ali', 'Eko', 'Ark', 'Oel', 'Aelj', 'Ucelj', 'Iskij', 'Skyj', 'Ščuka', 'Żak', 'Łukasz', 'Øst', 'Ærø', 'Ñúñez', 'Müller', 'Sánchez', 'Nguyễn', 'Путин', 'Ελλη'];
const PARTICLES = ['van', 'de', 'der', 'von', 'da', 'bin', 'ibn', 'Al', 'El', 'al', 'ter', 'Van', 'De', 'di', 'zu'];
const SUFFIXES = ['ml.', 'st.', 'Jr.', 'Jr', 'III', 'III.', 'mlajši', 'ML.'];
const HYPHENS = ['-', '‐', '‑'];

interface Shape {
  given: string[];
  particles: readonly string[];
  surnames: string[];
  join: string;
  suffix: string | undefined;
  surnameKey: 'none' | 'last' | 'first';
  aliases: Array<{ kind: 'word' | 'surname' | 'full' | 'nasab'; words: string[] }>;
  gender: Gender | undefined;
  role: string | undefined;
  detect: boolean;
  letters: 'as' | 'upper' | 'lower' | 'nfd';
}

const shape: fc.Arbitrary<Shape> = fc.record({
  given: fc.array(fc.constantFrom(...GIVEN), { maxLength: 2 }),
  particles: fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...PARTICLES), { minLength: 1, maxLength: 2 }) }),
  surnames: fc.array(fc.constantFrom(...SURNAMES), { minLength: 1, maxLength: 2 }),
  join: fc.constantFrom(' ', ...HYPHENS),
  suffix: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...SUFFIXES) }),
  surnameKey: fc.constantFrom('none', 'none', 'last', 'first'),
  aliases: fc.array(fc.record({ kind: fc.constantFrom('word', 'surname', 'full', 'nasab'), words: fc.array(fc.constantFrom(...GIVEN, ...SURNAMES), { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
  gender: fc.constantFrom(undefined, 'm', 'f'),
  role: fc.constantFrom(undefined, undefined, 'ministrica', 'predsednik vlade', 'pevka', 'evropska komisarka', 'trener'),
  detect: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  letters: fc.constantFrom('as', 'as', 'as', 'as', 'upper', 'lower', 'nfd'),
});

function spell(words: string, letters: Shape['letters']): string {
  if (letters === 'upper') return words.toUpperCase();
  if (letters === 'lower') return words.toLowerCase();
  if (letters === 'nfd') return words.normalize('NFD');
  return words;
}

function personOf(s: Shape, k: number): Person {
  const surnameWords = s.surnames.join(s.join);
  const surname = spell([...s.particles, surnameWords].join(' '), s.letters);
  const given = spell(s.given.join(' '), s.letters);
  const first = s.surnameKey === 'first' && given !== '';
  const name = [first ? surname : given, first ? given : surname, s.suffix].filter((part) => part !== undefined && part !== '').join(' ');
  const aliases = s.aliases.map((alias) => {
    if (alias.kind === 'surname') return surname;
    if (alias.kind === 'nasab') return `${alias.words[0]} bin ${alias.words.at(-1)}`;
    return alias.kind === 'word' ? alias.words[0]! : alias.words.join(' ');
  });
  return {
    id: `p${k}`,
    name,
    ...(s.surnameKey !== 'none' && (first || surname.includes(' ')) && { surname }),
    aliases,
    role: s.role,
    gender: s.gender,
    detect: s.detect,
    bio: '',
    file: `content/people/p${k}.md`,
  };
}

const registry = fc.array(shape, { minLength: 1, maxLength: 10 }).map((shapes) => shapes.map(personOf));

/** Words that are no one's forms: common nouns, acronyms, places shaped like possessives, and near misses of names. */
const NOISE = ['Vlada', 'Kosovo', 'Kosova', 'Kosovem polju', 'Danes', 'ZDA', 'NATO', 'Prešernov dan', 'predsednik', 'ministrica', 'Tudi', 'ga.', 'g.', 'J.', 'dva Rusa', 'Novakovič', 'Zvezda', 'Anaxyz', 'www.novak.si', 'https://sl.wikipedia.org/wiki/Novak', '2025.', 'in', 'ter', 'je dejala', 'je dejal', 'ni', 'ml.', 'Jr.', 'III.'];

interface Piece {
  person: number;
  variant: number;
  first: number;
  form: number;
  template: number;
  change: 'none' | 'upper' | 'lower' | 'nfd' | 'curly' | 'straight' | 'soft' | 'hyphen' | 'cut';
  noise: string;
}

const piece: fc.Arbitrary<Piece> = fc.record({
  person: fc.nat(),
  variant: fc.nat(),
  first: fc.nat(),
  form: fc.nat(),
  template: fc.nat(),
  change: fc.constantFrom('none', 'none', 'none', 'none', 'upper', 'lower', 'nfd', 'curly', 'straight', 'soft', 'hyphen', 'cut'),
  noise: fc.constantFrom(...NOISE),
});

const TEMPLATES: Array<(w: { first: string; first2: string; prefix: string; surname: string; possessive: string; noise: string }) => string> = [
  (w) => `${w.first} ${w.prefix}${w.surname} je dejal, da ${w.noise}.`,
  (w) => `Po besedah ${w.prefix}${w.surname} je vlada odstopila.`,
  (w) => `${w.surname} je povedala, da bo ${w.noise} prišel.`,
  (w) => `»${w.surname} bo jutri v Bruslju«, je dejal ${w.first}.`,
  (w) => `Sestal se je z ${w.first} ${w.prefix}${w.surname}.`,
  (w) => `${w.possessive} predlog je ${w.noise} zavrnila.`,
  (w) => `${w.surname}, ${w.noise} in ${w.first} so prišli na sejo.`,
  (w) => `${w.surname} ${w.first} je dejal: ${w.noise}`,
  (w) => `ga. ${w.surname} in ${w.first.slice(0, 1)}. ${w.surname} ml.`,
  (w) => `ministrica ${w.surname} je dejala ${w.first2} ${w.surname}`,
  (w) => `${w.first} in ${w.first2} ${w.prefix}${w.surname} sta ${w.noise}`,
  (w) => `${w.noise} ${w.surname}`,
  (w) => `${w.first}-${w.first2} ${w.surname}ovi`,
];

function change(text: string, how: Piece['change']): string {
  switch (how) {
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'nfd':
      return text.normalize('NFD');
    case 'curly':
      return text.replace(/'/g, '’');
    case 'straight':
      return text.replace(/’/g, "'");
    case 'soft':
      return text.replace(/([a-zčšž])([a-zčšž])/g, '$1\u00ad$2');
    case 'hyphen':
      return text.replace(/[-‐‑]/g, (hyphen) => HYPHENS[(HYPHENS.indexOf(hyphen) + 1) % HYPHENS.length]!);
    case 'cut':
      // A word that starts as a name does and ends otherwise (Novakovič, Kosovo): it wakes people up who are not named.
      return text.replace(/(\p{Lu}\p{Ll}{2})\p{Ll}+/gu, '$1xy');
    default:
      return text;
  }
}

function pick<T>(list: readonly T[], n: number, none: T): T {
  return list.length === 0 ? none : list[n % list.length]!;
}

function textOf(people: readonly Person[], pieces: readonly Piece[], separator: string): string {
  const out: string[] = [];
  for (const p of pieces) {
    const person = people[p.person % people.length]!;
    const variants = personForms(person).variants;
    const variant = variants[p.variant % variants.length]!;
    const firsts = [...variant.firstForms];
    const surnames = allForms(variant.surname);
    const words = {
      first: pick(firsts, p.first, 'Ana'),
      first2: pick(firsts, p.first + 1, 'Marko'),
      prefix: variant.surnamePrefix.map((word) => `${word} `).join(''),
      surname: pick(surnames, p.form, 'Novak'),
      possessive: pick(variant.possessives, p.form, pick(surnames, p.form, 'Novak')),
      noise: p.noise,
    };
    out.push(change(TEMPLATES[p.template % TEMPLATES.length]!(words), p.change));
  }
  return out.join(separator);
}

const case_ = registry.chain((people) =>
  fc.record({
    people: fc.constant(people),
    texts: fc.array(fc.tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '\n\n', ' — ')), { minLength: 1, maxLength: 4 }).map((texts) => texts.map(([pieces, separator]) => textOf(people, pieces, separator))),
  }),
);

/** createDetector's detection of each text, against one LazyDetector given them in turn and a fresh one for each. */
function expectSameDetection(people: readonly Person[], texts: readonly string[]): void {
  const full = createDetector(people);
  const shared = new LazyDetector(people);
  for (const text of texts) {
    const expected = detectPeople(full, text);
    expect(shared.detect(text), text).toEqual(expected);
    expect(new LazyDetector(people).detect(text), text).toEqual(expected);
  }
}

const RUNS = 300;

/** Bits of a name as a person file may hold any: letters of other scripts, astral letters, marks, digits, punctuation, invisible characters. */
const ODD = ['a', 'Ž', 'ß', 'İ', 'ı', 'ŉ', 'ǅ', 'ǆ', 'Ⅻ', 'ﬁ', 'Ω', 'й', 'Ъ', 'ع', 'ال', '東', '𝐀', '𐐷', '😀', '\u0301', '\u030c', 'c\u030c', '\u200e', '\u200b', '\u00ad', '\u00a0', ' ', '  ', '\t', '-', '‐', "'", '’', '.', ',', '7', '(', ')', '"', '/', '&', 'ml.', 'Jr', 'III', 'bin', 'Al', 'van', 'elj', 'ec', 'ar', 'ij', 'ska', 'ova'];
const oddWord = fc.oneof(
  fc.constantFrom(...GIVEN, ...SURNAMES, ...PARTICLES, ...SUFFIXES),
  fc.array(fc.constantFrom(...ODD), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
);
const oddName = fc.array(oddWord, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')).filter((name) => name.trim() !== '');

const oddPerson = fc
  .record({ name: oddName, surnameWords: fc.integer({ min: -2, max: 2 }), aliases: fc.array(oddName, { maxLength: 2 }), gender: fc.constantFrom(undefined, 'm', 'f') })
  .map(({ name, surnameWords, aliases, gender }): Omit<Person, 'id' | 'file'> => {
    // surname: is the first or the last words of name (person.ts refuses another).
    const words = name.split(/\s+/).filter(Boolean);
    const surname = surnameWords === 0 || Math.abs(surnameWords) >= words.length ? undefined : surnameWords > 0 ? words.slice(0, surnameWords).join(' ') : words.slice(surnameWords).join(' ');
    return { name, ...(surname !== undefined && { surname }), aliases, gender, role: undefined, detect: true, bio: '' };
  });

const oddCase = fc.array(oddPerson, { minLength: 1, maxLength: 6 }).chain((drawn) => {
  const people: Person[] = drawn.map((person, k) => ({ ...person, id: `p${k}`, file: `content/people/p${k}.md` }));
  const spelled = people.flatMap((person) => [person.name, ...person.aliases]);
  return fc.record({
    people: fc.constant(people),
    texts: fc.array(
      fc.oneof(
        fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => textOf(people, pieces, ' ')),
        fc.array(fc.oneof(fc.constantFrom(...spelled), fc.constantFrom(...NOISE), oddWord), { minLength: 1, maxLength: 12 }).map((words) => words.join(' ')),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  });
});

describe('LazyDetector (property)', () => {
  it('detects as createDetector does, mention for mention, in texts of the declined names of drawn registries', () => {
    fc.assert(
      fc.property(case_, ({ people, texts }) => expectSameDetection(people, texts)),
      { numRuns: RUNS },
    );
  });

  it('never throws, and detects as createDetector does, for any name, surname and alias a person file can hold', () => {
    fc.assert(
      fc.property(oddCase, ({ people, texts }) => expectSameDetection(people, texts)),
      { numRuns: RUNS },
    );
  });
});

describe('LazyDetector (cases the properties found)', () => {
  it('a hyphenated surname with an adjectival head (Kamala Kosova‑Zelenski): its other spellings keep Kosova in the surname, for both detectors', () => {
    // The other transliterations (Zelenskij, Zelensky, Zelenskyj) were written with a space, »Kamala Kosova
    // Zelenskij«, and split again: Kosova became a given name of those spellings for createDetector, whose
    // first-name forms (»Kosovo«) LazyDetector never looks up. Found with ARHIVAR_PROPERTY_SEED=578693486 and 4,000 runs.
    const people: Person[] = [
      { id: 'p0', name: 'MIHA TER KALLAS', aliases: ['Brecelj', 'Abelj'], role: undefined, gender: undefined, detect: true, bio: '', file: 'content/people/p0.md' },
      { id: 'p1', name: 'Kamala Kosova‑Zelenski', aliases: [], role: undefined, gender: undefined, detect: true, bio: '', file: 'content/people/p1.md' },
    ];
    expectSameDetection(people, ['Kosovo KALLAS MIHA KALLAS je dejal, da Vlada.']);
    for (const variant of personForms(people[1]!).variants) expect(variant.firstNames).toEqual(['Kamala']);
  });
});
