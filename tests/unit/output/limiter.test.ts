import { describe, expect, it } from 'vitest';
import { Limiter } from '../../../src/output/publish.ts';

/** A job that finishes when its `finish` is called. */
function gate() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { job: () => done, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Limiter (the write queue of publish.ts)', () => {
  it('runs at most `limit` jobs at once, in the order given, and drain waits for all', async () => {
    const limiter = new Limiter(2);
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => gate());
    gates.forEach((entry, n) =>
      limiter.run(() => {
        started.push(n);
        return entry.job();
      }),
    );
    expect(started).toEqual([0, 1]);
    gates[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    let drained = false;
    void limiter.drain().then(() => (drained = true));
    for (const entry of gates) entry.finish();
    await tick();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(drained).toBe(true);
  });

  it('roomFor waits until no more than the given number of jobs wait to start (rendering waits for the disk)', async () => {
    const limiter = new Limiter(1);
    const gates = Array.from({ length: 4 }, () => gate());
    for (const entry of gates) limiter.run(entry.job);
    // One runs, three wait.
    let roomForOne = false;
    void limiter.roomFor(1).then(() => (roomForOne = true));
    await tick();
    expect(roomForOne).toBe(false);
    gates[0]!.finish();
    await tick();
    expect(roomForOne).toBe(false);
    gates[1]!.finish();
    await tick();
    expect(roomForOne).toBe(true);
    await expect(limiter.roomFor(5)).resolves.toBeUndefined();
    for (const entry of gates) entry.finish();
    await limiter.drain();
  });

  it('rethrows the first failure from drain, after the other jobs ran', async () => {
    const limiter = new Limiter(2);
    let ran = 0;
    limiter.run(async () => {
      throw new Error('disk full');
    });
    for (let n = 0; n < 3; n++) limiter.run(async () => void ran++);
    await expect(limiter.drain()).rejects.toThrow('disk full');
    expect(ran).toBe(3);
  });
});
