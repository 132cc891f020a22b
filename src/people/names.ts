import type { Gender, Person } from '../content/person.ts';
import { memoize } from '../memo.ts';
import { nameParts, nameWords, PATRONYMIC_PARTICLES, sameWords, splitAtSurname, splitHyphen, SURNAME_PARTICLES, surnameStart, withoutNameSuffix } from '../content/person-name.ts';

/**
 * Slovenian forms of a person's name: every case of the first names and the surname, and the
 * possessive adjectives (Trumpovim, Kushnerjev). Rules and examples: SLOVENIAN.md in the shared notes
 * (J. Toporišič, Slovenska slovnica, §§ on masculine nouns and possessive adjectives).
 *
 * The generator is deliberately generous: where usage varies (z Dmitrijevom / z Dmitrijevim,
 * Mika / Mikea, Zelenskega / Zelenskija) every common variant is produced. A form nobody writes costs
 * nothing, a missing form loses a mention.
 */
export type Case = 'nom' | 'gen' | 'dat' | 'loc' | 'ins';
export const CASES: readonly Case[] = ['nom', 'gen', 'dat', 'loc', 'ins'];

/** Inflected forms by case (the accusative of a person equals the genitive for men, -o for women in -a). */
export type Paradigm = Record<Case, string[]>;

function emptyParadigm(): Paradigm {
  return { nom: [], gen: [], dat: [], loc: [], ins: [] };
}

function add(paradigm: Paradigm, grammaticalCase: Case, form: string): void {
  const list = paradigm[grammaticalCase];
  if (form.length > 1 && !list.includes(form)) list.push(form);
}

const VOWELS = 'aeiouáàâäéèêëíìîïóòôöúùûüyæøœ';
// Not the empty string, which includes() finds in any string: the last letter of no word is no vowel.
const isVowel = (ch: string | undefined) => ch !== undefined && ch.length === 1 && VOWELS.includes(ch.toLowerCase());
/** Stems ending in these take -em in the instrumental and -ev in the possessive (Vučićem, Vučićev). */
const SOFT = /(c|č|ž|š|j|ć|dž|đ)$/i;

/** Slavic adjectival surnames: Zelenski, Trocki, Dostojevskij, Navalni. */
const ADJECTIVAL = /(sk|ck|šk|čk|zk)(i|y|ij|yj)$/i;
/** Russian and other Slavic surnames in -ov/-ev/-in: news also writes the instrumental as -im (z Dmitrijevim). */
const SLAVIC_NOUN = /[^aeiou](ov|ev|in|yn|ёв)$/i;
/** Endings with a fleeting e: Peter → Petra, Tihec → Tihca, Hegel → Hegla, Marek → Marka. */
const FLEETING = /[^aeiou](e)(c|k|l|r|n|m)$/i;
/** South Slavic names with a fleeting a: Aleksandar → Aleksandra, Petar → Petra. */
const FLEETING_A = /[^aeiou]ar$/i;

/** Stems the case endings attach to, and whether the instrumental takes -em. */
interface Stem {
  stem: string;
  soft: boolean;
}

/** What a word of a name is declined as: a given name and a surname differ in one rule (FLEETING_A). */
export type NameRole = 'given' | 'surname';

function consonantStems(word: string, role: NameRole = 'surname'): Stem[] {
  const stems: Stem[] = [{ stem: word, soft: SOFT.test(word) }];
  // Brecelj → Breclja, Kozelj → Kozlja.
  if (/[^aeiou]elj$/i.test(word) && word.length >= 5) stems.push({ stem: `${word.slice(0, -3)}lj`, soft: true });
  const fleeting = FLEETING.exec(word);
  if (fleeting && word.length >= 4) {
    const stem = word.slice(0, -2) + word.slice(-1);
    if ([...stem].some((ch) => isVowel(ch))) stems.push({ stem, soft: SOFT.test(stem) });
  }
  // Serbian, Croatian, Macedonian and Bulgarian given names drop the a of -ar, and Slovenian keeps that:
  // Aleksandar → Aleksandra, z Aleksandrom (Vučićem); Petar → Petra; Dimitar → Dimitra. Surnames in -ar keep
  // it (Pogačar → Pogačarja, Pirc Musarjeva): »Pogačra« is no form, and Zadra, Vihra are other words.
  if (role === 'given' && FLEETING_A.test(word) && word.length >= 5) stems.push({ stem: `${word.slice(0, -2)}r`, soft: false });
  // -r usually inserts -j- (Kushner → Kushnerja); a few do not (Peter → Petra, handled above), so both.
  if (/r$/i.test(word)) stems.unshift({ stem: `${word}j`, soft: true });
  return stems;
}

