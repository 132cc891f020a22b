import fs from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { uptime } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { ArhivarError } from '../errors.ts';
import { CACHE_DIR, deserializeValue, openSameFile, unusedRecords, readAt, removeOtherVersions, renameIntoCacheSync, temporaryPath, writeAt, type Erasure, type FileIdentity, type LogReader, type StaleRecords } from './cache.ts';
import { madeByRunningProcess, processExists } from '../process.ts';

/**
 * A key → record log under .cache/ for values too large to hold all at once: rendered article bodies take
 * about 65 MB at 10,000 articles and 650 MB at 100,000. Each record is a small head, held in memory, and
 * byte parts, which stay on disk and are read when asked for (one positioned read each).
 *
 * Like RecordCache it is an append-only log named by version, compacted when most of it is stale, and a torn
 * last record is ignored. Two things keep a read true while other arhivar processes use the same .cache/:
 * - every file this process reads parts from stays open, so a log that another process compacts and renames
 *   over this one does not move the bytes under the offsets we hold;
 * - records made in this run go first to a spill file of this process alone (their offsets are known only
 *   there) and are appended to the shared log by save(), whole records at a time.
 * Each part carries a CRC-32, checked on every read: a damaged log fails the build with the file named,
 * never puts wrong bytes on a page. The key and head have one of their own, checked when the log is opened:
 * a record whose head (an article's first paragraph, which list pages and feeds show) is damaged is left
 * out, and its body is rendered anew.
 *
 * Layout of a record (numbers little-endian):
 *   u32 length of what follows | u16 key bytes | key | u32 head bytes | u32 crc of key and head | head (v8) |
 *   u8 parts | per part: u32 length, u32 crc | the parts
 *
 * A record erased in place (staleRecords: the text of an article no longer published) keeps every length and
 * becomes zeros elsewhere (its checksum, key, head and parts), and it is skipped as a stale record. Parts are
 * read long after the log is opened, so a record is erased only while no other process has the log open: each
 * open log is named by a reader file (`<log>.<pid>-<n>.reader`), and the eraser holds `<log>.erasing` while
 * it looks for them and erases, which a log being opened waits for.
 */
export class BlobLog<H> {
  private readonly entries = new Map<string, Entry<H>>();
  private readonly used = new Set<string>();
  private main: Segment | undefined;
  /** This run's records: `copied` of them (`copiedBytes` bytes) are in the shared log already. */
  private spill: (Segment & { file: string; size: number; pending: Buffer[]; pendingBytes: number; records: number; copied: number; copiedBytes: number }) | undefined;
  private recordsOnDisk = 0;
  /** Where each record of the main log starts, and its key, as load() read them (see staleRecords). */
  private mainStarts: number[] = [];
  private mainKeys: string[] = [];
  private identity: FileIdentity | undefined;
  /** This log's reader file, while it is open (see the top of this file). */
  private reader: string | undefined;
  private tornTail = false;
  private closed = false;

