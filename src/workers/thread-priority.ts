import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of background workers, the lowest priority: a thread at 0 gets about 68 times their share of a busy core. */
export const BACKGROUND_NICE = 19;

/**
 * Lowers the scheduling priority of the calling thread alone, by giving it the nice value `nice` (Linux
 * keeps one per thread; `setpriority` given a thread's id changes that thread only). The dev server's
 * first load runs its Markdown workers so, because on a fresh checkout the main thread must validate every
 * article's front matter before it can show the home page, and two workers at full priority took a third
 * of its core on a 2-core machine. An unprivileged process cannot raise a priority again, so the
 * workers keep it until they stop; on an idle machine it costs them nothing.
 *
 * Elsewhere than Linux it does nothing and returns false: on other systems a thread's id is not a process
 * id, and `setPriority` given one would change some other process.
 */
export function lowerThreadPriority(nice: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