/** The masculine noun paradigm of one word (a man's first name or surname, as `role` says). */
export function declineMasculine(word: string, role: NameRole = 'surname'): Paradigm {
  const paradigm = emptyParadigm();
  // No word, no forms: a name whose surname is left empty (»Janez -«, the hyphen split off) got -a, -u, -om or -ja, -ju.
  if (word === '') return paradigm;
  add(paradigm, 'nom', word);
  const last = word.slice(-1).toLowerCase();
  const nounWithJ = (base: string) => {
    add(paradigm, 'gen', `${base}ja`);
    add(paradigm, 'dat', `${base}ju`);
    add(paradigm, 'loc', `${base}ju`);
    add(paradigm, 'ins', `${base}jem`);
  };
  const noun = (stems: Stem[]) => {
    for (const { stem, soft } of stems) {
      add(paradigm, 'gen', `${stem}a`);
      add(paradigm, 'dat', `${stem}u`);
      add(paradigm, 'loc', `${stem}u`);
      add(paradigm, 'ins', soft ? `${stem}em` : `${stem}om`);
      // A German -z is said c, and news declines it so: z Merzem, z Olafom Scholzem (Spanish Sánchez keeps
      // Sánchezom). Which one a name is cannot be told from the spelling, so -z takes both.
      if (/z$/i.test(stem)) add(paradigm, 'ins', `${stem}em`);
      // A Hungarian cs is said č: s Kovácsem, as news writes it beside Kovácsom.
      if (/cs$/i.test(stem)) add(paradigm, 'ins', `${stem}em`);
    }
  };
  const adjective = (stem: string) => {
    add(paradigm, 'gen', `${stem}ega`);
    add(paradigm, 'dat', `${stem}emu`);
    add(paradigm, 'loc', `${stem}em`);
    add(paradigm, 'ins', `${stem}im`);
  };

  if (ADJECTIVAL.test(word)) {
    // Zelenski → Zelenskega … z Zelenskim; usage also has the noun pattern Zelenskija.
    adjective(word.replace(/(i|y|ij|yj)$/i, ''));
    nounWithJ(word.replace(/j$/i, ''));
    return paradigm;
  }
  if (last === 'a') {
    // Men in -a: Miha, Mihe/Miha, Mihi/Mihu, z Miho/Mihom.
    const stem = word.slice(0, -1);
    add(paradigm, 'gen', `${stem}e`);
    add(paradigm, 'gen', `${stem}a`);
    add(paradigm, 'dat', `${stem}i`);
    add(paradigm, 'dat', `${stem}u`);
    add(paradigm, 'loc', `${stem}i`);
    add(paradigm, 'loc', `${stem}u`);
    add(paradigm, 'ins', `${stem}o`);
    add(paradigm, 'ins', SOFT.test(stem) ? `${stem}em` : `${stem}om`);
    // A stressed -a (foreign surnames: Zola) keeps the vowel and takes -j-, as a pronounced -e does (Rutte):
    // Zolaja, Zolaju, z Zolajem. The spelling does not show the stress, so both patterns are made, except for
    // the first names known to be men's, which do not take it (Nikolaja is Nikolaj's genitive, not Nikola's).
    if (!MALE_A_NAMES.has(word.toLowerCase())) nounWithJ(word);
    return paradigm;
  }
  if (last === 'o') {
    // Janko, Janka, Janku, Jankom. Slovenian spells a k so: a c before the -o is a foreign k (Marco, Franco,
    // Magnifico), and it declines as one: z Marcom, z Magnificom.
    const stem = word.slice(0, -1);
    noun([{ stem, soft: SOFT.test(stem) && !/c$/i.test(stem) }]);
    return paradigm;
  }
  if (last === 'e') {
    // Pronounced -e takes -j- (Rutte → Rutteja); a silent -e drops (Mike → Mika) or stays before the
    // ending (Mikea, Georgea). All three occur in print.
    nounWithJ(word);
    const stem = word.slice(0, -1);
    noun([{ stem, soft: SOFT.test(stem) }]);
    noun([{ stem: word, soft: false }]);
    // Slovenian names in -e insert -t-: Jože, Jožeta; Anže, Anžeta; Peterle, Peterleta.
    noun([{ stem: `${word}t`, soft: false }]);
    return paradigm;
  }
  if (isVowel(last)) {
    // Renzi → Renzija, Kennedy → Kennedyja; Slavic -i/-y may also go like an adjective (Navalnega).
    nounWithJ(word);
    if (last === 'i' || last === 'y') adjective(word.slice(0, -1));
    return paradigm;
  }
  noun(consonantStems(word, role));
  if (SLAVIC_NOUN.test(word)) add(paradigm, 'ins', `${word}im`);
  return paradigm;
}

