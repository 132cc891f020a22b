import { readFileSync } from 'node:fs';

/**
 * Whether a process with this id runs on this machine. Signal 0 only asks; EPERM means it runs as another
 * user. Used to tell a file or lock left by a process that was killed from one still in use.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * When the process with this id started, in ms since the epoch, as Linux's /proc shows it (its start in clock ticks
 * after boot, at the 100 ticks a second /proc reports on every architecture Node runs on); undefined elsewhere or
 * when it is gone. `bootedAt` is when the machine started (Date.now() - os.uptime() s): inside a container both
 * count from the host's boot, so they agree. Tells a file a killed process left from one of a process that took its
 * id since: that one started after the file was made.
 */
export function processStartedAt(pid: number, bootedAt: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After the last ")" come the fields from the state (3rd) on; the start time is the 22nd.
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
  return Number.isFinite(ticks) ? bootedAt + ticks * 10 : undefined;
}

/**
 * A killed process stays in the process table until its parent waits for it, and signal 0 still finds it.
 * In a container whose first process does not wait for orphans, a killed build stays so for good, and its
 * lock would be waited for forever. Linux shows such a process with state Z in /proc; elsewhere this
 * cannot tell, and answers false.
 */
function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (command name) state …": the name may hold spaces and parentheses, so the state follows the last ")".
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

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
