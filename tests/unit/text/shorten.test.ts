import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shortenText } from '../../../src/text/shorten.ts';

describe('shortenText', () => {
  it.each([
    ['Kratek povzetek.', 40, 'Kratek povzetek.'],
    ['  Presledki   se\n zložijo. ', 40, 'Presledki se zložijo.'],
    ['Witkoff in Kushner na Floridi s Putinovim odposlancem', 30, 'Witkoff in Kushner na Floridi…'],
    ['Witkoff in Kushner, na Floridi', 20, 'Witkoff in Kushner…'],
    ['Prvi stavek. Drugi stavek je daljši', 14, 'Prvi stavek.'],
    ['Prvi stavek. Drugi stavek je daljši', 20, 'Prvi stavek. Drugi…'],
    ['Ušakov Ušakov Ušakov Ušakov', 13, 'Ušakov…'],
    ['Nadzvočnoletalskoinženirstvo', 10, 'Nadzvočno…'],
  ])('%j at %i → %j', (input, length, expected) => {
    const result = shortenText(input, length);
    expect(result).toBe(expected);
    expect([...result].length).toBeLessThanOrEqual(length);
  });

  it('never splits a surrogate pair', () => {
    const result = shortenText('😀'.repeat(20), 10);
    expect(result).toBe(`${'😀'.repeat(9)}…`);
  });
});

/** The first implementation, which spreads the whole folded text into code points: the reference. */
function shortenBySpreading(text: string, maxLength: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const characters = [...folded];
  if (characters.length <= maxLength) return folded;
  const room = characters.slice(0, maxLength - 1).join('');
  const nextIsSpace = characters[maxLength - 1] === ' ';
  const lastSpace = room.lastIndexOf(' ');
  let cut = nextIsSpace || lastSpace < 0 ? room : room.slice(0, lastSpace);
  cut = cut.replace(/[\s,;:–—-]+$/u, '');
  return /[.!?]$/.test(cut) ? cut : `${cut}…`;
}

describe('shortenText against the code-point reference', () => {
  it('gives the same text for any mix of letters, spaces, punctuation and surrogate pairs', () => {
    const piece = fc.constantFrom('a', 'Ž', 'č', ' ', '  ', '\n', '\t', ',', '.', '!', '–', '😀', '\uD800', '\uDC00', 'beseda', 'Witkoffa');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 2, max: 40 }), (pieces, maxLength) => {
        const text = pieces.join('');
        expect(shortenText(text, maxLength)).toBe(shortenBySpreading(text, maxLength));
      }),
      { numRuns: 2000 },
    );
  });
});
