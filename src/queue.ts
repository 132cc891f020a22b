/**
 * First in, first out, with shift() in constant time. Array.prototype.shift() moves every element left: V8
 * can cut a small array from the front for free, but not one of more than about 16,000 elements (those
 * live in the large-object space), so draining a queue of 100,000 Markdown tasks with shift() moved about
 * five billion pointers. Taken items are let go at once.
 */
export class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The oldest item, removed; undefined when the queue is empty. */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    // Emptied: start again from a fresh array. Half empty: drop the front, so a queue that never empties
    // (items added as fast as taken) does not grow without end.
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item as T;
  }

  /** The oldest item, left in the queue; undefined when the queue is empty. */
  peek(): T | undefined {
    return this.head === this.items.length ? undefined : (this.items[this.head] as T);
  }

  /** Puts `items` back at the front, in their order, before everything waiting. */
  unshiftAll(items: readonly T[]): void {
    if (items.length === 0) return;
    this.items = [...items, ...this.items.slice(this.head)];
    this.head = 0;
  }
}

/**
 * Callers waiting for a count of pending work (writes queued, bodies not yet rendered) to fall to a limit of
 * their own: whoever makes the work awaits wait() before making more, and whoever does it calls wake() as
 * the count falls. This is how page rendering waits for the disk and validation for the Markdown workers.
 */
export class RoomWaiters {
  private waiting: { limit: number; resolve: () => void }[] = [];

  /** Resolves at once when `count` is within `limit`, else once wake() is given a count that is. */
  async wait(count: number, limit: number): Promise<void> {
    if (count <= limit) return;
    await new Promise<void>((resolve) => this.waiting.push({ limit, resolve }));
  }

  /** Lets go of every waiter whose limit `count` is within. */
  wake(count: number): void {
    if (this.waiting.length === 0) return;
    this.waiting = this.waiting.filter((waiter) => {
      if (count > waiter.limit) return true;
      waiter.resolve();
      return false;
    });
  }
}
