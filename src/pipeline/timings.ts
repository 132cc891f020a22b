/**
 * Optional per-stage stopwatch for the pipeline. The benchmark passes one in; a normal build passes none
 * and pays nothing. Stages follow the pipeline: load (read + front matter + validation), parse (Markdown,
 * with people detection beside it on the same worker threads), detect (people in text: the worker threads'
 * time, summed; it lies inside parse's wall time), collect (archive), render (pages to HTML) and write (dist/).
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
