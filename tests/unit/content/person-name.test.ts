import { describe, expect, it } from 'vitest';
import { isNameSuffix } from '../../../src/content/person-name.ts';
import { parsePerson } from '../../../src/content/person.ts';
import { createDetector, detectPeople } from '../../../src/people/detect.ts';
import { splitName } from '../../../src/people/names.ts';
import { surnameSortKey } from '../../../src/site/archive.ts';

describe('the words of a name, the same for every caller', () => {
  // Validation (content/person.ts), the name forms (people/names.ts), a father's suffix against his son's
  // (people/detect.ts) and the people index's order (site/archive.ts) each split the name themselves: a mark a
  // right-to-left paste left after »ml.« hid the suffix from all but the name forms, so Janez Novak ml. was filed
  // under M, told from nobody's father, and `surname: Novak` was refused as not his surname.
  it.each([
    // name, surname:, the surname, the given names, the index's given names, the suffix's key
    ['Janez Novak ml.\u200e', 'Novak', 'Novak', 'Janez', 'Janez ml.', 'ml'],
    ['Janez Novak ml.\u200e', undefined, 'Novak', 'Janez', 'Janez ml.', 'ml'],
    ['\u2068Janez Novak ml.', undefined, 'Novak', 'Janez', 'Janez ml.', 'ml'],
    ['Janez  Novak ml.', undefined, 'Novak', 'Janez', 'Janez ml.', 'ml'],
    ['Janez\u00a0Novak\u00a0ml.', 'Novak', 'Novak', 'Janez', 'Janez ml.', 'ml'],
    ['Martin Luther King, Jr.\u200f', undefined, 'King', 'Martin Luther', 'Martin Luther Jr.', 'jr'],
    ['Karel III.\u061c', undefined, 'Karel', '', 'III.', 'iii'],
    ['Janez Novak, dr.\u200e', undefined, 'Novak', 'Janez', 'Janez dr.', undefined],
    ['Nataša Pirc Musar\u00a0st.\u200e', 'Pirc Musar', 'Pirc Musar', 'Nataša', 'Nataša st.', 'st'],
    ['Ana\u200e Novak', 'Novak\u200e', 'Novak', 'Ana', 'Ana', undefined],
  ])('%j (surname: %j)', (name, surname, wantedSurname, given, indexGiven, suffix) => {
    const text = `---\nname: ${JSON.stringify(name)}\n${surname === undefined ? '' : `surname: ${JSON.stringify(surname)}\n`}gender: m\n---\n`;
    const { person, errors } = parsePerson({ file: 'content/people/oseba.md', text, mtimeMs: 0 });
    expect(errors.map((error) => error.code)).toEqual([]);
    const split = splitName(person!.name, person!.surname);
    expect([split.surname.join(' '), split.first.join(' ')]).toEqual([wantedSurname, given]);
    expect(surnameSortKey(person!.name, person!.surname)).toEqual([wantedSurname, indexGiven]);
    expect(createDetector([person!]).people[0]!.suffix).toBe(suffix);
  });
});

