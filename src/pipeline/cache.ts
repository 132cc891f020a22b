import { createHash } from 'node:crypto';
import { uptime } from 'node:os';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DefaultDeserializer, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { append } from '../append.ts';
import { madeByRunningProcess, processExists } from '../process.ts';

/**
 * A persistent key → value store under .cache/ (safe to delete at any time). It is an append-only log of
 * records, each its key and its v8-serialised value, so a rebuild that renders one article appends one
 * record instead of rewriting them all; the log is compacted when most of it is stale. A torn last record
 * (a crash while appending) is ignored. `version` names the log file: a new arhivar version starts a fresh
 * log and removes old ones.
 *
 * Every record and every file kept whole carries a CRC-32 of its bytes. A damaged one (a disk error, a
 * half-copied folder) is treated as missing and made again from the content, instead of being decoded into
 * a value that is subtly wrong: a byte changed in an article's validated front matter put a wrong title on
 * 20 pages of a 200-article site, and one in the stored people made the build fail with a TypeError.
 */
export const CACHE_DIR = '.cache';

/**
 * Node's deserializer, except that every typed array it makes gets bytes of its own. Node's makes them views
 * into the buffer it reads: one small Uint8Array of a record read from a log then kept the whole chunk of the
 * log it came in alive: the search terms' weights, a Uint8Array until they became a string, held every byte
 * of search-terms-*.log in memory beside the records made from it (130 MB at 100,000 articles). No record
 * holds a typed array now; this keeps the next one from bringing the leak back.
 */
class OwnBytesDeserializer extends DefaultDeserializer {
  _readHostObject(): ArrayBufferView {
    const view = (DefaultDeserializer.prototype as unknown as { _readHostObject(this: DefaultDeserializer): ArrayBufferView })._readHostObject.call(this);
    const own = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
    // A Buffer's constructor is the deprecated Buffer(): Buffer.from makes a view of `own` instead.
    if (Buffer.isBuffer(view)) return Buffer.from(own);
    const View = view.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;
    return new View(own, 0, view.byteLength / ((view as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1));
  }
}

/** v8.deserialize, with typed arrays that do not keep `bytes` alive (see OwnBytesDeserializer). */
export function deserializeValue(bytes: Uint8Array): unknown {
  const deserializer = new OwnBytesDeserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue();
}

/**
 * One value kept whole in `.cache/<name>`: a CRC-32 of the value's bytes, then the value v8-serialised.
 * Undefined when the file is missing, unreadable or damaged.
 */
export async function readCacheFile<T>(root: string, name: string): Promise<T | undefined> {
  const bytes = await readFile(path.join(root, CACHE_DIR, name)).catch(() => undefined);
  if (!bytes || bytes.length < 4) return undefined;
  const value = bytes.subarray(4);
  if (crc32(value) !== bytes.readUInt32LE(0)) return undefined;
  try {
    return deserializeValue(value) as T;
  } catch {
    return undefined;
  }
}

let temporaries = 0;

/**
 * A name beside `file` to write it under before renaming it into place. Unique within this process too:
 * two loads of the dev server may write the same file at once (an article saved during the first load),
 * and with one name per process one load renamed the other's file away and failed with ENOENT.
 */
export function temporaryPath(file: string): string {
  return `${file}.${process.pid}.${++temporaries}.tmp`;
}

/**
 * Removes the temporary files (temporaryPath) in .cache/ of processes that have ended (madeByRunningProcess, as for
 * the logs' reader files): one killed between writing a file and renaming it into place left the copy for good,
 * with what the file held then (the text of an article taken down since, the names of content/'s files). Not this
 * process's: one of its writes may be under way.
 */
export async function removeAbandonedTemporaries(root: string): Promise<void> {
  const directory = path.join(root, CACHE_DIR);
  const names = await readdir(directory).catch(() => [] as string[]);
  const bootedAt = Date.now() - uptime() * 1000;
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(name)?.[1]);
      if (!(pid > 0) || pid === process.pid) return;
      const file = path.join(directory, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && !madeByRunningProcess(pid, info.mtimeMs, bootedAt)) await rm(file, { force: true });
    }),
  );
}

/**
 * The name in .cache/ of a record kept per output folder (`target`, absolute): `<kind>-<hash>.bin`, so builds
 * into dist/ and into another --out keep records of their own (output/publish.ts, pipeline/published-addresses.ts).
 */
export function outputRecordName(kind: string, target: string): string {
  return `${kind}-${createHash('sha1').update(target).digest('hex').slice(0, 12)}.bin`;
}

