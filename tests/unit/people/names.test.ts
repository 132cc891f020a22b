import { describe, expect, it } from 'vitest';
import {
  allForms,
  declineFeminineFirstName,
  declineFeminineSurname,
  declineMasculine,
  fullNameForms,
  guessGender,
  personForms,
  possessiveForms,
  splitName,
  withoutFamilyName,
} from '../../../src/people/names.ts';

// Each row: a pattern from SLOVENIAN.md, the word, and forms that must be among the generated ones by case.
const MASCULINE: Array<[string, string, { gen: string; dat: string; ins: string; loc?: string }]> = [
  ['consonant', 'Witkoff', { gen: 'Witkoffa', dat: 'Witkoffu', ins: 'Witkoffom' }],
  ['-ć takes -em', 'Vučić', { gen: 'Vučića', dat: 'Vučiću', ins: 'Vučićem' }],
  ['-j takes -em', 'Sergej', { gen: 'Sergeja', dat: 'Sergeju', ins: 'Sergejem' }],
  ['-č takes -em', 'Kovač', { gen: 'Kovača', dat: 'Kovaču', ins: 'Kovačem' }],
  ['-r inserts -j-', 'Kushner', { gen: 'Kushnerja', dat: 'Kushnerju', ins: 'Kushnerjem' }],
  ['-r inserts -j- (Vladimir)', 'Vladimir', { gen: 'Vladimirja', dat: 'Vladimirju', ins: 'Vladimirjem' }],
  ['fleeting e in -er', 'Peter', { gen: 'Petra', dat: 'Petru', ins: 'Petrom' }],
  ['fleeting e in -ec', 'Tihec', { gen: 'Tihca', dat: 'Tihcu', ins: 'Tihcem' }],
  ['fleeting e in -el', 'Hegel', { gen: 'Hegla', dat: 'Heglu', ins: 'Heglom' }],
  ['men in -a (e pattern)', 'Miha', { gen: 'Mihe', dat: 'Mihi', ins: 'Miho' }],
  ['men in -a (a pattern)', 'Miha', { gen: 'Miha', dat: 'Mihu', ins: 'Mihom' }],
  ['men in -a said with the stress on it take -j- (Zola)', 'Zola', { gen: 'Zolaja', dat: 'Zolaju', ins: 'Zolajem' }],
  ['-o drops', 'Janko', { gen: 'Janka', dat: 'Janku', ins: 'Jankom' }],
  ['-co, the c said k, keeps -om (Magnifico, Marco)', 'Magnifico', { gen: 'Magnifica', dat: 'Magnificu', ins: 'Magnificom' }],
  ['pronounced -e takes -j-', 'Rutte', { gen: 'Rutteja', dat: 'Rutteju', ins: 'Ruttejem' }],
  ['Slovenian -e takes -t-', 'Jože', { gen: 'Jožeta', dat: 'Jožetu', ins: 'Jožetom' }],
  ['-i takes -j-', 'Renzi', { gen: 'Renzija', dat: 'Renziju', ins: 'Renzijem' }],
  ['-y takes -j-', 'Kennedy', { gen: 'Kennedyja', dat: 'Kennedyju', ins: 'Kennedyjem' }],
  ['silent -e drops', 'Mike', { gen: 'Mika', dat: 'Miku', ins: 'Mikom' }],
  ['silent -e kept', 'George', { gen: 'Georgea', dat: 'Georgeu', ins: 'Georgeom' }],
  ['-ski like an adjective', 'Zelenski', { gen: 'Zelenskega', dat: 'Zelenskemu', loc: 'Zelenskem', ins: 'Zelenskim' }],
  ['-ski noun variant', 'Zelenski', { gen: 'Zelenskija', dat: 'Zelenskiju', ins: 'Zelenskijem' }],
  ['Russian -ev, -om', 'Dmitrijev', { gen: 'Dmitrijeva', dat: 'Dmitrijevu', ins: 'Dmitrijevom' }],
  ['Russian -ev, -im', 'Dmitrijev', { gen: 'Dmitrijeva', dat: 'Dmitrijevu', ins: 'Dmitrijevim' }],
  ['Russian -in', 'Putin', { gen: 'Putina', dat: 'Putinu', ins: 'Putinom' }],
  ['Russian -ov', 'Ušakov', { gen: 'Ušakova', dat: 'Ušakovu', ins: 'Ušakovim' }],
  ['German -z, said c, takes -em', 'Scholz', { gen: 'Scholza', dat: 'Scholzu', ins: 'Scholzem' }],
  ['German -z, said c, takes -em (Merz)', 'Merz', { gen: 'Merza', dat: 'Merzu', ins: 'Merzem' }],
  ['other -z keeps -om', 'Sánchez', { gen: 'Sáncheza', dat: 'Sánchezu', ins: 'Sánchezom' }],
];

