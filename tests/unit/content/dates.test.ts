import { describe, expect, it } from 'vitest';
import { daysInMonth, describeClockChange, parseContentDate, updatedAsShown, type ContentDate } from '../../../src/content/dates.ts';
import { formatIsoDateTime } from '../../../src/text/sl.ts';

const instant = (input: string) => {
  const result = parseContentDate(input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('parseContentDate', () => {
  it('reads a date-time without an offset as Ljubljana wall-clock time, not UTC', () => {
    expect(instant('2025-12-22T23:30:00').instant.toISOString()).toBe('2025-12-22T22:30:00.000Z');
    expect(instant('2025-07-01T12:00').instant.toISOString()).toBe('2025-07-01T10:00:00.000Z');
    expect(instant('2025-12-22 08:05').instant.toISOString()).toBe('2025-12-22T07:05:00.000Z');
  });

  it('reads a date alone as midnight in Ljubljana and remembers it had no time', () => {
    const value = instant('2025-12-22');
    expect(value.instant.toISOString()).toBe('2025-12-21T23:00:00.000Z');
    expect(value.hasTime).toBe(false);
    expect(instant('2025-12-22T10:00').hasTime).toBe(true);
  });

  it('respects an explicit offset or Z', () => {
    expect(instant('2025-12-22T10:00:00+01:00').instant.toISOString()).toBe('2025-12-22T09:00:00.000Z');
    expect(instant('2025-12-22T10:00:00Z').instant.toISOString()).toBe('2025-12-22T10:00:00.000Z');
    expect(instant('2025-12-22T10:00:00-0500').instant.toISOString()).toBe('2025-12-22T15:00:00.000Z');
  });

  it('handles the summer-time gap and overlap', () => {
    // 02:30 on 30 March 2025 does not exist in Ljubljana: clocks jump from 02:00 to 03:00.
    expect(instant('2025-03-30T02:30').instant.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(instant('2025-10-26T12:00').instant.toISOString()).toBe('2025-10-26T11:00:00.000Z');
  });

  // The last Sundays of March and October: the clocks go from 02:00 to 03:00, and from 03:00 back to 02:00.
  it.each([
    // A skipped time is read with the offset before the change, so it is as much later as the clocks jump (RFC 5545, Temporal's 'compatible').
    ['2025-03-30T02:30', '2025-03-30T03:30:00+02:00', 'skipped'],
    ['2026-03-29T02:00', '2026-03-29T03:00:00+02:00', 'skipped'],
    ['2026-03-29T02:59:30', '2026-03-29T03:59:30+02:00', 'skipped'],
    // A repeated time is its first occurrence, still in summer time.
    ['2025-10-26T02:30', '2025-10-26T02:30:00+02:00', 'repeated'],
    ['2025-10-26T02:00', '2025-10-26T02:00:00+02:00', 'repeated'],
    ['2026-10-25T02:59', '2026-10-25T02:59:00+02:00', 'repeated'],
    // The minutes around the changes are times like any other.
    ['2025-03-30T01:59', '2025-03-30T01:59:00+01:00', undefined],
    ['2025-03-30T03:00', '2025-03-30T03:00:00+02:00', undefined],
    ['2025-10-26T01:59', '2025-10-26T01:59:00+02:00', undefined],
    ['2025-10-26T03:00', '2025-10-26T03:00:00+01:00', undefined],
    ['2026-10-25T03:00', '2026-10-25T03:00:00+01:00', undefined],
    // An explicit offset is taken as written, on those nights too.
    ['2025-10-26T02:30+01:00', '2025-10-26T02:30:00+01:00', undefined],
    ['2025-10-26T02:30+02:00', '2025-10-26T02:30:00+02:00', undefined],
    ['2026-10-25T02:30Z', '2026-10-25T03:30:00+01:00', undefined],
    ['2025-03-30T02:30+01:00', '2025-03-30T03:30:00+02:00', undefined],
    ['2025-03-30T02:30+02:00', '2025-03-30T01:30:00+01:00', undefined],
    // A date alone has no time to skip or repeat.
    ['2025-10-26', '2025-10-26T00:00:00+02:00', undefined],
    ['2025-03-30', '2025-03-30T00:00:00+01:00', undefined],
  ])('reads %s on a night the clocks change as %s', (input, expected, kind) => {
    const value = instant(input);
    expect(formatIsoDateTime(value.instant)).toBe(expected);
    expect(value.clockChange?.kind).toBe(kind);
  });

  it('says which instant a skipped or repeated time was taken as, and what to write for the other', () => {
    const describe = (input: string) => {
      const value = instant(input);
      return describeClockChange('date', value, value.clockChange!);
    };
    expect(describe('2025-10-26T02:30')).toEqual({
      message: 'date 2025-10-26T02:30 happens twice in Ljubljana: on that day the clocks go back from 03:00 to 02:00, so it is taken as the first, 2025-10-26T02:30+02:00',
      hint: 'write 2025-10-26T02:30+02:00 to keep the first; for the second, an hour later, write 2025-10-26T02:30+01:00',
    });
    expect(describe('2025-03-30 2:30')).toEqual({
      message: 'date 2025-03-30T02:30 is not a time in Ljubljana: on that day the clocks go forward from 02:00 to 03:00, so it is taken as 2025-03-30T03:30+02:00, an hour later',
      hint: 'write 2025-03-30T03:30 to keep that time; for an hour earlier, write 2025-03-30T01:30 (the same as 2025-03-30T02:30+02:00)',
    });
    // Each time the hints give is read as they say, without a warning of its own.
    for (const [written, expected] of [
      ['2025-10-26T02:30+01:00', '2025-10-26T01:30:00.000Z'],
      ['2025-10-26T02:30+02:00', '2025-10-26T00:30:00.000Z'],
      ['2025-03-30T03:30', '2025-03-30T01:30:00.000Z'],
      ['2025-03-30T01:30', '2025-03-30T00:30:00.000Z'],
    ] as const) {
      expect(instant(written).instant.toISOString()).toBe(expected);
      expect(instant(written).clockChange).toBeUndefined();
    }
  });

  const EXAMPLE = 'write 2025-12-22 or 2025-12-22T18:30';
  it.each([
    ['včeraj', '"včeraj" is not a date', EXAMPLE],
    // An impossible date's hint gave 2025-12-22, which beside a February story reads as the date to write.
    ['2025-02-30', '"2025-02-30" is not a valid date: February 2025 has 28 days', 'write a day of February 2025, from 2025-02-01 to 2025-02-28 (Europe/Ljubljana is assumed)'],
    ['2024-02-30', 'February 2024 has 29 days', 'write a day of February 2024, from 2024-02-01 to 2024-02-29'],
    ['2025-04-00', 'April 2025 has 30 days', 'write a day of April 2025, from 2025-04-01 to 2025-04-30'],
    ['2025-13-01', 'there is no month 13', 'write 2025-01-13 if the day and the month are swapped: the month comes second, from 01 to 12 (Europe/Ljubljana is assumed)'],
    ['2025-14-22', 'there is no month 14', 'write the month from 01 to 12 between the year and the day: 2025-MM-22 (Europe/Ljubljana is assumed)'],
    ['2025-00-05', 'there is no month 0', 'write the month from 01 to 12 between the year and the day: 2025-MM-05'],
    // Neither the month nor the day can be: no part of it is kept.
    ['2025-13-45', 'there is no month 13', 'write the month from 01 to 12 and the day from 01 to 31, year first: 2025-MM-DD (Europe/Ljubljana is assumed)'],
    ['2025-12-22T25:00', 'impossible time of day', 'write the time as meant, from 00:00 to 23:59, such as 2025-12-22T18:30, or the date alone, 2025-12-22'],
    // The hint keeps the date written: it gave 2025-12-22 for any, which an editor of a March story could copy.
    ['2025-03-05T25:00', '"2025-03-05T25:00" has an impossible time of day', 'write the time as meant, from 00:00 to 23:59, such as 2025-03-05T18:30, or the date alone, 2025-03-05 (Europe/Ljubljana is assumed)'],
    ['2025-03-05T18:75+01:00', 'impossible time of day', 'such as 2025-03-05T18:30+01:00, or the date alone, 2025-03-05'],
    ['5. 3. 2025 ob 25.00', 'impossible time of day', 'such as 2025-03-05T18:30, or the date alone, 2025-03-05'],
    ['2025/12/22', '"2025/12/22" is not a date', 'write 2025-12-22: the same date, year first'],
    ['2025.12.22 18:30', 'is not a date', 'write 2025-12-22T18:30: the same date and time, year first'],
    ['2025/02/30', '"2025/02/30" is not a valid date: February 2025 has 28 days', 'write a day of February 2025, from 2025-02-01 to 2025-02-28'],
    // Dashes where the hyphens belong, as a word processor or a web page gives them.
    ['2025–11–03', '"2025–11–03" is not a date', 'write 2025-11-03: the same date, with hyphens (-) where it has dashes (–)'],
    ['2025—11—03T10:30', 'is not a date', 'write 2025-11-03T10:30: the same date and time, with hyphens (-) where it has dashes (—)'],
    ['2025−02−30', '"2025−02−30" is not a valid date: February 2025 has 28 days', 'write a day of February 2025, from 2025-02-01 to 2025-02-28'],
    // Written the Slovenian way: the hint gives that very date as front matter needs it.
    ['22. 12. 2025', '"22. 12. 2025" is not a date', 'write 2025-12-22: the same date, year first'],
    ['1.2.2025', '"1.2.2025" is not a date', 'write 2025-02-01: the same date, year first'],
    ['22. 12. 2025 ob 18.30', 'is not a date', 'write 2025-12-22T18:30: the same date and time, year first'],
    ['22. 12. 2025, 9:05', 'is not a date', 'write 2025-12-22T09:05: the same date and time, year first'],
    // An impossible date written the Slovenian way is told what is wrong with it, as 2025-02-31 is.
    ['31. 2. 2025', '"31. 2. 2025" is not a valid date: February 2025 has 28 days', 'write a day of February 2025, from 2025-02-01 to 2025-02-28'],
    ['30. februarja 2025', '"30. februarja 2025" is not a valid date: February 2025 has 28 days', 'write a day of February 2025, from 2025-02-01 to 2025-02-28'],
    ['29. 2. 2024', '', 'write 2024-02-29: the same date, year first'],
    ['1. 13. 2025', '"1. 13. 2025" is not a valid date: there is no month 13', 'write 2025-01-13 if the day and the month are swapped'],
    // The month as a word, in the genitive of running text or the nominative of a dateline.
    ['5. decembra 2025', 'is not a date', 'write 2025-12-05: the same date, year first'],
    ['5. december 2025 ob 14.30', 'is not a date', 'write 2025-12-05T14:30: the same date and time, year first'],
    ['1. Marca 2026, 9.05 h', 'is not a date', 'write 2026-03-01T09:05: the same date and time, year first'],
    ['5. decembrom 2025', 'is not a date', EXAMPLE],
    // With the day of the week in front, as a news site's dateline writes it and an editor copies it.
    ['ponedeljek, 7. december 2026', 'is not a date', 'write 2026-12-07: the same date, year first'],
    ['Sreda, 9. 12. 2026 ob 10.30', 'is not a date', 'write 2026-12-09T10:30: the same date and time, year first'],
    ['čet., 10. decembra 2026', 'is not a date', 'write 2026-12-10: the same date, year first'],
    ['sredina, 9. 12. 2026', 'is not a date', EXAMPLE],
    // The date right, the time written the Slovenian way.
    ['2025-12-05 ob 14.30', 'is not a date', 'write 2025-12-05T14:30: the same date and time, year first'],
    ['2025-12-05T14.30', 'is not a date', 'write 2025-12-05T14:30: the same date and time, year first'],
    ['2025-12-05 ob 14:30', 'is not a date', 'write 2025-12-05T14:30: the same date and time, year first'],
    ['22. 12. 2025 ob 25.00', '"22. 12. 2025 ob 25.00" has an impossible time of day', 'write the time as meant, from 00:00 to 23:59, such as 2025-12-22T18:30, or the date alone, 2025-12-22'],
    // 24:00 (ISO 8601's end of a day) is the next day's 00:00, which the hint gives, across a month and a year too.
    ['2025-12-22T24:00', "\"2025-12-22T24:00\" has an impossible time of day: a day's hours run from 00:00 to 23:59, and its end, 24:00, is the next day's 00:00", 'write 2025-12-23T00:00, the start of the next day (Europe/Ljubljana is assumed)'],
    ['2025-02-28T24:00:00', 'impossible time of day', 'write 2025-03-01T00:00,'],
    ['2025-12-31T24:00', 'impossible time of day', 'write 2026-01-01T00:00,'],
    ['2025-12-22T24:00+01:00', 'impossible time of day', 'write 2025-12-23T00:00+01:00, the start of the next day (with the offset as written)'],
    ['22. 12. 2025 ob 24.00', 'impossible time of day', 'write 2025-12-23T00:00,'],
    // Any other hour 24 is no end of a day, and an impossible date is told so first.
    ['2025-12-22T24:30', '"2025-12-22T24:30" has an impossible time of day', 'write the time as meant, from 00:00 to 23:59, such as 2025-12-22T18:30, or the date alone, 2025-12-22'],
    ['2025-12-22T24:00:00.5', '"2025-12-22T24:00:00.5" has an impossible time of day', 'write the time as meant, from 00:00 to 23:59, such as 2025-12-22T18:30, or the date alone, 2025-12-22'],
    ['2025-02-30T24:00', 'February 2025 has 28 days', 'write a day of February 2025, from 2025-02-01 to 2025-02-28'],
  ])('rejects %s', (input, message, hint) => {
    const result = parseContentDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.hint).toContain(hint);
    }
  });

  it.each([
    ['0025-12-22', 'years from 1000 to 9999'],
    ['0000-01-01', 'years from 1000 to 9999'],
    ['0999-12-31T10:00', 'years from 1000 to 9999'],
    ['2025-12-22T18:30+99:99', 'impossible time zone offset +99:99'],
    ['2025-12-22T18:30+01:75', 'impossible time zone offset +01:75'],
    ['2025-12-22T18:30-15:00', 'impossible time zone offset -15:00'],
    ['2025-12-22T18:30-13:00', 'impossible time zone offset -13:00'],
  ])('rejects %s, which Date.UTC would read as another date', (input, message) => {
    const result = parseContentDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.hint).toContain(EXAMPLE);
    }
  });

  it('takes the years from 1000 to 9999 and the offsets from -12:00 to +14:00 as written', () => {
    expect(instant('1000-01-01T12:00Z').instant.toISOString()).toBe('1000-01-01T12:00:00.000Z');
    expect(instant('9999-12-31T12:00Z').instant.toISOString()).toBe('9999-12-31T12:00:00.000Z');
    expect(instant('2025-12-22T18:30+14:00').instant.toISOString()).toBe('2025-12-22T04:30:00.000Z');
    expect(instant('2025-12-22T18:30-12:00').instant.toISOString()).toBe('2025-12-23T06:30:00.000Z');
  });

  it('counts the days of February in the years 0-99 by their own leap years (Date.UTC reads them as 1900-1999)', () => {
    // 1900 was not a leap year; the year 0 was one in the proleptic Gregorian calendar.
    expect(daysInMonth(0, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseContentDate('2024-02-29').ok).toBe(true);
    expect(parseContentDate('2025-02-29').ok).toBe(false);
  });
});

