import { appendFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * A persistent key → value store under .cache/ (safe to delete at any time). It is an append-only log of
 * v8-serialised records, so a rebuild that renders one article appends one record instead of rewriting
 * them all; the log is compacted when most of it is stale. A torn last record (a crash while appending)
 * is ignored. `version` names the log file: a new arhivar version starts a fresh log and removes old ones.
 */
export const CACHE_DIR = '.cache';

export class RecordCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly used = new Set<string>();
  private readonly added: [string, V][] = [];
  private recordsOnDisk = 0;
  private tornTail = false;

  private constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly version: string,
  ) {}

  static async open<V>(root: string, name: string, version: string): Promise<RecordCache<V>> {
    const cache = new RecordCache<V>(path.join(root, CACHE_DIR), name, version);
    await cache.load();
    return cache;
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

  set(key: string, value: V): void {
    if (!this.entries.has(key)) this.added.push([key, value]);
    this.entries.set(key, value);
    this.used.add(key);
  }

  /** Writes what this run added; rewrites the log with only the entries this run used when most are stale. */
  async save(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const stale = this.recordsOnDisk + this.added.length - this.used.size;
    // Appending after a torn record would hide the new records behind it, so such a log is rewritten.
    if (this.tornTail || (stale > 64 && stale > this.used.size)) {
      const temporary = `${this.file}.${process.pid}.tmp`;
      const handle = await open(temporary, 'w');
      try {
        const chunk: Buffer[] = [];
        for (const key of this.used) {
          chunk.push(encodeRecord(key, this.entries.get(key)!));
          if (chunk.length >= 256) await handle.write(Buffer.concat(chunk.splice(0)));
        }
        if (chunk.length) await handle.write(Buffer.concat(chunk));
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
      this.recordsOnDisk = this.used.size;
      this.tornTail = false;
    } else if (this.added.length > 0) {
      await appendFile(this.file, Buffer.concat(this.added.map(([key, value]) => encodeRecord(key, value))));
      this.recordsOnDisk += this.added.length;
    }
    this.added.length = 0;
    await this.removeOtherVersions();
  }

  private async load(): Promise<void> {
    const bytes = await readFile(this.file).catch(() => undefined);
    if (!bytes) return;
    let offset = 0;
    while (offset + 4 <= bytes.length) {
      const length = bytes.readUInt32LE(offset);
      if (offset + 4 + length > bytes.length) break;
      try {
        const [key, value] = deserialize(bytes.subarray(offset + 4, offset + 4 + length)) as [string, V];
        this.entries.set(key, value);
      } catch {
        break;
      }
      offset += 4 + length;
      this.recordsOnDisk++;
    }
    this.tornTail = offset !== bytes.length;
  }

  private async removeOtherVersions(): Promise<void> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const prefix = `${this.name}-`;
    await Promise.all(
      names.filter((entry) => entry.startsWith(prefix) && entry.endsWith('.log') && path.join(this.directory, entry) !== this.file).map((entry) => rm(path.join(this.directory, entry), { force: true })),
    );
  }
}

function encodeRecord(key: string, value: unknown): Buffer {
  const body = serialize([key, value]);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}
