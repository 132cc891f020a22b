import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ljubljanaCalendar, ljubljanaOffsetMinutes, plural, ARTICLE_FORMS } from '../../../src/text/sl.ts';

// What Intl says directly, without arhivar's shortcuts: the reference the fast paths must agree with.
const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });

function intlCalendar(instant: Date) {
  const parts = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(parts.timeZoneName ?? 'GMT')!;
  const offset = match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return { calendar: { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) }, offset };
}

describe('Ljubljana wall clock', () => {
  it('agrees with Intl at any instant from 1850 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), (time) => {
        const expected = intlCalendar(new Date(time));
        expect(ljubljanaCalendar(new Date(time))).toEqual(expected.calendar);
        if (time >= Date.UTC(1900, 0, 1)) expect(ljubljanaOffsetMinutes(time)).toBe(expected.offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('never changes offset twice in one UTC month from 1900 to 2100, which the month shortcut relies on', () => {
    const offsetAt = (time: number) => intlCalendar(new Date(time)).offset;
    for (let year = 1900; year <= 2100; year++) {
      for (let month = 0; month < 12; month++) {
        const start = Date.UTC(year, month, 1);
        const end = Date.UTC(year, month + 1, 1) - 1;
        if (offsetAt(start) !== offsetAt(end)) continue;
        // Same offset at both ends: a change inside would need two, so every day must start with that offset too
        // (a change and back within one day is what the day rule already rules out).
        for (let day = start; day < end; day += 86_400_000) {
          if (offsetAt(day) !== offsetAt(start)) throw new Error(`two changes in ${year}-${month + 1}`);
        }
        expect(ljubljanaOffsetMinutes(start + 12 * 86_400_000)).toBe(offsetAt(start));
      }
    }
  });

  it('changes at the hour of the spring and autumn changes, on the minute', () => {
    // 2025: summer time from 30 March 01:00 UTC to 26 October 01:00 UTC.
    for (const [time, offset] of [
      [Date.UTC(2025, 2, 30, 0, 59, 59), 60],
      [Date.UTC(2025, 2, 30, 1, 0, 0), 120],
      [Date.UTC(2025, 9, 26, 0, 59, 59), 120],
      [Date.UTC(2025, 9, 26, 1, 0, 0), 60],
    ] as const) {
      expect(ljubljanaOffsetMinutes(time)).toBe(offset);
      expect(ljubljanaCalendar(new Date(time))).toEqual(intlCalendar(new Date(time)).calendar);
    }
  });

  it('gives the same plural forms when asked again', () => {
    for (const count of [1, 2, 3, 4, 5, 101, 102, 103, 105, 1, 2, 3]) expect(plural(count, ARTICLE_FORMS)).toBe(`${new Intl.NumberFormat('sl').format(count)}\u00a0${ARTICLE_FORMS[new Intl.PluralRules('sl').select(count) as 'one']}`);
  });
});
