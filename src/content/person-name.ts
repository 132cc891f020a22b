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