describe('updatedAsShown', () => {
  const read = (text: string): ContentDate => {
    const result = parseContentDate(text);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  };

  it('takes a date alone on the day of publication as the moment of publication, still without a time', () => {
    expect(updatedAsShown(read('2025-07-15T10:30'), read('2025-07-15'))).toEqual({ instant: new Date('2025-07-15T08:30:00Z'), hasTime: false });
    // The day is Ljubljana's: 00:30 on 16 July there is still 15 July in UTC.
    expect(updatedAsShown(read('2025-07-16T00:30'), read('2025-07-16'))).toEqual({ instant: new Date('2025-07-15T22:30:00Z'), hasTime: false });
  });

  it('keeps every other updated: as written', () => {
    for (const [date, updated] of [
      ['2025-07-15T10:30', '2025-07-14'], // the day before: warned about as earlier than date
      ['2025-07-15T10:30', '2025-07-15T09:00'], // a time earlier than publication: warned about too
      ['2025-07-15T10:30', '2025-07-16'],
      ['2025-07-15', '2025-07-15'],
      ['2025-07-15T00:00', '2025-07-15'],
    ] as const) {
      expect(updatedAsShown(read(date), read(updated)), `${date} / ${updated}`).toEqual(read(updated));
    }
    expect(updatedAsShown(read('2025-07-15T10:30'), undefined)).toBeUndefined();
  });
});
