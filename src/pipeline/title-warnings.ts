import { textLine } from '../content/front-matter.ts';
import { ArhivarError } from '../errors.ts';
import { isRomanNumeralForm } from '../text/numbers.ts';
import { findPlainTextHtml, plainTextHtmlWarning } from './summary-warnings.ts';

/**
 * Warnings about a `title:`. Like the summary, the title is plain text wherever it lands (the headline, <title>,
 * listings, feeds, JSON-LD, search), escaped as written, so HTML a CMS export or a copied headline leaves in it
 * (<em>…</em>, &nbsp;, &amp;) reaches readers as code. It stays escaped: rendering it would let a title inject
 * markup into every listing. `slug` is the title's slug when no slug: line gives the address, since the address
 * then changes with the title.
 */
export function titleWarnings(title: string, slug: string | undefined, file: string, line: number | undefined): ArhivarError[] {
  const warnings: ArhivarError[] = [];
  const html = findPlainTextHtml(title);
  if (html !== undefined) {
    const address = slug === undefined ? '' : `; the address is made from the title and changes with it, so add slug: ${slug} to keep it if the article is already out`;
    warnings.push(plainTextHtmlWarning('title', html, 'the headline, listings, feeds and search results', file, line, address));
  }
  const quoted = ENGLISH_QUOTED.exec(title);
  if (quoted) {
    warnings.push(
      new ArhivarError({
        code: 'article/title-quotes',
        message: `the title is between the typographic quotes ${title.at(0)} ${title.at(-1)}, which YAML does not read as quotes, so the headline, listings, feeds and search results show them`,
        file,
        line,
        hint: `if they were meant as YAML's quotes, write ${textLine('title', quoted[1]!)}; if the headline is a quotation, write it with Slovenian quotes, ${textLine('title', `»${quoted[1]!}«`)}; the address stays the same`,
      }),
    );
  }
  if (isInCapitals(title)) {
    const sentence = sentenceCase(title);
    warnings.push(
      new ArhivarError({
        code: 'article/title-capitals',
        message: 'the title is written in capitals, so the headline, listings, feeds and search results show it so, which readers take for shouting',
        file,
        line,
        // Lower case loses the capitals of names (Putin, Ljubljana) as well: only the editor knows which words they are.
        hint: `write it as a sentence: title: ${JSON.stringify(sentence)}, then give names and abbreviations their capitals back; the address stays the same, as it is made of small letters`,
      }),
    );
  }
  return warnings;
}

/**
 * A whole title between “…” or ‘…’, the quotes Word's English autocorrect types for the straight ones: Slovenian
 * quotes with „…“ or »…«, so a headline that is a quotation is written so, and one in English quotes is the editor's
 * YAML quoting, published with the marks. Only the whole title: quotes inside it (Witkoff: “Mir je blizu”) are text.
 */
const ENGLISH_QUOTED = /^[“‘]([^“”‘’]+)[”’]$/u;

/**
 * A word of i, v and x before a full stop: a Roman ordinal up to 39 (II. svetovna vojna, XXI. kongres) when it is
 * a numeral. A single v, x or i without a full stop is a word, and with one beside another letter's an abbreviation
 * (v. d., t. i.); l, c, d and m before one are abbreviations (l. 2025, d. o. o., 5 m.).
 */
const ROMAN_ORDINAL = /(?<![\p{L}\p{N}])[ivx]+(?=\.)/gu;

/** A letter and its full stop, a word of its own: one of an abbreviation of single letters (v. d., t. i., d. o. o.). */
const LETTER_ABBREVIATION_BEFORE = /(?<![\p{L}\p{N}])\p{L}\.\s*$/u;
const LETTER_ABBREVIATION_AFTER = /^\.\s*\p{L}\.(?![\p{L}\p{N}])/u;

/** Whether the Roman-looking `word` at `at` in `text` is a numeral, not a letter of v. d. (vršilec dolžnosti) or t. i. */
function isOrdinalAt(text: string, word: string, at: number): boolean {
  if (!isRomanNumeralForm(word)) return false;
  if (word.length > 1) return true;
  return !LETTER_ABBREVIATION_BEFORE.test(text.slice(Math.max(0, at - 4), at)) && !LETTER_ABBREVIATION_AFTER.test(text.slice(at + 1, at + 6));
}

/**
 * `title` in small letters with a capital first letter, past an opening quote or bracket (»Mir je blizu«, pravi …;
 * a number first stays as it is: 5 novih okužb), and Roman ordinals kept in capitals, as Slovenian writes them in a sentence.
 */
function sentenceCase(title: string): string {
  const lower = title.toLowerCase().replace(ROMAN_ORDINAL, (word: string, at: number, text: string) => (isOrdinalAt(text, word, at) ? word.toUpperCase() : word));
  return lower.replace(/^[^\p{L}\p{N}]*\p{L}/u, (start) => start.toUpperCase());
}

/**
 * A headline an agency or a CMS sends in capitals (VLADA SPREJELA PRORAČUN): no small letter, three words or more of
 * two capitals or more, and two of them of five letters or more. Abbreviations stand alone or in pairs (RTV SLO;
 * BREAKING: Vlada je padla has small letters), and a headline of abbreviations only (NK MB – NK OL 2:1, NATO IN EU,
 * NLB, NKBM IN SID) reads no better in small letters: abbreviations have four letters or fewer.
 */
function isInCapitals(title: string): boolean {
  if (/\p{Ll}/u.test(title)) return false;
  const words = title.match(/\p{Lu}{2,}/gu) ?? [];
  return words.length >= 3 && words.filter((word) => word.length >= 5).length >= 2;
}