/** A woman's first name: -a names decline (Ana, Ane, Ani, Ano); others stay as they are (Ines, Karmen). */
export function declineFeminineFirstName(word: string): Paradigm {
  const paradigm = emptyParadigm();
  if (/a$/i.test(word)) {
    add(paradigm, 'nom', word);
    declineFeminineA(paradigm, word.slice(0, -1));
  } else {
    for (const grammaticalCase of CASES) add(paradigm, grammaticalCase, word);
  }
  return paradigm;
}

function declineFeminineA(paradigm: Paradigm, stem: string): void {
  add(paradigm, 'gen', `${stem}e`);
  add(paradigm, 'dat', `${stem}i`);
  add(paradigm, 'loc', `${stem}i`);
  add(paradigm, 'ins', `${stem}o`);
}

/** Slavic women's surnames that decline: Kurnikova, Zaharova, Kuzmina, Zelenska. */
const FEMININE_DECLINING = /(ova|eva|ina|yna|ska|cka|ška|čka)$/i;
/** Czech and Slovak women's surnames: Dvořáková, Kováčská. */
const CZECH_FEMININE = /(ov|sk|ck|šk|čk)á$/i;

/**
 * A woman's surname stays undeclined (Kaja Kallas, s Kajo Kallas) except the Slavic -ova/-eva/-ina/-ska
 * ones. Some outlets write Kallasova or Merklova; those forms are produced too.
 */
export function declineFeminineSurname(word: string): Paradigm {
  const paradigm = emptyParadigm();
  if (word === '') return paradigm;
  if (FEMININE_DECLINING.test(word)) {
    add(paradigm, 'nom', word);
    declineFeminineA(paradigm, word.slice(0, -1));
    return paradigm;
  }
  // Czech and Slovak -ová, -ská, -cká decline as the Slovenian ones, the accent dropped, and news writes the
  // nominative so too: Kvitová, Kvitove, s Kvitovo; Dvořáková, Dvořákova je dejala.
  if (CZECH_FEMININE.test(word)) {
    add(paradigm, 'nom', word);
    add(paradigm, 'nom', `${word.slice(0, -1)}a`);
    declineFeminineA(paradigm, word.slice(0, -1));
    return paradigm;
  }
  // Undeclined: the one spelling serves every case.
  for (const grammaticalCase of CASES) add(paradigm, grammaticalCase, word);
  // One in -a declines as a woman's noun as often (koncert Due Lipe, z Duo Lipo; Ane Zima beside Ane Zime).
  if (/a$/i.test(word)) declineFeminineA(paradigm, word.slice(0, -1));
  // The older -ova/-eva forms: Kallasova, Merklova, Lagardova, Melonijeva. Like the possessive, they take
  // -ev after c č ž š j ć, and c turns into č: Kovačeva, Prevčeva; after -r the -j- comes in as it does
  // in the possessive (Kushnerjev): Thatcherjeva, Pirc Musarjeva (SLOVENIAN.md); a final -a goes: Gorova.
  const last = word.slice(-1).toLowerCase();
  const stems: string[] = [];
  if (!isVowel(last)) {
    for (const { stem, soft } of consonantStems(word)) stems.push(soft ? `${stem.replace(/c$/i, 'č')}ev` : `${stem}ov`);
  }
  // Gora → Gorova, as the possessive of a man's name in -a (Miha → Mihov).
  else if (last === 'a') stems.push(`${word.slice(0, -1)}ov`);
  else if (last === 'e') stems.push(`${word.slice(0, -1)}ov`, `${word}jev`);
  else if (last === 'i' || last === 'y' || last === 'u') stems.push(`${word}jev`);
  for (const stem of stems) {
    add(paradigm, 'nom', `${stem}a`);
    declineFeminineA(paradigm, stem);
  }
  return paradigm;
}

