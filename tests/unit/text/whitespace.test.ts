import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWhitespace } from '../../../src/text/whitespace.ts';

/** What foldWhitespace must always equal: it only skips this regex when the result would be the same text. */
const byRegex = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('foldWhitespace', () => {
  it('folds every code unit that \\s matches, and no other', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const unit = String.fromCharCode(code);
      expect(foldWhitespace(`a${unit}b`), `U+${code.toString(16)}`).toBe(byRegex(`a${unit}b`));
      expect(foldWhitespace(`a ${unit}b`), `U+${code.toString(16)} after a space`).toBe(byRegex(`a ${unit}b`));
    }
  });

  it('leaves a folded text as it is and folds the rest like the regex', () => {
    expect(foldWhitespace('Steve Witkoff je dejal')).toBe('Steve Witkoff je dejal');
    expect(foldWhitespace('  z\u00a0Dmitrijevim\n\nna  Floridi\t')).toBe('z Dmitrijevim na Floridi');
    expect(foldWhitespace(' ')).toBe('');
    expect(foldWhitespace('')).toBe('');
    const piece = fc.constantFrom('a', 'Ž', 'č', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', '\u180e', '\u200b', ',', 'beseda', 'Witkoffa');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const value = pieces.join('');
        expect(foldWhitespace(value)).toBe(byRegex(value));
      }),
      { numRuns: 2000 },
    );
  });
});
