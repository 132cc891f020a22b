import type { Article } from '../content/article.ts';
import type { Person } from '../content/person.ts';
import { comparePeople, type PersonEntry } from './archive.ts';
import { MONTHS_SHORT, ljubljanaCalendar } from '../text/sl.ts';

/**
 * What a person page shows besides the article list: who else the articles name, how often, and when.
 * Pure functions of the archive; templates only lay them out.
 */
export interface CoMention {
  person: Person;
  /** Articles naming both. */
  count: number;
}

export interface TimelineBar {
  year: number;
  /** 1–12, or undefined for a year bar. */
  month: number | undefined;
  /** Articles naming the person in that period. */
  count: number;
}

export interface Timeline {
  unit: 'month' | 'year';
  /** Every period from the first mention to the last, empty ones included, oldest first. */
  bars: TimelineBar[];
  max: number;
}

export interface PersonStats {
  articleCount: number;
  /** Times the texts name the person (explicit-only articles add 0). */
  mentionCount: number;
  first: Article | undefined;
  last: Article | undefined;
  coMentions: CoMention[];
  timeline: Timeline;
}

/** Month bars up to this many months; longer spans get a bar a year so the chart stays readable. */
export const MAX_MONTH_BARS = 36;

export function personStats(entry: PersonEntry, people: ReadonlyMap<string, Person>, coMentionLimit = 10): PersonStats {
  const { person, articles } = entry;
  let mentionCount = 0;
  for (const article of articles) mentionCount += article.mentionCounts.get(person.id) ?? 0;
  return {
    articleCount: articles.length,
    mentionCount,
    // The entry's articles are newest first.
    first: articles.at(-1),
    last: articles[0],
    coMentions: coMentions(person.id, articles, people).slice(0, coMentionLimit),
    timeline: timeline(articles.map((article) => article.date.instant)),
  };
}

/**
 * Whether the texts were searched for the person, so that their mention counts say how often the texts name them.
 * Detection skips a person file with `detect: false` and a name with no file (content/person.ts makes it with
 * detect false), and with `detectPeople: false` it searches for nobody: for them a count of 0 is not »the texts
 * never name them«, which the article »Jana Golob odstopila« would contradict.
 */
export function mentionsCounted(person: Person, detectPeople: boolean): boolean {
  return detectPeople && person.detect;
}

export function coMentions(id: string, articles: readonly Article[], people: ReadonlyMap<string, Person>): CoMention[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const other of article.people) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  const result: CoMention[] = [];
  for (const [other, count] of counts) {
    const person = people.get(other);
    if (person) result.push({ person, count });
  }
  // Ties in the order of /osebe/ (surname, then first name): by the full name, »Ana Zupan« came before »Žan Čok«.
  return result.sort((a, b) => b.count - a.count || comparePeople(a.person, b.person));
}

/** Articles per month (or per year on spans longer than MAX_MONTH_BARS months), Ljubljana calendar. */
export function timeline(instants: readonly Date[]): Timeline {
  if (instants.length === 0) return { unit: 'month', bars: [], max: 0 };
  const months = instants.map((instant) => {
    const { year, month } = ljubljanaCalendar(instant);
    return year * 12 + (month - 1);
  });
  let low = Infinity;
  let high = -Infinity;
  for (const value of months) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const byYear = high - low + 1 > MAX_MONTH_BARS;
  const bars: TimelineBar[] = [];
  if (byYear) {
    const first = Math.floor(low / 12);
    for (let year = first; year <= Math.floor(high / 12); year++) bars.push({ year, month: undefined, count: 0 });
    for (const value of months) bars[Math.floor(value / 12) - first]!.count++;
  } else {
    for (let value = low; value <= high; value++) bars.push({ year: Math.floor(value / 12), month: (value % 12) + 1, count: 0 });
    for (const value of months) bars[value - low]!.count++;
  }
  let max = 0;
  for (const bar of bars) if (bar.count > max) max = bar.count;
  return { unit: byYear ? 'year' : 'month', bars, max };
}

export interface ChartBar extends TimelineBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Axis label under the bar, or undefined where labels would crowd. */
  label: string | undefined;
  /** Whether the label stays when the chart is narrow (a phone), where only every other one or fewer fit. */
  labelWhenNarrow: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  bars: ChartBar[];
}

/** Axis labels a chart shows at most: at its full width, and when narrow. Each label takes about 3em. */
export const MAX_LABELS = 12;
export const MAX_NARROW_LABELS = 6;

/** Bar positions in a fixed viewBox; the SVG stretches to its box with CSS, and the labels are HTML under it. */
export function chartGeometry(data: Timeline, width = 640, height = 120): ChartGeometry {
  const n = Math.max(1, data.bars.length);
  const slot = width / n;
  const gap = Math.min(4, slot * 0.2);
  const labels = axisLabels(data);
  const shown = labels.filter((_, index) => index % Math.ceil(labels.length / MAX_LABELS) === 0);
  // A narrow chart keeps every other label or fewer: counted from the first year, so a chart of months keeps the
  // one label that says which year they are in.
  const step = Math.ceil(shown.length / MAX_NARROW_LABELS);
  const phase = Math.max(0, shown.findIndex((label) => label.isYear)) % step;
  const narrow = new Set(shown.filter((_, index) => index % step === phase).map((label) => label.index));
  const text = new Map(shown.map((label) => [label.index, label.text]));
  const bars = data.bars.map((bar, index): ChartBar => {
    const barHeight = data.max === 0 ? 0 : Math.max(bar.count > 0 ? 2 : 0, (bar.count / data.max) * (height - 4));
    return { ...bar, x: round(index * slot + gap / 2), y: round(height - barHeight), width: round(slot - gap), height: round(barHeight), label: text.get(index), labelWhenNarrow: narrow.has(index) };
  });
  return { width, height, bars };
}

/**
 * Every bar that could carry a label: each year; up to a year of months, each month as Slovenian abbreviates it
 * (»mar.«, »maj«), and January as its year instead (»2025«), which says the year of the months around it as it
 * does on longer spans, or, with no January among them, the first bar (»2025 apr. maj«), or no label would say
 * the year; on longer spans, each January (»2025«), and the first bar when no January follows within six
 * bars, where its year would collide. Each label must fit in about 3em: »mar. 2025« would not.
 */
function axisLabels(data: Timeline): { index: number; text: string; isYear: boolean }[] {
  const labels: { index: number; text: string; isYear: boolean }[] = [];
  const months = data.unit === 'month';
  const firstJanuary = data.bars.findIndex((bar) => bar.month === 1);
  const year = (index: number, bar: TimelineBar) => labels.push({ index, text: String(bar.year), isYear: true });
  data.bars.forEach((bar, index) => {
    if (!months || bar.month === 1 || (index === 0 && firstJanuary === -1 && data.bars.length <= 12)) year(index, bar);
    else if (data.bars.length <= 12) labels.push({ index, text: MONTHS_SHORT[bar.month! - 1]!, isYear: false });
    else if (index === 0 && (firstJanuary === -1 || firstJanuary >= 6)) year(index, bar);
  });
  return labels;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
