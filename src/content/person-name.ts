/**
 * How a person's name divides into given names and surname, shared by validation (content/person.ts),
 * the name forms (people/names.ts) and the people index's order (site/archive.ts). No imports: the
 * Markdown workers load it with the name forms.
 */

/**
 * The words of a name split into the surname a person file names (its leading or its trailing words) and
 * the given names; undefined when the name does not start or end with it.
 */
export function splitAtSurname(words: readonly string[], surname: string): { given: string[]; surname: string[] } | undefined {
  const parts = surname.trim().split(/\s+/);
  if (parts.length > words.length) return undefined;
  const at = (offset: number) => parts.every((part, k) => part === words[offset + k]);
  if (parts.length < words.length && at(0)) return { given: words.slice(parts.length), surname: parts };
  if (at(words.length - parts.length)) return { given: words.slice(0, words.length - parts.length), surname: parts };
  return undefined;
}

/**
 * Lower-case surname particles: Vincent van Gogh, Ursula von der Leyen, Luiz Inácio Lula da Silva, Mohamed bin
 * Salman. Written with a capital (Robert De Niro, Herman Van Rompuy) the word is spelled as part of the surname.
 */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'do', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'zu']);

/** The Arabic article joined to a surname with a hyphen, lower case: al-Asad, el-Sisi. */
const JOINED_ARTICLE = /^(al|el)[-‐‑](?=\p{Lu})/u;

/**
 * The surname words an index files a person under: without the lower-case particles in front (von der Leyen
 * under L, van Gogh under G, al-Asad under A for Asad), as Slovenian and most newsrooms' indexes file them.
 * A particle inside the surname stays (Lula da Silva), and so does one written with a capital (De Niro).
 */
export function indexedSurname(surname: readonly string[]): string[] {
  let start = 0;
  while (start < surname.length - 1 && SURNAME_PARTICLES.has(surname[start]!)) start++;
  const words = surname.slice(start);
  return [words[0]!.replace(JOINED_ARTICLE, ''), ...words.slice(1)];
}
