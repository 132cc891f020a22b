import { endQuotes, insideTypographicQuotes } from './typographic-quotes.ts';
import { formatUtcOffset, ljubljanaCalendar, ljubljanaOffsetMinutes, MONTHS_GENITIVE, MONTHS_NOMINATIVE, pad2 } from '../text/sl.ts';

/**
 * Front-matter dates. YAML would read `2025-12-22T23:30:00` as UTC (23 December in Ljubljana), so
 * front matter is parsed with timestamps kept as strings and read here: a date-time without an offset
 * is Ljubljana wall-clock time, a date alone is that day in Ljubljana.
 */
export interface ContentDate {
  instant: Date;
  /** false for a date alone: pages then show no time. */
  hasTime: boolean;
  /**
   * Set for a time written without an offset that Ljubljana's clocks skip or show twice, so the build can
   * say which instant it took (describeClockChange). Kept with the validated front matter in .cache/, so a
   * rebuild from it warns too.
   */
  clockChange?: ClockChange | undefined;
}

/** A wall-clock time a change of Ljubljana's clocks makes skipped (spring) or repeated (autumn). */
export interface ClockChange {
  kind: 'skipped' | 'repeated';
  /** The date and time as written, with T between them: 2025-10-26T02:30. */
  written: string;
  /** Ljubljana's offsets before and after the change, in minutes east of UTC (60 and 120 in spring). */
  offsetBefore: number;
  offsetAfter: number;
  /** The instant of the change, in ms. */
  changeAt: number;
}

/**
 * `instead`, when given, is the value to write for the same moment; `hint` then says to write it, and front
 * matter's hint gives the whole line (`date: 2025-12-23T00:00`).
 */
export type DateResult = { ok: true; value: ContentDate } | { ok: false; message: string; hint: string; instead?: { value: string; why: string } };

const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export const DATE_HINT = 'write 2025-12-22 or 2025-12-22T18:30 (Europe/Ljubljana is assumed)';

/**
 * Years an archive's dates may have. The pattern takes four digits, so 0025 would otherwise pass, and
 * Date.UTC reads years 0-99 as 1900-1999 (0025-12-22 was published under /1925/); no news archive holds
 * an article from before the year 1000, so such a year is a typing mistake.
 */
export const YEAR_RANGE = { min: 1000, max: 9999 } as const;

/** The zones in use run from UTC-12:00 (Baker Island) to UTC+14:00 (Kiribati). */
const MIN_ZONE_OFFSET_MINUTES = -12 * 60;
const MAX_ZONE_OFFSET_MINUTES = 14 * 60;

export function parseContentDate(input: unknown): DateResult {
  if (input instanceof Date && !Number.isNaN(input.getTime())) return { ok: true, value: { instant: input, hasTime: true } };
  // `date:` with nothing after it is YAML's null; "null is not a date" would name a value the editor never typed.
  if (input == null || (typeof input === 'string' && input.trim() === '')) {
    return { ok: false, message: 'is empty', hint: 'write the date after the colon, such as 2025-12-22 or 2025-12-22T18:30 (Europe/Ljubljana is assumed)' };
  }
  if (typeof input !== 'string') {
    return { ok: false, message: `${JSON.stringify(input) ?? String(input)} is not a date`, hint: DATE_HINT };
  }
  const text = input.trim();
  const quoted = insideTypographicQuotes(text);
  if (quoted !== undefined) {
    const inner = parseContentDate(quoted);
    const hint = inner.ok ? `write ${quoted} without the typographic quotes ${endQuotes(text)}, which YAML does not read as quotes (Europe/Ljubljana is assumed)` : inner.hint;
    return { ok: false, message: `"${text}" is not a date`, hint };
  }
  const match = DATE_PATTERN.exec(text);
  if (!match) return otherDateForm(text);
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const millisecond = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  // The fraction counts: 24:00:00.5 is no end of a day.
  const impossible = calendarProblem(year, month, day, hour, minute, second + millisecond / 1000);
  if (impossible) return impossibleDate(text, impossible, endOfDay(year, month, day, hour, minute, second + millisecond / 1000, zone), impossibleTimeHint(year, month, day, zone) ?? impossibleDayHint(year, month, day));
  const offset = zone ? zoneOffsetMinutes(zone) : undefined;
  if (offset !== undefined && (Number.isNaN(offset) || offset < MIN_ZONE_OFFSET_MINUTES || offset > MAX_ZONE_OFFSET_MINUTES)) {
    return {
      ok: false,
      message: `"${text}" has an impossible time zone offset ${zone}: offsets run from -12:00 to +14:00, with minutes up to 59`,
      hint: `${DATE_HINT}; or give the offset, such as +01:00`,
    };
  }
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (offset !== undefined) return { ok: true, value: { instant: new Date(wallClockAsUtc - offset * 60_000), hasTime: h !== undefined } };
  const resolved = resolveLjubljanaWallClock(wallClockAsUtc);
  // A date alone is its day: the day's first instant is on it whichever way midnight is resolved.
  const clockChange = resolved.change && h !== undefined ? { ...resolved.change, written: `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${mi}${s ? `:${s}` : ''}${frac ? `.${frac}` : ''}` } : undefined;
  return { ok: true, value: { instant: new Date(resolved.instant), hasTime: h !== undefined, ...(clockChange ? { clockChange } : {}) } };
}

