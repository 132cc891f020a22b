import fs from 'node:fs';
import path from 'node:path';

/**
 * One change to a tree being staged for publishing (publish.ts). Every path is absolute. `replace` says the
 * path may exist already: a file is then unlinked first, never written in place, so a hard link shared
 * with dist/ never sees the change.
 */
export type TreeOp =
  | { kind: 'write'; file: string; bytes: Uint8Array; replace: boolean }
  /** Bytes at `start` in the writer's shared buffer (tree-writer.ts), on the writer thread only. */
  | { kind: 'write-shared'; file: string; start: number; length: number; replace: boolean }
  /** The file as it is in another tree, by a hard link. */
  | { kind: 'link'; file: string; from: string }
  | { kind: 'unlink'; file: string }
  /** A folder and all it holds: where a file of the same name is to be written. */
  | { kind: 'remove-folder'; folder: string };

/** Applies tree operations synchronously, making each folder once. Used on the writer thread and inline. */
export class TreeOpRunner {
  private readonly made = new Set<string>();

  constructor(private readonly shared?: SharedArrayBuffer) {}

  apply(op: TreeOp): void {
    if (op.kind === 'unlink') return unlinkIfThere(op.file);
    if (op.kind === 'remove-folder') {
      fs.rmSync(op.folder, { recursive: true, force: true });
      for (const made of this.made) if (made === op.folder || made.startsWith(op.folder + path.sep)) this.made.delete(made);
      return;
    }
    this.ensureDirectory(path.dirname(op.file));
    if (op.kind === 'write' || op.kind === 'write-shared') {
      if (op.replace) unlinkIfThere(op.file);
      fs.writeFileSync(op.file, op.kind === 'write' ? op.bytes : this.sharedBytes(op.start, op.length));
    } else {
      unlinkIfThere(op.file);
      fs.linkSync(op.from, op.file);
    }
  }

  private sharedBytes(start: number, length: number): Uint8Array {
    if (!this.shared) throw new Error('internal: a shared write without the shared buffer');
    return new Uint8Array(this.shared, start, length);
  }

  private ensureDirectory(directory: string): void {
    if (this.made.has(directory)) return;
    fs.mkdirSync(directory, { recursive: true });
    this.made.add(directory);
  }
}

function unlinkIfThere(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** What the writer thread reports for each batch: how many operations it took, and the first failure. */
export interface BatchReport {
  done: number;
  /** The error's fields that say which call failed on which file (Node's fs errors carry them). */
  failure?: { message: string; code?: string | undefined; syscall?: string | undefined; path?: string | undefined } | undefined;
}
