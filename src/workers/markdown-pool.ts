import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Person } from '../content/person.ts';
import type { DetectedPerson } from '../people/detect.ts';
import type { MarkdownFacts, RenderedMarkdown } from '../markdown/render.ts';
import { Queue } from '../queue.ts';

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
  /**
   * The Markdown as UTF-8 bytes. A body waiting for a worker is held so, not as a string: a string cut from
   * its file's text keeps the whole text alive, at two bytes a character once it has a č, š or ž (at
   * 10,000 articles some 60 MB of texts were held by the bodies queued when the front matter was all read).
   */
  body?: Uint8Array | undefined;
  /** The body's plain text when the body is not rendered by this task (it was cached). */
  text?: string | undefined;
  detect?: { title: string; summary?: string | undefined } | undefined;
}

/**
 * Rendered Markdown with html and text as UTF-8 bytes. Workers send bodies this way, the byte buffers
 * transferred rather than copied, and .cache/ keeps them so: V8 holds a string with č, š or ž at two bytes
 * a character, and the main thread would otherwise copy every body in and encode it again.
 */
export interface EncodedMarkdown extends MarkdownFacts {
  html: Uint8Array;
  text: Uint8Array;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

export function decodeMarkdown(encoded: EncodedMarkdown): RenderedMarkdown {
  const { html, text, ...facts } = encoded;
  return { ...facts, html: utf8.decode(html), text: utf8.decode(text) };
}

export interface ArticleTaskResult {
  rendered?: EncodedMarkdown;
  detected?: DetectedPeople;
  /** Time the worker spent detecting people. */
  detectMs?: number;
  /** The worker's people detector fell back to the whole registry's index with this text: why (LazyDetector.fallback). */
  detectorFallback?: string;
}

export interface PoolOptions {
  /** The worker module: a plain JS file (see compile.ts). */
  workerFile: string;
  /** The registry the workers build their people detector from (detection tasks need it). */
  people?: readonly Person[] | undefined;
  /**
   * The registry is not known yet: the workers start (and load the renderer: 0.15-0.2 s each on an idle
   * machine, twice that on a busy one) and take no task until setup() gives it. Lets a build start them
   * before it reads content/.
   */
  peopleLater?: boolean | undefined;
  size: number;
  /** Per task, counted from the moment a worker receives it. */
  timeLimitMs: number;
  /** The workers run at a lower priority than the main thread (thread-priority.ts; Linux only). */
  background?: boolean | undefined;
  /**
   * Every article will be detected (a cold build): each worker builds the whole registry's people detector when
   * it is set up, not person by person as its texts need them (MarkdownWorkerData.wholeRegistry).
   */
  wholeRegistry?: boolean | undefined;
}

/** What each worker is started with. */
export interface MarkdownWorkerData {
  background: boolean;
  /**
   * Build the whole registry's detector at setup (createDetector) instead of a LazyDetector. Detection is the same
   * either way; what differs is the garbage collector's work. When a worker detects thousands of texts, the lazy
   * index, growing beside remark's syntax trees, cost more CPU than building it all first: cold builds of 10,000
   * articles used 2-7 s more user CPU (alternating runs; the workers' collector took a larger share), though the
   * detection itself costs the same on one thread.
   */
  wholeRegistry: boolean;
}

interface Task {
  id: number;
  work: Omit<ArticleTask, 'id'>;
  resolve: (result: ArticleTaskResult) => void;
  reject: (error: Error) => void;
  /** Sent to a worker (or settled): a promoted task is in both queues, and the second time it is skipped. */
  taken?: boolean;
  promoted?: boolean;
}

/** A task submitted to the pool: its result, and a way to have it sent before every task still waiting. */
export interface SubmittedTask {
  result: Promise<ArticleTaskResult>;
  promote: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Tasks posted to the worker, oldest first: the first is running, the others wait in its message queue. */
  tasks: Task[];
  /** The time limit of the running task. */
  timer: NodeJS.Timeout | undefined;
}

/** What each worker is told first, in a message of its own: it replies `ready` once set up. */
export interface WorkerSetup {
  people?: readonly DetectedPerson[] | undefined;
}

/** The setup for a registry: each person's fields that detection reads, not their bios (copied to every worker). */
function workerSetup(people: readonly Person[] | undefined): WorkerSetup {
  return { people: people?.map(({ id, name, surname, aliases, gender, role, detect }) => ({ id, name, surname, aliases, gender, role, detect })) };
}

/**
 * Tasks posted to a worker ahead of the one it runs, so it starts the next article as soon as it replies
 * instead of waiting for the main thread to answer; with one at a time, the workers of a 10,000-article
 * build sat idle 1.3 s each while the main thread handled replies.
 */
const TASKS_IN_FLIGHT = 3;

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export class MarkdownPool {
  private readonly slots: Slot[] = [];
  private readonly queue = new Queue<Task>();
  /** Promoted tasks, sent before anything in `queue` (they stay there too, marked taken once sent). */
  private readonly urgent = new Queue<Task>();
  private nextId = 0;
  private closed = false;
  private startFailure: Error | undefined;
  /** Undefined until the registry is known (PoolOptions.peopleLater). */
  private workerSetup: WorkerSetup | undefined;

  constructor(private readonly options: PoolOptions) {
    this.workerSetup = options.peopleLater ? undefined : workerSetup(options.people);
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.startWorker());
  }

  /** The workers build the whole registry's people detector at setup (PoolOptions.wholeRegistry). */
  get wholeRegistry(): boolean {
    return this.options.wholeRegistry ?? false;
  }

