/**
 * Optional per-stage stopwatch for the pipeline. The benchmark passes one in; a normal build passes none
 * and pays nothing. Stages follow the pipeline: load (front matter + validation, and reading content/ only
 * when build() is not handed the sources: buildUnlessUnchanged, and so every benchmark build, reads them
 * before, in no stage), parse (Markdown, with people detection beside it on the same worker threads),
 * detect (people in text: the worker threads' time, summed; it runs beside load and parse, so it is no
 * part of their sum), collect (archive), render (pages to HTML) and write (dist/).
 */
export type Stage = 'load' | 'parse' | 'detect' | 'collect' | 'render' | 'write';

export const STAGES: readonly Stage[] = ['load', 'parse', 'detect', 'collect', 'render', 'write'];

/** Milliseconds per stage; stages add up when a stage runs in several pieces. */
export type Timings = Partial<Record<Stage, number>>;

export function addTime(timings: Timings | undefined, stage: Stage, milliseconds: number): void {
  if (timings) timings[stage] = (timings[stage] ?? 0) + milliseconds;
}

export function timeSync<T>(timings: Timings | undefined, stage: Stage, work: () => T): T {
  if (!timings) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    addTime(timings, stage, performance.now() - started);
  }
}

export async function time<T>(timings: Timings | undefined, stage: Stage, work: () => Promise<T>): Promise<T> {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    addTime(timings, stage, performance.now() - started);
  }
}
