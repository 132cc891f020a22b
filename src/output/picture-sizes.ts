import { statSync, type BigIntStats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileRecord } from '../pipeline/cache.ts';
import type { PictureSize } from '../site/pictures.ts';
import { pictureHeaderSize } from './picture-header.ts';
import { unchangedSinceRead, type KnownPublicFile } from './public-hashes.ts';

/** What the header of each picture in public/ says of its width and height (output/picture-header.ts). */
export interface PictureSizes {
  /** By path inside public/ (`slike/seja.jpg`). */
  sizes: Map<string, PictureSize>;
  /**
   * Files named as a PNG, JPEG, GIF, WebP, AVIF or SVG that are none, or are damaged (a web page saved as `.jpg`),
   * with why. A picture of another format (`.bmp`, `.ico`) is left without a size and not listed.
   */
  unreadable: Map<string, string>;
}

/** Read first: the header of every format but a JPEG with a large EXIF or colour profile before its frame header. */
const HEAD_BYTES = 16 * 1024;
/** A header that goes on past this is taken for a damaged file. */
const MOST_BYTES = 1024 * 1024;
/** Files read at once: each is an open, a read or two and a close, on libuv's four threads. */
const AT_ONCE = 16;

const NAMED_AS_READ = /\.(png|jpe?g|jfif|gif|webp|avif|svg)$/i;

type HeaderRead = PictureSize | { error: string; known: boolean };

/**
 * What the last build read of each picture's header, with the file-system facts that change whenever its bytes do
 * (as public-hashes.ts keeps them for public/'s hashes): a rebuild reads again only the pictures replaced since. By
 * the absolute path of the file read. Reading 1,000 photos' headers took 100–160 ms of every one-article rebuild;
 * a stat each takes a tenth of that.
 */
type KnownPicture = Omit<KnownPublicFile, 'hash'> & { header: HeaderRead };

const record = fileRecord<KnownPicture>('picture-sizes.bin', 1);

/**
 * `files`: paths inside public/ of files public/ publishes (publicFolderContents), so no other file is read.
 * `cache`: take what .cache/ knows of an unchanged file, and keep what is read.
 */
export async function readPictureSizes(root: string, files: Iterable<string>, { cache = true } = {}): Promise<PictureSizes> {
  const result: PictureSizes = { sizes: new Map(), unreadable: new Map() };
  const wanted = [...new Set(files)];
  const known = cache && wanted.length > 0 ? await record.read(root) : new Map<string, KnownPicture>();
  const learned = new Map<string, KnownPicture>();
  const publicDir = path.join(root, 'public');
  const tell = (file: string, header: HeaderRead) => {
    if ('width' in header) result.sizes.set(file, header);
    else if (header.known || NAMED_AS_READ.test(file)) result.unreadable.set(file, header.error);
  };
  const queue: { file: string; absolute: string; info: BigIntStats; readAtMs: number }[] = [];
  for (const file of wanted) {
    const absolute = path.join(publicDir, ...file.split('/'));
    const readAtMs = Date.now();
    // Synchronously, as the publisher does: a trip to the thread pool per file costs more than the stat itself.
    let info: BigIntStats;
    try {
      info = statSync(absolute, { bigint: true });
    } catch {
      continue;
    }
    const before = known.get(absolute);
    if (before && unchangedSinceRead(before, info)) {
      learned.set(absolute, before);
      tell(file, before.header);
    } else queue.push({ file, absolute, info, readAtMs });
  }
  const next = async (): Promise<void> => {
    for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
      const header = await readSize(item.absolute);
      if (header === undefined) continue;
      tell(item.file, header);
      const { size, mtimeNs, ctimeNs, ino, dev } = item.info;
      learned.set(item.absolute, { size, mtimeNs, ctimeNs, ino, dev, readAtMs: item.readAtMs, header });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, next));
  if (cache && (known.size > 0 || learned.size > 0)) await record.store(root, known, learned);
  return result;
}

/** undefined for a file that could not be opened (removed since public/ was listed). */
async function readSize(file: string): Promise<HeaderRead | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    let length = HEAD_BYTES;
    for (;;) {
      const { bytes, whole } = await readStart(handle, length);
      const found = pictureHeaderSize(bytes, whole);
      if (!('need' in found)) return found;
      if (found.need > MOST_BYTES) return { error: `its header goes on past its first ${MOST_BYTES / 1024} KB`, known: true };
      length = nextReadLength(found.need, length);
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), known: false };
  } finally {
    await handle.close();
  }
}

/**
 * How much of a file to read next, when the header needs its first `need` bytes and `length` were read. At least
 * twice as much, up to MOST_BYTES: each read starts again from the file's first byte, and a JPEG of tiny segments
 * or of fill bytes asks for only a few bytes more each time (a quarter of a million reads of up to 1 MB, had each
 * read taken just what was asked).
 */
export function nextReadLength(need: number, length: number): number {
  return Math.max(need, Math.min(length * 2, MOST_BYTES));
}

async function readStart(handle: FileHandle, length: number): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
    if (bytesRead === 0) return { bytes: buffer.subarray(0, filled), whole: true };
    filled += bytesRead;
  }
  return { bytes: buffer, whole: false };
}
