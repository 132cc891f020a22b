import { readFileSync } from 'node:fs';
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
    maxRssKb: ownPeakRssKb(readOwnStatus(), usage.maxRSS),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/**
 * This process's peak RSS since it started, worker threads included (they live in it): VmHWM of
 * /proc/self/status. Not ru_maxrss, which Linux carries over exec from the process forked to start this one, a
 * copy of the bench's memory: a no-change rebuild whose own peak was 79 MiB gave 406 MiB by ru_maxrss when the
 * process that started it held 444 MiB. Where there is no /proc (macOS), ru_maxrss is all there is.
 */
export function ownPeakRssKb(status: string | undefined, maxRssKb: number): number {
  const peak = status === undefined ? undefined : /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return peak === undefined ? maxRssKb : Number(peak);
}

function readOwnStatus(): string | undefined {
  try {
    return readFileSync('/proc/self/status', 'utf8');
  } catch {
    return undefined;
  }
}
