/**
 * Common nouns that head the name of a firm, institution, party, venue or event. Slovenian capitalises the first
 * word of such a name (Pekarna Hribar, Lista Skupaj, Zavod Republike Slovenije, Festival Lent, Stadion Stožice), and
 * news copy often the noun after an adjective too (Vrhovno Sodišče, Državni Zbor, Krka Zdravilišča); the rest looks
 * like a name. None of them is a Slovenian first name or surname, so a run of capitalised words holding one is no
 * person's name. Words that are names too are left out: Luka (Luka Koper), Arena, Drama, Svet, Vlada (Vlade Divac),
 * and dan but for its plural (Dan, Dana, Dani are names; Dnevi Prekmurja is an event).
 */
const FEMININE = 'lista stranka pekarna banka šola gimnazija fakulteta univerza občina zavarovalnica pivovarna mlekarna tovarna dvorana agencija družba zveza knjižnica galerija bolnišnica lekarna akademija komisija zbornica založba trgovina liga pošta filharmonija opera';
const MASCULINE = 'festival zavod klub sklad inštitut urad muzej parlament kongres forum stadion hotel zbor maraton';
/** Masculine nouns whose e is fleeting (center, centra; teden, tedna). */
const MASCULINE_FLEETING = 'center teden';
const NEUTER = 'sodišče društvo ministrstvo gledališče podjetje zdravilišče združenje tožilstvo mesto prvenstvo';

const FEMININE_ENDINGS = ['a', 'e', 'i', 'o', 'ah', 'am', 'ami'];
const MASCULINE_ENDINGS = ['', 'a', 'u', 'om', 'em', 'i', 'ov', 'ev', 'e', 'ih', 'ema', 'ami', 'ah'];
const NEUTER_ENDINGS = ['e', 'o', 'a', 'u', 'em', 'om', 'i', 'ih', 'ema', 'ami', 'ah'];

const FORMS: ReadonlySet<string> = new Set([
  ...FEMININE.split(' ').flatMap((noun) => FEMININE_ENDINGS.map((ending) => noun.slice(0, -1) + ending)),
  ...MASCULINE.split(' ').flatMap((noun) => MASCULINE_ENDINGS.map((ending) => noun + ending)),
  // dan: dnevi, dneve, dnevih (Dnevi evropske kulturne dediščine, Dnevi Prekmurja)
  ...['dnevi', 'dneve', 'dnevih', 'dnevov', 'dnevom'],
  ...MASCULINE_FLEETING.split(' ').flatMap((noun) => ['', ...MASCULINE_ENDINGS.filter(Boolean).map((ending) => noun.slice(0, -2) + noun.at(-1)! + ending)].map((form) => form || noun)),
  ...NEUTER.split(' ').flatMap((noun) => NEUTER_ENDINGS.map((ending) => noun.slice(0, -1) + ending)),
]);

/** Whether a word is a case form of a noun that heads an organisation's or an event's name (Pekarno, Sodišča, Dneve). */
export function isOrganisationNoun(word: string): boolean {
  return FORMS.has(word.toLowerCase());
}

/**
 * Nouns that take the name of the person a school, street, prize or barracks is named after, in the genitive
 * (Osnovna šola Antona Kosa, ulica Franceta Prešerna, nagrada Janeza Novaka). detect.ts has its own list for the
 * registry's people; this one serves the names no one has yet.
 */
const NAMED_AFTER_FEMININE = 'šola gimnazija fakulteta univerza knjižnica vojašnica nagrada ulica cesta';
const NAMED_AFTER_FORMS: ReadonlySet<string> = new Set([
  ...NAMED_AFTER_FEMININE.split(' ').flatMap((noun) => FEMININE_ENDINGS.map((ending) => noun.slice(0, -1) + ending)),
  ...['trg', 'memorial'].flatMap((noun) => MASCULINE_ENDINGS.map((ending) => noun + ending)),
  ...['vrtec', 'vrtca', 'vrtcu', 'vrtcem'],
  ...['gledališče', 'nabrežje'].flatMap((noun) => NEUTER_ENDINGS.map((ending) => noun.slice(0, -1) + ending)),
]);

/** Whether a word is a form of a noun whose name is a person's in the genitive (šoli, ulici, nagrado, trgu). */
export function isNamedAfterNoun(word: string): boolean {
  return NAMED_AFTER_FORMS.has(word.toLowerCase());
}
