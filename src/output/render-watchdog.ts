import { url as inspectorUrl } from 'node:inspector';
import { isMainThread, MessageChannel, Worker } from 'node:worker_threads';
import { restorePreactHooks, savePreactHooks } from '../render/preact-hooks.ts';
import { compileWorker } from '../workers/compile.ts';

export const RENDER_WATCHDOG_ENTRY = 'workers/render-watchdog-worker.ts';

/**
 * How long a build lets one page render before it stops the build (template/timed-out). Generous: the largest
 * page at 10,000 articles, sitemap.xml, renders in well under a second (82 ms in the dev server, where the limit
 * is 10 s), and a CI runner shared with other jobs may be many times slower than a developer's machine. A
 * template that never returns (a loop whose condition stays true) held the build, and a newsroom's CI runner,
 * until the CI's own timeout, hours later; now the runner is free after a minute, with the page named.
 * ARHIVAR_RENDER_TIME_LIMIT_MS sets another limit (cli.ts), as the tests do.
 */
export const BUILD_RENDER_TIME_LIMIT_MS = 60_000;

/** What the watchdog thread is given: the count of renders (odd while one runs), shared, and the limit. */
export interface WatchdogData {
  progress: SharedArrayBuffer;
  limitMs: number;
}

/** A frame of the stopped render's stack, as a stack trace gives it (1-based line and column). */
export interface StoppedFrame {
  functionName: string;
  url: string;
  line: number;
  column: number;
}

/** The watchdog thread's word that render number `render` was stopped, and where it was. */
export interface StopReport {
  render: number;
  frames: StoppedFrame[];
}

/**
 * A render stopped at the time limit. Its stack is the one the render had when it was stopped (a stopped
 * render unwinds without an exception of its own), so output/template-line.ts finds the template's line in it
 * as it does in a template's exception. No stack when the thread could not be paused first.
 */
export class RenderStopped extends Error {
  constructor(
    readonly limitMs: number,
    frames: readonly StoppedFrame[],
  ) {
    super(`rendering did not finish within ${limitMs / 1000} s`);
    this.name = 'RenderStopped';
    this.stack = [`${this.name}: ${this.message}`, ...frames.map((frame) => `    at ${frame.functionName || '<anonymous>'} (${frame.url}:${frame.line}:${frame.column})`)].join('\n');
  }
}

/**
 * Renders pages on the main thread, as before, and stops a render that has run for `limitMs` with RenderStopped.
 *
 * The build renders some 15,000 pages at 10,000 articles; a node:vm timeout around each (as dev/render-time-limit.ts
 * does for one page a request) starts and joins a thread per call, 0.1–0.2 ms, 1.5–3 s a cold build. Here one
 * thread is started for the whole build (render-watchdog-worker.ts), and a render costs two stores to a shared
 * counter and a turn of a message port, about 1–2 µs. Only when a render runs for the limit does that thread
 * pause the main thread and terminate its JavaScript through the inspector.
 *
 * A termination unwinds the whole stack, finally blocks and all, down to the callback the event loop called.
 * So each page is rendered in a callback of its own, a message to a port of this thread, while the caller
 * awaits it: the caller (publishSite, the build, the command) is not on the stack that is unwound, and fails
 * as for a template's exception, putting away its staging tree and letting go of the output folder's lock.
 * A port's callback and not a microtask or a setImmediate: when async hooks are on (an AsyncLocalStorage
 * anywhere in the process), Node checks that each callback left its async context as it found it, and aborts
 * the process when a termination unwound one that a promise job or an immediate had entered; a port's
 * message enters none of its own.
 */
export class RenderWatchdog {
  private readonly progress = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  /** Renders begun and ended, as the watchdog thread sees them: odd while one runs. */
  private count = 0;
  private readonly channel = new MessageChannel();
  private pending: { render: () => string; resolve: (html: string) => void; reject: (error: unknown) => void } | undefined;
  private hooks: ReturnType<typeof savePreactHooks> | undefined;

  private worker: Worker | undefined;

  private constructor(readonly limitMs: number) {
    this.channel.port1.on('message', () => this.renderPending());
  }

  /**
   * A watchdog whose thread is started before this returns: a render that hangs at once is stopped too (the
   * thread needs nothing from the main thread once it runs). Without the thread (no inspector in this Node, say)
   * pages render without a limit, as before: a build is never failed for want of it.
   */
  static async start(root: string, limitMs: number): Promise<RenderWatchdog> {
    const watchdog = new RenderWatchdog(limitMs);
    // No limit off the main thread: the watchdog thread's session can only reach the process's main thread
    // (Session.connectToMainThread), so it would pause and terminate that thread's JavaScript, not this one's.
    // Nor when an inspector is open (node --inspect, --inspect-brk, or so in NODE_OPTIONS): a developer
    // stopped at a breakpoint in a template for a minute would have the page stopped as template/timed-out.
    if (!isMainThread || inspectorUrl() !== undefined) return watchdog;
    try {
      const data: WatchdogData = { progress: watchdog.progress.buffer as SharedArrayBuffer, limitMs };
      // Not unref'd: a stop is told through the thread's port, which must be read before the event loop may end
      // (the build awaits the render, and holds nothing else open). close() ends it, in publishSite's finally.
      const worker = new Worker(await compileWorker(root, RENDER_WATCHDOG_ENTRY), { workerData: data });
      worker.on('message', (report: StopReport) => watchdog.stopped(report));
      worker.on('error', () => undefined);
      watchdog.worker = worker;
    } catch {
      // As above: no limit.
    }
    return watchdog;
  }

  /** `render()`'s result, or its exception, or RenderStopped when it ran for the limit. */
  render(render: () => string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.pending = { render, resolve, reject };
      this.channel.port2.postMessage(null);
    });
  }

  private renderPending(): void {
    const pending = this.pending;
    if (!pending) return;
    this.hooks = savePreactHooks();
    Atomics.store(this.progress, 0, ++this.count);
    let settle: () => void;
    try {
      const html = pending.render();
      settle = () => pending.resolve(html);
    } catch (error) {
      settle = () => pending.reject(error);
    }
    // Settled only once the count is even and the render forgotten: a stop that lands between the render's
    // return and the store below then finds this render still pending, and fails it. Settled first, the page
    // went on to the build, which rendered the rest with the count's parity turned round and no limit (the
    // thread watches no more after a stop), and the stop's report could fail the next page, not yet rendered.
    Atomics.store(this.progress, 0, ++this.count);
    this.pending = undefined;
    settle();
  }

  private stopped(report: StopReport): void {
    // The count stays where the stopped render left it, odd: the store after its call never ran, nor its settling.
    if (report.render !== this.count || !this.pending) return;
    restorePreactHooks(this.hooks!);
    const { reject } = this.pending;
    this.pending = undefined;
    // Even again, as after a render that ended, before the build hears of the stop and may render again.
    Atomics.store(this.progress, 0, ++this.count);
    reject(new RenderStopped(this.limitMs, report.frames));
  }

  /**
   * Closes the port and stops the thread, so that neither keeps the process alive. The thread's end is not
   * waited for (3–11 ms, measured, at the end of every build that rendered a page): unref'd, it holds nothing.
   */
  close(): void {
    this.channel.port1.close();
    this.worker?.unref();
    void this.worker?.terminate();
  }
}
