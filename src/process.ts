/**
 * Whether a process with this id runs on this machine. Signal 0 only asks; EPERM means it runs as another
 * user. Used to tell a file or lock left by a process that was killed from one still in use.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
