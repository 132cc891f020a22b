import { Worker } from 'node:worker_threads';
import { RoomWaiters } from '../queue.ts';
import { compileWorker } from '../workers/compile.ts';
import { TreeOpRunner, type BatchReport, type TreeOp } from './tree-ops.ts';

const WORKER_ENTRY = 'workers/tree-writer-worker.ts';

/**
 * Below this many operations a build applies them on the main thread as they come: a one-article rebuild
 * writes a handful of files, and starting the writer thread (40–60 ms) would cost more than it saves.
 */
const INLINE_OPERATIONS = 512;
/** Operations sent to the writer thread in one message, unless their bytes reach BATCH_BYTES first. */
const BATCH_OPERATIONS = 32;
const BATCH_BYTES = 1024 * 1024;

/**
 * Applies the file operations of a staging tree (publish.ts) on a thread of its own, in order.
 *
 * A cold build of 10,000 articles creates some 18,700 files while the main thread renders pages. Through
 * Node's asynchronous fs each file cost the main thread three or four round trips to the thread pool
 * (mkdir, open, write, close) and their callbacks and promises, and the pool's threads took the main
 * thread's core from it as they woke. One thread that writes batches synchronously does the same system
 * calls off the main thread: with 15,000 files of 25 KB rendered by a busy main thread, 6.8–6.9 s
 * against 8.4–8.7 s for the asynchronous writes with 32 in flight.
 *
 * Failures surface in drain(), as with any queue of writes; ops added after one are skipped.
 */
export class TreeWriter {
  private readonly inline = new TreeOpRunner();
  private inlineCount = 0;
  private thread: Promise<Worker | undefined> | undefined;
  private batch: TreeOp[] = [];
  private transfer: ArrayBuffer[] = [];
  private batchBytes = 0;
  /** Operations given to the thread (sent, or in the batch) that it has not reported done. */
  private pending = 0;
  private failure: Error | undefined;
  private readonly room = new RoomWaiters();
  private idle: (() => void)[] = [];

  constructor(
    /** The site, for where the writer thread's code is bundled when arhivar's own folder is read-only. */
    private readonly root: string,
    private readonly inlineOperations = INLINE_OPERATIONS,
  ) {}

  add(op: TreeOp): void {
    if (this.failure) return;
    if (this.thread === undefined && this.inlineCount < this.inlineOperations) {
      this.inlineCount++;
      try {
        this.inline.apply(op);
      } catch (error) {
        this.failure = error as Error;
      }
      return;
    }
    this.thread ??= this.startThread();
    if (op.kind === 'write') op = { ...op, bytes: this.ownBytes(op.bytes) };
    this.batch.push(op);
    this.pending++;
    if (this.batch.length >= BATCH_OPERATIONS || this.batchBytes >= BATCH_BYTES) this.flush();
  }

  /** Resolves once at most `queued` operations wait for the disk (at once after a failure: drain() reports it). */
  roomFor(queued: number): Promise<void> {
    this.flush();
    return this.room.wait(this.pending, queued);
  }

  /** Waits for every operation added so far; rethrows the first failure. */
  async drain(): Promise<void> {
    this.flush();
    if (this.pending > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.failure) throw this.failure;
  }

  /** Stops the writer thread (operations not yet done are dropped: call drain() first to keep them). */
  async close(): Promise<void> {
    const worker = await this.thread;
    await worker?.terminate();
  }

  /**
   * The bytes to send: a view into a larger buffer (Node's 8 KB pool, a slice of a file read whole) is
   * copied to a buffer of its own, which is handed over without a second copy; a buffer the view covers
   * whole is copied by postMessage, since its owner may still use it.
   */
  private ownBytes(bytes: Uint8Array): Uint8Array {
    this.batchBytes += bytes.byteLength;
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
    const copy = new Uint8Array(bytes);
    this.transfer.push(copy.buffer);
    return copy;
  }

  private flush(): void {
    if (this.batch.length === 0 || !this.thread) return;
    const batch = this.batch;
    const transfer = this.transfer;
    this.batch = [];
    this.transfer = [];
    this.batchBytes = 0;
    // Batches are posted in the order they were made: the thread's promise calls back in that order.
    void this.thread.then((worker) => worker?.postMessage(batch, transfer));
  }

  private async startThread(): Promise<Worker | undefined> {
    try {
      const worker = new Worker(await compileWorker(this.root, WORKER_ENTRY));
      worker.on('message', (report: BatchReport) => {
        if (report.failure && !this.failure) this.failure = Object.assign(new Error(report.failure.message), { code: report.failure.code });
        this.settle(report.done);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => this.fail(new Error('internal: the writer thread stopped with writes pending')));
      return worker;
    } catch (error) {
      this.fail(error as Error);
      return undefined;
    }
  }

  private fail(error: Error): void {
    if (this.pending === 0) return;
    this.failure ??= error;
    this.settle(this.pending);
  }

  private settle(done: number): void {
    this.pending -= done;
    this.room.wake(this.pending);
    if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
