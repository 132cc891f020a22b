import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/run.ts';

describe('npm run bench (issue 6)', () => {
  it('builds a small synthetic archive cold, unchanged and after one edit, and prints a table', async () => {
    const result = await runBench({ articles: 40, people: 12, runs: 1 });
    const [cold, unchanged, edited] = result.scenarios;
    expect(result.scenarios.map((scenario) => scenario.name)).toEqual(['cold build', 'no-change rebuild', 'one-article rebuild']);
    // 40 articles, 12 people pages, 2 index pages (pageSize 20), the people index and the 404 page.
    expect(cold!.median.pages).toBe(40 + 12 + 2 + 1 + 1);
    expect(cold!.median.filesWritten).toBe(cold!.median.pages + 1);
    expect(unchanged!.median.filesWritten).toBe(0);
    expect(edited!.median.filesWritten).toBe(1);
    for (const stage of ['load', 'parse', 'collect', 'render', 'write'] as const) expect(cold!.median.timings[stage]).toBeGreaterThan(0);
    expect(cold!.median.maxRssKb).toBeGreaterThan(0);
    expect(result.table).toMatch(/^\| cold build \| [\d.]+ \|/m);
    expect(result.table).toMatch(/^\| one-article rebuild \|.*\| 1 \|/m);
  });
});