const POSSESSIVE_ENDINGS = ['', 'a', 'o', 'ega', 'emu', 'em', 'im', 'i', 'e', 'ih', 'ima', 'imi'];

/**
 * Possessive adjectives of a man's surname (Trumpov, Putinovim, Kushnerjev, Vučićev, Tihčev, Mihov,
 * Ruttejev, Čehovljev). Slavic adjectival surnames form none; texts use the genitive (izjava Zelenskega).
 */
export function possessiveForms(word: string): string[] {
  if (word === '' || ADJECTIVAL.test(word)) return [];
  const stems: string[] = [];
  const last = word.slice(-1).toLowerCase();
  // A c before the -o is a foreign k (declineMasculine): Magnificov, not Magnificev.
  const hardC = last === 'o' && /co$/i.test(word);
  // A surname in -ov or -ev takes -lj- before -ev, as one in -r takes -j- (Toporišič): Čehovljev, Lavrovljeva izjava.
  if (/[^aeiou](ov|ev)$/i.test(word)) stems.push(`${word}lj`);
  else if (last === 'o') stems.push(word.slice(0, -1));
  // Miha → Mihov; a stressed -a takes -j- as its genitive does (Zola, Zolaja → Zolajev).
  else if (last === 'a') stems.push(word.slice(0, -1), ...(MALE_A_NAMES.has(word.toLowerCase()) ? [] : [`${word}j`]));
  // A silent -e stays as it does in the genitive (Vancea, Georgea): Vanceov, Georgeov.
  else if (last === 'e') stems.push(`${word}j`, word.slice(0, -1), `${word}t`, word);
  else if (isVowel(last)) stems.push(`${word}j`);
  else {
    for (const { stem } of consonantStems(word)) stems.push(stem.replace(/c$/i, 'č'));
  }
  const forms: string[] = [];
  for (const stem of stems) {
    const suffix = SOFT.test(stem) && !hardC ? 'ev' : 'ov';
    for (const ending of POSSESSIVE_ENDINGS) {
      const form = `${stem}${suffix}${ending}`;
      if (!forms.includes(form)) forms.push(form);
    }
  }
  return forms;
}

/**
 * A woman's possessive takes -in (Melonijina vlada, Kallasina izjava); Slavic -ova/-ska surnames form none.
 * The -ova forms (Merklova vlada) come from declineFeminineSurname. A given name in -ina does (Severinin
 * koncert, as Ninin): `givenName` for a woman known by it alone.
 */
export function femininePossessiveForms(word: string, givenName = false): string[] {
  if (word === '' || (!givenName && (FEMININE_DECLINING.test(word) || CZECH_FEMININE.test(word)))) return [];
  const last = word.slice(-1).toLowerCase();
  const stem = last === 'a' ? word.slice(0, -1) : isVowel(last) ? `${word}j` : word;
  return POSSESSIVE_ENDINGS.map((ending) => `${stem}in${ending}`);
}