  private constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly version: string,
  ) {}

  static async open<H>(root: string, name: string, version: string): Promise<BlobLog<H>> {
    const log = new BlobLog<H>(path.join(root, CACHE_DIR), name, version);
    await log.register();
    log.load();
    await log.removeAbandonedSpills();
    return log;
  }

  /** True when the log of this name and version exists (it may hold no records). */
  static async exists(root: string, name: string, version: string): Promise<boolean> {
    return stat(new BlobLog(path.join(root, CACHE_DIR), name, version).file).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  get size(): number {
    return this.entries.size;
  }

  private get file(): string {
    return path.join(this.directory, `${this.name}-${this.version}.log`);
  }

  /** The head of `key`'s record, counting the record as used (kept when the log is compacted). */
  head(key: string): H | undefined {
    const entry = this.entries.get(key);
    if (entry) this.used.add(key);
    return entry?.head;
  }

  /** Part `index` of `key`'s record, read from disk. */
  part(key: string, index: number): Uint8Array {
    return this.readParts(key, index, index + 1)[0]!;
  }

  /** Every part of `key`'s record, with one read. */
  parts(key: string): Uint8Array[] {
    return this.readParts(key, 0, undefined);
  }

  private readParts(key: string, from: number, to: number | undefined): Uint8Array[] {
    if (this.closed) throw new Error(`internal: ${this.file} was read after it was closed`);
    const entry = this.entries.get(key);
    const end = to ?? entry?.lengths.length ?? 0;
    if (!entry || end > entry.lengths.length || (to !== undefined && from >= end)) throw new Error(`internal: ${this.file} has no part ${from} for ${key}`);
    if (entry.segment === this.spill && entry.position >= this.spill.size) this.flushSpill();
    let position = entry.position;
    for (let i = 0; i < from; i++) position += entry.lengths[i]!;
    let length = 0;
    for (let i = from; i < end; i++) length += entry.lengths[i]!;
    const bytes = Buffer.allocUnsafe(length);
    let damaged = (length === 0 ? 0 : fs.readSync(entry.segment.fd, bytes, 0, length, position)) !== length;
    const parts: Uint8Array[] = [];
    for (let i = from, offset = 0; i < end; offset += entry.lengths[i]!, i++) {
      const part = bytes.subarray(offset, offset + entry.lengths[i]!);
      if (crc32(part) !== entry.checksums[i]) damaged = true;
      parts.push(part);
    }
    if (damaged) {
      // The next build must not meet it again: the log is removed (the next build renders those bodies anew).
      fs.rmSync(this.file, { force: true });
      throw new ArhivarError({
        code: 'cache/damaged',
        message: `a record in the build cache was damaged (${length} bytes expected at offset ${position}), so the file was removed; nothing was published`,
        file: path.join(CACHE_DIR, path.basename(this.file)),
        hint: 'run the build again: it renders the bodies that were in the file anew (the cache only makes builds faster)',
      });
    }
    return parts;
  }

  /** Adds a record. Its parts go to this process's spill file (written in chunks of about 1 MB), not into memory. */
  set(key: string, head: H, parts: readonly Uint8Array[]): void {
    if (this.closed) throw new Error(`internal: ${this.file} was written after it was closed`);
    const spill = this.openSpill();
    const record = encodeRecord(key, head, parts);
    this.entries.set(key, {
      head,
      segment: spill,
      position: spill.size + spill.pendingBytes + record.partsOffset,
      lengths: parts.map((part) => part.length),
      checksums: record.checksums,
    });
    this.used.add(key);
    spill.pending.push(record.bytes);
    spill.pendingBytes += record.bytes.length;
    spill.records++;
    if (spill.pendingBytes >= SPILL_CHUNK) this.flushSpill();
  }

  /**
   * Puts this run's records into the shared log, or rewrites the log with only the records this run used
   * when most of it is stale (or its tail is torn). Reads still work afterwards.
   */
  async save(): Promise<void> {
    if (this.closed) return;
    await mkdir(this.directory, { recursive: true });
    const stale = this.recordsOnDisk + (this.spill ? this.spill.records - this.spill.copied : 0) - this.used.size;
    if (this.spillHoldsEverything()) this.promoteSpill();
    else if (this.tornTail || (stale > 64 && stale > this.used.size)) this.compact();
    else if (this.spill && this.spill.records > this.spill.copied) this.appendSpill();
    await removeOtherVersions(this.directory, this.name, this.file);
  }

  /** Closes every file; part() fails from here on. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.main) fs.closeSync(this.main.fd);
    if (this.spill) {
      fs.closeSync(this.spill.fd);
      fs.rmSync(this.spill.file, { force: true });
    }
    if (this.reader) {
      fs.rmSync(this.reader, { force: true });
      openReaders.delete(this.reader);
    }
  }

  /**
   * The records of the main log this run has not used (after save(); a compaction leaves none), to be erased
   * in place once the build is published (Erasures in cache.ts). Their erasure is left to a later build while
   * another process has the log open: it may be about to read their parts.
   */
  staleRecords(): StaleRecords | undefined {
    const { identity, file, reader } = this;
    if (!identity) return undefined;
    const { starts, keys } = unusedRecords(this.mainStarts, this.mainKeys, this.used);
    return { file, count: starts.length, erase: () => eraseAlone(file, identity, reader, () => eraseBlobRecords(file, identity, starts, keys)) };
  }

  /**
   * Names this process as a reader of the log, then waits while another erases records of it: from here on no
   * record is erased under it, and it reads none that is half erased.
   */
  private async register(): Promise<void> {
    const reader = `${this.file}.${process.pid}-${++readers}.reader`;
    try {
      fs.mkdirSync(this.directory, { recursive: true });
      fs.writeFileSync(reader, '');
      this.reader = reader;
      openReaders.add(reader);
    } catch {
      // A read-only .cache/: no process can erase in it either.
      return;
    }
    while (erasingProcess(`${this.file}.erasing`) !== undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /**
   * Reads every record's key, head and part lengths. The log is read front to back in chunks; the parts
   * are skipped over, never decoded.
   */
  private load(): void {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return;
    }
    const info = fs.fstatSync(fd);
    if (!info.isFile()) {
      // A folder in the log's place opens, but cannot be read (EISDIR): no records, and the log is written anew.
      fs.closeSync(fd);
      this.tornTail = true;
      return;
    }
    this.main = { fd };
    this.identity = { dev: info.dev, ino: info.ino };
    const size = info.size;
    let chunk = Buffer.allocUnsafe(LOAD_CHUNK);
    let position = 0;
    while (position < size) {
      const bytesRead = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - position), position);
      let offset = 0;
      while (offset + 4 <= bytesRead) {
        const header = decodeHeader(chunk, offset, bytesRead, position + offset, size);
        if (header === 'torn') {
          this.tornTail = true;
          return;
        }
        if (header === 'more') break;
        if (!header.damaged && !header.erased) this.entries.set(header.key, { head: header.head as H, segment: this.main, position: header.partsPosition, lengths: header.lengths, checksums: header.checksums });
        if (!header.erased) {
          this.mainStarts.push(position + offset);
          this.mainKeys.push(header.key);
        }
        this.recordsOnDisk++;
        offset = header.end - position;
      }
      if (offset === 0) {
        // One record's header does not fit in the chunk: read again with a chunk that holds it.
        if (chunk.length >= size - position) {
          this.tornTail = true;
          return;
        }
        chunk = Buffer.allocUnsafe(chunk.length * 2);
        continue;
      }
      position += offset;
    }
  }

  private openSpill() {
    if (this.spill) return this.spill;
    fs.mkdirSync(this.directory, { recursive: true });
    // Named by the process, for removeAbandonedSpills, and numbered within it: two logs open in one process
    // (two builds of one site run from one program) must not write one file.
    const file = path.join(this.directory, `${this.name}-${this.version}.${process.pid}-${++spills}.spill`);
    this.spill = { fd: fs.openSync(file, 'w+'), file, size: 0, pending: [], pendingBytes: 0, records: 0, copied: 0, copiedBytes: 0 };
    return this.spill;
  }

  private flushSpill(): void {
    const spill = this.spill;
    if (!spill || spill.pendingBytes === 0) return;
    const bytes = Buffer.concat(spill.pending);
    writeFully(spill.fd, bytes, spill.size);
    spill.size += bytes.length;
    spill.pending = [];
    spill.pendingBytes = 0;
  }

  /**
   * Appends the spill file's records not yet in the shared log, in chunks of whole records. The spill file
   * stays (this run's entries are read from it) until close(); a dev session adds to it at every reload.
   */
  private appendSpill(): void {
    const spill = this.spill!;
    this.flushSpill();
    const target = fs.openSync(this.file, 'a');
    try {
      copyRecords(spill.fd, spill.copiedBytes, spill.size, target);
    } finally {
      fs.closeSync(target);
    }
    this.recordsOnDisk += spill.records - spill.copied;
    spill.copied = spill.records;
    spill.copiedBytes = spill.size;
  }

  /** True when the spill file holds exactly the records this run used (a first build, or one after every body changed). */
  private spillHoldsEverything(): boolean {
    const spill = this.spill;
    if (!spill || spill.copied > 0 || spill.records !== this.used.size) return false;
    for (const key of this.used) if (this.entries.get(key)!.segment !== spill) return false;
    return true;
  }

  /** The spill file becomes the log, by a rename: its records need not be copied. */
  private promoteSpill(): void {
    const spill = this.spill!;
    this.flushSpill();
    renameIntoCacheSync(spill.file, this.file);
    this.forgetMainRecords();
    for (const [key, entry] of this.entries) if (entry.segment !== spill) this.entries.delete(key);
    if (this.main) fs.closeSync(this.main.fd);
    this.main = spill;
    this.spill = undefined;
    this.recordsOnDisk = spill.records;
    this.tornTail = false;
  }

  /** Writes the used records into a new log and renames it over the old one; entries then point into it. */
  private compact(): void {
    this.flushSpill();
    const temporary = temporaryPath(this.file);
    const fd = fs.openSync(temporary, 'w+');
    const next: Segment = { fd };
    let size = 0;
    const moved: [string, Entry<H>][] = [];
    try {
      for (const key of this.used) {
        const entry = this.entries.get(key)!;
        const record = encodeRecord(key, entry.head, this.parts(key));
        writeFully(fd, record.bytes, size);
        moved.push([key, { ...entry, segment: next, position: size + record.partsOffset }]);
        size += record.bytes.length;
      }
      renameIntoCacheSync(temporary, this.file);
      this.forgetMainRecords();
    } catch (error) {
      // A damaged record (cache/damaged) or a full disk: the half-written copy goes, the error stands.
      fs.closeSync(fd);
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    this.entries.clear();
    for (const [key, entry] of moved) this.entries.set(key, entry);
    if (this.main) fs.closeSync(this.main.fd);
    if (this.spill) {
      fs.closeSync(this.spill.fd);
      fs.rmSync(this.spill.file, { force: true });
      this.spill = undefined;
    }
    this.main = next;
    this.recordsOnDisk = moved.length;
    this.tornTail = false;
  }

  /** The file replaced holds the records read (and any stale ones): the new one only records this run used. */
  private forgetMainRecords(): void {
    this.mainStarts = [];
    this.mainKeys = [];
    this.identity = undefined;
  }

  /** Spill files of processes that are gone (a build that was killed): their records never reached the log. */
  private async removeAbandonedSpills(): Promise<void> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const pattern = new RegExp(`^${this.name}-.*\\.(\\d+)(?:-\\d+)?\\.spill$`);
    await Promise.all(
      names.map((entry) => {
        const pid = Number(pattern.exec(entry)?.[1]);
        if (!pid || pid === process.pid || processExists(pid)) return undefined;
        return rm(path.join(this.directory, entry), { force: true });
      }),
    );
  }
}

