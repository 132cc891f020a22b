import { describe, expect, it } from 'vitest';
import { collator, countArticles, formatDate, formatDateTime, formatIsoDateTime, formatMachineDate, MONTHS_SHORT, plural, pluralForm, PERSON_FORMS } from '../../../src/text/sl.ts';

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

  it('abbreviates the months as CLDR sl does, lowercase, »maj« without a full stop', () => {
    const short = new Intl.DateTimeFormat('sl', { month: 'short', timeZone: 'UTC' });
    expect(MONTHS_SHORT).toEqual(Array.from({ length: 12 }, (_, month) => short.format(Date.UTC(2025, month, 15))));
    expect(MONTHS_SHORT[4]).toBe('maj');
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

  it('writes machine-readable times with the Ljubljana offset of the day, +01:00 in winter and +02:00 in summer', () => {
    expect(formatIsoDateTime(new Date('2025-12-22T09:00:00Z'))).toBe('2025-12-22T10:00:00+01:00');
    expect(formatIsoDateTime(new Date('2025-07-01T10:00:00Z'))).toBe('2025-07-01T12:00:00+02:00');
    // Either side of the spring and autumn changes: the 02:30 that happens twice is told apart by its offset.
    expect(formatIsoDateTime(new Date('2025-03-30T01:30:00Z'))).toBe('2025-03-30T03:30:00+02:00');
    expect(formatIsoDateTime(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-26T02:30:00+02:00');
    expect(formatIsoDateTime(new Date('2025-10-26T01:30:00Z'))).toBe('2025-10-26T02:30:00+01:00');
    expect(formatIsoDateTime(new Date('2025-12-22T09:00:00.250Z'))).toBe('2025-12-22T10:00:00.250+01:00');
    // Before 1893 the zone data gives local mean time, +01:22, and the page shows that wall clock too.
    expect(formatIsoDateTime(new Date('1850-06-01T12:00:00Z'))).toBe('1850-06-01T13:22:00+01:22');
  });

  it('gives a date alone as the Ljubljana day, not the UTC instant of its midnight (the day before)', () => {
    expect(formatMachineDate(new Date('2025-06-30T22:00:00Z'), false)).toBe('2025-07-01');
    expect(formatMachineDate(new Date('2024-02-28T23:00:00Z'), false)).toBe('2024-02-29');
    expect(formatMachineDate(new Date('2025-12-22T09:00:00Z'), true)).toBe('2025-12-22T10:00:00+01:00');
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