/** Men whose names end in -a (SLOVENIAN.md): most -a names are women's. */
const MALE_A_NAMES = new Set(
  'luka miha jaka nikola saša matija andrija ilija ilja kosta nikita foma kuzma joshua jaša aljoša grega gaša joža žiga aleksa mitja toma jurica'.split(' '),
);
/** Women's names that do not end in -a. */
const FEMALE_OTHER_NAMES = new Set(
  'ines nives karmen carmen dolores doris iris agnes ruth ingrid astrid sigrid helen ellen karen marie sophie alice nicole christine catherine caroline charlotte elizabeth margaret ursula lynn jacqueline michelle isabelle claire anne ann jane hillary nancy ljubov edit ester rachel sarah deborah judith miriam irene beatrice kate grace rose emily ashley kimberly mary betty dorothy ruby ivy hazel janet nadine pauline simone yvonne zoe chloe louise ségolène marine mette ulla kirsten annalena kaja'
    .split(' '),
);

/** The endings of a man's role noun (predsednik, pevec, igralec, direktor, vladar, minister, nogometaš, kancler). */
const MASCULINE_ROLE_NOUN = /.{3}(nik|ec|or|ar|er|ent|ist|ant|log|aš|ač|ler)$/;

/**
 * The gender a name declines by. A person file's `gender` wins; then a feminine role noun (ministrica,
 * poslanka, predsednica); then the first name (-a is mostly female).
 */
export function guessGender(name: string, role?: string, surname?: string): Gender {
  const split = splitName(name, surname);
  const oneWord = isOneWordName(split, surname);
  const first = split.first[0] ?? (oneWord ? split.surname[0] : undefined);
  const byRole = genderFromRole(role, oneWord);
  if (byRole) return byRole;
  if (!first) return 'm';
  const lower = first.toLowerCase();
  if (FEMALE_OTHER_NAMES.has(lower)) return 'f';
  if (/a$/.test(lower) && !MALE_A_NAMES.has(lower)) return 'f';
  return 'm';
}

/** A one-word name (Madonna, Sting) is a given name, unless the file names it the surname: the gender is guessed from it. */
export function isOneWordName(split: SplitName, surname: string | undefined): boolean {
  return split.first.length === 0 && surname === undefined && split.surname.length === 1;
}

/** The gender a role's head noun gives (ministrica: f), or undefined when it gives none for this name. */
export function genderFromRole(role: string | undefined, oneWord: boolean): Gender | undefined {
  if (!role) return undefined;
  for (const word of role.toLowerCase().split(/[^\p{L}]+/u)) {
    if (/(ica|inja|[^sšč]ka)$/.test(word) && word.length >= 4) return 'f';
    if (['hči', 'žena', 'soproga', 'mati', 'sestra', 'gospa'].includes(word)) return 'f';
    // The head noun comes first (adjectives before it end in a vowel); one ending in a consonant is a
    // man's role (odposlanec, predsednik, župan), and what follows is its complement: »predsednika«,
    // »Krka« there are genitives, not feminine role nouns.
    if (word.length >= 3 && /[bcčdfghjklmnprsštvzž]$/.test(word)) {
      // A one-word name is no sure first name (Lula and Raphinha are men), so a man's role noun decides for it;
      // a modifier such as »pop« in »pop pevka« is none. With a first name, the name wins (Ana Kos, predsednik uprave).
      return oneWord && MASCULINE_ROLE_NOUN.test(word) ? 'm' : undefined;
    }
  }
  return undefined;
}

export interface SplitName {
  /** Given names and initials, in order ("Jared", "Corey"). */
  first: string[];
  /** Surname words; only the last declines ("van", "Gogh"; "Novak", "Kovač" for Novak-Kovač). */
  surname: string[];
}

/**
 * "Vincent van Gogh" → first [Vincent], surname [van, Gogh]; "Madonna" → surname [Madonna]. `surname`, the
 * person file's surname: when given, names the surname words: "Nataša Pirc Musar" with "Pirc Musar",
 * "Xi Jinping" with "Xi" (a surname first). A suffix after the surname is left out: "Janez Novak ml." → first [Janez],
 * surname [Novak].
 */
