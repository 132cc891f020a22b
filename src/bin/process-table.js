// Plain JavaScript (typed by process-table.d.ts): code.js, which runs before any TypeScript can be loaded, asks it
// whether the process that holds a bundle still runs. src/process.ts gives the rest of arhivar the same functions.
import { readFileSync } from 'node:fs';

/**
 * Whether a process with this id runs on this machine. Signal 0 only asks; EPERM means it runs as another
 * user. Used to tell a file or lock left by a process that was killed from one still in use.
 * @param {number} pid
 * @returns {boolean}
 */
export function processExists(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * When the process with this id started, in ms since the epoch, as Linux's /proc shows it (its start in clock ticks
 * after boot, at the 100 ticks a second /proc reports on every architecture Node runs on); undefined elsewhere or
 * when it is gone. `bootedAt` is when the machine started (Date.now() - os.uptime() s): inside a container both
 * count from the host's boot, so they agree. Tells a file a killed process left from one of a process that took its
 * id since: that one started after the file was made.
 * @param {number} pid
 * @param {number} bootedAt
 * @returns {number | undefined}
 */
export function processStartedAt(pid, bootedAt) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After the last ")" come the fields from the state (3rd) on; the start time is the 22nd.
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
  return Number.isFinite(ticks) ? bootedAt + ticks * 10 : undefined;
}

/** How far a process's start read from /proc may be from the clock's: its ticks are 10 ms, the boot time is derived. */
const START_GRAIN_MS = 2000;

/**
 * Whether a file that process `pid` made at `madeMs` to say it is using something (a reader file of a cache log,
 * a mark in a bundle) was made by a process that still runs. Not when no process has that id; nor when the file
 * is older than the machine's start (`bootedAt`, as for processStartedAt): it came with a restored .cache/ (a CI
 * cache, a backup), and its id may be another process's now; nor when it was made before the process that has its
 * id now started, which a container of a later CI job, numbering its processes anew, shows with the host's boot.
 * @param {number} pid
 * @param {number} madeMs
 * @param {number} bootedAt
 * @returns {boolean}
 */
export function madeByRunningProcess(pid, madeMs, bootedAt) {
  return pid > 0 && madeMs >= bootedAt && processExists(pid) && !(madeMs < (processStartedAt(pid, bootedAt) ?? madeMs) - START_GRAIN_MS);
}

/**
 * A killed process stays in the process table until its parent waits for it, and signal 0 still finds it.
 * In a container whose first process does not wait for orphans, a killed build stays so for good, and its
 * lock would be waited for forever. Linux shows such a process with state Z in /proc; elsewhere this
 * cannot tell, and answers false.
 * @param {number} pid
 */
function isZombie(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (command name) state …": the name may hold spaces and parentheses, so the state follows the last ")".
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}
