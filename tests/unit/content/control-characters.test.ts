import { describe, expect, it } from 'vitest';
import { stripBodyControlCharacters } from '../../../src/content/schema.ts';

/** What a body loses, written out from the rule (README, "Content reference"): C0 but tab, newline and return, C1, noncharacters, lone surrogates. */
const dropped = (codePoint: number): boolean =>
  (codePoint <= 0x1f && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
  (codePoint >= 0x7f && codePoint <= 0x9f) ||
  (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
  (codePoint & 0xfffe) === 0xfffe ||
  (codePoint >= 0xd800 && codePoint <= 0xdfff);

describe('stripBodyControlCharacters', () => {
  it('drops every character of the rule and keeps every other one, in all of the Basic Multilingual Plane', () => {
    const wrong: string[] = [];
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
      const body = `a${String.fromCharCode(codePoint)}b`;
      const expected = dropped(codePoint) ? 'ab' : body;
      if (stripBodyControlCharacters(body) !== expected) wrong.push(codePoint.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('drops the noncharacters of the other planes, written as surrogate pairs, and keeps an emoji beside them', () => {
    for (let plane = 1; plane <= 16; plane++) {
      for (const last of [0xfffe, 0xffff]) {
        const noncharacter = String.fromCodePoint(plane * 0x10000 + last);
        expect(stripBodyControlCharacters(`Zmaga 🎉${noncharacter} v finalu`)).toBe('Zmaga 🎉 v finalu');
      }
    }
  });

  it('keeps a body with nothing to drop as it is, tabs and line ends included', () => {
    const body = '## Pogovori na Floridi\r\n\nSteve Witkoff se je\tsestal s Kirilom Dmitrijevim.\n';
    expect(stripBodyControlCharacters(body)).toBe(body);
  });
});
