import { spawn } from 'node:child_process';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { processExists } from '../process.ts';

/**
 * The trees beside the output folder (publish.ts): their names, moving one aside and deleting it without
 * making the build wait, and putting right what a killed build left. Apart from publish.ts so that a
 * rebuild with nothing changed, which tidies before it looks at dist/, loads none of the publishing code.
 */

/**
 * Puts right what a killed build left beside the output folder: its staging tree, or the old dist/ it had
 * not yet renamed to the spare. Their build is gone, so nothing else would ever finish or delete them (seen:
 * a build killed while writing left `.dist-staging-22662`, 15,000 files, through every later build). A
 * build killed between its two renames left no dist/ at all: its old tree is the site published last, and
 * goes back in its place, so that a build that fails next still leaves the site as it was. Only trees of
 * processes that no longer run are touched, and trees moved aside whose deletion was forgotten. Call it
 * holding the output folder's lock (build-lock.ts).
 */
export async function tidyAfterKilledBuilds(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const leftovers: { kind: 'old' | 'staging'; directory: string }[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (isForgottenTrash(name, base)) removeInBackground(path.join(parent, name));
    for (const kind of ['old', 'staging'] as const) {
      const prefix = `.${base}-${kind}-`;
      const pid = name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)) ? Number(name.slice(prefix.length)) : undefined;
      if (pid !== undefined && pid !== process.pid && !processExists(pid)) leftovers.push({ kind, directory: path.join(parent, name) });
    }
  }
  // The old trees first: one of them may be the published site.
  leftovers.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'old' ? -1 : 1));
  for (const { kind, directory } of leftovers) {
    if (kind === 'old' && (await inode(target)) === undefined) await rename(directory, target);
    else await moveAside(directory).catch(() => undefined);
  }
}

/**
 * A tree moved aside (moveAside) is deleted by a detached rm within seconds, or a minute at 100,000 articles.
 * One still there an hour later lost its rm (the machine stopped, say): it is deleted again. A second rm
 * at work on a tree with the first does no harm.
 */
const TRASH_FORGOTTEN_MS = 60 * 60 * 1000;

function isForgottenTrash(name: string, base: string): boolean {
  if (!name.startsWith(`.${base}-`)) return false;
  const movedAt = /-trash-\d+-(\d+)$/.exec(name)?.[1];
  return movedAt !== undefined && Date.now() - Number(movedAt) > TRASH_FORGOTTEN_MS;
}

export function treeNames(target: string) {
  const base = path.basename(target);
  const parent = path.dirname(target);
  return {
    spare: path.join(parent, `.${base}-spare`),
    fresh: path.join(parent, `.${base}-staging-${process.pid}`),
    old: path.join(parent, `.${base}-old-${process.pid}`),
  };
}

/**
 * A tree's folder as the record of a build names it: its inode, and its modification and change times (ns,
 * `mtime/ctime`). Both times move whenever an entry directly in the folder is added, removed or renamed (over
 * one, too), and the change time cannot be set back, so a tree whose top was changed by something other than
 * arhivar is told by one stat, where a stat of each of its files (177,000 at 100,000 articles) would cost
 * seconds. A change deeper down moves only the times of the folder it is in, and goes unseen. So does one in
 * the same tick of the file system's clock as the build's own last change to the folder (its swap, for the
 * spare the files dropOutdated removed), a few milliseconds on ext4.
 */
export interface TreeStamp {
  ino: number;
  times: string;
}

export async function treeStamp(directory: string): Promise<TreeStamp | undefined> {
  const info = await stat(directory, { bigint: true }).catch(() => undefined);
  return info?.isDirectory() === true ? { ino: Number(info.ino), times: `${info.mtimeNs}/${info.ctimeNs}` } : undefined;
}

export async function inode(directory: string): Promise<number | undefined> {
  return stat(directory).then(
    (info) => (info.isDirectory() ? info.ino : undefined),
    () => undefined,
  );
}

/** Frees a tree's name at once and deletes it without making the build wait. */
export async function moveAside(directory: string): Promise<void> {
  if ((await inode(directory)) === undefined) return;
  const trash = `${directory}-trash-${process.pid}-${Date.now()}`;
  await rename(directory, trash);
  removeInBackground(trash);
}

export function removeInBackground(directory: string): void {
  // Deleting ~13,000 files costs seconds of system time; a detached rm lets the build (and the CLI) end first.
  const removeHere = () => void rm(directory, { recursive: true, force: true }).catch(() => {});
  if (process.platform === 'win32') return removeHere();
  // A missing rm is reported as an 'error' event, not thrown: remove the tree in this process then.
  spawn('rm', ['-rf', '--', directory], { detached: true, stdio: 'ignore' }).on('error', removeHere).unref();
}
