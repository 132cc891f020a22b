import { describe, expect, it } from 'vitest';
import { pictureHeaderSize } from '../../../src/output/picture-header.ts';
import { gif, jpeg, jpegSegment, png } from '../../support/pictures.ts';

const bytes = (buffer: Buffer) => new Uint8Array(buffer);

/** An ISO BMFF box: its size, its type and its content. */
function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function u32(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => out.writeUInt32BE(value, index * 4));
  return out;
}

/** The boxes of an AVIF up to the size of its image: ftyp, then meta with a handler and item properties (ispe). */
function avif(width: number, height: number): Buffer {
  const ftyp = box('ftyp', Buffer.from('avif', 'latin1'), u32(0), Buffer.from('avifmif1miaf', 'latin1'));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('pict', 'latin1'), u32(0, 0, 0), Buffer.from([0]));
  const ispe = box('ispe', u32(0, width, height));
  const meta = box('meta', u32(0), hdlr, box('iprp', box('ipco', ispe)));
  return Buffer.concat([ftyp, meta, box('mdat', Buffer.alloc(32))]);
}

/** A RIFF WebP whose first chunk is `chunk` with `data`. */
function webp(chunk: string, data: Buffer): Buffer {
  const head = Buffer.alloc(20);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(12 + data.length, 4);
  head.write('WEBP', 8, 'latin1');
  head.write(chunk, 12, 'latin1');
  head.writeUInt32LE(data.length, 16);
  return Buffer.concat([head, data, Buffer.alloc(16)]);
}

function vp8(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.set([0x9d, 0x01, 0x2a], 3); // after the 3-byte frame tag, the start code
  data.writeUInt16LE(width, 6);
  data.writeUInt16LE(height, 8);
  return webp('VP8 ', data);
}

function vp8l(width: number, height: number): Buffer {
  // A signature byte, then width - 1 and height - 1 in 14 bits each, least significant first.
  const bits = (width - 1) | ((height - 1) << 14);
  const data = Buffer.alloc(5);
  data[0] = 0x2f;
  data.writeUInt32LE(bits >>> 0, 1);
  return webp('VP8L', data);
}

function vp8x(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return webp('VP8X', data);
}

const svg = (attributes: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- Zemljevid -->\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><title>a > b</title></svg>\n`);

describe('pictureHeaderSize reads the width and height of a picture from its first bytes', () => {
  it.each([
    ['PNG', png(640, 360), { width: 640, height: 360 }],
    ['JPEG, baseline', jpeg(1600, 1067), { width: 1600, height: 1067 }],
    ['JPEG, progressive (SOF2)', jpeg(1600, 1067, { frame: 0xc2 }), { width: 1600, height: 1067 }],
    ['JPEG turned a quarter by its EXIF orientation (6), big-endian', jpeg(4032, 3024, { orientation: 6 }), { width: 3024, height: 4032 }],
    ['JPEG turned a quarter by its EXIF orientation (8), little-endian', jpeg(4032, 3024, { orientation: 8, littleEndian: true }), { width: 3024, height: 4032 }],
    ['JPEG upside down (3): as wide as it was', jpeg(4032, 3024, { orientation: 3 }), { width: 4032, height: 3024 }],
    ['GIF', gif(320, 240), { width: 320, height: 240 }],
    ['WebP, lossy (VP8)', vp8(1024, 683), { width: 1024, height: 683 }],
    ['WebP, lossless (VP8L)', vp8l(5000, 3), { width: 5000, height: 3 }],
    ['WebP, extended (VP8X)', vp8x(16383, 9000), { width: 16383, height: 9000 }],
    ['AVIF', avif(1920, 1080), { width: 1920, height: 1080 }],
    ['SVG with a width and height', svg('width="300" height="150.4px"'), { width: 300, height: 150 }],
    ['SVG with a viewBox alone', svg("viewBox='0 0 800,450'"), { width: 800, height: 450 }],
    ['SVG with a width and a viewBox', svg('width="400" viewBox="0 0 800 450"'), { width: 400, height: 225 }],
    ['SVG with a height in cm and a viewBox', svg('height="2.54cm" viewBox="0 0 200 100"'), { width: 192, height: 96 }],
    ['SVG sized in %, with a viewBox', svg('width="100%" height="100%" viewBox="0 0 640 480"'), { width: 640, height: 480 }],
  ])('%s', (_name, file, size) => {
    expect(pictureHeaderSize(bytes(file), true)).toEqual(size);
  });

  it('asks for more of a JPEG whose EXIF block or frame header lies beyond the bytes read, then reads it', () => {
    const file = jpeg(4032, 3024, { orientation: 6, exifBytes: 40_000 });
    const first = pictureHeaderSize(bytes(file.subarray(0, 16 * 1024)), false);
    expect(first).toEqual({ need: 40_000 + 2 + 4 });
    const next = pictureHeaderSize(bytes(file.subarray(0, (first as { need: number }).need)), false);
    expect(next).toEqual({ need: 40_000 + 2 + 4 + 4 });
    expect(pictureHeaderSize(bytes(file.subarray(0, 40_100)), false)).toEqual({ width: 3024, height: 4032 });
  });

  it('steps over fill bytes and restart markers between segments', () => {
    const file = jpeg(800, 600);
    const withFill = Buffer.concat([file.subarray(0, 2), Buffer.from([0xff, 0xff, 0xff]), jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')), file.subarray(2)]);
    expect(pictureHeaderSize(bytes(withFill), true)).toEqual({ width: 800, height: 600 });
  });

  it.each([
    ['a JPEG cut short before its frame header', jpeg(800, 600, { exifBytes: 5000 }).subarray(0, 3000), 'ends before its frame header'],
    ['a JPEG whose segments are garbage after its first', Buffer.concat([jpeg(800, 600).subarray(0, 2 + 4 + 64), Buffer.alloc(1024 * 1024, 0x55)]), 'no segment starts'],
    ['a JPEG whose image data comes before a frame header', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]), 'image data starts before'],
    ['a PNG cut in its header', png(10, 10).subarray(0, 20), 'ends in its header'],
    ['a PNG of width 0', png(10, 10).fill(0, 16, 20), 'size of 0 × 10'],
    ['an SVG with no size and no viewBox', svg('class="graf"'), 'no width and height nor a viewBox'],
  ])('tells %s damaged', (_name, file, why) => {
    const result = pictureHeaderSize(bytes(file), true);
    expect(result).toMatchObject({ known: true });
    expect((result as { error: string }).error).toContain(why);
  });

  it.each([
    ['a web page saved as .jpg', Buffer.from('<!DOCTYPE html>\n<html><head><title>Dvorana</title></head><body>Ni najdeno</body></html>\n')],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
    ['a BMP, which arhivar does not size', Buffer.concat([Buffer.from('BM', 'latin1'), Buffer.alloc(60)])],
    ['an empty file', Buffer.alloc(0)],
  ])('tells %s no picture of these formats', (_name, file) => {
    expect(pictureHeaderSize(bytes(file), true)).toMatchObject({ known: false });
  });
});