describe('declineMasculine', () => {
  it.each(MASCULINE)('%s: %s', (_pattern, word, expected) => {
    const paradigm = declineMasculine(word);
    expect(paradigm.nom).toContain(word);
    expect(paradigm.gen).toContain(expected.gen);
    expect(paradigm.dat).toContain(expected.dat);
    expect(paradigm.loc).toContain(expected.loc ?? expected.dat);
    expect(paradigm.ins).toContain(expected.ins);
  });

  it('drops the a of a South Slavic given name in -ar (Aleksandar, Aleksandra, z Aleksandrom), not of a surname (Pogačar, Pogačarja)', () => {
    const given = declineMasculine('Aleksandar', 'given');
    expect([given.gen, given.dat, given.ins].map((forms) => forms.includes('Aleksandra') || forms.includes('Aleksandru') || forms.includes('Aleksandrom'))).toEqual([true, true, true]);
    // No Slovenian surname in -ar drops it: »Pogačra« and »Pogačrov« are no forms of Pogačar, nor »Pirc Musrova« of Pirc Musar.
    expect(allForms(declineMasculine('Pogačar'))).not.toContain('Pogačra');
    expect(allForms(declineMasculine('Pogačar'))).toContain('Pogačarja');
    expect(possessiveForms('Pogačar')).not.toContain('Pogačrov');
    expect(allForms(declineFeminineSurname('Musar'))).not.toContain('Musrova');
  });

  it('does not give consonant stems the soft instrumental or the other way round', () => {
    expect(declineMasculine('Witkoff').ins).not.toContain('Witkoffem');
    expect(declineMasculine('Vučić').ins).not.toContain('Vučićom');
  });

  it('gives a known first name in -a no -j- forms, which belong to another name (Nikolaja is Nikolaj\'s)', () => {
    expect(declineMasculine('Nikola').gen).not.toContain('Nikolaja');
    expect(possessiveForms('Nikola')).not.toContain('Nikolajev');
  });
});

describe('possessiveForms', () => {
  it.each([
    ['Trump', ['Trumpov', 'Trumpova', 'Trumpovim', 'Trumpovega', 'Trumpovih']],
    ['Putin', ['Putinov', 'Putinovim', 'Putinove']],
    ['Kushner', ['Kushnerjev', 'Kushnerjeva']],
    ['Vučić', ['Vučićev', 'Vučićeva']],
    ['Tihec', ['Tihčev', 'Tihčeva']],
    ['Miha', ['Mihov', 'Mihova']],
    ['Zola', ['Zolajev', 'Zolajevo', 'Zolajevega', 'Zolov']],
    ['Rutte', ['Ruttejev']],
    ['Renzi', ['Renzijev']],
    ['Vance', ['Vanceov', 'Vanceovih']],
    ['George', ['Georgeov']],
    ['Magnifico', ['Magnificov', 'Magnificova']],
  ])('%s', (word, expected) => {
    const forms = possessiveForms(word);
    for (const form of expected) expect(forms).toContain(form);
  });

  it('gives Slavic adjectival surnames none (texts write "izjava Zelenskega")', () => {
    expect(possessiveForms('Zelenski')).toEqual([]);
  });

  // »Čehovljevo besedilo« in the third blind set's theatre review was missed: a surname in -ov or -ev takes -lj- before
  // the possessive's -ev, as one in -r takes -j- (Toporišič; Čehovljev, Lavrovljeva izjava, Gorbačovljeva perestrojka).
  // Texts write the genitive as well (»izjava Ušakova«); the possessive is no other word.
  it.each([
    ['Čehov', ['Čehovljev', 'Čehovljevo', 'Čehovljevega', 'Čehovljevih']],
    ['Ušakov', ['Ušakovljev', 'Ušakovljeva']],
    ['Dmitrijev', ['Dmitrijevljev', 'Dmitrijevljevim']],
  ])('gives a surname in -ov or -ev its possessive with -lj-: %s', (word, expected) => {
    const forms = possessiveForms(word);
    for (const form of expected) expect(forms).toContain(form);
    expect(forms.every((form) => form.startsWith(`${word}lj`))).toBe(true);
  });
});