/** Spill files opened by this process so far (see openSpill). */
let spills = 0;
/** Reader files made by this process so far (see register), and those of its logs still open. */
let readers = 0;
const openReaders = new Set<string>();

interface Segment {
  fd: number;
}

interface Entry<H> {
  head: H;
  /** The open file the parts are read from. */
  segment: Segment;
  /** Offset of the first part in that file; the others follow it. */
  position: number;
  lengths: number[];
  checksums: number[];
}

const LOAD_CHUNK = 1024 * 1024;
const SPILL_CHUNK = 1024 * 1024;

function encodeRecord(key: string, head: unknown, parts: readonly Uint8Array[]): { bytes: Buffer; partsOffset: number; checksums: number[] } {
  const keyBytes = Buffer.from(key);
  const headBytes = serialize(head);
  const checksums = parts.map((part) => crc32(part));
  const partsOffset = 4 + 2 + keyBytes.length + 4 + 4 + headBytes.length + 1 + 8 * parts.length;
  let total = partsOffset;
  for (const part of parts) total += part.length;
  const bytes = Buffer.allocUnsafe(total);
  let offset = bytes.writeUInt32LE(total - 4, 0);
  offset = bytes.writeUInt16LE(keyBytes.length, offset);
  offset += keyBytes.copy(bytes, offset);
  offset = bytes.writeUInt32LE(headBytes.length, offset);
  offset = bytes.writeUInt32LE(crc32(headBytes, crc32(keyBytes)), offset);
  offset += headBytes.copy(bytes, offset);
  offset = bytes.writeUInt8(parts.length, offset);
  parts.forEach((part, index) => {
    offset = bytes.writeUInt32LE(part.length, offset);
    offset = bytes.writeUInt32LE(checksums[index]!, offset);
  });
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, partsOffset, checksums };
}

