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
  files: Map<string, FileRecord>;
}

export interface OutputState {
  version: 1;
  target: string;
  current: TreeRecord | undefined;
  spare: TreeRecord | undefined;
}

/** The record's file name inside .cache/ for the output folder `target` (an absolute path). */
export function outputStateName(target: string): string {
  return outputRecordName('output', target);
}

/** The record of the output folder `target`, when .cache/ holds one of this version made for that folder. */
export async function readOutputState(root: string, target: string): Promise<OutputState | undefined> {
  const stored = await readCacheFile<OutputState>(root, outputStateName(target));
  return stored?.version === 1 && stored.target === target ? stored : undefined;
}