  /** Workers started (or being replaced) now. */
  get size(): number {
    return this.slots.length;
  }

  /** Adds workers up to `size` (never removes any): a caller that learns of more work as it goes starts small. */
  grow(size: number): void {
    if (this.closed) return;
    while (this.slots.length < size) this.slots.push(this.startWorker());
  }

  /** Gives the workers the registry (PoolOptions.peopleLater); tasks wait for it. Only the first call counts. */
  setup(people: readonly Person[] | undefined): void {
    if (this.workerSetup || this.closed) return;
    this.workerSetup = workerSetup(people);
    for (const slot of this.slots) slot.worker.postMessage({ setup: this.workerSetup });
  }

  async render(body: string): Promise<RenderedMarkdown> {
    return decodeMarkdown((await this.run({ body: encoder.encode(body) })).rendered!);
  }

  run(work: Omit<ArticleTask, 'id'>): Promise<ArticleTaskResult> {
    return this.submit(work).result;
  }

  /**
   * run(), keeping a handle that moves the task ahead of every task not yet sent to a worker: the dev server
   * has the newest articles rendered first, so it can show the home page before the rest are done.
   */
  submit(work: Omit<ArticleTask, 'id'>): SubmittedTask {
    // A pool whose workers could not start says why to every later task too: it may be started before any.
    if (this.closed) return { result: Promise.reject(this.startFailure ?? new Error('the Markdown pool is closed')), promote: () => undefined };
    let task!: Task;
    const result = new Promise<ArticleTaskResult>((resolve, reject) => {
      task = { id: this.nextId++, work, resolve, reject };
    });
    this.queue.push(task);
    this.dispatch();
    const promote = () => {
      if (task.taken || task.promoted || this.closed) return;
      task.promoted = true;
      this.urgent.push(task);
      this.dispatch();
    };
    return { result, promote };
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the Markdown pool was closed');
    for (const task of this.takeWaiting()) task.reject(error);
    // Those a worker has too: terminate() ends it without a reply, and a task never settled kept a stopped load
    // waiting for ever (a dev server stopped during its first load left its .cache/ spill file, and saved nothing).
    for (const slot of this.slots) for (const task of slot.tasks.splice(0)) task.reject(error);
    await Promise.all(this.slots.map((slot) => this.stopSlot(slot)));
  }

  /** The next task to send: promoted ones first, each task once. */
  private takeNext(): Task | undefined {
    for (const queue of [this.urgent, this.queue]) {
      for (let task = queue.shift(); task; task = queue.shift()) {
        if (task.taken) continue;
        task.taken = true;
        return task;
      }
    }
    return undefined;
  }

  /** Every task not yet sent, each once, emptying both queues. */
  private takeWaiting(): Task[] {
    const waiting: Task[] = [];
    for (let task = this.takeNext(); task; task = this.takeNext()) waiting.push(task);
    return waiting;
  }

  private startWorker(): Slot {
    // The main thread's stack (about 1 MB), not the 4 MB workers get by default: the same text then overflows
    // (markdown/too-complex) in a worker as it would in the main thread, quickly instead of after seconds.
    const workerData: MarkdownWorkerData = { background: this.options.background ?? false, wholeRegistry: this.options.wholeRegistry ?? false };
    const worker = new Worker(this.options.workerFile, { resourceLimits: { stackSizeMb: 1 }, workerData });
    // Queued until the worker listens; a replacement worker gets the same setup at once.
    if (this.workerSetup) worker.postMessage({ setup: this.workerSetup });
    const slot: Slot = { worker, ready: false, tasks: [], timer: undefined };
    worker.on('message', (message: { ready?: boolean; id?: number; result?: ArticleTaskResult; error?: string; tooDeep?: boolean }) => {
      if (message.ready) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.id !== message.id) return;
      clearTimeout(slot.timer);
      slot.tasks.shift();
      // The worker has started the next posted task, if any: its time runs from now.
      if (slot.tasks.length > 0) this.startTimer(slot);
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
    // Round by round, so the queue is shared out evenly rather than filling the first worker's pipeline.
    for (let depth = 1; depth <= TASKS_IN_FLIGHT; depth++) {
      for (const slot of this.slots) {
        if (!slot.ready || slot.tasks.length >= depth) continue;
        const task = this.takeNext();
        if (!task) return;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startTimer(slot);
        slot.worker.postMessage({ id: task.id, ...task.work });
      }
    }
  }

  private startTimer(slot: Slot): void {
    // Not after close(): a reply that arrives while the workers are being stopped would otherwise start a
    // timer that keeps the process alive for the whole time limit. The timer never does so on its own.
    if (this.closed) return;
    slot.timer = setTimeout(() => this.replace(slot, new TimeLimitExceeded(this.options.timeLimitMs)), this.options.timeLimitMs).unref();
  }

  private failAll(error: Error): void {
    this.startFailure ??= error;
    for (const task of this.takeWaiting()) task.reject(error);
    for (const slot of this.slots) for (const task of slot.tasks.splice(0)) task.reject(error);
    void this.close();
  }

  /**
   * Fails the slot's running task (if any) and puts a fresh worker in its place; the tasks posted behind
   * it never started, so they go back to the front of the queue.
   */
  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const [task, ...notStarted] = slot.tasks.splice(0);
    if (this.closed) for (const waiting of notStarted) waiting.reject(error);
    else {
      for (const waiting of notStarted) waiting.taken = false;
      this.queue.unshiftAll(notStarted);
    }
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
