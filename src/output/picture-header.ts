import type { PictureSize } from '../site/pictures.ts';

/**
 * A picture's width and height from the start of its file, for PNG, JPEG, GIF, WebP, AVIF and SVG: what a news body
 * shows. Our own, not image-size: its 1.x (2.x needs Node 22) walks a JPEG cut short before its frame header one byte
 * at a time, copying the rest of the buffer at each (160 ms for 16 KB, and minutes for a damaged file of a few
 * hundred KB), and a TIFF's tags likewise. Here every step moves forward by a length the file gives or fails, so a
 * damaged file costs what reading its start costs.
 *
 * `need`: the file's first `need` bytes are needed to go on (a JPEG's EXIF or frame header, an AVIF's meta box, an
 * SVG's root element further in); the caller reads them and asks again. `error`: the file is no such picture, or
 * is damaged; `known` tells whether it is one of these formats at all.
 */
export type HeaderResult = PictureSize | { need: number } | { error: string; known: boolean };

export function pictureHeaderSize(bytes: Uint8Array, whole: boolean): HeaderResult {
  if (startsWith(bytes, PNG)) return pngSize(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegSize(bytes, whole);
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return bytes.length < 10 ? cut('GIF') : checked(le16(bytes, 6), le16(bytes, 8), 'GIF');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return webpSize(bytes);
  if (ascii(bytes, 4, 8) === 'ftyp') return avifSize(bytes, whole);
  const text = svgSize(bytes, whole);
  if (text) return text;
  return { error: 'it is no PNG, JPEG, GIF, WebP, AVIF or SVG file', known: false };
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): HeaderResult {
  if (bytes.length < 24) return cut('PNG');
  if (ascii(bytes, 12, 16) !== 'IHDR') return damaged('PNG', 'its first chunk is not IHDR');
  return checked(be32(bytes, 16), be32(bytes, 20), 'PNG');
}

/** Frame headers (SOF0–SOF15), which hold the size; C4, C8 and CC are other segments. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: segment by segment to the frame header, taking the EXIF orientation on the way (ITU T.81 annex B, Exif 2.32). */
function jpegSize(bytes: Uint8Array, whole: boolean): HeaderResult {
  let orientation = 1;
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length) return whole ? damaged('JPEG', 'it ends before its frame header') : { need: at + 4 };
    if (bytes[at] !== 0xff) return damaged('JPEG', `no segment starts at byte ${at}`);
    const marker = bytes[at + 1]!;
    // A marker may be preceded by any number of fill bytes (0xFF).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return damaged('JPEG', 'its image data starts before a frame header');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = be16(bytes, at + 2);
    if (length < 2) return damaged('JPEG', `a segment at byte ${at} has length ${length}`);
    const end = at + 2 + length;
    if (isFrameHeader(marker)) {
      if (at + 9 > bytes.length) return whole ? damaged('JPEG', 'it ends in its frame header') : { need: at + 9 };
      const height = be16(bytes, at + 5);
      const width = be16(bytes, at + 7);
      // Orientations 5 to 8 turn the photo a quarter: browsers show it turned (CSS image-orientation: from-image), so
      // the picture on the page is as wide as the file is high. A phone stores an upright photo so.
      return orientation >= 5 && orientation <= 8 ? checked(height, width, 'JPEG') : checked(width, height, 'JPEG');
    }
    if (marker === 0xe1 && end > bytes.length && !whole) return { need: end };
    if (marker === 0xe1 && ascii(bytes, at + 4, at + 10) === 'Exif\0\0') {
      orientation = exifOrientation(bytes.subarray(at + 10, Math.min(end, bytes.length))) ?? orientation;
    }
    at = end;
  }
}

/** The orientation tag (0x0112) of IFD0 of an EXIF block's TIFF structure, if it has one. */
function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const little = ascii(tiff, 0, 2) === 'II';
  if (!little && ascii(tiff, 0, 2) !== 'MM') return undefined;
  const u16 = (at: number) => (little ? le16(tiff, at) : be16(tiff, at));
  const u32 = (at: number) => (little ? le16(tiff, at) + le16(tiff, at + 2) * 0x10000 : be32(tiff, at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const entries = u16(ifd);
  for (let entry = 0; entry < entries; entry++) {
    const at = ifd + 2 + entry * 12;
    if (at + 12 > tiff.length) return undefined;
    if (u16(at) === 0x0112) return u16(at + 8);
  }
  return undefined;
}

/** WebP: the first chunk says which of its three kinds (lossy VP8, lossless VP8L, extended VP8X) it is (RFC 9649). */
function webpSize(bytes: Uint8Array): HeaderResult {
  if (bytes.length < 30) return cut('WebP');
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8X') return checked(1 + le24(bytes, 24), 1 + le24(bytes, 27), 'WebP');
  if (chunk === 'VP8 ') {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return damaged('WebP', 'its VP8 frame has no start code');
    return checked(le16(bytes, 26) & 0x3fff, le16(bytes, 28) & 0x3fff, 'WebP');
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return damaged('WebP', 'its VP8L frame has no signature');
    const [b0, b1, b2, b3] = [bytes[21]!, bytes[22]!, bytes[23]!, bytes[24]!];
    return checked(1 + (((b1 & 0x3f) << 8) | b0), 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)), 'WebP');
  }
  return damaged('WebP', `its first chunk is ${JSON.stringify(chunk)}`);
}

