import { describe, expect, it } from 'vitest';
import { resultsStatus } from '../../../src/search/status.ts';

describe('resultsStatus', () => {
  it('counts the hits in Slovenian and says how many are shown', () => {
    expect(resultsStatus(1, 1, 1)).toBe('1\u00a0zadetek.');
    expect(resultsStatus(2, 2, 1)).toBe('2\u00a0zadetka.');
    expect(resultsStatus(23, 10, 2)).toBe('23\u00a0zadetkov, prikazanih 10.');
  });

  it('tells a reader who found nothing to check the spelling of the word (horvta, Witkof)', () => {
    expect(resultsStatus(0, 0, 1)).toBe('Ni zadetkov. Preverite, ali je beseda pravilno zapisana.');
  });

  it('with more words, also to try fewer, since every word must be in the article', () => {
    expect(resultsStatus(0, 0, 3)).toBe('Ni zadetkov. Preverite, ali so besede pravilno zapisane. Iskanje najde le članke, v katerih so vse besede, zato poskusite tudi z manj besedami.');
  });
});
