import { Worker } from 'node:worker_threads';
import { Queue, RoomWaiters } from '../queue.ts';
import { compileWorker } from '../workers/compile.ts';
import { TreeOpRunner, type BatchReport, type TreeOp } from './tree-ops.ts';

export const TREE_WRITER_ENTRY = 'workers/tree-writer-worker.ts';

/**
 * Below this many operations a build applies them on the main thread as they come: a one-article rebuild
 * writes a handful of files, and starting the writer thread (40–60 ms) would cost more than it saves.
 */
const INLINE_OPERATIONS = 512;
/** Operations sent to the writer thread in one message, unless their bytes reach BATCH_BYTES first. */
const BATCH_OPERATIONS = 32;
const BATCH_BYTES = 1024 * 1024;
/** Shared with the writer thread for the bytes of the files it writes (see SharedRing). */
const SHARED_BYTES = 8 * 1024 * 1024;

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
  private ring: SharedRing | undefined;
  /** For each batch sent and not yet reported, how many regions of the ring its writes hold. */
  private readonly batchRegions = new Queue<number>();
  private regionsInBatch = 0;
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

  /** Takes a write's bytes at once (written, or copied for the thread): the caller may reuse them after. */
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
    if (op.kind === 'write') op = this.sendable(op);
    this.batch.push(op);
    this.pending++;
    if (this.batch.length >= BATCH_OPERATIONS || this.batchBytes >= BATCH_BYTES) this.flush();
  }

  /** Whether no more than `queued` operations wait for the disk: roomFor(queued) would resolve at once. */
  hasRoomFor(queued: number): boolean {
    return this.pending <= queued;
  }

  /** Resolves once at most `queued` operations wait for the disk (at once after a failure: drain() reports it). */
  roomFor(queued: number): Promise<void> {
    // Called after every page: flushing each time would send every page alone, so only a caller that
    // has to wait sends the batch it is waiting for.
    if (this.pending <= queued) return Promise.resolve();
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
   * A write as the thread takes it: its bytes copied into the shared ring when there is room, so that no
   * buffer of them reaches the thread's heap (where they would wait for its rare garbage collections: a
   * cold build's peak grew by 14 MB in the median and 60 MB at worst when each page's bytes were sent as a
   * buffer). A file too large for the room left is copied to a buffer of its own, which is handed over (its
   * owner may still use the original).
   */
  private sendable(op: Extract<TreeOp, { kind: 'write' }>): TreeOp {
    this.batchBytes += op.bytes.byteLength;
    this.ring ??= new SharedRing(SHARED_BYTES);
    const start = this.ring.put(op.bytes);
    if (start !== undefined) {
      this.regionsInBatch++;
      return { kind: 'write-shared', file: op.file, start, length: op.bytes.byteLength, replace: op.replace };
    }
    const copy = new Uint8Array(op.bytes);
    this.transfer.push(copy.buffer);
    return { ...op, bytes: copy };
  }

  private flush(): void {
    if (this.batch.length === 0 || !this.thread) return;
    const batch = this.batch;
    const transfer = this.transfer;
    this.batch = [];
    this.transfer = [];
    this.batchBytes = 0;
    this.batchRegions.push(this.regionsInBatch);
    this.regionsInBatch = 0;
    // Batches are posted in the order they were made: the thread's promise calls back in that order.
    void this.thread.then((worker) => worker?.postMessage(batch, transfer));
  }

  private async startThread(): Promise<Worker | undefined> {
    try {
      this.ring ??= new SharedRing(SHARED_BYTES);
      const worker = new Worker(await compileWorker(this.root, TREE_WRITER_ENTRY), { workerData: { shared: this.ring.buffer } });
      worker.on('message', (report: BatchReport) => {
        if (report.failure && !this.failure) {
          const { message, ...fields } = report.failure;
          this.failure = Object.assign(new Error(message), fields);
        }
        // One report per batch, in the order sent: its writes' room in the ring is free again.
        this.ring!.release(this.batchRegions.shift() ?? 0);
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

/**
 * Room in a SharedArrayBuffer handed out first in, first out: the writer thread takes the writes in the
 * order they were made, so room comes back in the order it was given, and the free room is one stretch
 * from the newest region to the oldest (wrapping round the end of the buffer).
 */
export class SharedRing {
  readonly buffer: SharedArrayBuffer;
  private readonly bytes: Uint8Array;
  /** Where each region not yet released starts, oldest first. */
  private readonly starts = new Queue<number>();
  private oldest = 0;
  private next = 0;
  /** The newest region lies before the oldest: the regions in use wrap round the end. */
  private wrapped = false;

  constructor(size: number) {
    this.buffer = new SharedArrayBuffer(size);
    this.bytes = new Uint8Array(this.buffer);
  }

  /** Copies `bytes` in and says where, or undefined when there is no room for them now. */
  put(bytes: Uint8Array): number | undefined {
    const length = bytes.byteLength;
    let start: number | undefined;
    if (this.starts.length === 0) start = length <= this.bytes.length ? 0 : undefined;
    else if (this.wrapped) start = this.next + length <= this.oldest ? this.next : undefined;
    else if (this.next + length <= this.bytes.length) start = this.next;
    else if (length <= this.oldest) {
      start = 0;
      this.wrapped = true;
    }
    if (start === undefined) return undefined;
    if (this.starts.length === 0) this.oldest = start;
    this.bytes.set(bytes, start);
    this.starts.push(start);
    this.next = start + length;
    return start;
  }

  /** Gives back the `count` oldest regions. */
  release(count: number): void {
    for (let n = 0; n < count; n++) this.starts.shift();
    const oldest = this.starts.peek();
    if (oldest === undefined) {
      this.oldest = this.next = 0;
      this.wrapped = false;
      return;
    }
    // The oldest region moved back to the start of the buffer: the regions in use no longer wrap.
    if (oldest < this.oldest) this.wrapped = false;
    this.oldest = oldest;
  }
}