/** AVIF (and HEIF): the primary item's size, the ispe property in meta › iprp › ipco (ISO/IEC 23008-12). */
function avifSize(bytes: Uint8Array, whole: boolean): HeaderResult {
  const meta = findBox(bytes, 'meta', 0, bytes.length, whole);
  if (meta === undefined) return damaged('AVIF', 'it has no meta box');
  if ('need' in meta) return meta;
  // meta is a full box: a version and flags before its children.
  const iprp = findBox(bytes, 'iprp', meta.start + 4, meta.end, true);
  const ipco = iprp && !('need' in iprp) ? findBox(bytes, 'ipco', iprp.start, iprp.end, true) : undefined;
  const ispe = ipco && !('need' in ipco) ? findBox(bytes, 'ispe', ipco.start, ipco.end, true) : undefined;
  if (!ispe || 'need' in ispe || ispe.start + 12 > ispe.end) return damaged('AVIF', 'it has no image size property (ispe)');
  return checked(be32(bytes, ispe.start + 4), be32(bytes, ispe.start + 8), 'AVIF');
}

/** The first box of `type` between `from` and `to`: where its content starts and ends; `need` when the file goes on past the bytes at hand. */
function findBox(bytes: Uint8Array, type: string, from: number, to: number, whole: boolean): { start: number; end: number } | { need: number } | undefined {
  let at = from;
  while (at + 8 <= to) {
    let size = be32(bytes, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > bytes.length) return whole ? undefined : { need: at + 16 };
      size = be32(bytes, at + 8) * 2 ** 32 + be32(bytes, at + 12);
      header = 16;
    } else if (size === 0) {
      // The box runs to the end of the file.
      if (!whole) return ascii(bytes, at + 4, at + 8) === type ? { need: bytes.length * 4 } : undefined;
      size = bytes.length - at;
    }
    if (size < header) return undefined;
    if (ascii(bytes, at + 4, at + 8) === type) {
      if (at + size > bytes.length) return whole ? undefined : { need: at + size };
      return { start: at + header, end: at + size };
    }
    at += size;
  }
  return at + 8 > bytes.length && !whole && to === bytes.length ? { need: at + 8 } : undefined;
}

/** CSS units in px (CSS Values 4, absolute lengths); em, ex and % depend on where the SVG is shown, and give none. */
const UNITS: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, pt: 96 / 72, pc: 16 };

/** An SVG's root element: its width and height, or the one given and its viewBox's proportion, or its viewBox alone. */
function svgSize(bytes: Uint8Array, whole: boolean): HeaderResult | undefined {
  const text = new TextDecoder().decode(bytes);
  const start = /<svg[\s>]/.exec(text);
  // A text file that is no SVG, or one whose root element comes after a long comment or doctype.
  if (!start) return !whole && /^\s*(<\?xml|<!--|<!DOCTYPE svg)/i.test(text) ? { need: bytes.length * 4 } : undefined;
  // The root element's tag up to its first > outside quotes; a > in an attribute's value is allowed in XML.
  const tag = /^<svg(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(text.slice(start.index));
  if (!tag) return whole ? damaged('SVG', 'its svg element is not closed') : { need: bytes.length * 4 };
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag[0]);
  const length = (name: string) => {
    const found = attribute(name);
    const value = found ? (found[1] ?? found[2])! : undefined;
    const parsed = value === undefined ? undefined : /^\s*(\d*\.?\d+(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value);
    const unit = parsed ? UNITS[parsed[2]!.toLowerCase()] : undefined;
    return parsed && unit !== undefined ? Number(parsed[1]) * unit : undefined;
  };
  const width = length('width');
  const height = length('height');
  const box = attribute('viewBox');
  const view = box ? (box[1] ?? box[2])!.trim().split(/[\s,]+/).map(Number) : [];
  const [boxWidth, boxHeight] = view.length === 4 && view.every(Number.isFinite) && view[2]! > 0 && view[3]! > 0 ? [view[2]!, view[3]!] : [undefined, undefined];
  if (width && height) return checked(Math.round(width), Math.round(height), 'SVG');
  if (boxWidth !== undefined && boxHeight !== undefined) {
    if (width) return checked(Math.round(width), Math.round((width * boxHeight) / boxWidth), 'SVG');
    if (height) return checked(Math.round((height * boxWidth) / boxHeight), Math.round(height), 'SVG');
    return checked(Math.round(boxWidth), Math.round(boxHeight), 'SVG');
  }
  // An SVG drawn to fill its box (no size, no viewBox) has no size of its own: a browser shows it at 300 × 150.
  return { error: 'its svg element gives no width and height nor a viewBox', known: true };
}

function checked(width: number, height: number, format: string): HeaderResult {
  return width >= 1 && height >= 1 && Number.isInteger(width) && Number.isInteger(height) ? { width, height } : damaged(format, `its header gives a size of ${width} × ${height}`);
}

function cut(format: string): HeaderResult {
  return damaged(format, 'it ends in its header');
}

function damaged(format: string, why: string): HeaderResult {
  return { error: `a damaged ${format} file: ${why}`, known: true };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  if (to > bytes.length) return '';
  let text = '';
  for (let at = from; at < to; at++) text += String.fromCharCode(bytes[at]!);
  return text;
}

function be16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function be32(bytes: Uint8Array, at: number): number {
  return be16(bytes, at) * 0x10000 + be16(bytes, at + 2);
}

function le16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function le24(bytes: Uint8Array, at: number): number {
  return le16(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
}