/**
 * Renames a temporary file over `file` in .cache/. A folder standing at `file` (a cache half-restored or copied
 * by hand) is removed first: rename cannot put a file in a folder's place (EISDIR), and every later build
 * failed there with »arhivar failed unexpectedly«. What .cache/ holds is arhivar's own, made again from content/.
 */
export async function renameIntoCache(temporary: string, file: string): Promise<void> {
  try {
    await rename(temporary, file);
  } catch (error) {
    if (!isFolderInTheWay(error)) throw error;
    await rm(file, { recursive: true, force: true });
    await rename(temporary, file);
  }
}

/** renameIntoCache, for the logs written synchronously (blob-log.ts). */
export function renameIntoCacheSync(temporary: string, file: string): void {
  try {
    renameSync(temporary, file);
  } catch (error) {
    if (!isFolderInTheWay(error)) throw error;
    rmSync(file, { recursive: true, force: true });
    renameSync(temporary, file);
  }
}

/** Linux says EISDIR for a rename onto a folder; other systems EEXIST or ENOTEMPTY (rename(2), POSIX). */
function isFolderInTheWay(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR' || code === 'EEXIST' || code === 'ENOTEMPTY';
}

/** Writes `.cache/<name>` through a temporary file and a rename, so a reader never sees half of it. */
export async function writeCacheFile(root: string, name: string, value: unknown): Promise<void> {
  const file = path.join(root, CACHE_DIR, name);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  const bytes = serialize(value);
  const checksum = Buffer.allocUnsafe(4);
  checksum.writeUInt32LE(crc32(bytes));
  // Written as two pieces, not joined: a record of every file of dist/ is 50 MB at 100,000 articles, and a
  // joined copy of it was the last rise of a build's peak memory.
  await writeFile(temporary, [checksum, bytes]);
  await renameIntoCache(temporary, file);
}

/**
 * A record in `.cache/` of what a build learned of each file of a folder, by path (content/'s hashes, public/'s),
 * with a version: a record of another version reads as empty, so the next build reads every file again.
 */
export interface FileRecord<T> {
  read(root: string): Promise<Map<string, T>>;
  /** Keeps `learned` for the next build, unless it is what `known` already held (nothing was read). */
  store(root: string, known: ReadonlyMap<string, T>, learned: ReadonlyMap<string, T>): Promise<void>;
}

export function fileRecord<T>(name: string, version: number): FileRecord<T> {
  return {
    async read(root) {
      const stored = await readCacheFile<{ version: number; files: Map<string, T> }>(root, name);
      return stored?.version === version && stored.files instanceof Map ? stored.files : new Map();
    },
    async store(root, known, learned) {
      let same = known.size === learned.size;
      for (const [file, entry] of learned) if (!same || known.get(file) !== entry) same = false;
      if (!same) await writeCacheFile(root, name, { version, files: learned });
    },
  };
}

/**
 * A process's reader file of a log in .cache/ (`<log>.<pid>-<n>.reader`, blob-log.ts), named in .cache/ and
 * with the time it was made: a file of that name made at another time is another process's.
 */
export interface LogReader {
  name: string;
  madeMs: number;
}

/**
 * What became of stale records: erased; left while other processes had the log open, since they may still read
 * them (their reader files), which a later build erases once they have closed it; or left for another reason (the
 * log replaced since it was read, another process erasing it, a .cache/ that cannot be written).
 */
export type Erasure = 'erased' | 'left' | { readers: LogReader[] };

/**
 * Records of one log in .cache/ that hold what the build no longer publishes (an article deleted, made a draft or
 * held back, the version before an edit), found when the log was saved. `erase()` overwrites each in place with
 * zeros of the same length, so the offsets of the others stay valid: an append-only log would otherwise keep the
 * text until a compaction that may never come, and a newsroom's CI keeps .cache/ between runs.
 */
export interface StaleRecords {
  /** The log's path: a later list of the same log replaces an earlier one. */
  readonly file: string;
  readonly count: number;
  erase(): Erasure;
}

/**
 * The stale records of every log a build used, erased only once its dist/ is swapped in (build.ts): a build
 * that fails publishes nothing, and the site still published, with the spare tree made from it, may need them.
 */
export class Erasures {
  private readonly logs = new Map<string, StaleRecords>();

  add(stale: StaleRecords | undefined): void {
    if (stale) this.logs.set(stale.file, stale);
  }

