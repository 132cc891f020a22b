import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Person } from '../content/person.ts';
import type { RenderedMarkdown } from '../markdown/render.ts';

/**
 * Renders Markdown and detects people on worker threads, one article per task, so both use every core
 * and an article that takes too long can be stopped: its worker is terminated and replaced, the task
 * fails with `TimeLimitExceeded`, and the rest of the queue carries on.
 */
export class TimeLimitExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`rendering took longer than ${limitMs} ms`);
  }
}

/** remark overflowed its stack on the text (deeply nested quotes, lists, brackets or emphasis). */
export class NestedTooDeep extends Error {}

/** People found in an article: ids in order of first appearance and mentions per id. */
export interface DetectedPeople {
  people: string[];
  counts: Map<string, number>;
}

/** One article: render `body` when given, and detect people in title + summary + body text when `detect` is given. */
export interface ArticleTask {
  id: number;
  body?: string | undefined;
  /** The body's plain text when the body is not rendered by this task (it was cached). */
  text?: string | undefined;
  detect?: { title: string; summary?: string | undefined } | undefined;
}

export interface ArticleTaskResult {
  rendered?: RenderedMarkdown;
  detected?: DetectedPeople;
  /** Time the worker spent detecting people. */
  detectMs?: number;
}

export interface PoolOptions {
  /** The worker module: a plain JS file (see compile.ts). */
  workerFile: string;
  /** The registry the workers build their people detector from (detection tasks need it). */
  people?: readonly Person[] | undefined;
  size: number;
  /** Per task, counted from the moment a worker receives it. */
  timeLimitMs: number;
}

interface Task {
  id: number;
  work: Omit<ArticleTask, 'id'>;
  resolve: (result: ArticleTaskResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export class MarkdownPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.startWorker());
  }

  async render(body: string): Promise<RenderedMarkdown> {
    return (await this.run({ body })).rendered!;
  }

  run(work: Omit<ArticleTask, 'id'>): Promise<ArticleTaskResult> {
    if (this.closed) return Promise.reject(new Error('the Markdown pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, work, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the Markdown pool was closed'));
    await Promise.all(this.slots.map((slot) => this.stopSlot(slot)));
  }

  private startWorker(): Slot {
    // The main thread's stack (about 1 MB), not the 4 MB workers get by default: the same text then overflows
    // (markdown/too-complex) in a worker as it would in the main thread, quickly instead of after seconds.
    const worker = new Worker(this.options.workerFile, { resourceLimits: { stackSizeMb: 1 }, workerData: { people: this.options.people } });
    const slot: Slot = { worker, ready: false, task: undefined, timer: undefined };
    worker.on('message', (message: { ready?: boolean; id?: number; result?: ArticleTaskResult; error?: string; tooDeep?: boolean }) => {
      if (message.ready) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      clearTimeout(slot.timer);
      slot.task = undefined;
      if (message.error !== undefined) task.reject(message.tooDeep ? new NestedTooDeep(message.error) : new Error(message.error));
      else task.resolve(message.result!);
      this.dispatch();
    });
    // A worker that fails before it is ready cannot load the renderer at all: replacing it would loop.
    worker.on('error', (error) => (slot.ready ? this.replace(slot, error) : this.failAll(error)));
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error('a Markdown worker stopped unexpectedly'));
    });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, new TimeLimitExceeded(this.options.timeLimitMs)), this.options.timeLimitMs);
      slot.worker.postMessage({ id: task.id, ...task.work });
    }
  }

  private failAll(error: Error): void {
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const slot of this.slots) {
      slot.task?.reject(error);
      slot.task = undefined;
    }
    void this.close();
  }

  /** Fails the slot's task (if any) and puts a fresh worker in its place. */
  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const task = slot.task;
    slot.task = undefined;
    void this.stopSlot(slot);
    if (this.closed) {
      this.slots.splice(index, 1);
    } else {
      this.slots[index] = this.startWorker();
    }
    task?.reject(error);
  }

  private async stopSlot(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate();
  }
}