describe('women', () => {
  it('keeps the surname undeclined in every case, with the -ova variant some outlets use', () => {
    const paradigm = declineFeminineSurname('Kallas');
    for (const grammaticalCase of ['nom', 'gen', 'dat', 'loc', 'ins'] as const) expect(paradigm[grammaticalCase]).toContain('Kallas');
    expect(paradigm.nom).toContain('Kallasova');
    expect(declineFeminineSurname('Merkel').nom).toContain('Merklova');
    expect(allForms(declineFeminineSurname('Novak'))).not.toContain('Novaka');
  });

  it('declines a surname in -a as a woman\'s noun too (Dua Lipa, koncert Due Lipe, z Duo Lipo), and keeps it undeclined', () => {
    const paradigm = declineFeminineSurname('Lipa');
    expect(paradigm).toMatchObject({ nom: ['Lipa', 'Lipova'], gen: ['Lipa', 'Lipe', 'Lipove'], dat: ['Lipa', 'Lipi', 'Lipovi'], loc: ['Lipa', 'Lipi', 'Lipovi'], ins: ['Lipa', 'Lipo', 'Lipovo'] });
  });

  it('gives a surname in -a the older -ova form without its -a, as a man\'s possessive in -a is made (Miha: Mihov)', () => {
    expect(declineFeminineSurname('Gora')).toMatchObject({ nom: ['Gora', 'Gorova'], gen: ['Gora', 'Gore', 'Gorove'], dat: ['Gora', 'Gori', 'Gorovi'] });
  });

  it('gives the -ova variant -eva after c č ž š j ć, with c → č, as the possessive does', () => {
    expect(declineFeminineSurname('Kovač')).toMatchObject({ nom: ['Kovač', 'Kovačeva'], gen: ['Kovač', 'Kovačeve'] });
    expect(declineFeminineSurname('Prevc').nom).toEqual(['Prevc', 'Prevčeva']);
    expect(declineFeminineSurname('Makarovič').ins).toContain('Makarovičevo');
    expect(declineFeminineSurname('Kralj').nom).toContain('Kraljeva');
    expect(declineFeminineSurname('Bratušek').nom).toContain('Bratuškova');
  });

  it('gives the -ova variant -jeva after -r, as the possessive does (Thatcherjeva, Pirc Musarjeva)', () => {
    expect(declineFeminineSurname('Thatcher').nom).toContain('Thatcherjeva');
    expect(declineFeminineSurname('Musar').gen).toContain('Musarjeve');
  });

  it('declines Slavic -ova/-eva/-ina/-ska surnames', () => {
    expect(declineFeminineSurname('Kurnikova')).toMatchObject({ gen: ['Kurnikove'], dat: ['Kurnikovi'], ins: ['Kurnikovo'] });
    expect(declineFeminineSurname('Kuzmina').gen).toEqual(['Kuzmine']);
    expect(declineFeminineSurname('Zelenska').ins).toEqual(['Zelensko']);
  });

  it('declines Czech and Slovak -ová, -ská surnames as the Slovenian ones, the accent dropped, and makes them no possessive', () => {
    expect(declineFeminineSurname('Dvořáková')).toMatchObject({ nom: ['Dvořáková', 'Dvořákova'], gen: ['Dvořákove'], dat: ['Dvořákovi'], ins: ['Dvořákovo'] });
    // As for Kurnikova: a Slavic surname in -ova forms no possessive in -in (»Dvořákovájin« is no word).
    expect(personForms({ id: 'd', name: 'Klára Dvořáková', aliases: [], gender: 'f', role: undefined }).variants[0]!.possessives).toEqual([]);
  });

  it('declines first names in -a and keeps others', () => {
    expect(declineFeminineFirstName('Kaja')).toMatchObject({ nom: ['Kaja'], gen: ['Kaje'], ins: ['Kajo'] });
    expect(declineFeminineFirstName('Ines').gen).toEqual(['Ines']);
  });
});

