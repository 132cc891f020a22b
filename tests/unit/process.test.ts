import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processExists } from '../../src/process.ts';

describe('processExists', () => {
  it('finds this process and not one that has ended', async () => {
    expect(processExists(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    expect(processExists(child.pid!)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('does not count a killed process its parent has not waited for (a zombie)', async () => {
    // sh starts a short child and then becomes `sleep 2`, which never waits for it: the child stays a zombie.
    const { pid: zombie, ended } = await new Promise<{ pid: number; ended: Promise<void> }>((resolve, reject) => {
      const parent = execFile('sh', ['-c', 'true & echo $!; exec sleep 2'], (error) => error && reject(error));
      const ended = new Promise<void>((done) => parent.on('exit', () => done()));
      parent.stdout!.once('data', (chunk: Buffer) => resolve({ pid: Number(chunk.toString().trim()), ended }));
    });
    // Give the short child time to end.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(() => process.kill(zombie, 0)).not.toThrow();
    expect(processExists(zombie)).toBe(false);
    await ended;
  });
});
