import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import type { BuildProgress } from '../build.ts';
import { checkOutputContents, checkOutputLocation } from '../pipeline/folders.ts';
import { processExists } from '../process.ts';
import { tidyAfterKilledBuilds } from './side-trees.ts';

/**
 * One build at a time per output folder. A build brings the spare tree beside dist/ up to date and swaps it
 * in, keeping a record of both trees in .cache/ (publish.ts); two builds of one site at once would both
 * update the same spare tree and each record it as their own. Seen before this lock: search files left in
 * dist/ that no record named, and so kept by every later build; a build that stopped with output/not-ours
 * because it looked at dist/ in the middle of the other's swap. The second build now waits for the first,
 * and then sees what the first published.
 *
 * The lock is a folder beside the output folder (`.dist-lock` for dist/; mkdir either makes it or fails,
 * on every file system), with a file naming the build that holds it. A build that was killed leaves it
 * behind; the next one takes it over when the process it names is gone (same machine), or was from before
 * the machine last started.
 *
 * `arhivar check` holds it too while it reads dist/'s links, so that it never reads a tree in the middle of
 * a swap (half of one site, half of the next, or a moment with no dist/ at all).
 */

/** What holds the lock: a build, which replaces the output folder, or a check, which only reads it. */
export type LockCommand = 'build' | 'check';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
  /** Tells this holder's lock from a later one of the same process id. */
  token: string;
  /** Missing in a lock left by an arhivar from before checks took it: that was a build. */
  command?: LockCommand;
}

export interface OutputLock {
  /** The lock folder. */
  readonly path: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Told once, when another build holds the lock and this one starts to wait (holder undefined: not yet known). */
  onWait?: ((holder: LockHolder | undefined, lockPath: string) => void) | undefined;
  /** How often to look again while waiting (100 ms). */
  pollMs?: number | undefined;
  /** Recorded in the lock, so that whoever waits for it can say what it waits for ('build' by default). */
  command?: LockCommand | undefined;
}

const HOLDER_FILE = 'holder.json';

/**
 * A lock folder without its holder file belongs to a build between its mkdir and its write, unless it is
 * older than this (a build killed at that very moment).
 */
const HOLDERLESS_STALE_MS = 10_000;

export function outputLockPath(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-lock`);
}

/** Who is told while a build waits for another: the caller's own callback, and its progress line. */
export interface WaitListeners {
  onWaitForOtherBuild?: LockOptions['onWait'];
  onProgress?: ((progress: BuildProgress) => void) | undefined;
}

/**
 * What every build does around its work on an output folder: checks where the folder is, takes its lock
 * (waiting for another build), puts right what a killed build left, checks what the folder holds (only now,
 * when no other build can be in the middle of a swap), runs `work` and lets the lock go.
 */
export async function holdingOutputFolder<T>(root: string, outDir: string, listeners: WaitListeners, work: () => Promise<T>): Promise<T> {
  await checkOutputLocation(root, outDir);
  let waited = false;
  const lock = await lockOutput(outDir, {
    onWait: (holder, lockPath) => {
      waited = true;
      listeners.onProgress?.({ phase: 'waiting', articlesRead: 0, pagesWritten: 0, waitingFor: holder?.command ?? 'build' });
      listeners.onWaitForOtherBuild?.(holder, lockPath);
    },
  });
  if (waited) listeners.onProgress?.({ phase: 'reading', articlesRead: 0, pagesWritten: 0 });
  try {
    await tidyAfterKilledBuilds(outDir);
    await checkOutputContents(root, outDir);
    return await work();
  } finally {
    await lock.release();
  }
}

/** Waits until no other build holds the output folder's lock, then holds it until `release()`. */
export async function lockOutput(outDir: string, options: LockOptions = {}): Promise<OutputLock> {
  const lockPath = outputLockPath(outDir);
  await mkdir(path.dirname(lockPath), { recursive: true });
  let told = false;
  for (;;) {
    const taken = await tryLock(lockPath, options.command ?? 'build');
    if (taken) return taken;
    const holder = await readHolder(lockPath);
    if (await isStale(lockPath, holder)) {
      await removeStale(lockPath, holder);
      continue;
    }
    if (!told) {
      told = true;
      options.onWait?.(holder, lockPath);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}

async function tryLock(lockPath: string, command: LockCommand): Promise<OutputLock | undefined> {
  try {
    await mkdir(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex'), command };
  try {
    await writeFile(path.join(lockPath, HOLDER_FILE), JSON.stringify(holder));
  } catch (error) {
    // A full disk: without its holder file the lock would hold up the next build for HOLDERLESS_STALE_MS.
    await rm(lockPath, { recursive: true, force: true });
    throw error;
  }
  let released = false;
  return {
    path: lockPath,
    release: async () => {
      if (released) return;
      released = true;
      // Only our own lock: one taken over from us as stale (it cannot be, while we run) is not ours to remove.
      if ((await readHolder(lockPath))?.token === holder.token) await rm(lockPath, { recursive: true, force: true });
    },
  };
}

async function readHolder(lockPath: string): Promise<LockHolder | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path.join(lockPath, HOLDER_FILE), 'utf8'));
    const holder = value as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.startedAt === 'string' && typeof holder.token === 'string') {
      const command = holder.command === 'check' ? 'check' : 'build';
      return { pid: holder.pid, host: holder.host, startedAt: holder.startedAt, token: holder.token, command };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

async function isStale(lockPath: string, holder: LockHolder | undefined): Promise<boolean> {
  const made = await stat(lockPath).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
  // Gone already: the holder released it, so try again at once.
  if (made === undefined) return false;
  const bootedAt = Date.now() - uptime() * 1000;
  if (made < bootedAt) return true;
  if (!holder) return Date.now() - made > HOLDERLESS_STALE_MS;
  // A build on another machine (a shared folder) cannot be asked about: it is waited for.
  if (holder.host !== hostname()) return false;
  return !processExists(holder.pid);
}

/**
 * Moves the stale lock aside before deleting it. When two waiting builds find the same stale lock, the one
 * that comes second may already be looking at the first one's new lock: it moves that back if it can.
 * Exported for its test: the race cannot be staged through lockOutput.
 */
export async function removeStale(lockPath: string, judged: LockHolder | undefined): Promise<void> {
  const aside = `${lockPath}-stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  if (moved?.token !== judged?.token) {
    await rename(aside, lockPath).catch(() => undefined);
    return;
  }
  await rm(aside, { recursive: true, force: true });
}
