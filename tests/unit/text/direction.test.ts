import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../../src/errors.ts';
import { splitName } from '../../../src/people/names.ts';
import { balanceDirectionControls, hasRightToLeft } from '../../../src/text/direction.ts';
import { isInvisibleInWord } from '../../../src/text/invisible.ts';

/** Whether the field balancer (text/direction.ts, for content/schema.ts) treats `character` as a text-direction control: it closes it or drops it. */
const balanced = (character: string) => balanceDirectionControls(`a${character}b`) !== `a${character}b`;
/** Whether a person's name is found without `character` (people/names.ts). */
const strippedFromNames = (character: string) => splitName(`Ana${character} Novak`).surname.join(' ') === 'Novak' && splitName(`Ana${character} Novak`).first.join(' ') === 'Ana';
/** Whether an error shown in the terminal writes `character` as an escape (errors.ts). */
const escapedInTerminal = (character: string) => showControlCharacters(character) !== character;

describe('text-direction controls, one list for fields, names and the terminal', () => {
  it('every control a field balances is left out of names and escaped in the terminal; every mark a name drops is escaped too', () => {
    const controls: string[] = [];
    const marks: string[] = [];
    for (let code = 0x80; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      if (/\s/.test(character)) continue;
      if (balanced(character)) controls.push(character);
      // A name is read without the characters that show nothing inside a word too (text/invisible.ts: the soft
      // hyphen, zero-width space, word joiner): they move no text in a terminal, so it need not escape them.
      else if (strippedFromNames(character) && !isInvisibleInWord(code)) marks.push(character);
    }
    const hex = (characters: string[]) => characters.map((character) => character.charCodeAt(0).toString(16));
    expect(hex(controls)).toEqual(['202a', '202b', '202c', '202d', '202e', '2066', '2067', '2068', '2069']);
    expect(hex(marks)).toEqual(['61c', '200e', '200f']);
    for (const character of controls) expect(strippedFromNames(character), hex([character])[0]).toBe(true);
    for (const character of [...controls, ...marks]) expect(escapedInTerminal(character), hex([character])[0]).toBe(true);
  });
});

describe('right-to-left text, which a name is isolated for (templates/parts.tsx Isolated)', () => {
  it.each([
    ['محمود عباس', true],
    ['עמוס עוז', true],
    ['Mahmud Abas (محمود عباس)', true],
    // A stray right-to-left mark from a paste moves the number after it as the letters do.
    ['Ana Novak\u200f', true],
    ['\u2067Ana Novak\u2069', true],
    ['Ana Novak', false],
    ['Ана Ђорђевић', false],
    ['Νίκος Παππάς', false],
    ['习近平', false],
    ['Ana Novak\u200e', false],
  ])('%s: %s', (text, expected) => {
    expect(hasRightToLeft(text)).toBe(expected);
  });
});
