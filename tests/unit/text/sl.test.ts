import { describe, expect, it } from 'vitest';
import { collator, countArticles, formatDate, formatDateTime, plural, pluralForm, PERSON_FORMS } from '../../../src/text/sl.ts';

describe('Slovenian text', () => {
  it.each([
    [0, '0 člankov'],
    [1, '1 članek'],
    [2, '2 članka'],
    [3, '3 članki'],
    [4, '4 članki'],
    [5, '5 člankov'],
    [11, '11 člankov'],
    [101, '101 članek'],
    [102, '102 članka'],
    [103, '103 članki'],
    [1234, '1234 člankov'],
    [12345, '12.345 člankov'],
  ])('%i → %s', (count, text) => {
    expect(countArticles(count)).toBe(text);
  });

  it('declines oseba', () => {
    expect([1, 2, 3, 5].map((n) => plural(n, PERSON_FORMS))).toEqual(['1 oseba', '2 osebi', '3 osebe', '5 oseb']);
  });

  it('writes dates with the month in the genitive, in Ljubljana time', () => {
    expect(formatDate(new Date('2025-12-22T10:00:00Z'))).toBe('22. decembra 2025');
    expect(formatDate(new Date('2025-12-22T23:30:00Z'))).toBe('23. decembra 2025');
    expect(formatDate(new Date('2025-05-01T00:00:00Z'))).toBe('1. maja 2025');
    expect(formatDateTime(new Date('2025-05-14T21:30:00Z'), true)).toBe('14. maja 2025 ob 23.30');
  });

  it('sorts Č after C, Š after S and Ž after Z', () => {
    const names = ['Žagar', 'Zupan', 'Čok', 'Car', 'Šuštar', 'Sever', 'Cankar', 'Dolenc'];
    expect([...names].sort(collator.compare)).toEqual(['Cankar', 'Car', 'Čok', 'Dolenc', 'Sever', 'Šuštar', 'Zupan', 'Žagar']);
  });
});


describe('pluralForm', () => {
  const sorted = { one: 'razvrščena', two: 'razvrščeni', few: 'razvrščene', other: 'razvrščenih' };
  it.each([
    [1, '1 oseba, razvrščena'],
    [2, '2 osebi, razvrščeni'],
    [3, '3 osebe, razvrščene'],
    [4, '4 osebe, razvrščene'],
    [5, '5 oseb, razvrščenih'],
    [101, '101 oseba, razvrščena'],
    [102, '102 osebi, razvrščeni'],
    [0, '0 oseb, razvrščenih'],
  ])('agrees with %i', (count, expected) => {
    expect(`${plural(count, PERSON_FORMS)}, ${pluralForm(count, sorted)}`).toBe(expected);
  });
});
