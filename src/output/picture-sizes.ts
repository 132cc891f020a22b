import { open } from 'node:fs/promises';
import path from 'node:path';
import type { PictureSize } from '../site/pictures.ts';

/**
 * What the header of each picture in public/ says of its width and height, read with image-size (PNG, JPEG, GIF,
 * WebP, AVIF, SVG and more). 1.x, since 2.x needs Node 22; it has one small dependency (queue), and is loaded only
 * when a body has a picture in public/, so a build of none, and the command line's start, never load it.
 */
export interface PictureSizes {
  /** By path inside public/ (`slike/seja.jpg`). */
  sizes: Map<string, PictureSize>;
  /** Files that are no picture image-size knows, or are damaged (a page saved as `.jpg`), with what it said. */
  unreadable: Map<string, string>;
}

/**
 * Read first: enough for the header of every format but a JPEG with a large EXIF or colour profile block before
 * its frame header, and an SVG whose root element comes late.
 */
const HEAD_BYTES = 16 * 1024;
/** What image-size itself reads of a file (its MaxBufferSize in 1.x). */
const MOST_BYTES = 512 * 1024;
/** Files read at once: each is an open, a read or two and a close, on libuv's four threads. */
const AT_ONCE = 16;

/** `files`: paths inside public/ of files public/ publishes (publicFolderContents), so no other file is read. */
export async function readPictureSizes(root: string, files: Iterable<string>): Promise<PictureSizes> {
  const result: PictureSizes = { sizes: new Map(), unreadable: new Map() };
  const queue = [...new Set(files)];
  if (queue.length === 0) return result;
  const { imageSize } = await import('image-size');
  const publicDir = path.join(root, 'public');
  const next = async (): Promise<void> => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const read = await readSize(path.join(publicDir, ...file.split('/')), imageSize);
      if ('width' in read) result.sizes.set(file, read);
      else if (read.error !== undefined) result.unreadable.set(file, read.error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, queue.length) }, next));
  return result;
}

type Measure = (input: Uint8Array) => { width?: number | undefined; height?: number | undefined; orientation?: number | undefined };

/** The picture's size, or why it has none: `error` undefined for a file that could not be opened (removed meanwhile). */
async function readSize(file: string, imageSize: Measure): Promise<PictureSize | { error: string | undefined }> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return { error: undefined };
  try {
    const head = await readStart(handle, HEAD_BYTES);
    let measured = measure(head.bytes, imageSize);
    if ('error' in measured && !head.whole) {
      const more = await readStart(handle, MOST_BYTES);
      measured = measure(more.bytes, imageSize);
    }
    return measured;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle.close();
  }
}

async function readStart(handle: import('node:fs/promises').FileHandle, length: number): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
    if (bytesRead === 0) return { bytes: buffer.subarray(0, filled), whole: true };
    filled += bytesRead;
  }
  return { bytes: buffer, whole: false };
}

function measure(bytes: Uint8Array, imageSize: Measure): PictureSize | { error: string } {
  let found: ReturnType<Measure>;
  try {
    found = imageSize(bytes);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { width, height, orientation } = found;
  if (!width || !height || !Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) return { error: 'no width and height in its header' };
  // EXIF orientations 5 to 8 turn the photo a quarter: browsers show it turned (CSS image-orientation: from-image),
  // so the picture on the page is as wide as the file is high. A phone's upright photo is stored so.
  return orientation !== undefined && orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}