export function splitName(name: string, surname?: string): SplitName {
  // A suffix (ml., Jr., III.) is shown with the name but is no part of the surname: the text declines the word before it.
  const parts = nameParts(name, surname);
  return { first: givenNames(parts.given), surname: parts.surname };
}

/**
 * The given names among the words before the surname, initials without their dot (»J.« → »J«). A particle there
 * (da in Maria da Graça) neither declines nor is a name, and its forms would be common words (da, de, do).
 */
function givenNames(words: readonly string[]): string[] {
  return words.filter((word) => !SURNAME_PARTICLES.has(word)).map(withoutDot);
}

/** "J." → "J": an initial without its dot. */
function withoutDot(word: string): string {
  return word.replace(/\.$/, '');
}

/** Every form of one spelling of the name (the main name or one alias). */
export interface NameVariant {
  alias: boolean;
  /** The spelling this variant comes from. */
  source: string;
  firstNames: string[];
  /** Case forms of each given name, all together. */
  firstForms: Set<string>;
  /** The same by case, one paradigm per given name (and per part of a hyphenated one). */
  firstParadigms: Paradigm[];
  /** Surname words before the declining one (van; Novak in Novak-Kovač). */
  surnamePrefix: string[];
  /** The declining surname word by case. */
  surname: Paradigm;
  possessives: string[];
}

export interface PersonForms {
  id: string;
  gender: Gender;
  variants: NameVariant[];
}

/**
 * `familySurname`, for an alias: the surname of the person's main name, which a one-word alias may be on its own.
 */
export function nameVariant(name: string, gender: Gender, alias: boolean, surnameWords?: string, familySurname?: string): NameVariant {
  const { first, surname } = splitName(name, surnameWords);
  const firstForms = new Set<string>();
  const firstParadigms: Paradigm[] = [];
  for (const word of first) {
    // Jean-Claude: the text splits at the hyphen, so each part is a first name too (only the last declines).
    const parts = splitHyphen(word);
    const words = parts.length > 1 ? [word, ...parts] : [word];
    for (const part of words) {
      const paradigm = gender === 'f' ? declineFeminineFirstName(part) : declineMasculine(part, 'given');
      firstParadigms.push(paradigm);
      for (const form of allForms(paradigm)) firstForms.add(form);
    }
  }
  const head = surname.at(-1) ?? '';
  // A woman known by one name (Madonna, Shakira, Adele) is known by a given name, which declines as Ana does
  // (Madonne, Madonni, z Madonno) and not as her surname would, in one form. A man's mononym declines either
  // way (Sting, Stinga). A word the file names as the surname, or an alias that is her surname alone, stays one.
  const givenName = gender === 'f' && first.length === 0 && surname.length === 1 && surnameWords === undefined && head !== familySurname;
  const surnameParadigm = gender === 'm' ? declineMasculine(head) : givenName ? declineFeminineFirstName(head) : declineFeminineSurname(head);
  // After bin or ibn the word is the father's name: »Salmanova odločitev« is King Salman's, not Mohamed bin Salman's.
  const patronymic = PATRONYMIC_PARTICLES.has(surname.at(-2) ?? '');
  return {
    alias,
    source: name,
    firstNames: first,
    firstForms,
    firstParadigms,
    surnamePrefix: surname.slice(0, -1),
    surname: surnameParadigm,
    possessives: head.length <= 1 || patronymic ? [] : gender === 'm' ? possessiveForms(head) : femininePossessiveForms(head, givenName),
  };
}

