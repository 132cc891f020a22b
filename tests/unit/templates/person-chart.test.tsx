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
});
