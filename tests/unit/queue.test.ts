import { describe, expect, it } from 'vitest';
import { Queue, RoomWaiters } from '../../src/queue.ts';

describe('Queue', () => {
  it('hands items out oldest first and says when it is empty', () => {
    const queue = new Queue<number>();
    expect(queue.shift()).toBeUndefined();
    for (const n of [1, 2, 3]) queue.push(n);
    expect(queue.length).toBe(3);
    expect([queue.shift(), queue.shift()]).toEqual([1, 2]);
    queue.push(4);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual([3, 4, undefined]);
    expect(queue.length).toBe(0);
  });

  it('keeps the order when items are added as fast as they are taken, past the point where it drops its front', () => {
    const queue = new Queue<number>();
    const taken: number[] = [];
    let next = 0;
    for (let n = 0; n < 500; n++) queue.push(next++);
    // Never empties, so only the half-empty compaction keeps it small.
    for (let round = 0; round < 20_000; round++) {
      queue.push(next++);
      taken.push(queue.shift()!);
      expect(queue.length).toBe(500);
    }
    while (queue.length > 0) taken.push(queue.shift()!);
    expect(taken).toEqual(Array.from({ length: next }, (_, n) => n));
  });

  it('puts items back at the front in their order', () => {
    const queue = new Queue<string>();
    for (const item of ['c', 'd', 'e']) queue.push(item);
    expect(queue.shift()).toBe('c');
    queue.unshiftAll(['a', 'b']);
    expect(queue.length).toBe(4);
    expect(queue.shift()).toBe('a');
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual(['b', 'd', 'e']);
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
    queue.unshiftAll([]);
    queue.push('f');
    expect([queue.shift(), queue.shift()]).toEqual(['f', undefined]);
  });
});

// Lets every promise callback that can run, run.
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('RoomWaiters', () => {
  it('lets each waiter go once the count reaches its own limit, not before', async () => {
    const room = new RoomWaiters();
    const freed: string[] = [];
    await room.wait(3, 5); // within the limit: at once
    void room.wait(10, 2).then(() => freed.push('two'));
    void room.wait(10, 6).then(() => freed.push('six'));
    room.wake(7);
    await settled();
    expect(freed).toEqual([]);
    room.wake(6);
    await settled();
    expect(freed).toEqual(['six']);
    room.wake(3);
    await settled();
    expect(freed).toEqual(['six']);
    room.wake(2);
    await settled();
    expect(freed).toEqual(['six', 'two']);
  });
});
