import type { BigIntStats } from 'node:fs';
import { STABLE_MS } from '../content/read.ts';
import { fileRecord } from '../pipeline/cache.ts';

/**
 * What the last build learned of public/'s files: each file's hash, with the file-system facts that change
 * whenever its bytes do, as git's index keeps them. A build with a change then looks at an unchanged file of
 * public/ with one stat instead of reading and hashing it: an old site moved into public/ (3,000 files,
 * 46 MB) took 0.4–0.9 s of every one-article rebuild to read and hash, one fs/promises read per file.
 *
 * Keyed by the absolute path of the file read (for a link, the file it leads to). A file whose facts all match
 * is trusted only if it had not changed for STABLE_MS when it was read (content/read.ts), so a second write
 * within the file system's timestamp granularity (a jiffy on ext4, two seconds on FAT) is not missed. What is
 * left: a change that keeps size, modification and change time to the nanosecond, inode and device, which
 * only setting the clock back, writing the disk under the file system, or a file system that keeps no change
 * time (some network and FUSE mounts) can make. Deleting .cache/ makes the next build read every file.
 */
export type KnownPublicFiles = Map<string, KnownPublicFile>;

export interface KnownPublicFile {
  size: bigint;
  mtimeNs: bigint;
  /** Changes with every write, even one that sets the modification time back (touch -d, rsync -t, fs.utimes). */
  ctimeNs: bigint;
  /** A file replaced by another (saved through a rename) has a new inode. */
  ino: bigint;
  dev: bigint;
  /** sha1 of the bytes, as the publisher hashes them. */
  hash: string;
  /** When its stat was taken, before it was read. */
  readAtMs: number;
}

/** With a CRC-32 like every .bin file (pipeline/cache.ts); version 1. */
const record = fileRecord<KnownPublicFile>('public-files.bin', 1);

export function readKnownPublicFiles(root: string): Promise<KnownPublicFiles> {
  return record.read(root);
}

/** Keeps `learned` for the next build, unless it is what `known` already held (nothing was read). */
export function storeKnownPublicFiles(root: string, known: KnownPublicFiles, learned: KnownPublicFiles): Promise<void> {
  return record.store(root, known, learned);
}

/** The hash `known` holds, when `info` (a stat taken now) still shows that file and it had been stable when read. */
export function knownPublicHash(known: KnownPublicFile | undefined, info: BigIntStats): string | undefined {
  return known && unchangedSinceRead(known, info) ? known.hash : undefined;
}

/** Whether `info` (a stat taken now) still shows the file `known` was learned of, which had been stable when read. */
export function unchangedSinceRead(known: Omit<KnownPublicFile, 'hash'>, info: BigIntStats): boolean {
  return (
    info.isFile() &&
    info.size === known.size &&
    info.mtimeNs === known.mtimeNs &&
    info.ctimeNs === known.ctimeNs &&
    info.ino === known.ino &&
    info.dev === known.dev &&
    known.readAtMs - Number((known.mtimeNs > known.ctimeNs ? known.mtimeNs : known.ctimeNs) / 1_000_000n) >= STABLE_MS
  );
}

/** What to keep of a file read now: `info` is its stat taken at `readAtMs`, before its bytes were read. */
export function learnedPublicFile(info: BigIntStats, hash: string, readAtMs: number): KnownPublicFile {
  return { size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs, ino: info.ino, dev: info.dev, hash, readAtMs };
}
