/**
 * Unicode's text-direction formatting characters (UAX #9, »Explicit Directional Formatting Characters«), listed
 * once for the three places that deal with them: a front-matter field closes the ones it leaves open
 * (content/schema.ts), a person's name is read without any of them (nameWords in content/person-name.ts), and
 * the terminal shows them as escapes (errors.ts). No imports: the Markdown workers load this with the name forms.
 */

/** Embeddings and overrides, U+202A–U+202E (LRE RLE PDF LRO RLO), and isolates, U+2066–U+2069 (LRI RLI FSI PDI). */
const PAIRED = '\\u202a-\\u202e\\u2066-\\u2069';
/** The marks U+200E LRM, U+200F RLM and U+061C ALM: invisible, they need no closer, but they still move text about. */
const MARKS = '\\u061c\\u200e\\u200f';

/** The controls that open or close a run of text in a direction. */
const DIRECTION_CONTROLS = new RegExp(`[${PAIRED}]`);
/** Those and the marks: every character that sets the direction of the text around it. */
export const DIRECTION_FORMATTING = new RegExp(`[${PAIRED}${MARKS}]`);
const EVERY_DIRECTION_FORMATTING = new RegExp(DIRECTION_FORMATTING.source, 'g');

const POP_DIRECTIONAL_FORMATTING = '\u202c';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A field's text-direction controls closed where the field ends. An embedding or override (U+202A, U+202B,
 * U+202D, U+202E) or an isolate (U+2066–U+2068) left open runs on into whatever a page writes after the value
 * until the line ends: in `<title>` and a feed's title, the site's name came out reversed (a spoofing trick,
 * and a paste from a right-to-left source does it by accident). Each opener gets its closer at the end, as
 * Unicode's bidirectional algorithm pairs them (a PDI also closes the embeddings inside its isolate), and a
 * closer with nothing to close, which that algorithm ignores, is dropped. Balanced right-to-left quotes stay,
 * and so do the marks, which open nothing.
 */
export function balanceDirectionControls(value: string): string {
  if (!DIRECTION_CONTROLS.test(value)) return value;
  const open: string[] = [];
  let balanced = '';
  for (const character of value) {
    if (character === POP_DIRECTIONAL_FORMATTING) {
      if (open.at(-1) !== POP_DIRECTIONAL_FORMATTING) continue;
      open.pop();
    } else if (character === POP_DIRECTIONAL_ISOLATE) {
      const isolate = open.lastIndexOf(POP_DIRECTIONAL_ISOLATE);
      if (isolate === -1) continue;
      open.length = isolate;
    } else if (character >= '\u2066' && character <= '\u2068') {
      open.push(POP_DIRECTIONAL_ISOLATE);
    } else if (character >= '\u202a' && character <= '\u202e') {
      open.push(POP_DIRECTIONAL_FORMATTING);
    }
    balanced += character;
  }
  return balanced + open.reverse().join('');
}

/** `text` without any text-direction control or mark. */
export function withoutDirectionFormatting(text: string): string {
  return DIRECTION_FORMATTING.test(text) ? text.replace(EVERY_DIRECTION_FORMATTING, '') : text;
}

/**
 * The living right-to-left scripts' letters, and the marks and controls that start right-to-left text (U+200F RLM,
 * U+061C ALM, U+202B RLE, U+202E RLO, U+2067 RLI). JavaScript has no \p{Bidi_Class}, so the scripts are named.
 */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\u200f\u061c\u202b\u202e\u2067]/u;

/**
 * Whether `text` holds right-to-left text: then a number written after it on a line (»محمود عباس 2 članka«) is
 * carried into its run by Unicode's bidirectional algorithm and shown before it, unless the text is isolated.
 */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}
