import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAbbreviation } from '../../../src/text/abbreviations.ts';
import { DESCRIPTION_LENGTH, defaultSummary, shortenListDescription, shortenText } from '../../../src/text/shorten.ts';

describe('shortenText', () => {
  it.each([
    ['Kratek povzetek.', 40, 'Kratek povzetek.'],
    ['  Presledki   se\n zložijo. ', 40, 'Presledki se zložijo.'],
    // Omitted words: a space before the ellipsis, and the space counts towards the limit.
    ['Witkoff in Kushner na Floridi s Putinovim odposlancem', 31, 'Witkoff in Kushner na Floridi …'],
    ['Witkoff in Kushner na Floridi s Putinovim odposlancem', 30, 'Witkoff in Kushner na …'],
    ['Witkoff in Kushner, na Floridi', 21, 'Witkoff in Kushner …'],
    ['Prvi stavek. Drugi stavek je daljši', 14, 'Prvi stavek.'],
    ['Prvi stavek. Drugi stavek je daljši', 20, 'Prvi stavek. Drugi …'],
    ['Ušakov Ušakov Ušakov Ušakov', 13, 'Ušakov …'],
    ['Čakali so … nato pa odšli', 14, 'Čakali so …'],
    // A full stop before a lower-case word is an ordinal or an abbreviation, not the end of a sentence: the
    // cut is marked (»seji 22.« alone reads as a whole sentence).
    ['Seja bo 22. decembra v Ljubljani', 13, 'Seja bo 22. …'],
    ['Prišli so npr. ministri', 16, 'Prišli so npr. …'],
    ['Sestal se je z J. Novakom', 19, 'Sestal se je z J. …'],
    // A letter outside the BMP is one letter too: an initial, not a word of two.
    ['Sestal se je z 𝐀. Novakom', 19, 'Sestal se je z 𝐀. …'],
    ['Sestal se je z 𝐀𝐁. Novakom', 20, 'Sestal se je z 𝐀𝐁.'],
    ['Seja bo 22. 12. 2025 v Ljubljani', 13, 'Seja bo 22. …'],
    ['Seja je bila leta 2025. Nato so', 25, 'Seja je bila leta 2025.'],
    // Nor does one after a title or another abbreviation before a capital: »dr.« alone reads as a whole sentence.
    ['To je dejal dr. Novak v petek', 19, 'To je dejal dr. …'],
    ['Pisala je mag. Ana Kos', 17, 'Pisala je mag. …'],
    ['Predaval je prof. Kos', 20, 'Predaval je prof. …'],
    ['Cerkev sv. Jurija v Piranu', 13, 'Cerkev sv. …'],
    ['Zavezništva, npr. Nato, so', 20, 'Zavezništva, npr. …'],
    ['Vodil ga je Dr. Kos', 17, 'Vodil ga je Dr. …'],
    ['Seja je bila leta 2025. »Nato so', 26, 'Seja je bila leta 2025.'],
    // »itd.« closes a list and, before a capital, the sentence: its full stop is the sentence's too.
    ['Kupili so kruh, sir itd. Nato so odšli', 26, 'Kupili so kruh, sir itd.'],
    // A word cut short: the ellipsis stays close up, and never follows a whole word.
    ['Nadzvočnoletalskoinženirstvo', 10, 'Nadzvočno…'],
    ['Nadzvočnoletalsko inženirstvo', 18, 'Nadzvočnoletalsk…'],
    ['Nadzvočno-letalsko inženirstvo', 11, 'Nadzvočno…'],
    ['Nadzvočnoletalsko, inženirstvo', 19, 'Nadzvočnoletalsko …'],
    ['Nadzvočnoletalsko, inženirstvo', 18, 'Nadzvočnoletalsk…'],
  ])('%j at %i → %j', (input, length, expected) => {
    const result = shortenText(input, length);
    expect(result).toBe(expected);
    expect([...result].length).toBeLessThanOrEqual(length);
  });

  it('never splits a surrogate pair', () => {
    const result = shortenText('😀'.repeat(20), 10);
    expect(result).toBe(`${'😀'.repeat(9)}…`);
  });

  // A word longer than the limit (a paragraph pasted without spaces) is cut short between letters as readers see
  // them: not between an e and its combining accent, or between the two halves of a flag.
  it.each([
    ['e\u0301'.repeat(20), 10, `${'e\u0301'.repeat(4)}…`],
    ['🇸🇮'.repeat(10), 6, '🇸🇮🇸🇮…'],
    ['a🇸🇮🇸🇮🇸🇮', 5, 'a🇸🇮…'],
    ['👩‍👩‍👧'.repeat(3), 8, '👩‍👩‍👧…'],
  ])('never splits a grapheme: %j at %i → %j', (input, length, expected) => {
    const result = shortenText(input, length);
    expect(result).toBe(expected);
    expect([...result].length).toBeLessThanOrEqual(length);
  });

  // »Zalgo« text: one letter carrying dozens of combining strokes, longer than the limit by itself. Kept whole, it left
  // nothing of the word and the description was a bare »…«; it is cut between its code points instead, and the limit holds.
  const zalgo = (marks: number) => `Z${'\u0336\u0335'.repeat(marks / 2)}`;
  it.each([
    [`${zalgo(60)} je rekel nekaj`, 40, `${zalgo(38)}…`],
    [zalgo(60), 40, `${zalgo(38)}…`],
    // The word fits, but not with » …«: one code point more goes.
    [`${zalgo(38)} je`, 40, `${zalgo(36)}\u0336…`],
    // Nor is it a dash or a quote alone.
    [`– ${zalgo(60)} je`, 40, `– ${zalgo(36)}…`],
    [`»${zalgo(60)}« je`, 40, `»${zalgo(36)}\u0336…`],
  ])('keeps a letter longer than the limit in part: %j at %i → %j', (input, length, expected) => {
    const result = shortenText(input, length);
    expect(result).toBe(expected);
    expect([...result].length).toBeLessThanOrEqual(length);
  });

  it('gives a zalgo summary and a later list page a description with its letter', () => {
    const text = `${zalgo(400)} je rekel nekaj`;
    expect(defaultSummary(text)).toBe(`${zalgo(398)}…`);
    const description = shortenListDescription(text, { number: 2, total: 3 });
    expect(description).toMatch(/^Z\u0336\u0335.*… – stran 2 od 3$/u);
    expect([...description].length).toBeLessThanOrEqual(DESCRIPTION_LENGTH);
  });
});

