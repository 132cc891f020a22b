import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockOutput, outputLockPath, removeStale, type LockHolder } from '../../../src/output/build-lock.ts';
import { makeTempDir } from '../../helpers.ts';

const POLL_MS = 10;

/** Resolves to 'settled' if the promise settles within `ms`, 'pending' otherwise. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  return Promise.race([promise.then(() => 'settled' as const), new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

/** The id of a process that has ended: a child started and waited for. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

async function leaveLock(outDir: string, holder: Partial<LockHolder> | undefined): Promise<string> {
  const lockPath = outputLockPath(outDir);
  await mkdir(lockPath);
  if (holder) await writeFile(path.join(lockPath, 'holder.json'), JSON.stringify({ startedAt: new Date().toISOString(), token: 'left-behind', ...holder }));
  return lockPath;
}

describe('the output folder lock (one build at a time)', () => {
  it('lies beside the output folder, under a name .gitignore already covers', () => {
    expect(outputLockPath('/projekt/dist')).toBe('/projekt/.dist-lock');
    expect(outputLockPath('/projekt/objava/splet')).toBe('/projekt/objava/.splet-lock');
  });

  it('makes a second build wait for the first to let go, and tells it once who it waits for', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    const first = await lockOutput(outDir);
    const told: (LockHolder | undefined)[] = [];
    const second = lockOutput(outDir, { pollMs: POLL_MS, onWait: (holder) => told.push(holder) });
    expect(await settlesWithin(second, 200)).toBe('pending');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ pid: process.pid, host: hostname() });
    await first.release();
    const held = await second;
    expect(JSON.parse(await readFile(path.join(held.path, 'holder.json'), 'utf8')).token).not.toBe(told[0]!.token);
    await held.release();
    await expect(stat(held.path)).rejects.toMatchObject({ code: 'ENOENT' });
    // The parent folder holds nothing else afterwards.
    expect(await readdir(path.dirname(outDir))).toEqual([]);
  });

  it('records whether a build or a check holds it; a lock without that (an older arhivar) is a build', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    for (const [command, expected] of [['check', 'check'], [undefined, 'build']] as const) {
      const first = command ? await lockOutput(outDir, { command }) : undefined;
      const lockPath = first?.path ?? (await leaveLock(outDir, { pid: process.pid, host: hostname() }));
      const told: (LockHolder | undefined)[] = [];
      const second = lockOutput(outDir, { pollMs: POLL_MS, onWait: (holder) => told.push(holder) });
      expect(await settlesWithin(second, 100)).toBe('pending');
      expect(told.map((holder) => holder?.command)).toEqual([expected]);
      if (first) await first.release();
      else await rm(lockPath, { recursive: true });
      const held = await second;
      expect(JSON.parse(await readFile(path.join(held.path, 'holder.json'), 'utf8')).command).toBe('build');
      await held.release();
    }
  });

  it('takes over a lock whose build was killed: its process is gone', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    await leaveLock(outDir, { pid: await endedPid(), host: hostname() });
    let told = false;
    const lock = await lockOutput(outDir, { pollMs: POLL_MS, onWait: () => (told = true) });
    expect(told).toBe(false);
    await lock.release();
    expect(await readdir(path.dirname(outDir))).toEqual([]);
  });

  it('takes over a lock from before the machine started, even when its process id is in use again', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    const lockPath = await leaveLock(outDir, { pid: process.pid, host: hostname() });
    const beforeBoot = new Date(Date.now() - uptime() * 1000 - 60_000);
    await utimes(lockPath, beforeBoot, beforeBoot);
    const lock = await lockOutput(outDir, { pollMs: POLL_MS });
    await lock.release();
  });

  it('waits for a lock of a live process, and for one held on another machine, which it cannot ask about', async () => {
    for (const holder of [{ pid: process.pid, host: hostname() }, { pid: await endedPid(), host: 'drug-streznik' }]) {
      const outDir = path.join(await makeTempDir(), 'dist');
      const lockPath = await leaveLock(outDir, holder);
      const waiting = lockOutput(outDir, { pollMs: POLL_MS });
      expect(await settlesWithin(waiting, 200), holder.host).toBe('pending');
      // As the message tells a user to, when no build is running.
      await rm(lockPath, { recursive: true });
      await (await waiting).release();
    }
  });

  it('waits for a lock folder without its holder file (a build between its mkdir and its write) unless it is old', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    const lockPath = await leaveLock(outDir, undefined);
    const waiting = lockOutput(outDir, { pollMs: POLL_MS });
    expect(await settlesWithin(waiting, 200)).toBe('pending');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);
    await (await waiting).release();
  });

  it('removes a lock judged stale only if it is still that lock, not one another build took meanwhile', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    const holder = (token: string): LockHolder => ({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token });
    const lockPath = await leaveLock(outDir, holder('nov'));
    // Judged stale as the lock of "star", which another waiting build has since replaced by its own.
    await removeStale(lockPath, holder('star'));
    expect(JSON.parse(await readFile(path.join(lockPath, 'holder.json'), 'utf8')).token).toBe('nov');
    expect(await readdir(path.dirname(outDir))).toEqual(['.dist-lock']);
    await removeStale(lockPath, holder('nov'));
    expect(await readdir(path.dirname(outDir))).toEqual([]);
  });

  it('releases only its own lock, and only once', async () => {
    const outDir = path.join(await makeTempDir(), 'dist');
    const lock = await lockOutput(outDir);
    // As if another build had taken it over meanwhile (it cannot while this process runs, but the release must not rely on that).
    await writeFile(path.join(lock.path, 'holder.json'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: 'someone-else' }));
    await lock.release();
    expect((await stat(lock.path)).isDirectory()).toBe(true);
  });
});