describe('guessGender', () => {
  it.each([
    ['Ana Novak', undefined, 'f'],
    ['Janez Novak', undefined, 'm'],
    ['Luka Zima', undefined, 'm'],
    ['Miha Kos', undefined, 'm'],
    ['Nikola Jokić', undefined, 'm'],
    ['Saša Kralj', undefined, 'm'],
    ['Matija Golob', undefined, 'm'],
    ['Ines Kos', undefined, 'f'],
    ['Kim Lee', 'južnokorejska ministrica', 'f'],
    ['Alex Morgan', 'poslanka', 'f'],
    ['Alex Morgan', 'poslanec', 'm'],
    // A genitive after the role noun (-nika, Krka) is not a feminine role noun: the head noun comes first.
    ['Steve Witkoff', 'posebni odposlanec ameriškega predsednika', 'm'],
    ['Kim Lee', 'predsednik uprave Krka', 'm'],
    ['Alex Morgan', 'namestnik predsednika vlade', 'm'],
    ['Alex Morgan', 'posebna odposlanka ameriškega predsednika', 'f'],
    ['Alex Morgan', 'nekdanja ministrica', 'f'],
    ['Alex Morgan', 'žena predsednika', 'f'],
  ] as const)('%s (%s) → %s', (name, role, gender) => {
    expect(guessGender(name, role)).toBe(gender);
  });

  it('guesses a one-word name from that word, the given name it is (Madonna, Shakira: f; Sting, Luka: m), but not a surname: Xi', () => {
    for (const name of ['Madonna', 'Shakira', 'Rihanna', 'Ines']) expect(guessGender(name), name).toBe('f');
    for (const name of ['Sting', 'Pelé', 'Luka', 'Bono']) expect(guessGender(name), name).toBe('m');
    expect(guessGender('Xia', undefined, 'Xia')).toBe('m');
  });

  it("takes a one-word name in -a for a man's when his role's head noun is a man's (Lula, predsednik; Raphinha, nogometaš)", () => {
    // The word is no sure first name: Lula was guessed a woman, so »Lula je dejal« and »predsednik Lula« found nobody.
    expect(guessGender('Lula', 'predsednik Brazilije')).toBe('m');
    expect(guessGender('Raphinha', 'brazilski nogometaš')).toBe('m');
    expect(guessGender('Madonna', 'ameriška pop pevka')).toBe('f');
    expect(guessGender('Madonna', 'pop zvezdnica')).toBe('f');
    // A first name before a surname still wins over a role written in the masculine.
    expect(guessGender('Ana Kos', 'predsednik uprave')).toBe('f');
  });
});

