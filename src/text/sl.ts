/**
 * Slovenian language facts: dates, plurals and collation. Facts measured on Node 20 with full ICU
 * (see SLOVENIAN.md in the project's shared notes).
 */
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
// formatToParts is slow (~20 µs) and a build asks for the same article dates many times (URLs, lists, archive).
const calendarMemo = new Map<number, CalendarDate>();

export function ljubljanaCalendar(instant: Date): CalendarDate {
  const time = instant.getTime();
  let calendar = calendarMemo.get(time);
  if (!calendar) {
    if (calendarMemo.size >= 500_000) calendarMemo.clear();
    calendar = Object.freeze(computeLjubljanaCalendar(instant));
    calendarMemo.set(time, calendar);
  }
  return calendar;
}

function computeLjubljanaCalendar(instant: Date): CalendarDate {
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

/** "22. decembra 2025": the form used in running text and datelines on arhivar pages. */
export function formatDate(instant: Date): string {
  const { year, month, day } = ljubljanaCalendar(instant);
  return `${day}. ${MONTHS_GENITIVE[month - 1]} ${year}`;
}

/** "22. decembra 2025 ob 18.30" when the article has a time, else the date alone. */
export function formatDateTime(instant: Date, hasTime: boolean): string {
  if (!hasTime) return formatDate(instant);
  const { hour, minute } = ljubljanaCalendar(instant);
  return `${formatDate(instant)} ob ${hour}.${String(minute).padStart(2, '0')}`;
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

/** Slovenian has four plural categories chosen by the last two digits: 1 članek, 2 članka, 3 članki, 5 člankov. */
export function plural(count: number, forms: PluralForms): string {
  const category = pluralRules.select(count) as keyof PluralForms;
  return `${numberFormat.format(count)} ${forms[category] ?? forms.other}`;
}

export const ARTICLE_FORMS: PluralForms = { one: 'članek', two: 'članka', few: 'članki', other: 'člankov' };
export const PERSON_FORMS: PluralForms = { one: 'oseba', two: 'osebi', few: 'osebe', other: 'oseb' };
export const MINUTE_FORMS: PluralForms = { one: 'minuta', two: 'minuti', few: 'minute', other: 'minut' };
export const MENTION_FORMS: PluralForms = { one: 'omemba', two: 'omembi', few: 'omembe', other: 'omemb' };
export const TAG_FORMS: PluralForms = { one: 'oznaka', two: 'oznaki', few: 'oznake', other: 'oznak' };

export const countArticles = (count: number): string => plural(count, ARTICLE_FORMS);

/** Č after C, Š after S, Ž after Z: plain sort() and the English collator get these wrong. */
export const collator = new Intl.Collator('sl', { sensitivity: 'base', numeric: true });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
