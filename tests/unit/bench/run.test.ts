import { describe, expect, it } from 'vitest';
import type { ChildReport } from '../../../src/bench/child.ts';
import { formatTable, summarise } from '../../../src/bench/run.ts';

const run = (userS: number, systemS: number): { report: ChildReport; wallMs: number } => ({
  report: { pages: 100, filesWritten: 120, elapsedMs: 1000, timings: {}, userMs: userS * 1000, systemMs: systemS * 1000, maxRssKb: 100 * 1024 },
  wallMs: 1200,
});

describe('npm run bench: the table of builds', () => {
  it("gives as a row's CPU the median of its runs' user+system time, not the sum of the two medians, which may be no run's", () => {
    // Cold builds right after a deletion spend very different shares in the kernel: 40, 34 and 26 s in all.
    // The medians of user (25 s) and system time (10 s) come from different runs and add up to 35 s.
    const scenario = summarise('cold build', [run(30, 10), run(20, 14), run(25, 1)]);
    expect(scenario.cpuMs).toBe(34_000);
    const table = formatTable({ articles: 40, people: 12, runs: 3 }, [scenario]).split('\n');
    const header = table.find((line) => line.startsWith('| build |'))!.split('|').map((cell) => cell.trim());
    const row = table.find((line) => line.startsWith('| cold build |'))!.split('|').map((cell) => cell.trim());
    expect(row[header.indexOf('CPU user+sys s')]).toBe('34.00');
    expect(row[header.indexOf('of it system s')]).toBe('10.00');
  });
});
