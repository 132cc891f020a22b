import { describe, expect, it } from 'vitest';
import { pageHeading } from '../../../templates/parts.tsx';

describe('pageHeading', () => {
  it('names the first page of a list by the list alone', () => {
    expect(pageHeading('Ukrajina', 1)).toBe('Ukrajina');
  });

  it('keeps a later page\'s number on the line of »stran«, as every count arhivar writes is kept with its word', () => {
    // A long h1 on a phone (»Članki, ki jih je napisala Ana Novak, stran 2«) put the 2 alone on the last line.
    expect(pageHeading('Ukrajina', 2)).toBe('Ukrajina, stran\u00a02');
    expect(pageHeading('Članki, ki jih je napisala Ana Novak', 12)).toBe('Članki, ki jih je napisala Ana Novak, stran\u00a012');
  });
});
