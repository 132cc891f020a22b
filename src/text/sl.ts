/**
 * Slovenian language facts: dates, plurals and collation. Facts measured on Node 20 with full ICU
 * (see SLOVENIAN.md in the project's shared notes).
 */
import { memoize } from '../memo.ts';

export const TIME_ZONE = 'Europe/Ljubljana';

/** Intl gives the month in the nominative ("22. december 2025"); running text needs the genitive. */
export const MONTHS_GENITIVE = [
  'januarja', 'februarja', 'marca', 'aprila', 'maja', 'junija',
  'julija', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra',
] as const;

export const MONTHS_NOMINATIVE = [
  'januar', 'februar', 'marec', 'april', 'maj', 'junij',
  'julij', 'avgust', 'september', 'oktober', 'november', 'december',
] as const;

/**
 * Months as Slovenian abbreviates them, lowercase with a full stop, »maj« whole (CLDR sl abbreviated format:
 * Intl.DateTimeFormat('sl', {month: 'short'})); a table, like the two above, so the words do not change with the ICU.
 */
export const MONTHS_SHORT = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'avg.', 'sep.', 'okt.', 'nov.', 'dec.'] as const;

const calendarParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock date and time in Ljubljana at `instant`. */
export function ljubljanaCalendar(instant: Date): CalendarDate {
  return calendarAt(instant.getTime());
}

// A build asks for the same article dates many times (URLs, lists, archive): each is worked out once.
const calendarAt = memoize((time: number) => Object.freeze(computeLjubljanaCalendar(new Date(time))), 500_000);

/** Before 1900 Ljubljana kept local mean time, whose offset is not in whole minutes: Intl is asked directly. */
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1900, 0, 1);

