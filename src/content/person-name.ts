/**
 * How a person's name divides into given names and surname, shared by validation (content/person.ts),
 * the name forms (people/names.ts), detection (people/detect.ts) and the people index's order (site/archive.ts).
 * It imports only what has no imports itself: the Markdown workers load it with the name forms.
 */
import { withoutDirectionFormatting } from '../text/direction.ts';
import { withoutInvisibles } from '../text/invisible.ts';
import { isRomanNumeralForm } from '../text/numbers.ts';

/**
 * The words of a name (or of a `surname:`), the one way every caller splits it: at any white space (two spaces, a
 * no-break space), in NFC, and without text-direction controls and marks, which a paste from a right-to-left
 * source leaves in a person file. The text's tokenizer reads those as no letters, and a word that kept one was
 * no suffix (»ml.« + U+200E) and no surname (»Novak« + U+2069) to the caller that kept it. The characters that show
 * nothing inside a word (a soft hyphen, a zero-width space: text/invisible.ts) go too, as the text's words are read
 * without them: a surname that kept one had forms (»Kos\u00ada«) no text holds.
 */
export function nameWords(name: string): string[] {
  return withoutInvisibles(withoutDirectionFormatting(name)).normalize('NFC').split(/\s+/).filter(Boolean);
}

/** Whether two spellings are the same words in any letter case (nameWords: any white space, NFC): an alias that is the surname:. */
export function sameWords(a: string, b: string): boolean {
  return nameWords(a).join(' ').toLowerCase() === nameWords(b).join(' ').toLowerCase();
}

/**
 * The words of a name split into the surname a person file names (its leading or its trailing words) and
 * the given names; undefined when the name does not start or end with it.
 */
export function splitAtSurname(words: readonly string[], surname: string): { given: string[]; surname: string[] } | undefined {
  const parts = nameWords(surname);
  if (parts.length === 0 || parts.length > words.length) return undefined;
  const at = (offset: number) => parts.every((part, k) => part === words[offset + k]);
  if (parts.length < words.length && at(0)) return { given: words.slice(parts.length), surname: parts };
  if (at(words.length - parts.length)) return { given: words.slice(0, words.length - parts.length), surname: parts };
  return undefined;
}

/**
 * A name's words divided into the given names and the surname, as the name forms (people/names.ts splitName) and
 * validation read it: `surname`, the person file's, names the surname words; without it the surname is the last
 * word and the particles before it (surnameStart). A suffix after the surname is left out (»Janez Novak ml.«), and
 * each surname word is split at its hyphens (Novak-Kovač): the last part is the word that declines.
 */
export function nameParts(name: string, surname?: string): { given: string[]; surname: string[] } {
  const { words } = withoutNameSuffix(nameWords(name));
  const named = surname === undefined ? undefined : splitAtSurname(words, surname);
  if (named) return { given: named.given, surname: named.surname.flatMap(splitHyphen) };
  const start = surnameStart(words);
  return { given: words.slice(0, start), surname: words.slice(start).flatMap(splitHyphen) };
}

/** Jean-Claude → Jean, Claude; a hyphen with nothing beside it (»Janez -«) leaves nothing. */
export function splitHyphen(word: string): string[] {
  return word.split(/[-‐‑]/).filter(Boolean);
}

/** Jr., Sr., ml. and st. (mlajši, starejši, also written out), in any letter case: Ml. and JR. are suffixes too. */
const GENERATION = /^(?:jr|sr|ml|st|mlajši|starejši)\.?$/i;
/**
 * A ruler's or heir's number, II to XXXIX, in capitals (Karel III., Ludvik XIV., Henrik Tudor, III). A lone X
 * wants its dot, as Slovenian writes an ordinal: without it it is a surname (Malcolm X); I is an initial.
 */
function isRegnalNumber(word: string): boolean {
  const numeral = word.endsWith('.') ? word.slice(0, -1) : word;
  if (numeral === 'I' || (numeral === 'X' && numeral === word)) return false;
  return /^[IVX]+$/.test(numeral) && isRomanNumeralForm(numeral.toLowerCase());
}

/** Whether `word` is a generational suffix or a ruler's number, which follows a name and is no part of its surname. */
export function isNameSuffix(word: string): boolean {
  return GENERATION.test(word) || isRegnalNumber(word);
}

/**
 * What a suffix says, however written: »ml«, »st«, »jr«, »iii«, the spelled-out mlajši and starejši in any case
 * (»Janeza Novaka mlajšega«) as »ml« and »st«; undefined for a word that is no suffix.
 */