describe('splitName and full names', () => {
  it('keeps surname particles and hyphenated parts with the surname', () => {
    expect(splitName('Vincent van Gogh')).toEqual({ first: ['Vincent'], surname: ['van', 'Gogh'] });
    expect(splitName('Ursula von der Leyen')).toEqual({ first: ['Ursula'], surname: ['von', 'der', 'Leyen'] });
    expect(splitName('Ana Novak-Kovač')).toEqual({ first: ['Ana'], surname: ['Novak', 'Kovač'] });
    expect(splitName('Madonna')).toEqual({ first: [], surname: ['Madonna'] });
  });

  it.each([
    ['Mohamed bin Salman Al Saud', undefined, 'Mohamed bin Salman'],
    ['Mohamed bin Salman Al Saud', 'Al Saud', 'Mohamed bin Salman'],
    ['Abdullah bin Abdulaziz bin Abdul Rahman Al Saud', undefined, 'Abdullah bin Abdulaziz'],
    ['Mohamed bin Rašid Al Maktum', undefined, 'Mohamed bin Rašid'],
    // bin and the father's name are the surname already, or there is no bin.
    ['Mohamed bin Salman', undefined, undefined],
    ['Mohamed bin Salman', 'bin Salman', undefined],
    ['Abdel Fattah El-Sisi', undefined, undefined],
  ])('names %s (surname: %s) without the family name: %s', (name, surname, short) => {
    expect(withoutFamilyName(name, surname)).toBe(short);
  });

  it('takes the surname a person file names, first or last', () => {
    expect(splitName('Nataša Pirc Musar', 'Pirc Musar')).toEqual({ first: ['Nataša'], surname: ['Pirc', 'Musar'] });
    expect(splitName('Xi Jinping', 'Xi')).toEqual({ first: ['Jinping'], surname: ['Xi'] });
    expect(splitName('Nataša Pirc Musar')).toEqual({ first: ['Nataša', 'Pirc'], surname: ['Musar'] });
  });

  // A generational suffix was taken for the surname (surname »ml.«): the person was never found in the text.
  it.each([
    ['Janez Novak ml.', ['Janez'], ['Novak']],
    ['Janez Novak st.', ['Janez'], ['Novak']],
    ['Janez Novak mlajši', ['Janez'], ['Novak']],
    ['Janez Novak, ml.', ['Janez'], ['Novak']],
    ['Janez Novak , starejši', ['Janez'], ['Novak']],
    ['Martin Luther King Jr.', ['Martin', 'Luther'], ['King']],
    ['Martin Luther King, Jr.', ['Martin', 'Luther'], ['King']],
    ['Ken Griffey Sr', ['Ken'], ['Griffey']],
    ['Henrik Tudor, III', ['Henrik'], ['Tudor']],
    ['Karel III.', [], ['Karel']],
    ['Ludvik XIV.', [], ['Ludvik']],
    ['Karel X.', [], ['Karel']],
    // No suffix: a surname X, a surname spelled like a lower-case numeral, a lone word.
    ['Malcolm X', ['Malcolm'], ['X']],
    ['Jinping Xi', ['Jinping'], ['Xi']],
    ['Ml.', [], ['Ml.']],
  ])('leaves the suffix of %s out of the surname', (name, first, surname) => {
    expect(splitName(name)).toEqual({ first, surname });
  });

  // parsePerson takes a comma before a title (3aeb0e7), whose last word was then the surname: »dr.«, »PhD«, »inž.«,
  // so the person was found in no text and /osebe/ filed him under D.
  it.each([
    ['Janez Novak, dr.', ['Janez'], ['Novak']],
    ['Ana Kos, PhD', ['Ana'], ['Kos']],
    ['Janez Novak, univ. dipl. inž.', ['Janez'], ['Novak']],
  ])('leaves the title after the comma of %s out of the surname', (name, first, surname) => {
    expect(splitName(name)).toEqual({ first, surname });
  });

  it('leaves the suffix out when the person file names the surname', () => {
    expect(splitName('Nataša Pirc Musar st.', 'Pirc Musar')).toEqual({ first: ['Nataša'], surname: ['Pirc', 'Musar'] });
    expect(splitName('Janez Novak, ml.', 'Novak')).toEqual({ first: ['Janez'], surname: ['Novak'] });
  });

  it('declines the surname before the suffix', () => {
    const forms = personForms({ id: 'n', name: 'Janez Novak ml.', aliases: [], gender: 'm', role: undefined });
    expect(fullNameForms(forms.variants[0]!, forms.gender)).toEqual(expect.arrayContaining(['Janez Novak', 'Janeza Novaka', 'Janezom Novakom']));
    expect(forms.variants[0]!.possessives).toContain('Novakov');
  });

  it('declines only the last word of a multi-word surname', () => {
    const forms = personForms({ id: 'v', name: 'Vincent van Gogh', aliases: [], gender: 'm', role: undefined });
    expect(fullNameForms(forms.variants[0]!, forms.gender)).toContain('Vincenta van Gogha');
  });

  it('builds case-agreeing full names for men and women', () => {
    const kushner = personForms({ id: 'k', name: 'Jared Kushner', aliases: [], gender: undefined, role: undefined });
    expect(fullNameForms(kushner.variants[0]!, kushner.gender)).toContain('Jaredom Kushnerjem');
    const kallas = personForms({ id: 'k', name: 'Kaja Kallas', aliases: [], gender: undefined, role: undefined });
    expect(kallas.gender).toBe('f');
    expect(fullNameForms(kallas.variants[0]!, kallas.gender)).toEqual(expect.arrayContaining(['Kaje Kallas', 'Kajo Kallas']));
    expect(fullNameForms(kallas.variants[0]!, kallas.gender)).not.toContain('Kajo Kallasom');
  });

  it('gives women the -in possessive (not the men\'s -ov) and aliases their own forms', () => {
    const forms = personForms({ id: 'a', name: 'Ana Novak', aliases: ['Anica Novak'], gender: undefined, role: undefined });
    expect(forms.variants[0]!.possessives).toContain('Novakina');
    expect(forms.variants[0]!.possessives).not.toContain('Novakov');
    const meloni = personForms({ id: 'g', name: 'Giorgia Meloni', aliases: [], gender: undefined, role: undefined });
    expect(meloni.variants[0]!.possessives).toContain('Melonijina');
    expect(meloni.variants[0]!.surname.nom).toContain('Melonijeva');
    expect(personForms({ id: 'k', name: 'Ana Kurnikova', aliases: [], gender: undefined, role: undefined }).variants[0]!.possessives).toEqual([]);
    expect(forms.variants[1]!.alias).toBe(true);
    expect(forms.variants[1]!.firstForms.has('Anico')).toBe(true);
  });

  it('declines a one-word woman\'s name as the given name it is (Madonna, Madonne, z Madonno), not as a surname', () => {
    const woman = (name: string, aliases: string[] = []) => personForms({ id: 'x', name, aliases, gender: 'f', role: undefined });
    expect(woman('Madonna').variants[0]!.surname).toEqual({ nom: ['Madonna'], gen: ['Madonne'], dat: ['Madonni'], loc: ['Madonni'], ins: ['Madonno'] });
    expect(woman('Madonna').variants[0]!.possessives).toContain('Madonnin');
    // A given name not in -a stays as it is, with none of a surname's older -ova forms (Adelova, Cherjeva).
    for (const name of ['Adele', 'Björk', 'Cher']) expect(allForms(woman(name).variants[0]!.surname)).toEqual([name]);
    // A one-word alias is her given name (Rihanna of Robyn Rihanna Fenty) unless it is her surname alone.
    expect(woman('Robyn Rihanna Fenty', ['Rihanna']).variants[1]!.surname.ins).toEqual(['Rihanno']);
    // Her surname alone is declined as her surname is, undeclined in every case too (»z Botella«), not as a given name.
    expect(woman('Ana Botella', ['Botella']).variants[1]!.surname).toEqual(woman('Ana Botella').variants[0]!.surname);
    expect(woman('Ana Botella', ['Botella']).variants[1]!.surname.ins).toContain('Botella');
  });
});