/** `damaged`: the key or head does not match its checksum; `erased`: erased in place. Either is skipped. */
type Header = { key: string; head: unknown; partsPosition: number; lengths: number[]; checksums: number[]; end: number; damaged: boolean; erased: boolean };

/**
 * The record starting at chunk[offset] (file position `position`): 'more' when its header runs past the bytes
 * read, 'torn' when the record runs past the end of the file or does not decode.
 */
function decodeHeader(chunk: Buffer, offset: number, available: number, position: number, fileSize: number): Header | 'more' | 'torn' {
  const length = chunk.readUInt32LE(offset);
  const end = position + 4 + length;
  if (end > fileSize) return 'torn';
  let cursor = offset + 4;
  const need = (bytes: number) => cursor + bytes <= available && cursor + bytes <= offset + 4 + length;
  if (!need(2)) return end - position <= available - offset ? 'torn' : 'more';
  const keyLength = chunk.readUInt16LE(cursor);
  cursor += 2;
  if (!need(keyLength + 8)) return end - position <= available - offset ? 'torn' : 'more';
  const keyBytes = chunk.subarray(cursor, cursor + keyLength);
  const key = keyBytes.toString('utf8');
  cursor += keyLength;
  const headLength = chunk.readUInt32LE(cursor);
  const headChecksum = chunk.readUInt32LE(cursor + 4);
  cursor += 8;
  if (!need(headLength + 1)) return end - position <= available - offset ? 'torn' : 'more';
  const headBytes = chunk.subarray(cursor, cursor + headLength);
  // As cache.ts isErased: the checksum, the key and the head's first byte (v8's version tag, 0xFF) are zeros.
  const erased = headChecksum === 0 && headLength > 0 && headBytes[0] === 0 && keyBytes.every((byte) => byte === 0);
  const damaged = !erased && crc32(headBytes, crc32(keyBytes)) !== headChecksum;
  let head: unknown;
  if (!damaged && !erased) {
    try {
      head = deserializeValue(headBytes);
    } catch {
      return 'torn';
    }
  }
  cursor += headLength;
  const count = chunk.readUInt8(cursor);
  cursor += 1;
  if (!need(8 * count)) return end - position <= available - offset ? 'torn' : 'more';
  const lengths: number[] = [];
  const checksums: number[] = [];
  let partsLength = 0;
  for (let i = 0; i < count; i++) {
    lengths.push(chunk.readUInt32LE(cursor));
    checksums.push(chunk.readUInt32LE(cursor + 4));
    partsLength += lengths[i]!;
    cursor += 8;
  }
  const partsPosition = position + (cursor - offset);
  if (partsPosition + partsLength !== end) return 'torn';
  return { key, head, partsPosition, lengths, checksums, end, damaged, erased };
}