/** What is impossible about a date and time of day, in words; undefined when nothing is. */
function calendarProblem(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | undefined {
  if (year < YEAR_RANGE.min) return `is not a valid date: arhivar takes years from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`;
  if (month < 1 || month > 12) return `is not a valid date: there is no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month)) return `is not a valid date: ${monthLabel(month)} ${year} has ${daysInMonth(year, month)} days`;
  if (hour === 24 && minute === 0 && second === 0) return "has an impossible time of day: a day's hours run from 00:00 to 23:59, and its end, 24:00, is the next day's 00:00";
  if (hour > 23 || minute > 59 || second > 59) return 'has an impossible time of day';
  return undefined;
}

function impossibleDate(text: string, problem: string, instead: { value: string; why: string } | undefined, hint: string | undefined): DateResult {
  const message = `"${text}" ${problem}`;
  return instead ? { ok: false, message, hint: `write ${instead.value}, ${instead.why}`, instead } : { ok: false, message, hint: hint ?? DATE_HINT };
}

/**
 * For a day or month that cannot be (2025-02-30, 2025-13-01): the hint keeps the year and what else can be kept, as
 * impossibleTimeHint does. A month over 12 with a day that could be a month is most likely the two swapped
 * (2025-13-01 for 2025-01-13). undefined for a year out of range, which has nothing to keep.
 */
function impossibleDayHint(year: number, month: number, day: number): string | undefined {
  if (year < YEAR_RANGE.min) return undefined;
  const yearMonth = `${year}-${pad2(month)}`;
  if (month >= 1 && month <= 12) {
    return `write a day of ${monthLabel(month)} ${year}, from ${yearMonth}-01 to ${yearMonth}-${pad2(daysInMonth(year, month))} (Europe/Ljubljana is assumed)`;
  }
  if (month > 12 && day >= 1 && day <= 12 && month <= daysInMonth(year, day)) {
    return `write ${year}-${pad2(day)}-${pad2(month)} if the day and the month are swapped: the month comes second, from 01 to 12 (Europe/Ljubljana is assumed)`;
  }
  if (day >= 1 && day <= 31) return `write the month from 01 to 12 between the year and the day: ${year}-MM-${pad2(day)} (Europe/Ljubljana is assumed)`;
  return `write the month from 01 to 12 and the day from 01 to 31, year first: ${year}-MM-DD (Europe/Ljubljana is assumed)`;
}

/**
 * For a time of day that cannot be (25:00, 18:75) on a date that can: the hint keeps the date as written. DATE_HINT's
 * 2025-12-22 is only an example, but beside a March story's date it reads as the date to write. undefined when the
 * date itself is impossible, which is told first.
 */
function impossibleTimeHint(year: number, month: number, day: number, zone = ''): string | undefined {
  if (calendarProblem(year, month, day) !== undefined) return undefined;
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  return `write the time as meant, from 00:00 to 23:59, such as ${date}T18:30${zone}, or the date alone, ${date} (Europe/Ljubljana is assumed)`;
}

/**
 * For 24:00 (ISO 8601's end of a day, which some systems export and editors write for midnight): the next day's
 * 00:00 to write, which is the same instant. undefined for any other time.
 */
function endOfDay(year: number, month: number, day: number, hour: number, minute: number, second = 0, zone = ''): { value: string; why: string } | undefined {
  if (hour !== 24 || minute !== 0 || second !== 0 || calendarProblem(year, month, day) !== undefined) return undefined;
  const next = new Date(0);
  next.setUTCFullYear(year, month - 1, day + 1);
  if (next.getUTCFullYear() > YEAR_RANGE.max) return undefined;
  return { value: `${next.toISOString().slice(0, 10)}T00:00${zone}`, why: `the start of the next day (${zone ? 'with the offset as written' : 'Europe/Ljubljana is assumed'})` };
}

/**
 * How Slovenian text writes a date and time, which editors copy into front matter: "22. 12. 2025",
 * "22.12.2025 ob 18.30", "22. decembra 2025" (the month as a word, genitive or nominative), and a date
 * written year first with other separators or the time the Slovenian way ("2025/12/22", "2025.12.22",
 * "2025-12-22 ob 18.30", "2025-12-22T18.30"). The hint gives the same moment as front matter needs it; an
 * impossible one (31. 2. 2025, ob 25.00) is told what is wrong with it, as 2025-02-31 is.
 */
const MONTH_WORD = new Map<string, number>([...MONTHS_GENITIVE, ...MONTHS_NOMINATIVE].map((word, index) => [word, (index % 12) + 1]));
const SLOVENIAN_TIME = String.raw`(?:,?\s+(?:ob\s+)?(\d{1,2})[.:](\d{2})(?:\s*h)?)?`;
// The day of the week a news site's dateline puts in front (ponedeljek, 7. december 2026; pon., 7. 12. 2026).
const WEEKDAY = String.raw`(?:(?:ponedeljek|torek|sreda|četrtek|petek|sobota|nedelja|pon|tor|sre|čet|pet|sob|ned)\.?,?\s+)?`;
const SLOVENIAN_DATE = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})\.\s*(\d{1,2}\.|\p{L}+)\s*(\d{4})${SLOVENIAN_TIME}$`, 'iu');
// Year first, with - / or . between its parts (the same one twice) and the time after T or the Slovenian way. Or a
// dash or minus sign (2025–12–22), which a word processor or a web page puts where hyphens were typed, and which
// looks like one.
const YEAR_FIRST = /^(\d{4})([-/.\u2010-\u2015\u2212])(\d{1,2})\2(\d{1,2})(?:(?:T|,?\s+(?:ob\s+)?)(\d{1,2})[.:](\d{2})(?:\s*h)?)?$/i;
const DASH = /[\u2010-\u2015\u2212]/;

function otherDateForm(text: string): DateResult {
  const yearFirst = YEAR_FIRST.exec(text);
  const dayFirst = yearFirst ? undefined : SLOVENIAN_DATE.exec(text);
  const [year, month, day, hour, minute] = yearFirst
    ? [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]), yearFirst[5], yearFirst[6]]
    : dayFirst
      ? [Number(dayFirst[3]), monthOf(dayFirst[2]!), Number(dayFirst[1]), dayFirst[4], dayFirst[5]]
      : [];
  if (year === undefined || month === undefined || day === undefined) return { ok: false, message: `"${text}" is not a date`, hint: DATE_HINT };
  const impossible = calendarProblem(year, month, day, Number(hour ?? 0), Number(minute ?? 0));
  if (impossible) return impossibleDate(text, impossible, endOfDay(year, month, day, Number(hour ?? 0), Number(minute ?? 0)), impossibleTimeHint(year, month, day) ?? impossibleDayHint(year, month, day));
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const written = hour === undefined ? date : `${date}T${hour.padStart(2, '0')}:${minute}`;
  const dash = yearFirst && DASH.test(yearFirst[2]!) ? yearFirst[2]! : undefined;
  const how = dash ? `with hyphens (-) where it has dashes (${dash})` : 'year first';
  return { ok: false, message: `"${text}" is not a date`, hint: `write ${written}: the same ${hour === undefined ? 'date' : 'date and time'}, ${how} (Europe/Ljubljana is assumed)` };
}