describe('shortenListDescription', () => {
  it.each([
    ['Članki z oznako Ukrajina: 84 člankov.', undefined, 'Članki z oznako Ukrajina: 84 člankov.'],
    ['Članki z oznako Ukrajina: 84 člankov.', { number: 1, total: 37 }, 'Članki z oznako Ukrajina: 84 člankov.'],
    ['Članki z oznako Ukrajina: 84 člankov.', { number: 2, total: 37 }, 'Članki z oznako Ukrajina: 84 člankov – stran 2 od 37.'],
    ['Arhiv novic', { number: 37, total: 37 }, 'Arhiv novic – stran 37 od 37'],
    ['Kaj je novega?', { number: 2, total: 3 }, 'Kaj je novega? – stran 2 od 3'],
    ['', { number: 2, total: 3 }, 'Stran 2 od 3'],
    // The full stop of an abbreviation or initial is part of the word: moved after the page number, it left »itd«, »d. d«.
    ['Novice, intervjuji, komentarji itd.', { number: 2, total: 3 }, 'Novice, intervjuji, komentarji itd. – stran 2 od 3'],
    ['Arhiv časnika Dnevnik d. d.', { number: 2, total: 3 }, 'Arhiv časnika Dnevnik d. d. – stran 2 od 3'],
  ])('%j on page %j → %j', (description, page, expected) => {
    expect(shortenListDescription(description, page)).toBe(expected);
  });

  it('shortens the description, never the page number, to stay within the limit', () => {
    const result = shortenListDescription('Dolg opis arhiva. '.repeat(20), { number: 12, total: 140 });
    expect(result).toMatch(/^Dolg opis arhiva\. .* … – stran 12 od 140$/);
    expect([...result].length).toBeLessThanOrEqual(DESCRIPTION_LENGTH);
    expect([...result].length).toBeGreaterThan(DESCRIPTION_LENGTH - 20);
  });
});