export function personForms(person: Pick<Person, 'id' | 'name' | 'surname' | 'aliases' | 'gender' | 'role'>): PersonForms {
  const gender = person.gender ?? guessGender(person.name, person.role, person.surname);
  const main = nameVariant(person.name, gender, false, person.surname);
  const variants = [main];
  const familySurname = main.firstNames.length > 0 ? main.surname.nom[0] : undefined;
  const { surname } = person;
  for (const alias of person.aliases) {
    // An alias that is the surname (aliases: [Pirc Musar] beside surname: Pirc Musar) is read as it: split as a name,
    // Pirc became a given name and »Musar« alone hers, and »Pirc Musarjeva« named her in full.
    const surnameAlone = surname !== undefined && sameWords(alias, surname);
    variants.push(surnameAlone ? nameVariant(surname, gender, true, surname) : nameVariant(alias, gender, true, undefined, familySurname));
  }
  const nasab = withoutFamilyName(person.name, person.surname);
  // Another spelling of the given names (an alias Muhammad bin Salman Al Saud) goes with it as a full name does.
  if (nasab) variants.push(nameVariant(nasab, gender, false));
  const spellings: Array<[string, string | undefined, boolean]> = [[person.name, person.surname, false]];
  for (const alias of person.aliases) spellings.push(surname !== undefined && sameWords(alias, surname) ? [surname, surname, true] : [alias, undefined, true]);
  for (const [name, surnameWords, alias] of spellings) {
    for (const other of otherSurnameSpellings(name, surnameWords)) variants.push(nameVariant(other.name, gender, alias, other.surname, alias ? familySurname : undefined));
  }
  return { id: person.id, gender, variants };
}

/** Letters that do not decompose under NFD (SLOVENIAN.md, Slugs), as they are written without their stroke. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ı: 'i' };

/**
 * The word with the letters Slovenian does not write dropped to their base (Erdoğan → Erdogan, Wałęsa → Walesa,
 * Müller → Muller), as agencies and hasty copy spell them. Not č, š, ž, nor ć and đ of South Slavic names, which
 * Slovenian news writes: Kovac is no spelling of Kovač.
 */
export function foldForeignLetters(word: string): string {
  let folded = '';
  for (const ch of word.normalize('NFC')) folded += 'čšžćđČŠŽĆĐ'.includes(ch) ? ch : (UNDECOMPOSED[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, ''));
  return folded;
}

/** A letter foldForeignLetters changes, or a word ADJECTIVAL may take. */
const FOREIGN_LETTER = /[^\x00-\x7FčšžćđČŠŽĆĐ]/;
const ADJECTIVAL_WORD = /(sk|ck|šk|čk|zk)(i|y|ij|yj)(?![\p{L}\p{M}])/iu;

/** The nominatives of an adjectival surname in the transliterations news uses: Zelenski, Zelenskij, Zelensky, Zelenskyj. */
const ADJECTIVAL_ENDINGS = ['i', 'ij', 'y', 'yj'];

/**
 * Other spellings of a name's surname that news writes and the person file need not list: with foreign letters
 * dropped (Recep Tayyip Erdogan) and, for an adjectival surname, the other transliterations of its nominative
 * (Volodimir Zelenskij); their other cases are the same words. The given names stay as written. `surname` is the
 * file's `surname:`, kept as one when given.
 */
function otherSurnameSpellings(name: string, surname: string | undefined): Array<{ name: string; surname: string | undefined }> {
  // Most names have neither: no need to split them (personForms runs for every person of the registry).
  if (!FOREIGN_LETTER.test(name) && !ADJECTIVAL_WORD.test(name)) return [];
  const split = splitName(name, surname);
  const head = split.surname.at(-1);
  if (head === undefined) return [];
  const spellings = new Set<string>();
  const folded = split.surname.map(foldForeignLetters);
  for (const words of [split.surname, folded]) {
    const last = words.at(-1)!;
    if (ADJECTIVAL.test(last)) {
      for (const ending of ADJECTIVAL_ENDINGS) spellings.add([...words.slice(0, -1), last.replace(/(i|y|ij|yj)$/i, ending)].join(' '));
    } else spellings.add(words.join(' '));
  }
  spellings.delete(split.surname.join(' '));
  // A surname of several words is named as such: written with spaces, the words of a hyphenated one (Kosova‑Zelenski,
  // Kosova Zelenskij) would be split again as given names and a surname. One word is left to the split, which
  // tells a woman's one name (Björk) from a surname.
  const named = surname !== undefined || split.surname.length > 1;
  return [...spellings].map((spelled) => ({ name: [...split.first, spelled].join(' '), surname: named ? spelled : undefined }));
}

