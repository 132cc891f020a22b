import type { BuildProgress } from '../build.ts';

/**
 * The live line a terminal shows during a build: articles read, pages written, elapsed time. Callbacks
 * only record the numbers; a timer draws at most 10 times a second, so a fast build costs nothing extra.
 * Off a terminal (CI, pipes) nothing is drawn and the command prints its one summary line at the end.
 */
export interface ProgressLine {
  update: (progress: BuildProgress) => void;
  /** Clears the line so the summary that follows starts on a clean row. */
  stop: () => void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write: (text: string) => unknown;
}

const FRAME_MS = 100;

export function formatProgress(progress: BuildProgress, elapsedMs: number): string {
  const seconds = (elapsedMs / 1000).toFixed(1);
  if (progress.phase === 'waiting') return `waiting for ${progress.waitingFor === 'check' ? 'arhivar check' : 'another build'} of this site · ${seconds} s`;
  const count = (value: number) => value.toLocaleString('en-US');
  const reading = progress.phase === 'reading' ? 'reading content' : `${count(progress.articlesRead)} articles read`;
  return `${reading} · ${count(progress.pagesWritten)} pages written · ${seconds} s`;
}

export function startProgressLine(stream: ProgressStream, now: () => number = () => performance.now()): ProgressLine | undefined {
  if (!stream.isTTY) return undefined;
  const started = now();
  let latest: BuildProgress = { phase: 'reading', articlesRead: 0, pagesWritten: 0 };
  let drawn = false;
  let lastDraw = started;
  const draw = () => {
    lastDraw = now();
    stream.write(`\r\x1b[2K${formatProgress(latest, lastDraw - started)}`);
    drawn = true;
  };
  // The timer keeps the elapsed time moving while nothing reports; updates draw too, because loading
  // runs synchronous stretches during which no timer can fire.
  const timer = setInterval(draw, FRAME_MS);
  timer.unref();
  return {
    update: (progress) => {
      latest = progress;
      if (now() - lastDraw >= FRAME_MS) draw();
    },
    stop: () => {
      clearInterval(timer);
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
