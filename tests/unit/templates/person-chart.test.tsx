import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { MentionChart } from '../../../templates/person.tsx';

describe('MentionChart', () => {
  it("writes every count as the text around it does, with the thousands separator (12.345), in the bars' names and the table", () => {
    const bars = [
      { year: 2024, month: 11, count: 12_345 },
      { year: 2024, month: 12, count: 1_002 },
      { year: 2025, month: 1, count: 7 },
    ];
    const html = renderToString(<MentionChart timeline={{ unit: 'month', bars, max: 12_345 }} name="Janez Novak" />);
    const cells = [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(cells).toEqual(['12.345', '1002', '7']);
    expect(html).toContain('<title>november 2024: 12.345\u00a0člankov</title>');
    expect(html).toContain('Največ: 12.345\u00a0člankov (november 2024).');
  });

  // Not only the first of equal periods: »Največ: 1 članek (marec 2025)« read as if no other month had as many.
  it.each([
    ['month', [[2025, 3, 1], [2025, 4, 0], [2025, 5, 0], [2025, 6, 0], [2025, 7, 1]], 'Največ: 1\u00a0članek (marec in julij 2025).'],
    ['month', [[2024, 12, 2], [2025, 1, 0], [2025, 2, 2]], 'Največ: 2\u00a0članka (december 2024 in februar 2025).'],
    ['month', [[2025, 1, 3], [2025, 2, 3], [2025, 3, 1], [2025, 4, 3]], 'Največ: 3\u00a0članki (januar, februar in april 2025).'],
    ['month', [[2025, 1, 1], [2025, 2, 1], [2025, 3, 1], [2025, 4, 1]], 'Največ: 1\u00a0članek (v 4\u00a0mesecih, nazadnje aprila 2025).'],
    ['year', [[2021, undefined, 3], [2022, undefined, 1], [2023, undefined, 3]], 'Največ: 3\u00a0članki (2021 in 2023).'],
    ['year', [[2021, undefined, 5], [2022, undefined, 5], [2023, undefined, 5], [2024, undefined, 5], [2025, undefined, 5]], 'Največ: 5\u00a0člankov (v 5\u00a0letih, nazadnje leta 2025).'],
  ] as const)('names every busiest %s, or how many there are and the last: %j', (unit, rows, expected) => {
    const bars = rows.map(([year, month, count]) => ({ year, month, count }));
    const max = Math.max(...bars.map((bar) => bar.count));
    const html = renderToString(<MentionChart timeline={{ unit, bars, max }} name="Janez Novak" />);
    expect(/<desc [^>]*>([^<]*)</.exec(html)![1]).toBe(`${expected} Število za vsako obdobje je v preglednici pod diagramom.`);
  });

  // The year is said once when both ends are in it, as the busiest months are (»marec in julij 2025«).
  it.each([
    ['month', [[2025, 1], [2025, 2], [2025, 3]], 'Stolpčni diagram, od januarja do marca 2025'],
    ['month', [[2024, 11], [2024, 12], [2025, 1]], 'Stolpčni diagram, od novembra 2024 do januarja 2025'],
    ['month', [[2025, 5]], 'Stolpčni diagram, maj 2025'],
    ['year', [[2021], [2022], [2023], [2024]], 'Stolpčni diagram, od leta 2021 do leta 2024'],
  ] as const)('names the span of %s bars: %j', (unit, rows, expected) => {
    const bars = rows.map(([year, month]) => ({ year, month, count: 1 }));
    const html = renderToString(<MentionChart timeline={{ unit, bars, max: 1 }} name="Janez Novak" />);
    expect(/<title id="[^"]*-title">([^<]*)</.exec(html)![1]).toBe(expected);
  });
});