/**
 * personForms's first-name forms alone (every variant's firstForms), without declining a surname: whether a word is
 * anyone's first name is asked of the whole registry (detect.ts firstNames), and most people are asked no more. The
 * variants are personForms's; a given name's forms are kept by name and gender, as registries repeat them.
 */
export function personFirstForms(person: Pick<Person, 'name' | 'surname' | 'aliases' | 'gender' | 'role'>): Set<string> {
  const gender = person.gender ?? guessGender(person.name, person.role, person.surname);
  const { surname } = person;
  const spellings: Array<[string, string | undefined]> = [[person.name, surname]];
  for (const alias of person.aliases) spellings.push(surname !== undefined && sameWords(alias, surname) ? [surname, surname] : [alias, undefined]);
  const nasab = withoutFamilyName(person.name, person.surname);
  if (nasab) spellings.push([nasab, undefined]);
  const forms = new Set<string>();
  for (const [spelling, surnameWords] of spellings) {
    for (const word of splitName(spelling, surnameWords).first) {
      const parts = splitHyphen(word);
      for (const part of parts.length > 1 ? [word, ...parts] : [word]) for (const form of givenNameForms(`${gender}${part}`)) forms.add(form);
    }
  }
  return forms;
}

/** The forms of a given name, by its gender's letter and the name (»fAna«), as nameVariant declines it. */
const givenNameForms = memoize((key: string): readonly string[] => {
  const part = key.slice(1);
  return allForms(key[0] === 'f' ? declineFeminineFirstName(part) : declineMasculine(part, 'given'));
}, 50_000);

/**
 * An Arabic name up to its first »son of« and the father's name after it, without the family name that follows
 * (Mohamed bin Salman Al Saud → Mohamed bin Salman), as news names him; undefined for a name with no given name,
 * bin or ibn, and father's name before its surname.
 */
export function withoutFamilyName(name: string, surname?: string): string | undefined {
  const { words } = withoutNameSuffix(nameWords(name));
  const named = surname === undefined ? undefined : splitAtSurname(words, surname);
  // A surname named first (Xi Jinping) leaves given names after it, with no family name to leave out.
  if (named && named.surname[0] === words[0]) return undefined;
  const given = named ? named.given : words.slice(0, surnameStart(words));
  const at = given.findIndex((word) => PATRONYMIC_PARTICLES.has(word));
  return at >= 1 && at + 1 < given.length ? given.slice(0, at + 2).join(' ') : undefined;
}

export function allForms(paradigm: Paradigm): string[] {
  const forms: string[] = [];
  for (const grammaticalCase of CASES) for (const form of paradigm[grammaticalCase]) if (!forms.includes(form)) forms.push(form);
  return forms;
}

/**
 * Full-name forms with first name and surname in the same case ("Jaredom Kushnerjem"), for display and
 * tests; detection does not enumerate these, it checks the word before a surname.
 */
export function fullNameForms(variant: NameVariant, gender: Gender): string[] {
  const forms: string[] = [];
  for (const grammaticalCase of CASES) {
    const firstParts = variant.firstNames.map((word) => (gender === 'f' ? declineFeminineFirstName(word) : declineMasculine(word, 'given'))[grammaticalCase]);
    const surnames = variant.surname[grammaticalCase].length > 0 ? variant.surname[grammaticalCase] : variant.surname.nom;
    const prefix = variant.surnamePrefix.join(' ');
    for (const surname of surnames) {
      const firsts = firstParts.length === 0 ? [''] : firstParts.reduce<string[]>((acc, options) => acc.flatMap((head) => (options.length ? options : ['']).map((o) => (head ? `${head} ${o}` : o))), ['']);
      for (const first of firsts) {
        const full = [first, prefix, surname].filter(Boolean).join(' ');
        if (!forms.includes(full)) forms.push(full);
      }
    }
  }
  return forms;
}
