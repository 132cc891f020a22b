import { describe, expect, it } from 'vitest';
import { MAX_MONTH_BARS, chartGeometry, coMentions, timeline, type Timeline } from '../../../src/site/person-stats.ts';
import type { Article } from '../../../src/content/article.ts';
import { personFromName } from '../../../src/content/person.ts';

const at = (iso: string) => new Date(iso);

describe('timeline', () => {
  it('counts articles per Ljubljana month, empty months included', () => {
    // 23:30 UTC on 31 January is already February in Ljubljana.
    const result = timeline([at('2025-01-31T23:30:00Z'), at('2025-04-10T10:00:00Z'), at('2025-04-11T10:00:00Z')]);
    expect(result.unit).toBe('month');
    expect(result.bars.map((bar) => [bar.year, bar.month, bar.count])).toEqual([
      [2025, 2, 1],
      [2025, 3, 0],
      [2025, 4, 2],
    ]);
    expect(result.max).toBe(2);
  });

  it('switches to years on spans longer than the month limit', () => {
    expect(MAX_MONTH_BARS).toBe(36);
    const result = timeline([at('2019-06-01T10:00:00Z'), at('2022-07-01T10:00:00Z'), at('2022-08-01T10:00:00Z')]);
    expect(result.unit).toBe('year');
    expect(result.bars.map((bar) => [bar.year, bar.count])).toEqual([
      [2019, 1],
      [2020, 0],
      [2021, 0],
      [2022, 2],
    ]);
    expect(timeline([at('2019-06-01T10:00:00Z'), at('2022-05-01T10:00:00Z')]).unit).toBe('month');
  });

  it('lays bars out in the viewBox, tallest at full height, empty ones flat', () => {
    const geometry = chartGeometry(timeline([at('2025-01-10T10:00:00Z'), at('2025-01-11T10:00:00Z'), at('2025-03-10T10:00:00Z')]), 300, 100);
    expect(geometry.bars.map((bar) => bar.height)).toEqual([96, 0, 48]);
    expect(geometry.bars.map((bar) => bar.y)).toEqual([4, 100, 52]);
    // January is labelled with its year (as on charts of longer spans), the other months as Slovenian abbreviates them.
    expect(geometry.bars.map((bar) => bar.label)).toEqual(['2025', 'feb.', 'mar.']);
    expect(geometry.bars.every((bar) => bar.labelWhenNarrow)).toBe(true);
    expect(geometry.bars[2]!.x + geometry.bars[2]!.width).toBeLessThanOrEqual(300);
  });

  const monthly = (from: string, months: number) => {
    const start = new Date(`${from}-15T10:00:00Z`);
    return timeline(Array.from({ length: months }, (_, index) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + index, 15, 10))));
  };
  const labels = (data: Timeline, narrow = false) =>
    chartGeometry(data)
      .bars.filter((bar) => bar.label !== undefined && (!narrow || bar.labelWhenNarrow))
      .map((bar) => bar.label);

  it('labels at most twelve bars, and at most six of them on a narrow chart', () => {
    const year = monthly('2025-01', 12);
    expect(labels(year)).toHaveLength(12);
    expect(labels(year)).toEqual(['2025', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'avg.', 'sep.', 'okt.', 'nov.', 'dec.']);
    expect(labels(year, true)).toEqual(['2025', 'mar.', 'maj', 'jul.', 'sep.', 'nov.']);
    const twentyYears = timeline(Array.from({ length: 20 }, (_, index) => new Date(Date.UTC(2000 + index, 5, 1))));
    expect(labels(twentyYears)).toEqual(['2000', '2002', '2004', '2006', '2008', '2010', '2012', '2014', '2016', '2018']);
    expect(labels(twentyYears, true)).toEqual(['2000', '2004', '2008', '2012', '2016']);
  });

  it('keeps the year under January on a narrow chart, where only every other month is labelled', () => {
    // December 2025 to November 2026: the year is said only under January, the second bar.
    const span = monthly('2025-12', 12);
    expect(labels(span).slice(0, 3)).toEqual(['dec.', '2026', 'feb.']);
    expect(labels(span, true)).toEqual(['2026', 'mar.', 'maj', 'jul.', 'sep.', 'nov.']);
  });

  it('labels the first bar with its year when a chart of up to twelve months has no January', () => {
    // March to November 2025: with the months alone the axis would not say which year they are in.
    expect(labels(monthly('2025-03', 9))).toEqual(['2025', 'apr.', 'maj', 'jun.', 'jul.', 'avg.', 'sep.', 'okt.', 'nov.']);
    expect(labels(monthly('2025-03', 9), true)[0]).toBe('2025');
    expect(labels(monthly('2025-11', 1))).toEqual(['2025']);
  });

  it('labels the years of a long monthly chart at their Januaries, and the first bar only when no January is close', () => {
    expect(labels(monthly('2023-02', 34))).toEqual(['2023', '2024', '2025']);
    // December 2023 to November 2025: "2023" under the first bar would run into "2024" one bar later.
    expect(labels(monthly('2023-12', 24))).toEqual(['2024', '2025']);
  });
});

describe('coMentions', () => {
  it('counts articles naming both, most first, then by surname', () => {
    const people = new Map(['a', 'Bojan Čok', 'Ana Žagar', 'Cene Zupan'].map((name) => [personFromName(name).id, personFromName(name)]));
    const article = (ids: string[]) => ({ people: ids }) as unknown as Article;
    const result = coMentions('a', [article(['a', 'ana-zagar', 'bojan-cok']), article(['a', 'ana-zagar']), article(['a', 'cene-zupan'])], people);
    expect(result.map((entry) => [entry.person.name, entry.count])).toEqual([
      ['Ana Žagar', 2],
      ['Bojan Čok', 1],
      ['Cene Zupan', 1],
    ]);
  });

  it('orders equal counts by surname, then first name, as /osebe/ does (Čok before Zupan whatever the first names)', () => {
    const names = ['a', 'Ana Zupan', 'Žan Čok', 'Cene Šuštar', 'Bor Sever', 'Nataša Pirc Musar'];
    const people = new Map(names.map((name) => [personFromName(name).id, personFromName(name)]));
    people.set('natasa-pirc-musar', { ...people.get('natasa-pirc-musar')!, surname: 'Pirc Musar' });
    const article = (ids: string[]) => ({ people: ids }) as unknown as Article;
    const result = coMentions('a', [article(['a', 'ana-zupan', 'zan-cok', 'cene-sustar', 'bor-sever', 'natasa-pirc-musar'])], people);
    expect(result.map((entry) => entry.person.name)).toEqual(['Žan Čok', 'Nataša Pirc Musar', 'Bor Sever', 'Cene Šuštar', 'Ana Zupan']);
  });
});
