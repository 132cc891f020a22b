import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { PictureSize } from '../site/pictures.ts';
import { pictureHeaderSize } from './picture-header.ts';

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

/** `files`: paths inside public/ of files public/ publishes (publicFolderContents), so no other file is read. */
export async function readPictureSizes(root: string, files: Iterable<string>): Promise<PictureSizes> {
  const result: PictureSizes = { sizes: new Map(), unreadable: new Map() };
  const queue = [...new Set(files)];
  const publicDir = path.join(root, 'public');
  const next = async (): Promise<void> => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const read = await readSize(path.join(publicDir, ...file.split('/')));
      if (read === undefined) continue;
      if ('width' in read) result.sizes.set(file, read);
      else if (read.known || NAMED_AS_READ.test(file)) result.unreadable.set(file, read.error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, next));
  return result;
}

/** undefined for a file that could not be opened (removed since public/ was listed). */
async function readSize(file: string): Promise<PictureSize | { error: string; known: boolean } | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    let length = HEAD_BYTES;
    for (;;) {
      const { bytes, whole } = await readStart(handle, length);
      const found = pictureHeaderSize(bytes, whole);
      if (!('need' in found)) return found;
      if (found.need > MOST_BYTES) return { error: `its header goes on past its first ${MOST_BYTES / 1024} KB`, known: true };
      length = Math.max(found.need, length + 1);
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), known: false };
  } finally {
    await handle.close();
  }
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