/** Spreads the whole folded text into code points and tries every cut from the longest: the reference. */
function shortenBySpreading(text: string, maxLength: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const characters = [...folded];
  if (characters.length <= maxLength) return folded;
  const strip = (cut: string) => cut.replace(/[\s,;:–—-]+$/u, '');
  // A full stop ends a sentence only before a capital and not after an initial or an abbreviation; !, ?, … and ...
  // always do.
  const endsSentence = (cut: string) =>
    /(?:[!?…]|\.\.\.)$/u.test(cut) ||
    (cut.endsWith('.') &&
      /^ ["'„“«»‘(]?\p{Lu}/u.test(folded.slice(cut.length)) &&
      !/(?:^|\P{L})\p{L}\.$/u.test(cut) &&
      !isAbbreviation(/(\p{L}*)\.$/u.exec(cut)![1]!));
  // Whole words followed by " …".
  for (let end = maxLength - 2; end > 0; end--) {
    if (characters[end] !== ' ') continue;
    const cut = strip(characters.slice(0, end).join(''));
    if (cut) return endsSentence(cut) ? cut : `${cut} …`;
  }
  // The first word (all that stands between spaces) cut short by "…"; when it would end right there, a stripped
  // comma or dash makes room for " …", or else one letter more goes.
  const closeUp = (room: string) => (endsSentence(strip(room)) ? strip(room) : `${strip(room)}…`);
  const room = characters.slice(0, maxLength - 1).join('');
  if (!/^[,;:–—-]*(?: |$)/.test(characters.slice(maxLength - 1).join(''))) return closeUp(room);
  const cut = strip(room);
  if (endsSentence(cut)) return cut;
  if (cut && cut !== room) return `${cut} …`;
  return closeUp(characters.slice(0, maxLength - 2).join(''));
}

describe('shortenText against the code-point reference', () => {
  it('gives the same text for any mix of letters, spaces, punctuation and surrogate pairs', () => {
    const piece = fc.constantFrom('a', 'Ž', 'č', ' ', '  ', '\n', '\t', ',', '.', '!', '–', '»', '22', '😀', '\uD800', '\uDC00', 'beseda', 'Witkoffa', 'dr');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 2, max: 40 }), (pieces, maxLength) => {
        const text = pieces.join('');
        expect(shortenText(text, maxLength)).toBe(shortenBySpreading(text, maxLength));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays within the limit, keeps a letter of the text and writes a close-up ellipsis only where it cuts a word short', () => {
    // An e with a combining accent, and a zalgo Z longer than many of the limits.
    const piece = fc.constantFrom('a', 'Ž', ' ', ',', '.', '–', '😀', 'beseda', 'Witkoffa', 'e\u0301', `Z${'\u0336'.repeat(12)}`);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (pieces, maxLength) => {
        const folded = pieces.join('').replace(/\s+/g, ' ').trim();
        const result = shortenText(folded, maxLength);
        expect([...result].length).toBeLessThanOrEqual(maxLength);
        // A cut that could keep a letter does: the room before » …« or »…« holds at least maxLength - 2 code points.
        if (/\p{L}/u.test([...folded].slice(0, maxLength - 2).join(''))) expect(result).not.toBe('…');
        if (result.endsWith('…') && !result.endsWith(' …') && result.length > 1) {
          const kept = result.slice(0, -1);
          expect(folded.startsWith(kept)).toBe(true);
          // The word goes on after the cut with more than a comma or dash before its space.
          expect(folded.slice(kept.length)).not.toMatch(/^[,;:–—-]*(?: |$)/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
