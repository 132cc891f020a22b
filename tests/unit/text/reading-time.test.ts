import { describe, expect, it } from 'vitest';
import { formatReadingTime, readingMinutes } from '../../../src/text/reading-time.ts';

describe('reading time', () => {
  it.each([
    [0, 1],
    [1, 1],
    [200, 1],
    [201, 2],
    [1000, 5],
  ])('%i words → %i min', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it.each([
    [150, '1\u00a0minuta branja'],
    [400, '2\u00a0minuti branja'],
    [600, '3\u00a0minute branja'],
    [800, '4\u00a0minute branja'],
    [1000, '5\u00a0minut branja'],
    [20_200, '101\u00a0minuta branja'],
  ])('%i words → %s', (words, text) => {
    expect(formatReadingTime(words)).toBe(text);
  });
});