/** Copies whole records from `source` (bytes `from` to `to`) to the end of `target`, about 1 MB per write. */
function copyRecords(source: number, from: number, to: number, target: number): void {
  const buffer = Buffer.allocUnsafe(SPILL_CHUNK);
  let position = from;
  const size = to;
  let carry = Buffer.alloc(0);
  while (position < size) {
    const read = fs.readSync(source, buffer, 0, Math.min(buffer.length, size - position), position);
    if (read === 0) throw new Error('internal: the spill file ended early');
    position += read;
    let bytes = carry.length ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
    // Only whole records: another process appending at the same time then never splits one of ours.
    let whole = 0;
    while (whole + 4 <= bytes.length && whole + 4 + bytes.readUInt32LE(whole) <= bytes.length) whole += 4 + bytes.readUInt32LE(whole);
    for (let written = 0; written < whole; ) written += fs.writeSync(target, bytes, written, whole - written);
    carry = Buffer.from(bytes.subarray(whole));
    bytes = carry;
  }
  if (carry.length) throw new Error('internal: the spill file ends inside a record');
}

function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written, position + written);
}

/**
 * The process erasing records of the log whose lock file is `lock`, or undefined when none is. A lock left by a
 * killed process counts as none, and so does one older than ERASING_STALE_MS (its process id may have been
 * given to another process since): erasing takes milliseconds. So does one with this process's id: eraseAlone
 * takes and lets go of the lock within one synchronous call, so it was left by a killed process that had this id.
 */
function erasingProcess(lock: string): number | undefined {
  let pid: number;
  try {
    if (Date.now() - fs.statSync(lock).mtimeMs > ERASING_STALE_MS) return undefined;
    pid = Number(fs.readFileSync(lock, 'utf8'));
  } catch {
    return undefined;
  }
  return pid && pid !== process.pid && processExists(pid) ? pid : undefined;
}

const ERASING_STALE_MS = 10_000;

/**
 * Runs `erase` holding the log's erasing lock, unless another process has the log open (a reader file other than
 * `own`, of a process that still runs: they are given back, and a later build erases once they are closed) or
 * holds the lock. Reader files of processes that are gone are removed.
 */