function computeLjubljanaCalendar(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (time >= WHOLE_MINUTE_OFFSETS_FROM) {
    // The UTC fields of the instant moved by the offset are the wall clock: no formatToParts (about 5 µs).
    const wall = new Date(time + ljubljanaOffsetMinutes(time) * 60_000);
    return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() };
  }
  const parts: Record<string, number> = {};
  for (const part of calendarParts.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/**
 * Minutes east of UTC in Ljubljana at a given instant (60 in winter, 120 in summer). Ljubljana changes
 * offset at most once a UTC month, at most once a UTC day and only on a whole hour: a month whose first and
 * last millisecond have the same offset has it throughout, a day likewise, and any other day is looked up
 * by the quarter hour. Ten years of dates then cost about 1,500 Intl calls instead of 7,300 (every month,
 * and each day of a month with a change). tests/unit/text/ljubljana-time.test.ts checks the month rule
 * against Intl for every month of 1900–2100.
 */
const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

export function ljubljanaOffsetMinutes(instant: number): number {
  const date = new Date(instant);
  return (
    offsetOfMonth(date.getUTCFullYear() * 12 + date.getUTCMonth()) ??
    offsetOfDay(Math.floor(instant / DAY_MS)) ??
    offsetOfQuarterHour(Math.floor(instant / QUARTER_HOUR_MS))
  );
}

/** The offset of a UTC month (year × 12 + month, 0-based) when it has one throughout, null when the clocks change in it. */
const offsetOfMonth = memoize((month: number): number | null => {
  const year = Math.floor(month / 12);
  const first = computeOffsetMinutes(Date.UTC(year, month % 12, 1));
  return first === computeOffsetMinutes(Date.UTC(year, (month % 12) + 1, 1) - 1) ? first : null;
}, 100_000);

/** The day's offset when it has one throughout, null on a day the clocks change. */
const offsetOfDay = memoize((day: number): number | null => {
  const first = computeOffsetMinutes(day * DAY_MS);
  return first === computeOffsetMinutes(day * DAY_MS + DAY_MS - 1) ? first : null;
}, 500_000);

const offsetOfQuarterHour = memoize((quarter: number) => computeOffsetMinutes(quarter * QUARTER_HOUR_MS), 500_000);

function computeOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * A non-breaking space. Slovenian typesetting never ends a line with a number, a day's dot or a short word that
 * belongs to the next one ("22." / "decembra", "3" / "minute branja", "ob" / "18.30"), and a line may not start
 * with a separating dash or dot. Written into the text rather than left to the stylesheet, so it holds in every
 * list, heading, search result and theme that shows it.
 */
export const NBSP = '\u00a0';

/** "2052-01-10 00:00": the wall clock in Ljubljana, as front matter writes it, for messages to editors. */
export function formatLjubljanaMinute(instant: Date): string {
  const { year, month, day, hour, minute } = ljubljanaCalendar(instant);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`;
}

/** "22. decembra 2025": the form used in running text and datelines on arhivar pages; the day stays with its month. */
export function formatDate(instant: Date): string {
  const { year, month, day } = ljubljanaCalendar(instant);
  return `${day}.${NBSP}${MONTHS_GENITIVE[month - 1]} ${year}`;
}

/** "22. decembra 2025 ob 18.30" when the article has a time, else the date alone; "ob" stays with the hour. */
export function formatDateTime(instant: Date, hasTime: boolean): string {
  if (!hasTime) return formatDate(instant);
  const { hour, minute } = ljubljanaCalendar(instant);
  return `${formatDate(instant)} ob${NBSP}${hour}.${String(minute).padStart(2, '0')}`;
}

/** A number of two digits at least: 7 → 07. */
export const pad2 = (value: number): string => String(value).padStart(2, '0');

/** "2025-07-01": the Ljubljana day of an instant, as ISO 8601 writes a date. */
export function formatIsoDate(instant: Date): string {
  return isoDateAt(instant.getTime());
}

// Each article's dates are written on every list page that shows it (about 300,000 times in a 10,000-article
// build): each string is made once, as the calendar is (without it, about 150 MB more for the main thread to collect in a cold build).
const isoDateAt = memoize((time: number) => {
  const { year, month, day } = ljubljanaCalendar(new Date(time));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}, 500_000);

/**
 * "2025-12-22T10:00:00+01:00", "2025-07-01T12:00:00+02:00": an instant as ISO 8601 and RFC 3339 want it, with
 * the Ljubljana wall clock and its offset, as the page shows it. In UTC a date alone (midnight in Ljubljana) reads
 * as the day before (2025-06-30T22:00:00Z for 1 July), and crawlers and feed readers that take the date part show
 * that day. Before 1893 the zone data gives Ljubljana local mean time, +01:22, which is written as it is shown.
 */
export function formatIsoDateTime(instant: Date): string {
  return isoDateTimeAt(instant.getTime());
}

const isoDateTimeAt = memoize((time: number): string => {
  const instant = new Date(time);
  const millisecond = ((time % 1000) + 1000) % 1000;
  const { year, month, day, hour, minute, second } = ljubljanaCalendar(instant);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millisecond);
  const offsetMs = wall.getTime() - time;
  const fraction = millisecond ? `.${String(millisecond).padStart(3, '0')}` : '';
  return `${formatIsoDate(instant)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}${formatUtcOffset(Math.round(offsetMs / 60_000))}`;
}, 500_000);

/** "+02:00" for 120 minutes east of UTC, as ISO 8601 and front matter write an offset. */
export function formatUtcOffset(offsetMinutes: number): string {
  const minutes = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** For `<time datetime>`: the instant with its offset, or the day alone for an article dated without a time. */
export function formatMachineDate(instant: Date, hasTime: boolean): string {
  return hasTime ? formatIsoDateTime(instant) : formatIsoDate(instant);
}

export function monthName(month: number): string {
  return MONTHS_NOMINATIVE[month - 1] ?? String(month);
}

const pluralRules = new Intl.PluralRules('sl');
const numberFormat = new Intl.NumberFormat('sl');

export interface PluralForms {
  one: string;
  two: string;
  few: string;
  other: string;
}

/**
 * Slovenian has four plural categories chosen by the last two digits: 1 članek, 2 članka, 3 članki, 5 člankov.
 * The number and its word are joined by a non-breaking space.
 */
export function plural(count: number, forms: PluralForms): string {
  const category = pluralCategory(count);
  return `${formatNumber(count)}${NBSP}${forms[category] ?? forms.other}`;
}

// Every list page and article page asks for a few counts (articles, minutes, mentions); the same small
// integers come back thousands of times, and each Intl call costs a few microseconds.
const pluralCategory = memoize((count: number) => pluralRules.select(count) as keyof PluralForms, 10_000);
const formatCount = memoize((value: number) => numberFormat.format(value), 10_000);

/** The form alone, for a word that agrees with a count: 1 oseba, razvrščena; 5 oseb, razvrščenih. */
export function pluralForm(count: number, forms: PluralForms): string {
  return forms[pluralCategory(count)] ?? forms.other;
}

export const ARTICLE_FORMS: PluralForms = { one: 'članek', two: 'članka', few: 'članki', other: 'člankov' };
export const PERSON_FORMS: PluralForms = { one: 'oseba', two: 'osebi', few: 'osebe', other: 'oseb' };
export const MINUTE_FORMS: PluralForms = { one: 'minuta', two: 'minuti', few: 'minute', other: 'minut' };
/** The adjective agrees too: 1 avtorski članek, 2 avtorska članka, 3 avtorski članki, 5 avtorskih člankov. */
export const AUTHORED_FORMS: PluralForms = { one: 'avtorski članek', two: 'avtorska članka', few: 'avtorski članki', other: 'avtorskih člankov' };
export const MENTION_FORMS: PluralForms = { one: 'omemba', two: 'omembi', few: 'omembe', other: 'omemb' };
export const TAG_FORMS: PluralForms = { one: 'oznaka', two: 'oznaki', few: 'oznake', other: 'oznak' };

export const countArticles = (count: number): string => plural(count, ARTICLE_FORMS);

/** Č after C, Š after S, Ž after Z: plain sort() and the English collator get these wrong. */
export const collator = new Intl.Collator('sl', { sensitivity: 'base', numeric: true });

export function formatNumber(value: number): string {
  return formatCount(value);
}