  /**
   * Erases every list: 'erased' when all were, the readers of every log left for its readers alone, 'left' when
   * one was left for another reason. The site is published by now, so a log that cannot be written (a read-only
   * .cache/) does not fail the build: it is left.
   */
  erase(): Erasure {
    let left = false;
    const readers: LogReader[] = [];
    for (const stale of this.logs.values()) {
      if (stale.count === 0) continue;
      let erasure: Erasure;
      try {
        erasure = stale.erase();
      } catch {
        erasure = 'left';
      }
      if (erasure === 'left') left = true;
      else if (erasure !== 'erased') append(readers, erasure.readers);
    }
    this.logs.clear();
    if (left) return 'left';
    return readers.length > 0 ? { readers } : 'erased';
  }
}

/** Of the records at `starts` with `keys` (as a log was read), those whose key `used` does not hold. */
export function unusedRecords(starts: readonly number[], keys: readonly string[], used: ReadonlySet<string>): { starts: number[]; keys: string[] } {
  const unused = { starts: [] as number[], keys: [] as string[] };
  for (let n = 0; n < keys.length; n++) {
    if (used.has(keys[n]!)) continue;
    unused.starts.push(starts[n]!);
    unused.keys.push(keys[n]!);
  }
  return unused;
}

/**
 * Where a log's file was when it was read: the records to erase are looked for only in that file, not in one
 * another process wrote since (a compaction renames a new file into its place).
 */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/** Opens `file` for writing in place (or reading) when it is still `identity`; undefined otherwise. */
export function openSameFile(file: string, identity: FileIdentity, flags: 'r+' | 'r' = 'r+'): number | undefined {
  let fd: number;
  try {
    fd = openSync(file, flags);
  } catch {
    return undefined;
  }
  const info = fstatSync(fd);
  if (info.dev === identity.dev && info.ino === identity.ino) return fd;
  closeSync(fd);
  return undefined;
}

/** Writes all of `bytes` at `position`. */
export function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
}

/** Reads `length` bytes at `position`; fewer when the file ends first. */
export function readAt(fd: number, length: number, position: number): Buffer {
  const bytes = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, bytes, read, length - read, position + read);
    if (got === 0) break;
    read += got;
  }
  return bytes.subarray(0, read);
}

