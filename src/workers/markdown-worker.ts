import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from '../markdown/render.ts';

/** The worker side of markdown-pool.ts; runs as a plain JS bundle made by compile.ts. */
export interface MarkdownTask {
  id: number;
  body: string;
}

parentPort?.on('message', (task: MarkdownTask) => {
  let reply;
  try {
    reply = { id: task.id, result: renderMarkdown(task.body) };
  } catch (error) {
    // A RangeError is remark's recursion overflowing on deeply nested input: the content's fault, not ours.
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error), tooDeep: error instanceof RangeError };
  }
  parentPort!.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
