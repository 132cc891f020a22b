// Kept in plain JavaScript, where code.js can use them too (whether a process still holds a bundle of .cache/code/).
export { madeByRunningProcess, processExists, processStartedAt } from './bin/process-table.js';

/**
 * Whether `npm run` (or `npx`) started this process: npm sets npm_lifecycle_event for the command it runs. Only
 * then does the end of the parent mean the server is to stop (see whenParentEnds): a server started in the
 * background by a script that then exits, with `nohup` or without, is meant to run on without it.
 */
export function startedByNpm(env: NodeJS.ProcessEnv): boolean {
  return env.npm_lifecycle_event !== undefined;
}

/**
 * The parent as this module is first loaded, at the start of every command: read when the watch begins, once the dev
 * server is up (2.5 s for Vite and the bundle), it was the new parent of a server npm had left orphaned meanwhile.
 */
const PARENT_AT_START = process.ppid;

/**
 * Calls `onEnd` with its id once the process that started this one (`parent`) has ended, as the system shows it: an orphan is given
 * another parent (init, or a subreaper), so its parent's id changes. `npm run` (11.19 on Linux) answers SIGTERM
 * by ending the shell it ran the command in, not the command: a server left so ran on, orphaned, on its port.
 * Polled, as Node tells no such event; the timer does not keep the process alive. Returns a function that stops
 * watching.
 */
export function whenParentEnds(onEnd: (parent: number) => void, everyMs = 1000, parent = PARENT_AT_START): () => void {
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onEnd(parent);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