export class RecordCache<V> {
  private readonly entries = new Map<string, V>();
  /**
   * Values read from the log and not asked for yet, still serialised: a value is decoded when it is first
   * read. A rebuild after one edit keeps every article's search terms but reads only the edited one's
   * (pipeline/search.ts): decoding all 10,000 took 45–85 ms, and made 13 MB of strings to collect.
   */
  private readonly serialised = new Map<string, Buffer>();
  /**
   * An indexed log's records known by where each starts in the log (its index said so), not read yet: read one
   * at a time when asked for (readRecord).
   */
  private readonly onDisk = new Map<string, number>();
  private readonly used = new Set<string>();
  /** The keys this run added and no save has written yet, in the order they were added. */
  private added = new Set<string>();
  private recordsOnDisk = 0;
  /**
   * Where each record read from the log starts, and its key: the records no build used are erased in place
   * (staleRecords). Not those appended since, which this run used.
   */
  private diskStarts: number[] = [];
  private diskKeys: string[] = [];
  /** The records this run appended, for the index: where each starts, and its key. */
  private appendedStarts: number[] = [];
  private appendedKeys: string[] = [];
  /** An indexed log whose index file (`<name>-<version>.index`) names every record of the log as it is. */
  private indexCurrent = false;
  /** Where the last record this run knows of ends: records after it were appended by another process. */
  private knownEnd = 0;
  /** The records the index this log was opened from, or the last one this run wrote, names unused (LogIndex). */
  private readonly flagged = new Set<string>();
  /** False once the log may hold records this run does not know where they are (an index then cannot be written). */
  private indexKnown = true;
  /** The log read whole, once an indexed log's records are read by the many (readRecord). */
  private whole: Buffer | undefined;
  private recordsRead = 0;
  private identity: FileIdentity | undefined;
  private tornTail = false;
  /** The save in progress: saves of one log run one after another (two dev-server loads may share it). */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly version: string,
    private readonly keptBetweenRuns: boolean,
    private readonly indexed: boolean,
  ) {}

  /**
   * `keptBetweenRuns`: the cache serves several runs (the dev server keeps one for its session), and after
   * each save lets go of the entries not used so far. They stay in the log until it is compacted: records of
   * texts no file has now, up to as many as the used ones, which a long session would otherwise hold.
   *
   * `indexed`: a log of which a run reads few records and keeps the others (the search terms, the people found): each
   * save writes beside it an index of its records (their keys and where each starts, LogIndex), and opening it reads
   * that instead of the log (13 MB of search terms at 10,000 articles, 35–50 ms of CPU to read and split); a record is
   * read from the log when asked for. Not for a log kept between runs, which reads the log as before.
   */
  static async open<V>(root: string, name: string, version: string, { keptBetweenRuns = false, indexed = false } = {}): Promise<RecordCache<V>> {
    const cache = new RecordCache<V>(path.join(root, CACHE_DIR), name, version, keptBetweenRuns, indexed && !keptBetweenRuns);
    await cache.load();
    return cache;
  }

  /** Whether .cache/ holds a log of this name for this version (records may be in it). */
  static async exists(root: string, name: string, version: string): Promise<boolean> {
    return stat(new RecordCache(path.join(root, CACHE_DIR), name, version, false, false).file).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  get size(): number {
    return this.entries.size + this.serialised.size + this.onDisk.size;
  }

  private get file(): string {
    return path.join(this.directory, `${this.name}-${this.version}.log`);
  }

  /** The name in .cache/ of an indexed log's index. */
  private get indexName(): string {
    return `${this.name}-${this.version}.index`;
  }

  private has(key: string): boolean {
    return this.entries.has(key) || this.serialised.has(key) || this.onDisk.has(key);
  }

  get(key: string): V | undefined {
    const value = this.peek(key);
    if (value !== undefined) this.used.add(key);
    return value;
  }

  /**
   * Counts an entry as used without reading it, when the caller has its value from elsewhere or needs it
   * kept for a later run: the dev server's reloads take every unchanged article's results from memory
   * (load-cache.ts), and a log whose save counted only what was read would be compacted down to the edited
   * articles' records. False when there is no such entry.
   */
  keep(key: string): boolean {
    if (!this.has(key)) return false;
    this.used.add(key);
    return true;
  }

  /** Like get(), but does not count as a use: an entry only peeked at may be dropped when the log is compacted. */
  peek(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) return value;
    let bytes = this.serialised.get(key);
    if (bytes !== undefined) this.serialised.delete(key);
    else {
      const start = this.onDisk.get(key);
      if (start === undefined) return undefined;
      this.onDisk.delete(key);
      bytes = this.readRecord(key, start);
    }
    try {
      if (bytes === undefined) throw new Error(`${this.file}: no record of this key where the index has it`);
      const keyAndValue = bytes.subarray(RECORD_HEADER);
      if (crc32(keyAndValue) !== bytes.readUInt32LE(RECORD_CHECKSUM)) throw new Error(`${this.file}: a damaged record`);
      const decoded = deserializeValue(keyAndValue.subarray(bytes.readUInt16LE(RECORD_KEY_LENGTH))) as V;
      this.entries.set(key, decoded);
      return decoded;
    } catch {
      // A damaged record (its checksum or its v8 bytes): the entry is missing, the caller makes the value
      // again and set() appends it; the damaged record is dropped when the log is next rewritten.
      this.used.delete(key);
      return undefined;
    }
  }

  /**
   * Counts an entry as not used after all, and leaves out of the log one added in this run and not saved yet:
   * validations of articles that are not published (pipeline/articles.ts), whose text must not stay in .cache/.
   */
  forget(key: string): void {
    this.used.delete(key);
    if (this.added.delete(key)) this.entries.delete(key);
  }

  set(key: string, value: V): void {
    if (!this.has(key)) this.added.add(key);
    this.serialised.delete(key);
    this.onDisk.delete(key);
    this.entries.set(key, value);
    this.used.add(key);
  }

  /** Writes what this run added; rewrites the log with only the entries this run used when most are stale. */
  save(): Promise<void> {
    const saved = this.saving.then(async () => {
      await this.saveNow();
      if (this.keptBetweenRuns) {
        for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
        for (const key of this.serialised.keys()) if (!this.used.has(key)) this.serialised.delete(key);
      }
    });
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  private async saveNow(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    // Taken now: entries set while this save writes are the next save's.
    const adding = this.added;
    this.added = new Set();
    try {
      const stale = this.recordsOnDisk + adding.size - this.used.size;
      // Appending after a torn record would hide the new records behind it, so such a log is rewritten.
      if (this.tornTail || (stale > 64 && stale > this.used.size)) {
        const temporary = temporaryPath(this.file);
        const written = await writeRecords(temporary, 'w', this.records([...this.used]));
        await renameIntoCache(temporary, this.file);
        this.recordsOnDisk = written.keys.length;
        this.tornTail = false;
        // The records read are in the file replaced: this one holds only used ones (an indexed log's were read
        // into `serialised` as they were written).
        this.diskStarts = [];
        this.diskKeys = [];
        this.onDisk.clear();
        this.whole = undefined;
        this.appendedStarts = written.starts;
        this.appendedKeys = written.keys;
        this.knownEnd = written.end;
        this.indexKnown = true;
        // The log is that file now (renamed into place); nothing of it is unused, so there is nothing to erase.
        this.identity = written.identity;
        if (this.indexed) await this.writeIndex(written.size === written.end ? written : undefined);
      } else if (adding.size > 0) {
        const written = await writeRecords(this.file, 'a', this.records(adding));
        this.recordsOnDisk += adding.size;
        append(this.appendedStarts, written.starts);
        append(this.appendedKeys, written.keys);
        // The index holds where each record starts only if the log held nothing it does not know of (another
        // process appending meanwhile) before or after these.
        const known = written.begin === this.knownEnd && written.size === written.end;
        this.knownEnd = written.end;
        if (this.indexed) await this.writeIndex(known && this.indexKnown ? written : undefined);
      } else if (this.indexed && !this.indexKnown) {
        await this.writeIndex(undefined);
      } else if (this.indexed && this.identity && (!this.indexCurrent || this.unflagged())) {
        // Read whole (no index, or one of another state of the log): the index of what was read. Or records unused
        // that the index does not name as such: the next run is to look for them erased.
        const info = await stat(this.file).catch(() => undefined);
        const same = info?.dev === this.identity.dev && info.ino === this.identity.ino && info.size === this.knownEnd;
        await this.writeIndex(same ? { identity: this.identity, size: this.knownEnd } : undefined);
      }
    } catch (error) {
      // Back in front of what was added since.
      const since = this.added;
      this.added = adding;
      for (const key of since) this.added.add(key);
      throw error;
    }
    await removeOtherVersions(this.directory, this.name, this.file);
  }

  /**
   * Writes the index of an indexed log as it is now (`log`: its identity and length), or removes it when what the
   * log holds is not known for sure; a log without an index is read whole by the next run, which writes it again.
   */
  private async writeIndex(log: { identity: FileIdentity; size: number } | undefined): Promise<void> {
    const root = path.dirname(this.directory);
    this.indexCurrent = false;
    if (!log) {
      this.indexKnown = false;
      await rm(path.join(this.directory, this.indexName), { force: true });
      return;
    }
    const index: LogIndex = {
      form: LOG_INDEX_FORM,
      dev: log.identity.dev,
      ino: log.identity.ino,
      size: log.size,
      records: this.recordsOnDisk,
      keys: this.diskKeys.concat(this.appendedKeys),
      starts: this.diskStarts.concat(this.appendedStarts),
      unused: [],
    };
    // Those this run appended it used.
    this.flagged.clear();
    for (let n = 0; n < this.diskKeys.length; n++) {
      if (this.used.has(this.diskKeys[n]!)) continue;
      index.unused.push(n);
      this.flagged.add(this.diskKeys[n]!);
    }
    await writeCacheFile(root, this.indexName, index);
    this.indexCurrent = true;
  }

  /** Whether a record of the log this run did not use is not among those the index it was opened from names unused. */
  private unflagged(): boolean {
    for (const key of this.diskKeys) if (!this.used.has(key) && !this.flagged.has(key)) return true;
    return false;
  }

  /** An indexed log's index, when it is of the log as it is now. */
  private async readIndex(): Promise<LogIndex | undefined> {
    const info = await stat(this.file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const index = await readCacheFile<LogIndex>(path.dirname(this.directory), this.indexName);
    if (index?.form !== LOG_INDEX_FORM || index.dev !== info.dev || index.ino !== info.ino || index.size !== info.size) return undefined;
    if (!Array.isArray(index.keys) || !Array.isArray(index.starts) || index.keys.length !== index.starts.length || !(index.records >= index.keys.length) || !Array.isArray(index.unused)) {
      return undefined;
    }
    return index;
  }

  /**
   * The record of `key` at `start` of an indexed log, as the index has it; undefined when the log there holds no
   * such record (erased in place since the index was written, or the log replaced). Read one at a time while a run
   * asks for few; after READ_ONE_BY_ONE of them the log is read whole, once (a build with no search layout kept
   * reads every document's terms).
   */
  private readRecord(key: string, start: number): Buffer | undefined {
    const bytes = this.recordWhereIndexed(key, start);
    // Not there: the log is not the one the index was written of (another with its inode and length, its records
    // moved). The index is then not written again from what it said (save() removes it): the next run reads the
    // log whole and so knows every record, to erase those no build uses.
    if (bytes === undefined) this.indexKnown = false;
    return bytes;
  }

  /** The record of `key` at `start`, from the log read whole once many were asked for, else read alone. */
  private recordWhereIndexed(key: string, start: number): Buffer | undefined {
    const { identity } = this;
    if (!identity) return undefined;
    if (!this.whole && ++this.recordsRead > READ_ONE_BY_ONE) this.whole = readSameFile(this.file, identity) ?? Buffer.alloc(0);
    if (this.whole) return recordAt(this.whole, 0, start, key);
    const fd = openSameFile(this.file, identity, 'r');
    if (fd === undefined) return undefined;
    try {
      const head = readAt(fd, 4, start);
      if (head.length < 4 || start + 4 + head.readUInt32LE(0) > fstatSync(fd).size) return undefined;
      return recordAt(readAt(fd, 4 + head.readUInt32LE(0), start), start, start, key);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The records read from the log that this run has not used (after save(): a compaction leaves none), to be
   * erased in place once the build is published (Erasures).
   */
  staleRecords(): StaleRecords | undefined {
    const { identity, file } = this;
    if (!identity) return undefined;
    const { starts, keys } = unusedRecords(this.diskStarts, this.diskKeys, this.used);
    return { file, count: starts.length, erase: () => eraseRecords(file, identity, starts, keys) };
  }

  /**
   * The records of `keys`, each encoded only as it is taken (a cold build adds 100,000 at once); a value
   * never read goes back as it was read, not decoded. One an indexed log has only on disk is read now, and kept as
   * read: the log it is in is about to be replaced. One that is not there after all is left out.
   */
  private *records(keys: Iterable<string>): Generator<[string, Uint8Array]> {
    for (const key of keys) {
      let bytes = this.serialised.get(key);
      const start = bytes === undefined ? this.onDisk.get(key) : undefined;
      if (start !== undefined) {
        this.onDisk.delete(key);
        bytes = this.readRecord(key, start);
        if (bytes === undefined) continue;
        this.serialised.set(key, bytes);
      }
      if (bytes !== undefined) yield [key, bytes];
      else if (this.entries.has(key)) yield [key, encodeRecord(key, this.entries.get(key))];
    }
  }

  /** Reads the log in chunks, so a large cache never sits in memory twice (file bytes and values). */
  private async load(): Promise<void> {
    if (this.indexed) {
      const index = await this.readIndex();
      if (index) {
        this.identity = { dev: index.dev, ino: index.ino };
        this.recordsOnDisk = index.records;
        this.knownEnd = index.size;
        const erased = erasedSince(this.file, index);
        this.diskKeys = erased.size === 0 ? index.keys : index.keys.filter((_, n) => !erased.has(n));
        this.diskStarts = erased.size === 0 ? index.starts : index.starts.filter((_, n) => !erased.has(n));
        for (let n = 0; n < this.diskKeys.length; n++) this.onDisk.set(this.diskKeys[n]!, this.diskStarts[n]!);
        for (const n of index.unused) if (!erased.has(n) && index.keys[n] !== undefined) this.flagged.add(index.keys[n]!);
        // Written again without them.
        this.indexCurrent = erased.size === 0;
        return;
      }
    }
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return;
    try {
      // A folder in the log's place opens, but cannot be read (EISDIR): no records, and the log is written anew.
      const info = await handle.stat();
      if (!info.isFile()) {
        this.tornTail = true;
        return;
      }
      this.identity = { dev: info.dev, ino: info.ino };
      // Where pending[0] is in the file.
      let pendingStart = 0;
      let pending: Buffer = Buffer.alloc(0);
      let torn = false;
      const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
      for (;;) {
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        pending = pending.length ? Buffer.concat([pending, chunk.subarray(0, bytesRead)]) : Buffer.from(chunk.subarray(0, bytesRead));
        let offset = 0;
        while (offset + 4 <= pending.length) {
          const length = pending.readUInt32LE(offset);
          if (offset + 4 + length > pending.length) break;
          const keyLength = length >= RECORD_HEADER - 4 ? pending.readUInt16LE(offset + RECORD_KEY_LENGTH) : length;
          if (RECORD_HEADER - 4 + keyLength > length) {
            torn = true;
            break;
          }
          this.recordsOnDisk++;
          if (isErased(pending, offset + RECORD_CHECKSUM, offset + RECORD_HEADER, offset + RECORD_HEADER + keyLength, offset + 4 + length)) {
            offset += 4 + length;
            continue;
          }
          const key = pending.toString('utf8', offset + RECORD_HEADER, offset + RECORD_HEADER + keyLength);
          // Not in a dev session's log (kept between runs), which erases nothing: it lets go of unused entries, and
          // their keys would be held here for the session.
          if (!this.keptBetweenRuns) {
            this.diskStarts.push(pendingStart + offset);
            this.diskKeys.push(key);
          }
          // The whole record (a compaction writes it back as it is), as a view into the bytes read: a copy of
          // each took 1.5 s more at 100,000 articles, most of it the collection of 300,000 small buffers. A
          // chunk of the log is let go once every record in it is decoded or dropped.
          this.serialised.set(key, pending.subarray(offset, offset + 4 + length));
          offset += 4 + length;
        }
        if (torn) break;
        pending = pending.subarray(offset);
        pendingStart += offset;
      }
      this.tornTail = torn || pending.length > 0;
      this.knownEnd = pendingStart;
    } finally {
      await handle.close();
    }
  }
}

/**
 * Removes `<name>-*.log` in `directory` other than `keep`: the logs of other arhivar versions, with their indexes
 * (`<name>-*.index`, RecordCache.open); and the copies of
 * such logs (temporaryPath) that a process killed while compacting left, which hold records erased since.
 */
export async function removeOtherVersions(directory: string, name: string, keep: string): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const prefix = `${name}-`;
  // An indexed log's index (RecordCache.open) goes with its log.
  const isOtherIndex = (entry: string) => entry.endsWith('.index') && path.join(directory, `${entry.slice(0, -'.index'.length)}.log`) !== keep;
  const left = (entry: string) => {
    const pid = Number(/\.log\.(\d+)\.\d+\.tmp$/.exec(entry)?.[1]);
    return pid > 0 && pid !== process.pid && !processExists(pid);
  };
  await Promise.all(
    names
      .filter((entry) => entry.startsWith(prefix) && ((entry.endsWith('.log') && path.join(directory, entry) !== keep) || isOtherIndex(entry) || left(entry)))
      .map((entry) => rm(path.join(directory, entry), { force: true })),
  );
}

/** What writeRecords wrote: the keys, where each record starts, and the file after (its identity and length). */
interface WrittenRecords {
  keys: string[];
  starts: number[];
  /** Where the first record went, and where the last one ends. */
  begin: number;
  end: number;
  identity: FileIdentity;
  size: number;
}

/** Writes records in chunks of a few MB, so saving 100,000 entries never needs one buffer of them all. */
async function writeRecords(file: string, flags: 'w' | 'a', records: Iterable<[string, Uint8Array]>): Promise<WrittenRecords> {
  const handle = await open(file, flags);
  try {
    const begin = flags === 'a' ? (await handle.stat()).size : 0;
    const keys: string[] = [];
    const starts: number[] = [];
    let end = begin;
    let chunk: Uint8Array[] = [];
    let bytes = 0;
    for (const [key, record] of records) {
      keys.push(key);
      starts.push(end);
      end += record.length;
      chunk.push(record);
      bytes += record.length;
      if (bytes >= 4 * 1024 * 1024) {
        await handle.write(Buffer.concat(chunk));
        chunk = [];
        bytes = 0;
      }
    }
    if (chunk.length) await handle.write(Buffer.concat(chunk));
    const info = await handle.stat();
    return { keys, starts, begin, end, identity: { dev: info.dev, ino: info.ino }, size: info.size };
  } finally {
    await handle.close();
  }
}

/**
 * The index of an indexed log (RecordCache.open): the log's identity and length when it was written, how many records
 * it holds (erased ones too), and the key and start of each of the others. It is of the log only while the log is
 * that file with that length: a record appended or the log replaced (a compaction, another version's build) makes
 * it another's, and the log is read whole. `unused` are the records the run that wrote it did not use: its build
 * erases them in place once published, without changing the log's length, so the next run looks at each
 * (erasedSince) and leaves out those erased. Any other record erased since is found missing when asked for (its key
 * is no longer there) and made again.
 */
interface LogIndex {
  form: number;
  dev: number;
  ino: number;
  size: number;
  records: number;
  keys: string[];
  starts: number[];
  unused: number[];
}

const LOG_INDEX_FORM = 1;

/** Of the records `index` names as unused when it was written, the places in it of those erased in place since. */
function erasedSince(file: string, index: LogIndex): Set<number> {
  const erased = new Set<number>();
  if (index.unused.length === 0) return erased;
  const fd = openSameFile(file, index, 'r');
  if (fd === undefined) return erased;
  try {
    for (const n of index.unused) {
      const key = index.keys[n];
      if (key === undefined) continue;
      const valueAt = RECORD_HEADER + Buffer.byteLength(key);
      const head = readAt(fd, valueAt + 1, index.starts[n]!);
      if (head.length === valueAt + 1 && isErased(head, RECORD_CHECKSUM, RECORD_HEADER, valueAt, valueAt + 1)) erased.add(n);
    }
  } finally {
    closeSync(fd);
  }
  return erased;
}

/** Records of an indexed log read one at a time (a positioned read each) before the log is read whole. */
const READ_ONE_BY_ONE = 64;

/** The record at `start` of the log (`bytes` holds the log from `offset` on) if its key is `key`. */
function recordAt(bytes: Buffer, offset: number, start: number, key: string): Buffer | undefined {
  const at = start - offset;
  if (at < 0 || at + RECORD_HEADER > bytes.length) return undefined;
  const end = at + 4 + bytes.readUInt32LE(at);
  const keyLength = bytes.readUInt16LE(at + RECORD_KEY_LENGTH);
  if (end > bytes.length || at + RECORD_HEADER + keyLength > end || bytes.toString('utf8', at + RECORD_HEADER, at + RECORD_HEADER + keyLength) !== key) return undefined;
  return bytes.subarray(at, end);
}

/** The whole of `file`, if it is still `identity`. */
function readSameFile(file: string, identity: FileIdentity): Buffer | undefined {
  const fd = openSameFile(file, identity, 'r');
  if (fd === undefined) return undefined;
  try {
    return readAt(fd, fstatSync(fd).size, 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * A record of the log: its length (4 bytes, not counting them), its key's length (2 bytes), a CRC-32 of the
 * key and value (4 bytes), the key (UTF-8), the v8-serialised value. RECORD_HEADER is where the key starts.
 */
const RECORD_KEY_LENGTH = 4;
const RECORD_CHECKSUM = 6;
const RECORD_HEADER = 10;

/**
 * Whether the record in `bytes` whose checksum is at `checksum`, key at `key` to `value` and value (or head, in
 * blob-log.ts) from `value` to `end` was erased in place: its checksum, key and the value's first byte are zeros.
 * v8 starts every value it serialises with its version tag, 0xFF, and keys are never NUL, so no record written
 * whole is; a byte or two damaged on disk make a record damaged, not erased.
 */
export function isErased(bytes: Uint8Array, checksum: number, key: number, value: number, end: number): boolean {
  if (value >= end || bytes[value] !== 0) return false;
  for (let at = checksum; at < checksum + 4; at++) if (bytes[at] !== 0) return false;
  for (let at = key; at < value; at++) if (bytes[at] !== 0) return false;
  return true;
}

/**
 * Erases the records at `starts` of the log `file`, if it is still the file they were read from: each keeps its
 * length and its key's length, so a reader finds the next record where it was, and the rest (checksum, key,
 * value) becomes zeros. A record whose key is no longer at its place (erased already) is left as it is. The
 * processes that read the log hold what they read in memory (RecordCache.load), so none is read from under them.
 */
function eraseRecords(file: string, identity: FileIdentity, starts: readonly number[], keys: readonly string[]): Erasure {
  const fd = openSameFile(file, identity);
  if (fd === undefined) return 'left';
  try {
    for (let n = 0; n < starts.length; n++) {
      const start = starts[n]!;
      const key = Buffer.from(keys[n]!, 'utf8');
      const head = readAt(fd, RECORD_HEADER + key.length, start);
      if (head.length < RECORD_HEADER + key.length || head.readUInt16LE(RECORD_KEY_LENGTH) !== key.length || !head.subarray(RECORD_HEADER).equals(key)) continue;
      const length = head.readUInt32LE(0);
      writeAt(fd, Buffer.alloc(4 + length - RECORD_KEY_LENGTH - 2), start + RECORD_CHECKSUM);
    }
  } finally {
    closeSync(fd);
  }
  return 'erased';
}

function encodeRecord(key: string, value: unknown): Buffer {
  const keyBytes = Buffer.from(key, 'utf8');
  if (keyBytes.length > 0xffff) throw new Error(`a .cache/ record key of ${keyBytes.length} bytes is too long`);
  const body = serialize(value);
  const header = Buffer.allocUnsafe(RECORD_HEADER);
  header.writeUInt32LE(RECORD_HEADER - 4 + keyBytes.length + body.length, 0);
  header.writeUInt16LE(keyBytes.length, RECORD_KEY_LENGTH);
  header.writeUInt32LE(crc32(body, crc32(keyBytes)), RECORD_CHECKSUM);
  return Buffer.concat([header, keyBytes, body]);
}
