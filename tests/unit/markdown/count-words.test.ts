import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/markdown/render.ts';

/** The definition countWords implements by a faster scan. */
const byRegExp = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].length;

describe('countWords', () => {
  it('counts runs of letters and digits in any script', () => {
    expect(countWords('Witkoff se je 24. oktobra v Miamiju sestal z Dmitrijevim.')).toBe(10);
    expect(countWords('Čez 3–4 dni: «Žiga», ščuka; 𝐀𝐁 и Путин, 東京.')).toBe(10);
    expect(countWords('  \n—…  ')).toBe(0);
  });

  it('agrees with /[\\p{L}\\p{N}]+/gu on any text, astral characters and lone surrogates included', () => {
    const pieces = fc.constantFrom('a', 'Z', '7', ' ', '-', 'č', 'Š', 'ž', 'ß', 'й', '東', '٣', '𝐀', '😀', '\uD835', '\uDC00', '\u0301', '_', '\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(byRegExp(text));
      }),
      { numRuns: 2000 },
    );
  });
});