export function nameSuffixKey(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (/^mlajš(?:i|ega|emu|em|im)$/.test(lower)) return 'ml';
  if (/^starejš(?:i|ega|emu|em|im)$/.test(lower)) return 'st';
  return isNameSuffix(word) ? lower : undefined;
}

/**
 * The words of a name without a suffix at its end (»Janez Novak ml.«, »Martin Luther King, Jr.«, »Karel III.«), and
 * the suffix: the surname is the word before it, so the person is found and filed by it. A comma before the suffix
 * goes with it. Whatever follows a comma is a suffix too: parsePerson takes a comma only before a generational
 * suffix or what is no given name, a title (»Janez Novak, dr.«, »Ana Kos, PhD«), which was otherwise the surname.
 * A name of one word keeps it (»Ml.« is nobody's suffix).
 */
export function withoutNameSuffix(words: readonly string[]): { words: string[]; suffix: string | undefined } {
  const written = words.join(' ');
  const comma = written.indexOf(',');
  const before = written.slice(0, Math.max(comma, 0)).trim();
  const after = written.slice(comma + 1).trim();
  if (comma !== -1 && before !== '' && after !== '') return { words: before.split(/\s+/), suffix: after };
  const suffix = words.at(-1);
  if (words.length < 2 || suffix === undefined || !isNameSuffix(suffix)) return { words: [...words], suffix: undefined };
  return { words: words.slice(0, -1), suffix };
}

/**
 * Lower-case surname particles: Vincent van Gogh, Ursula von der Leyen, Luiz Inácio Lula da Silva, Mohamed bin
 * Salman. Written with a capital (Robert De Niro, Herman Van Rompuy) the word is spelled as part of the surname.
 */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'do', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'zu']);

/**
 * The particles that mean »son of« (Mohamed bin Salman): the word after them is the father's name, so it is his
 * son's only with them, neither alone (a bare Salman is King Salman) nor as a possessive (Salmanova odločitev).
 */
export const PATRONYMIC_PARTICLES: ReadonlySet<string> = new Set(['bin', 'ibn']);

/**
 * Where the surname starts in the words of a name no `surname:` names: at the last word, or at the lower-case
 * particles right before it (»Maria da Graça de Souza« → de Souza, »Ursula von der Leyen« → von der Leyen), the
 * surname proper that indexes file the name under (a Portuguese name under the last word of its surname: Souza,
 * Maria da Graça de; German von as Leyen, Ursula von der). A particle further in belongs to the given names (da in
 * Maria da Graça), and a name that starts with particles is a surname alone (an alias »von der Leyen«).
 */
export function surnameStart(words: readonly string[]): number {
  let start = Math.max(words.length - 1, 0);
  while (start > 0 && isParticleAt(words, start - 1)) start--;
  return start;
}

/**
 * The Arabic article as person files and news often write it, with a capital (Mohamed bin Salman Al Saud, Abdel Fattah
 * El-Sisi): a particle all the same, which indexes set aside and news drops (»Saud«, »Sisi«), not a given name. At
 * the start of a name it is one: Al Gore, Al Pacino.
 */
const CAPITAL_ARTICLES: ReadonlySet<string> = new Set(['Al', 'El']);

/** Whether words[k] is a surname particle: a lower-case one anywhere, the capital Arabic article after a given name. */
export function isParticleAt(words: readonly string[], k: number): boolean {
  return SURNAME_PARTICLES.has(words[k]!) || (k > 0 && CAPITAL_ARTICLES.has(words[k]!));
}

/** Whether a word before a surname is a particle news may leave out (de, von der, al, Al; not bin: see detect.ts). */
export function isSurnameParticle(word: string): boolean {
  return SURNAME_PARTICLES.has(word) || CAPITAL_ARTICLES.has(word);
}

/** The Arabic article joined to a surname with a hyphen: al-Asad, el-Sisi, and with a capital, Al-Asad, El-Sisi. */
const JOINED_ARTICLE = /^(al|el|Al|El)[-‐‑](?=\p{Lu})/u;

/**
 * The surname words an index files a person under: without the lower-case particles in front (von der Leyen
 * under L, van Gogh under G, al-Asad and Al-Asad under A for Asad, Al Saud under S), as Slovenian and most newsrooms' indexes file them.
 * A particle inside the surname stays (Lula da Silva), and so does one written with a capital (De Niro).
 */
export function indexedSurname(surname: readonly string[]): string[] {
  let start = 0;
  while (start < surname.length - 1 && isSurnameParticle(surname[start]!)) start++;
  const [head, ...rest] = surname.slice(start);
  // A name with no words (nameWords): the schema refuses one of text-direction marks alone, but callers pass names unchecked too.
  return head === undefined ? [] : [head.replace(JOINED_ARTICLE, ''), ...rest];
}
