import { parentPort, workerData } from 'node:worker_threads';
import { renderMarkdown } from '../markdown/render.ts';
import { joinArticleText } from '../people/article-text.ts';
import { createDetector, detectPeople } from '../people/detect.ts';
import { LazyDetector } from '../people/lazy-detector.ts';
import type { ArticleTask, ArticleTaskResult, MarkdownWorkerData, WorkerSetup } from './markdown-pool.ts';
import { BACKGROUND_NICE, lowerThreadPriority } from './thread-priority.ts';

/**
 * The worker side of markdown-pool.ts; runs as a plain JS bundle made by compile.ts. Its first message is
 * the setup (WorkerSetup): the worker keeps the registry then and says it is ready. Its people detector grows
 * with the texts it is given (LazyDetector): a worker that detects people in one article builds the forms of the
 * people that article could name, not of the whole registry. In a cold build, which detects every article, it
 * builds the whole registry's at setup instead (MarkdownWorkerData.wholeRegistry says why). The pool may start it
 * before the registry is read, so loading this module overlaps the main thread's reading of content/.
 */
let detector: Pick<LazyDetector, 'detect' | 'fallback'> | undefined;

const data = workerData as MarkdownWorkerData | undefined;
let fallbackTold = false;

if (data?.background) lowerThreadPriority(BACKGROUND_NICE);

const encoder = new TextEncoder();
const decoder = new TextDecoder();

parentPort?.on('message', (message: ArticleTask | { setup: WorkerSetup }) => {
  if ('setup' in message) {
    const { people } = message.setup;
    if (people) detector = data?.wholeRegistry ? wholeRegistryDetector(people) : new LazyDetector(people);
    parentPort!.postMessage({ ready: true });
    return;
  }
  const task = message;
  let reply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result: ArticleTaskResult = {};
    let text = task.text;
    if (task.body !== undefined) {
      const { html: htmlText, text: plainText, ...facts } = renderMarkdown(decoder.decode(task.body));
      const html = encoder.encode(htmlText);
      const encodedText = encoder.encode(plainText);
      result.rendered = { ...facts, html, text: encodedText };
      // Each encode() returns a view of a buffer of its own: handing the buffers over costs no copy.
      transfer.push(html.buffer as ArrayBuffer, encodedText.buffer as ArrayBuffer);
      text = plainText;
    }
    if (task.detect && detector) {
      const started = performance.now();
      const detection = detector.detect(joinArticleText({ title: task.detect.title, summary: task.detect.summary, body: text ?? '' }).text);
      result.detected = { people: detection.people, counts: detection.counts };
      result.detectMs = performance.now() - started;
      // Told with the text that made the detector fall back, and only then.
      if (detector.fallback !== undefined && !fallbackTold) {
        result.detectorFallback = detector.fallback;
        fallbackTold = true;
      }
    }
    reply = { id: task.id, result };
  } catch (error) {
    transfer.length = 0;
    // A RangeError is remark's recursion overflowing on deeply nested input: the content's fault, not ours.
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error), tooDeep: error instanceof RangeError };
  }
  parentPort!.postMessage(reply, transfer);
});

/** The whole registry's detector, built at once (MarkdownWorkerData.wholeRegistry); it never falls back. */
function wholeRegistryDetector(people: NonNullable<WorkerSetup['people']>): Pick<LazyDetector, 'detect' | 'fallback'> {
  const whole = createDetector(people);
  return { detect: (text) => detectPeople(whole, text), fallback: undefined };
}
