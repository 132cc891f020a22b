import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DefaultDeserializer, serialize } from 'node:v8';

/**
 * A persistent key → value store under .cache/ (safe to delete at any time). It is an append-only log of
 * v8-serialised records, so a rebuild that renders one article appends one record instead of rewriting
 * them all; the log is compacted when most of it is stale. A torn last record (a crash while appending)
 * is ignored. `version` names the log file: a new arhivar version starts a fresh log and removes old ones.
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

/** One value kept whole in `.cache/<name>` (v8-serialised); undefined when the file is missing or unreadable. */
export async function readCacheFile<T>(root: string, name: string): Promise<T | undefined> {
  const bytes = await readFile(path.join(root, CACHE_DIR, name)).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    return deserializeValue(bytes) as T;
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

/** Writes `.cache/<name>` through a temporary file and a rename, so a reader never sees half of it. */
export async function writeCacheFile(root: string, name: string, value: unknown): Promise<void> {
  const file = path.join(root, CACHE_DIR, name);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryPath(file);
  await writeFile(temporary, serialize(value));
  await rename(temporary, file);
}

export class RecordCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly used = new Set<string>();
  private readonly added: [string, V][] = [];
  private recordsOnDisk = 0;
  private tornTail = false;
  /** The save in progress: saves of one log run one after another (two dev-server loads may share it). */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly version: string,
    private readonly keptBetweenRuns: boolean,
  ) {}

  /**
   * `keptBetweenRuns`: the cache serves several runs (the dev server keeps one for its session), and after
   * each save lets go of the entries not used so far. They stay in the log until it is compacted: records of
   * texts no file has now, up to as many as the used ones, which a long session would otherwise hold.
   */
  static async open<V>(root: string, name: string, version: string, { keptBetweenRuns = false } = {}): Promise<RecordCache<V>> {
    const cache = new RecordCache<V>(path.join(root, CACHE_DIR), name, version, keptBetweenRuns);
    await cache.load();
    return cache;
  }

  /** Whether .cache/ holds a log of this name for this version (records may be in it). */
  static async exists(root: string, name: string, version: string): Promise<boolean> {
    return stat(new RecordCache(path.join(root, CACHE_DIR), name, version, false).file).then(
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

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.used.add(key);
    return value;
  }

  /**
   * Counts an entry as used without reading it, when the caller has its value from elsewhere: the dev
   * server's reloads take every unchanged article's results from memory (load-cache.ts), and a log whose
   * save counted only what was read would be compacted down to the edited articles' records.
   */
  keep(key: string): void {
    if (this.entries.has(key)) this.used.add(key);
  }

  /** Like get(), but does not count as a use: an entry only peeked at may be dropped when the log is compacted. */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (!this.entries.has(key)) this.added.push([key, value]);
    this.entries.set(key, value);
    this.used.add(key);
  }

  /** Writes what this run added; rewrites the log with only the entries this run used when most are stale. */
  save(): Promise<void> {
    const saved = this.saving.then(async () => {
      await this.saveNow();
      if (this.keptBetweenRuns) for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    });
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  private async saveNow(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    // Taken now: entries set while this save writes are the next save's.
    const adding = this.added.splice(0);
    try {
      const stale = this.recordsOnDisk + adding.length - this.used.size;
      // Appending after a torn record would hide the new records behind it, so such a log is rewritten.
      if (this.tornTail || (stale > 64 && stale > this.used.size)) {
        const temporary = temporaryPath(this.file);
        const records = [...this.used].map((key) => [key, this.entries.get(key)!] as [string, V]);
        await writeRecords(temporary, 'w', records);
        await rename(temporary, this.file);
        this.recordsOnDisk = records.length;
        this.tornTail = false;
      } else if (adding.length > 0) {
        await writeRecords(this.file, 'a', adding);
        this.recordsOnDisk += adding.length;
      }
    } catch (error) {
      this.added.unshift(...adding);
      throw error;
    }
    await removeOtherVersions(this.directory, this.name, this.file);
  }

  /** Reads the log in chunks, so a large cache never sits in memory twice (file bytes and values). */
  private async load(): Promise<void> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return;
    try {
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
          try {
            const [key, value] = deserializeValue(pending.subarray(offset + 4, offset + 4 + length)) as [string, V];
            this.entries.set(key, value);
          } catch {
            torn = true;
            break;
          }
          offset += 4 + length;
          this.recordsOnDisk++;
        }
        if (torn) break;
        pending = pending.subarray(offset);
      }
      this.tornTail = torn || pending.length > 0;
    } finally {
      await handle.close();
    }
  }
}

/** Removes `<name>-*.log` in `directory` other than `keep`: the logs of other arhivar versions. */
export async function removeOtherVersions(directory: string, name: string, keep: string): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const prefix = `${name}-`;
  await Promise.all(
    names.filter((entry) => entry.startsWith(prefix) && entry.endsWith('.log') && path.join(directory, entry) !== keep).map((entry) => rm(path.join(directory, entry), { force: true })),
  );
}

/** Writes records in chunks of a few MB, so saving 100,000 entries never needs one buffer of them all. */
async function writeRecords(file: string, flags: 'w' | 'a', records: readonly (readonly [string, unknown])[]): Promise<void> {
  const handle = await open(file, flags);
  try {
    let chunk: Buffer[] = [];
    let bytes = 0;
    for (const [key, value] of records) {
      const record = encodeRecord(key, value);
      chunk.push(record);
      bytes += record.length;
      if (bytes >= 4 * 1024 * 1024) {
        await handle.write(Buffer.concat(chunk));
        chunk = [];
        bytes = 0;
      }
    }
    if (chunk.length) await handle.write(Buffer.concat(chunk));
  } finally {
    await handle.close();
  }
}

function encodeRecord(key: string, value: unknown): Buffer {
  const body = serialize([key, value]);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}
