import { parentPort, workerData } from 'node:worker_threads';
import { TreeOpRunner, type BatchReport, type TreeOp } from '../output/tree-ops.ts';

/**
 * The writer thread of output/tree-writer.ts: applies each batch of tree operations in order, synchronously,
 * and reports it. After a failure the rest of the batch is skipped; the build fails and discards the tree.
 */
const runner = new TreeOpRunner((workerData as { shared: SharedArrayBuffer }).shared);

parentPort?.on('message', (batch: TreeOp[]) => {
  const report: BatchReport = { done: batch.length };
  for (const op of batch) {
    try {
      runner.apply(op);
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      report.failure = { message: failure.message, code: failure.code, syscall: failure.syscall, path: failure.path };
      break;
    }
  }
  parentPort!.postMessage(report);
});