describe('a name word with no letters', () => {
  // isVowel('') was true, so an empty surname (»Janez -«, whose hyphen leaves no part) declined as Renzi does:
  // ja, ju, jem went into the index as his surname.
  it('has no forms, in any paradigm', () => {
    for (const paradigm of [declineMasculine(''), declineMasculine('', 'given'), declineFeminineSurname(''), declineFeminineFirstName('')]) expect(allForms(paradigm)).toEqual([]);
    expect(possessiveForms('')).toEqual([]);
  });

  it('adds no forms to a person whose surname or a given name is left empty', () => {
    for (const [name, gender] of [['Janez -', 'm'], ['Ana -', 'f'], ['-', 'm']] as const) {
      const [variant] = personForms({ id: 'x', name, aliases: [], gender, role: undefined }).variants;
      expect(allForms(variant!.surname), name).toEqual([]);
      expect(variant!.possessives, name).toEqual([]);
    }
    // »J.« is the initial J; a dot alone is no given name, and left nothing to decline.
    const [dotted] = personForms({ id: 'x', name: 'Janez . Kos', aliases: [], gender: 'm', role: undefined }).variants;
    expect([...dotted!.firstForms]).toEqual(['Janez', 'Janeza', 'Janezu', 'Janezom', 'Janezem']);
  });
});
