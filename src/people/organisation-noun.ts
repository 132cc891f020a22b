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
 * Nouns whose complement in the genitive is the name of the person it is called after: a school (OŠ Franceta
 * Prešerna, Gimnazija …, vrtec), a street, an award, a theatre, a barracks or a memorial tournament. Such a name, in
 * any capitals, is no mention of that person (detect.ts) and no one to add (people --suggest). Not dom (»v domu
 * Janeza Janše« is his home) nor priznanje (an admission). Tested against a word in lower case.
 */
export const NAMED_AFTER_NOUN = /^(oš|sš|(šol|gimnazij|fakultet|univerz|knjižnic|vojašnic|nagrad|ulic|cest)(a|e|i|o|ah|am|ami)?|vrt(ec|ca|cu|cem)|gledališč(e|a|u|em)|memorial(a|u|om)?|trg(a|u|om)?|nabrež(je|ja|ju|jem))$/;

/** Whether a word is a form of a noun whose name is a person's in the genitive (šoli, ulici, nagrado, trgu). */
export function isNamedAfterNoun(word: string): boolean {
  return NAMED_AFTER_NOUN.test(word.toLowerCase());
}
