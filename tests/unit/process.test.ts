import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processExists, whenParentEnds } from '../../src/process.ts';

describe('processExists', () => {
  it('finds this process and not one that has ended', async () => {
    expect(processExists(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    expect(processExists(child.pid!)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('does not count a killed process its parent has not waited for (a zombie)', async () => {
    // sh starts a short child and then becomes `sleep 30`, which never waits for it: the child stays a zombie
    // until sleep ends (killed below; 30 s so that a loaded machine cannot end it first). The child lives
    // 0.3 s, so it ends after the exec: a child that ended before it (`true`) could be reaped by sh itself,
    // and then there was no zombie to find (kill ESRCH, seen once in a full run).
    const parent = execFile('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 30']);
    const ended = new Promise<void>((done) => parent.on('exit', () => done()));
    try {
      const zombie = await new Promise<number>((resolve) => parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
      // Give the short child time to end: until then it is a live process.
      for (let wait = 0; wait < 100 && processExists(zombie); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(() => process.kill(zombie, 0)).not.toThrow();
      expect(processExists(zombie)).toBe(false);
    } finally {
      parent.kill();
      await ended;
    }
  });
});

describe('whenParentEnds', () => {
  // The parent is the one at start-up: npm ended while the dev server was still starting (2.5 s for Vite and the
  // bundle), before the watch began, and the server, orphaned by then, took its new parent for the one to watch.
  it('tells a parent that ended before the watch began', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    const told = await new Promise<number>((resolve) => whenParentEnds(resolve, 20, child.pid!));
    expect(told).toBe(child.pid);
  });
});
