import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProgress, startProgressLine } from '../../../src/commands/progress.ts';
import { main, type Io } from '../../../src/cli.ts';
import { build, type BuildProgress } from '../../../src/build.ts';
import { lockOutput } from '../../../src/output/build-lock.ts';
import { copyFixture, removeDir } from '../../helpers.ts';
import path from 'node:path';

describe('formatProgress', () => {
  it('shows the phase, the counts with thousands separators and the elapsed seconds', () => {
    expect(formatProgress({ phase: 'reading', articlesRead: 0, pagesWritten: 0 }, 1234)).toBe('reading content · 0 pages written · 1.2 s');
    expect(formatProgress({ phase: 'writing', articlesRead: 10000, pagesWritten: 10412 }, 8200)).toBe('10,000 articles read · 10,412 pages written · 8.2 s');
    expect(formatProgress({ phase: 'waiting', articlesRead: 0, pagesWritten: 0 }, 3120)).toBe('waiting for another build of this site · 3.1 s');
    expect(formatProgress({ phase: 'waiting', articlesRead: 0, pagesWritten: 0, waitingFor: 'build' }, 3120)).toBe('waiting for another build of this site · 3.1 s');
    expect(formatProgress({ phase: 'waiting', articlesRead: 0, pagesWritten: 0, waitingFor: 'check' }, 450)).toBe('waiting for arhivar check of this site · 0.5 s');
  });
});

describe('startProgressLine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws nothing when the stream is not a terminal', () => {
    expect(startProgressLine({ isTTY: false, write: () => undefined })).toBeUndefined();
  });

  it('redraws one line at most once per tick however many updates arrive, and clears it at the end', () => {
    const written: string[] = [];
    let clock = 0;
    const line = startProgressLine({ isTTY: true, write: (text) => written.push(text) }, () => clock)!;
    // 1,000 updates within one tick: nothing drawn yet.
    for (let page = 1; page <= 1000; page++) line.update({ phase: 'writing', articlesRead: 900, pagesWritten: page });
    expect(written).toEqual([]);
    // A synchronous stretch (no timer fires) still redraws once a tick has passed on the clock.
    clock = 140;
    line.update({ phase: 'writing', articlesRead: 900, pagesWritten: 1001 });
    line.update({ phase: 'writing', articlesRead: 900, pagesWritten: 1002 });
    expect(written).toEqual(['\r\x1b[2K900 articles read · 1,001 pages written · 0.1 s']);
    // The timer keeps the elapsed time moving while nothing reports.
    clock = 300;
    vi.advanceTimersByTime(100);
    expect(written.at(-1)).toBe('\r\x1b[2K900 articles read · 1,002 pages written · 0.3 s');
    const drawn = written.length;
    line.stop();
    expect(written.at(-1)).toBe('\r\x1b[2K');
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(drawn + 1);
  });
});

describe('build onProgress', () => {
  it('reports every article read, then every page written, ending at the total', async () => {
    const root = await copyFixture('archive-basic');
    try {
      const events: BuildProgress[] = [];
      const result = await build({ root, outDir: path.join(root, 'dist'), now: new Date('2026-01-01T00:00:00Z'), onProgress: (event) => events.push(event) });
      expect(events[0]).toEqual({ phase: 'reading', articlesRead: 0, pagesWritten: 0 });
      expect(events.filter((event) => event.phase === 'reading').map((event) => event.articlesRead)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(events.at(-1)).toEqual({ phase: 'writing', articlesRead: 5, pagesWritten: result.pagesWritten });
      expect(events.filter((event) => event.phase === 'writing').map((event) => event.pagesWritten)).toEqual([...Array(result.pagesWritten + 1).keys()]);
    } finally {
      await removeDir(root);
    }
  });
});

describe('build onProgress while another build holds the output folder', () => {
  it('reports waiting, then reading once the other build is done', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(root, 'dist');
    const held = await lockOutput(outDir);
    try {
      const events: BuildProgress[] = [];
      const building = build({ root, outDir, now: new Date('2026-01-01T00:00:00Z'), onProgress: (event) => events.push(event) });
      while (events.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(events).toEqual([{ phase: 'waiting', articlesRead: 0, pagesWritten: 0, waitingFor: 'build' }]);
      await held.release();
      await building;
      expect(events[1]).toEqual({ phase: 'reading', articlesRead: 0, pagesWritten: 0 });
      expect(events.filter((event) => event.phase === 'waiting')).toHaveLength(1);
    } finally {
      await held.release();
      await removeDir(root);
    }
  });
});

describe('arhivar build output', () => {
  it('off a terminal prints only the one summary line', async () => {
    const root = await copyFixture('archive-basic');
    try {
      const stdout: string[] = [];
      const progress: string[] = [];
      const io: Io = { out: (line) => stdout.push(line), err: () => undefined, progress: { isTTY: false, write: (text) => progress.push(text) } };
      expect(await main(['build', '--root', root, '--out', path.join(root, 'dist')], io)).toBe(0);
      expect(stdout).toHaveLength(1);
      expect(stdout[0]).toMatch(/^built \d+ pages from 5 articles in \d+\.\d s$/);
      expect(progress).toEqual([]);
    } finally {
      await removeDir(root);
    }
  });
});
