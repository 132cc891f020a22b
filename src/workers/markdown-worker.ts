import { parentPort, workerData } from 'node:worker_threads';
import type { Person } from '../content/person.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { joinArticleText } from '../people/article-people.ts';
import { createDetector, detectPeople, type PeopleDetector } from '../people/detect.ts';
import type { ArticleTask, ArticleTaskResult } from './markdown-pool.ts';

/**
 * The worker side of markdown-pool.ts; runs as a plain JS bundle made by compile.ts. The people detector
 * is built from the registry (workerData.people) once per worker, on the first task that asks for detection.
 */
const people = (workerData as { people?: Person[] } | undefined)?.people;
let detector: PeopleDetector | undefined;

parentPort?.on('message', (task: ArticleTask) => {
  let reply;
  try {
    const result: ArticleTaskResult = {};
    let text = task.text;
    if (task.body !== undefined) {
      result.rendered = renderMarkdown(task.body);
      text = result.rendered.text;
    }
    if (task.detect && people) {
      const started = performance.now();
      detector ??= createDetector(people);
      const detection = detectPeople(detector, joinArticleText({ title: task.detect.title, summary: task.detect.summary, body: text ?? '' }).text);
      result.detected = { people: detection.people, counts: detection.counts };
      result.detectMs = performance.now() - started;
    }
    reply = { id: task.id, result };
  } catch (error) {
    // A RangeError is remark's recursion overflowing on deeply nested input: the content's fault, not ours.
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error), tooDeep: error instanceof RangeError };
  }
  parentPort!.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
