/**
 * Memory a build knows it is done with, given back at once instead of when V8 gets to it.
 *
 * V8 collects its old generation when the heap has grown by a factor of what survived the last full collection
 * (up to four, on a machine with this much memory), and an array buffer whose object is in the old generation is
 * freed only then. A cold build of 10,000 articles receives 65 MB of rendered bodies from the Markdown workers and
 * copies them into .cache/; without releaseBytes most of them stayed until the main thread's next full collection,
 * which in some runs came only once the pages were written (README, "Where the memory goes").
 */

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
