import { buildUnlessUnchanged } from '../pipeline/unchanged.ts';
import type { Timings } from '../pipeline/timings.ts';

export interface ChildReport {
  pages: number;
  filesWritten: number | undefined;
  elapsedMs: number;
  timings: Timings;
  userMs: number;
  systemMs: number;
  maxRssKb: number;
}

/** argv: ROOT. Builds ROOT into ROOT/dist and prints one JSON line (ChildReport) on stdout. */
export async function runMeasuredBuild(argv: readonly string[]): Promise<void> {
  const root = argv[0];
  if (!root) throw new Error('usage: child.js ROOT');
  const timings: Timings = {};
  const result = await buildUnlessUnchanged({ root, timings, now: new Date('2026-06-01T00:00:00Z') });
  const usage = process.resourceUsage();
  const report: ChildReport = {
    pages: result.pagesWritten,
    filesWritten: result.filesWritten,
    elapsedMs: result.elapsedMs,
    timings,
    userMs: usage.userCPUTime / 1000,
    systemMs: usage.systemCPUTime / 1000,
    // ru_maxrss of this process: worker threads live in it, so this is the whole build.
    maxRssKb: usage.maxRSS,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
