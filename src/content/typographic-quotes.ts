/**
 * Quotation marks a word processor types (Word's autocorrect turns "…" into „…“ in Slovenian and “…” in
 * English) or Slovenian writes (»…«). YAML quotes a value only with the straight ' and ", so a value written
 * between these keeps them: a tag “Ukrajina” got a page titled with the quotes, and a date “2025-12-22” was
 * "not a date" with no word of why.
 */
const TYPOGRAPHIC_QUOTES = '“”„‟‘’‚‛»«›‹';
// Greedy, and trimmed after: a lazy ([^…]*?)\s* would try the rest of a long run of spaces at each of them.
const QUOTED = new RegExp(`^[${TYPOGRAPHIC_QUOTES}]([^${TYPOGRAPHIC_QUOTES}]*)[${TYPOGRAPHIC_QUOTES}]$`, 'u');

/** The text inside typographic quotes that enclose the whole of `value`, or undefined when they do not. */
export function insideTypographicQuotes(value: string): string | undefined {
  const inner = QUOTED.exec(value.trim())?.[1]?.trim();
  return inner ? inner : undefined;
}

/** The quote marks at the ends of `value`, as the editor typed them ("“ ”"). */
export function endQuotes(value: string): string {
  const text = value.trim();
  return `${text.at(0)} ${text.at(-1)}`;
}
