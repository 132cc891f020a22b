import { readdir, readFile } from 'node:fs/promises';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../../src/workers/thread-priority.ts';
import { compileWorker } from '../../../src/workers/compile.ts';
import { MarkdownPool } from '../../../src/workers/markdown-pool.ts';
import { makeTempDir, removeDir } from '../../helpers.ts';

/** The nice value of one thread of this process, from /proc (field 19 of its stat line). */
async function niceOf(tid: number): Promise<number> {
  const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; count from the ')' that ends it.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Thread ids of this process. */
async function threadIds(): Promise<number[]> {
  return (await readdir('/proc/self/task')).map(Number);
}

describe.runIf(process.platform === 'linux')('background Markdown workers (Linux)', () => {
  // Relative to the nice value the tests were started with (`nice npm test` starts every thread at 10).
  it.skipIf(getPriority() >= BACKGROUND_NICE)('run at a lower priority than the main thread, which keeps its own', async () => {
    const own = getPriority();
    const root = await makeTempDir();
    const before = new Set(await threadIds());
    const pool = new MarkdownPool({ workerFile: await compileWorker(root, 'workers/markdown-worker.ts'), size: 1, timeLimitMs: 10_000, background: true });
    try {
      // Once it has rendered a task, the worker has run its first lines.
      await pool.render('Prvi.');
      const lowered: number[] = [];
      for (const tid of await threadIds()) if (!before.has(tid) && (await niceOf(tid).catch(() => 0)) === BACKGROUND_NICE) lowered.push(tid);
      // The worker's own thread, and no other thread it brought (V8's and libuv's keep theirs).
      expect(lowered).toHaveLength(1);
      expect(getPriority()).toBe(own);
      expect(await niceOf(process.pid)).toBe(own);
    } finally {
      await pool.close();
      await removeDir(root);
    }
  });

  it('run at the main thread’s priority unless asked', async () => {
    const own = getPriority();
    const root = await makeTempDir();
    const before = new Set(await threadIds());
    const pool = new MarkdownPool({ workerFile: await compileWorker(root, 'workers/markdown-worker.ts'), size: 1, timeLimitMs: 10_000 });
    try {
      await pool.render('Prvi.');
      for (const tid of await threadIds()) if (!before.has(tid)) expect(await niceOf(tid).catch(() => own)).toBe(own);
    } finally {
      await pool.close();
      await removeDir(root);
    }
  });

});
