import { describe, expect, it } from 'vitest';
import { collator, countArticles, formatDate, formatDateTime, plural, pluralForm, PERSON_FORMS } from '../../../src/text/sl.ts';

// A non-breaking space: a line never ends with a number or a day's dot and puts its word on the next line.
const NB = '\u00a0';

describe('Slovenian text', () => {
  it.each([
    [0, `0${NB}člankov`],
    [1, `1${NB}članek`],
    [2, `2${NB}članka`],
    [3, `3${NB}članki`],
    [4, `4${NB}članki`],
    [5, `5${NB}člankov`],
    [11, `11${NB}člankov`],
    [101, `101${NB}članek`],
    [102, `102${NB}članka`],
    [103, `103${NB}članki`],
    [1234, `1234${NB}člankov`],
    [12345, `12.345${NB}člankov`],
  ])('%i → %s', (count, text) => {
    expect(countArticles(count)).toBe(text);
  });

  it('declines oseba', () => {
    expect([1, 2, 3, 5].map((n) => plural(n, PERSON_FORMS))).toEqual([`1${NB}oseba`, `2${NB}osebi`, `3${NB}osebe`, `5${NB}oseb`]);
  });

  it('writes dates with the month in the genitive, in Ljubljana time', () => {
    expect(formatDate(new Date('2025-12-22T10:00:00Z'))).toBe(`22.${NB}decembra 2025`);
    expect(formatDate(new Date('2025-12-22T23:30:00Z'))).toBe(`23.${NB}decembra 2025`);
    expect(formatDate(new Date('2025-05-01T00:00:00Z'))).toBe(`1.${NB}maja 2025`);
    expect(formatDateTime(new Date('2025-05-14T21:30:00Z'), true)).toBe(`14.${NB}maja 2025 ob${NB}23.30`);
  });

  it('keeps the day with its month and "ob" with the hour, and lets the line break before the year', () => {
    const text = formatDateTime(new Date('2025-05-14T21:30:00Z'), true);
    expect(text.split(' ')).toEqual([`14.${NB}maja`, '2025', `ob${NB}23.30`]);
  });

  it('sorts Č after C, Š after S and Ž after Z', () => {
    const names = ['Žagar', 'Zupan', 'Čok', 'Car', 'Šuštar', 'Sever', 'Cankar', 'Dolenc'];
    expect([...names].sort(collator.compare)).toEqual(['Cankar', 'Car', 'Čok', 'Dolenc', 'Sever', 'Šuštar', 'Zupan', 'Žagar']);
  });
});


describe('pluralForm', () => {
  const sorted = { one: 'razvrščena', two: 'razvrščeni', few: 'razvrščene', other: 'razvrščenih' };
  it.each([
    [1, `1${NB}oseba, razvrščena`],
    [2, `2${NB}osebi, razvrščeni`],
    [3, `3${NB}osebe, razvrščene`],
    [4, `4${NB}osebe, razvrščene`],
    [5, `5${NB}oseb, razvrščenih`],
    [101, `101${NB}oseba, razvrščena`],
    [102, `102${NB}osebi, razvrščeni`],
    [0, `0${NB}oseb, razvrščenih`],
  ])('agrees with %i', (count, expected) => {
    expect(`${plural(count, PERSON_FORMS)}, ${pluralForm(count, sorted)}`).toBe(expected);
  });
});
