import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Memory a build knows it is done with, given back at once instead of when V8 gets to it.
 *
 * V8 collects its old generation when the heap has grown by a factor of what survived the last full collection
 * (up to four, on a machine with this much memory), and an array buffer whose object is in the old generation is
 * freed only then. A cold build of 10,000 articles reads every text, validates it and lets it go (about 70 MB of
 * the main thread's heap, then garbage), and receives 65 MB of rendered bodies from the Markdown workers that it
 * copies into .cache/; without these calls both stayed until the main thread's next full collection, which in some
 * runs came only once the pages were written (README, "Where the memory goes").
 */

let fullCollection: (() => void) | undefined;

/**
 * Two full collections of this thread's heap. The first frees the garbage; the second compacts the pages the first
 * left sparsely used and gives them back (one alone left the heap's committed size where it was: 146 MB, against 80
 * after two, in a cold build of 10,000 articles). The cost is the live heap marked twice, so callers use it where
 * most of the heap has just become garbage and the thread would otherwise wait.
 */
export function collectGarbage(): void {
  fullCollection ??= exposedCollection();
  fullCollection();
  fullCollection();
}

/**
 * V8's `gc()`, as `node --expose-gc` gives it, without that option: a context made while the flag is set has it.
 * The flag is cleared at once, so no other context (a worker started later, a template's) gets a `gc` global.
 * Node calls flags set after start-up unsupported: where the context gets no `gc`, the collection is left to V8
 * (a build then peaks higher, as before, and is otherwise the same).
 */
export function exposedCollection(expose: (flags: string) => void = setFlagsFromString): () => void {
  const given = (globalThis as { gc?: () => void }).gc;
  if (given) return given;
  try {
    expose('--expose-gc');
    const collect: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    return typeof collect === 'function' ? (collect as () => void) : leaveItToV8;
  } catch {
    return leaveItToV8;
  } finally {
    try {
      expose('--no-expose-gc');
    } catch {
      // As above: nothing was exposed.
    }
  }
}

function leaveItToV8(): void {}

/**
 * Lets go of the bytes of `views`: their buffers are detached by a transfer that nothing receives, so the memory
 * goes back with the next young collection (milliseconds later), not with the next full collection that finds the
 * views' objects dead. Nothing may read those buffers afterwards; a view of shared memory is left as it is.
 */
export function releaseBytes(...views: Uint8Array[]): void {
  const buffers = new Set<ArrayBuffer>();
  for (const { buffer } of views) if (buffer instanceof ArrayBuffer) buffers.add(buffer);
  if (buffers.size > 0) structuredClone(undefined, { transfer: [...buffers] });
}
