import { outputRecordName, readCacheFile } from '../pipeline/cache.ts';

/**
 * The record in .cache/ of what a build published into an output folder (publish.ts keeps it up to date). In a
 * module of its own, so that the check of what an output folder holds (pipeline/folders.ts), which runs before
 * every build, reads it without loading the publishing code.
 */

export interface FileRecord {
  /**
   * sha1 of the bytes. Records of builds before symbolic links in public/ were refused may hold
   * "link:<target>": no file is made with such a hash now, so those paths are written again as files.
   */
  hash: string;
  /** Page fingerprint, for pages with inputs. */
  key?: string | undefined;
}

export interface TreeRecord {
  /** Inode of the tree's folder when the record was made: a folder replaced behind our back is not trusted. */
  ino: number;
  /**
   * The folder's times after the build's swap (side-trees.ts TreeStamp): when they differ, something else changed
   * the top of the tree. Missing in records of earlier builds, which are then taken for changed once.
   */
  times?: string | undefined;
  files: Map<string, FileRecord>;
}

/**
 * The spare tree (the dist/ before last, see publish.ts) as the files of `current` less `missing`: it holds every
 * file of dist/ but those the last build changed or added. Recorded so, not as a second map of every file, the
 * record is about half as large: at 100,000 articles each build wrote and the next read 177,000 paths twice.
 */
export interface SpareRecord {
  ino: number;
  /** Its folder's times once the last build had brought it up to date (see TreeRecord.times). */
  times?: string | undefined;
  /** The files of `current` the spare does not hold with those bytes (their paths, in no order). */
  missing: string[];
}

export interface OutputState {
  version: 2;
  target: string;
  current: TreeRecord | undefined;
  spare: SpareRecord | undefined;
}

/** A record of builds before `SpareRecord`: the spare tree with a map of its own. */
interface OutputStateVersion1 {
  version: 1;
  target: string;
  current: TreeRecord | undefined;
  spare: TreeRecord | undefined;
}

/** The record's file name inside .cache/ for the output folder `target` (an absolute path). */
export function outputStateName(target: string): string {
  return outputRecordName('output', target);
}

/**
 * The record of the output folder `target`, when .cache/ holds one made for that folder. One of an earlier
 * arhivar is read without its spare tree, which the next build then makes afresh by linking from dist/ (as it
 * does after a cold build): its spare may hold symbolic links, which a spare made since never does.
 */
export async function readOutputState(root: string, target: string): Promise<OutputState | undefined> {
  const stored = await readCacheFile<OutputState | OutputStateVersion1>(root, outputStateName(target));
  if (stored?.target !== target) return undefined;
  if (stored.version === 2) return stored;
  return stored.version === 1 ? { version: 2, target, current: stored.current, spare: undefined } : undefined;
}

/** The files the spare tree holds, by the record: `current`'s less the missing ones. */
export function spareFiles(current: TreeRecord, spare: SpareRecord): Map<string, FileRecord> {
  const files = new Map(current.files);
  for (const relative of spare.missing) files.delete(relative);
  return files;
}