/** "12." or a month's name in the genitive or nominative (decembra, december); undefined for any other word. */
function monthOf(written: string): number | undefined {
  return written.endsWith('.') ? Number(written.slice(0, -1)) : MONTH_WORD.get(written.toLowerCase());
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthLabel(month: number): string {
  return ENGLISH_MONTHS[month - 1] ?? `month ${month}`;
}

/**
 * `updated:` as readers are shown it. A date alone on the article's own day (`date: 2025-07-15T10:30`,
 * `updated: 2025-07-15`) says it changed later that day, but is read as that day's midnight, before
 * publication: it is taken as the moment of publication instead, still shown without a time, so the page's
 * `<time datetime>`, the feed and the metadata never put the change before the article. Any other `updated:`
 * is kept as written (one earlier than `date:` is warned about).
 */
export function updatedAsShown(date: ContentDate, updated: ContentDate | undefined): ContentDate | undefined {
  if (!updated || updated.hasTime || updated.instant >= date.instant || !sameLjubljanaDay(updated.instant, date.instant)) return updated;
  return { instant: date.instant, hasTime: false };
}

function sameLjubljanaDay(a: Date, b: Date): boolean {
  const first = ljubljanaCalendar(a);
  const second = ljubljanaCalendar(b);
  return first.year === second.year && first.month === second.month && first.day === second.day;
}

export function daysInMonth(year: number, month: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999, whose leap years differ.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Minutes east of UTC; NaN for minutes past 59 (+01:75), which no offset has. */
function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(2, 4) || 0);
  if (minutes > 59) return Number.NaN;
  return sign * (Number(digits.slice(0, 2)) * 60 + minutes);
}