describe('a surname after particles, the same for the name forms and the index', () => {
  // splitName took the surname from the first particle (»Maria da Graça de Souza« → »da Graça de Souza«, so »de Souza«
  // in the text was not her), while the index took it from the particles right before the last word (under S): an
  // index files a name under its surname proper, the particles in front set aside (Souza, Maria da Graça de).
  it.each([
    ['Maria da Graça de Souza', undefined, ['Maria', 'Graça'], ['de', 'Souza'], ['Souza', 'Maria da Graça']],
    ['Maria da Graça de Souza', 'de Souza', ['Maria', 'Graça'], ['de', 'Souza'], ['Souza', 'Maria da Graça']],
    ['Ludwig van der Rohe', undefined, ['Ludwig'], ['van', 'der', 'Rohe'], ['Rohe', 'Ludwig']],
    ['Ursula von der Leyen', undefined, ['Ursula'], ['von', 'der', 'Leyen'], ['Leyen', 'Ursula']],
    ['Luiz Inácio Lula da Silva', undefined, ['Luiz', 'Inácio', 'Lula'], ['da', 'Silva'], ['Silva', 'Luiz Inácio Lula']],
    ['Luiz Inácio Lula da Silva', 'Lula da Silva', ['Luiz', 'Inácio'], ['Lula', 'da', 'Silva'], ['Lula da Silva', 'Luiz Inácio']],
    ['von der Leyen', undefined, [], ['von', 'der', 'Leyen'], ['Leyen', '']],
    // The Arabic article written with a capital was a given name (»Al«) or the letter the index filed under (El-Sisi under E).
    ['Mohamed bin Salman Al Saud', undefined, ['Mohamed', 'Salman'], ['Al', 'Saud'], ['Saud', 'Mohamed bin Salman']],
    ['Mohamed bin Salman Al Saud', 'Al Saud', ['Mohamed', 'Salman'], ['Al', 'Saud'], ['Saud', 'Mohamed bin Salman']],
    ['Abdel Fattah El-Sisi', undefined, ['Abdel', 'Fattah'], ['El', 'Sisi'], ['Sisi', 'Abdel Fattah']],
    ['Bašar Al-Asad', undefined, ['Bašar'], ['Al', 'Asad'], ['Asad', 'Bašar']],
    // At the start of a name it is the given name.
    ['Al Gore', undefined, ['Al'], ['Gore'], ['Gore', 'Al']],
  ] as const)('%s (surname: %s)', (name, surname, first, surnameWords, sortKey) => {
    expect(splitName(name, surname)).toEqual({ first, surname: surnameWords });
    expect(surnameSortKey(name, surname)).toEqual(sortKey);
  });
});

describe('a name with a character inside a word that shows nothing', () => {
  // A soft hyphen, a zero-width space or a word joiner a CMS or a paste left in name: stayed in its words, and so in
  // every form of the surname (»Kos\u00ada«), while text is read without them (text/invisible.ts): the person was
  // never found. (A byte-order mark is white space to the schema's foldWhitespace, which splits the word there.)
  it.each(['Janez Kos\u00ad', 'Janez K\u00ados', 'Ja\u200bnez Kos\u200b', 'Janez Kos\u2060'])('%j is found and filed as Janez Kos', (name) => {
    const { person, errors } = parsePerson({ file: 'content/people/janez-kos.md', text: `---\nname: ${JSON.stringify(name)}\n---\n`, mtimeMs: 0 });
    expect(errors).toEqual([]);
    expect(splitName(person!.name)).toEqual({ first: ['Janez'], surname: ['Kos'] });
    expect(surnameSortKey(person!.name)).toEqual(['Kos', 'Janez']);
    const detector = createDetector([person!]);
    for (const text of ['Janez Kos je prišel.', 'Po besedah Kosa je odšel.', 'Janeza Kosa ni bilo.']) expect(detectPeople(detector, text).people, text).toEqual(['janez-kos']);
  });
});

describe('a name of text-direction marks alone', () => {
  // nameWords leaves no words of it, and the people index's sort key took the first of none: the build crashed on
  // a person file whose name: a paste left only a mark in (parsePerson takes it, as the value is not empty).
  it('sorts with an empty key instead of failing', () => {
    expect(surnameSortKey('\u200e')).toEqual(['', '']);
    expect(surnameSortKey('\u2068\u2069', '\u200f')).toEqual(['', '']);
    expect(splitName('\u200e')).toEqual({ first: [], surname: [] });
  });
});

describe('a ruler\'s number after a name', () => {
  it.each([
    ['II', true],
    ['III.', true],
    ['XIV.', true],
    ['XXXIX', true],
    ['V', true],
    ['V.', true],
    ['X.', true],
    // Malcolm X; I is an initial, with its dot too.
    ['X', false],
    ['I', false],
    ['I.', false],
    // Not numerals (IIII, VX, XXXX), past 39 (XL), or not in capitals.
    ['IIII', false],
    ['VX.', false],
    ['XXXX', false],
    ['XL', false],
    ['iii', false],
    ['Iii.', false],
    ['III..', false],
  ])('%j → %j', (word, expected) => {
    expect(isNameSuffix(word)).toBe(expected);
  });
});