function eraseAlone(file: string, identity: FileIdentity, own: string | undefined, erase: () => void): Erasure {
  const lock = `${file}.erasing`;
  let fd: number;
  try {
    fd = fs.openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || erasingProcess(lock) !== undefined) return 'left';
    // Left by a killed process, or a folder in its place (a half-restored cache: see renameIntoCache in cache.ts).
    fs.rmSync(lock, { recursive: true, force: true });
    try {
      fd = fs.openSync(lock, 'wx');
    } catch {
      return 'left';
    }
  }
  try {
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
    const directory = path.dirname(file);
    const prefix = `${path.basename(file)}.`;
    const bootedAt = Date.now() - uptime() * 1000;
    const readers: LogReader[] = [];
    for (const entry of fs.readdirSync(directory)) {
      const reader = path.join(directory, entry);
      if (!entry.startsWith(prefix) || !entry.endsWith('.reader') || reader === own) continue;
      const made = fs.statSync(reader, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (readerIsOpen(reader, made, bootedAt)) readers.push({ name: entry, madeMs: made });
      else fs.rmSync(reader, { force: true });
    }
    if (readers.length > 0) return { readers };
    // A log replaced since it was read (another process compacted it) holds no record of these offsets.
    const same = openSameFile(file, identity);
    if (same === undefined) return 'left';
    fs.closeSync(same);
    erase();
    return 'erased';
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Whether the reader file `reader` (`<log>.<pid>-<n>.reader`), made at `made` (ms), is of a process that has the log
 * open still (madeByRunningProcess). One named by this process's id that none of its logs holds was left by a
 * killed process that had the same id (a CI job's container numbers its processes alike each run, and .cache/ may
 * come from an earlier job).
 */
function readerIsOpen(reader: string, made: number, bootedAt: number): boolean {
  const pid = Number(/\.(\d+)-\d+\.reader$/.exec(reader)?.[1]);
  if (pid === process.pid) return made >= bootedAt && [...openReaders].some((open) => path.resolve(open) === path.resolve(reader));
  return madeByRunningProcess(pid, made, bootedAt);
}

/**
 * Whether one of `readers` (in .cache/ of `root`, as an erasure left for them named them) still has its log open:
 * then that erasure would be left again, and a build with nothing else changed has nothing to do
 * (pipeline/unchanged.ts).
 */
export function someReaderOpen(root: string, readers: readonly LogReader[]): boolean {
  const bootedAt = Date.now() - uptime() * 1000;
  return readers.some((reader) => {
    const file = path.join(root, CACHE_DIR, reader.name);
    const made = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    return made === reader.madeMs && readerIsOpen(file, made, bootedAt);
  });
}

/**
 * Erases the records at `starts` of `file`: every length stays, so the records after each are found where they
 * were; the key, the head, the checksums and the parts become zeros. A record no longer holding its key at its
 * place (erased already) is left as it is.
 */
function eraseBlobRecords(file: string, identity: FileIdentity, starts: readonly number[], keys: readonly string[]): void {
  const fd = openSameFile(file, identity);
  if (fd === undefined) return;
  try {
    for (let n = 0; n < starts.length; n++) {
      const start = starts[n]!;
      const key = Buffer.from(keys[n]!, 'utf8');
      const length = readAt(fd, 4, start);
      if (length.length < 4) continue;
      const record = readAt(fd, 4 + length.readUInt32LE(0), start);
      const image = erasedImage(record, key);
      if (image) writeAt(fd, image, start);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** `record` with everything but its lengths zeroed, or undefined when it is not a whole record of `key`. */
function erasedImage(record: Buffer, key: Buffer): Buffer | undefined {
  if (record.length < 4 || record.length !== 4 + record.readUInt32LE(0) || record.length < 6 + key.length + 9) return undefined;
  if (record.readUInt16LE(4) !== key.length || !record.subarray(6, 6 + key.length).equals(key)) return undefined;
  const image = Buffer.alloc(record.length);
  let cursor = 0;
  const keep = (bytes: number) => {
    record.copy(image, cursor, cursor, cursor + bytes);
    cursor += bytes;
  };
  keep(6);
  cursor += key.length;
  const headLength = record.readUInt32LE(cursor);
  keep(4);
  cursor += 4 + headLength;
  if (cursor + 1 > record.length) return undefined;
  const count = record.readUInt8(cursor);
  keep(1);
  if (cursor + 8 * count > record.length) return undefined;
  for (let i = 0; i < count; i++) {
    keep(4);
    cursor += 4;
  }
  // The checksums, the head and the parts are zeros already.
  return image;
}