/**
 * What the build says of a time a change of the clocks skips or repeats, for the `key:` line it is on: which
 * instant was taken, and what to write for the other (an explicit offset is never changed, so never warned about).
 */
export function describeClockChange(key: string, date: ContentDate, change: ClockChange): { message: string; hint: string } {
  const { written, offsetBefore, offsetAfter, changeAt } = change;
  const clocks = `the clocks go ${offsetAfter > offsetBefore ? 'forward' : 'back'} from ${clockTime(changeAt, offsetBefore)} to ${clockTime(changeAt, offsetAfter)}`;
  const gap = Math.abs(offsetAfter - offsetBefore);
  const by = gap === 60 ? 'an hour' : `${gap} minutes`;
  if (change.kind === 'repeated') {
    return {
      message: `${key} ${written} happens twice in Ljubljana: on that day ${clocks}, so it is taken as the first, ${written}${formatUtcOffset(offsetBefore)}`,
      hint: `write ${written}${formatUtcOffset(offsetBefore)} to keep the first; for the second, ${by} later, write ${written}${formatUtcOffset(offsetAfter)}`,
    };
  }
  // The other reading is the written time with the offset after the change: by the clocks before it, `gap` earlier.
  const shown = (instant: number, offset: number) => new Date(instant + offset * 60_000).toISOString().slice(0, Math.min(written.length, 23));
  const taken = shown(date.instant.getTime(), offsetAfter);
  const earlier = shown(date.instant.getTime() - gap * 60_000, offsetBefore);
  return {
    message: `${key} ${written} is not a time in Ljubljana: on that day ${clocks}, so it is taken as ${taken}${formatUtcOffset(offsetAfter)}, ${by} later`,
    hint: `write ${taken} to keep that time; for ${by} earlier, write ${earlier} (the same as ${written}${formatUtcOffset(offsetAfter)})`,
  };
}

/** HH:MM on clocks with the given offset at an instant (ms). */
function clockTime(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * 60_000).toISOString().slice(11, 16);
}


const DAY_MS = 86_400_000;

/**
 * The instant at which Ljubljana clocks show `wallClockAsUtc`, by the rule of RFC 5545 (3.3.5) and of
 * JavaScript Temporal's default ('compatible') disambiguation: a time shown twice, when the clocks go back
 * (02:30 on the last Sunday of October), is its first occurrence, before the change; a time never shown, when
 * they go forward (02:30 on the last Sunday of March), is read with the offset before the change, which puts it
 * as much later as the clocks jump (03:30 summer time). `change` says which of the two it was.
 */
export function resolveLjubljanaWallClock(wallClockAsUtc: number): { instant: number; change?: Omit<ClockChange, 'written'> } {
  // Ljubljana's clocks change at most once in two days, so the offsets a day either side are the ones to try.
  const offsetBefore = ljubljanaOffsetMinutes(wallClockAsUtc - DAY_MS);
  const offsetAfter = ljubljanaOffsetMinutes(wallClockAsUtc + DAY_MS);
  const withOffset = (offset: number) => wallClockAsUtc - offset * 60_000;
  const shows = (offset: number) => ljubljanaOffsetMinutes(withOffset(offset)) === offset;
  if (offsetBefore === offsetAfter) return { instant: withOffset(offsetBefore) };
  const before = shows(offsetBefore);
  const after = shows(offsetAfter);
  if (before !== after) return { instant: withOffset(before ? offsetBefore : offsetAfter) };
  const kind = before ? 'repeated' : 'skipped';
  const change = { kind, offsetBefore, offsetAfter, changeAt: changeBetween(withOffset(Math.max(offsetBefore, offsetAfter)), withOffset(Math.min(offsetBefore, offsetAfter))) } as const;
  // The offset before the change gives a repeated time's first occurrence, and puts a skipped one as much later as the clocks jump.
  return { instant: withOffset(offsetBefore), change };
}

/** The first instant (ms) with the later offset, `from` having the earlier one and `to` the later. */
function changeBetween(from: number, to: number): number {
  const offset = ljubljanaOffsetMinutes(from);
  let low = from;
  let high = to;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (ljubljanaOffsetMinutes(middle) === offset) low = middle;
    else high = middle;
  }
  return high;
}
