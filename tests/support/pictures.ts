import { deflateSync, crc32 } from 'node:zlib';

/** A whole PNG of `width` × `height` grey pixels: signature, IHDR, one IDAT and IEND, each chunk with its CRC. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, no filter, not interlaced
  const rows = Buffer.alloc((width + 1) * height); // a filter byte and the pixels of each row, all 0
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/**
 * The start of a JPEG as a camera writes it: SOI, an EXIF block of `exifBytes` holding the orientation tag in the
 * byte order given, then the frame header (SOF0, or `frame`) with the size, and EOI. A phone stores an upright photo
 * as a landscape one with orientation 6.
 */
export function jpeg(width: number, height: number, { orientation = 1, exifBytes = 64, littleEndian = false, frame = 0xc0 } = {}): Buffer {
  const tiff = Buffer.alloc(Math.max(exifBytes, 32));
  tiff.write(littleEndian ? 'Exif\0\0II' : 'Exif\0\0MM', 0, 'latin1');
  const u16 = (value: number, at: number) => (littleEndian ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at));
  const u32 = (value: number, at: number) => (littleEndian ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at));
  // After Exif\0\0: the TIFF header (byte order, 42, IFD0 at 8), then IFD0 with one entry: 0x0112, SHORT, count 1.
  u16(42, 8);
  u32(8, 10);
  u16(1, 14);
  u16(0x0112, 16);
  u16(3, 18);
  u32(1, 20);
  u16(orientation, 24);
  const header = Buffer.alloc(15);
  header[0] = 8;
  header.writeUInt16BE(height, 1);
  header.writeUInt16BE(width, 3);
  header[5] = 3;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jpegSegment(0xe1, tiff), jpegSegment(frame, header), Buffer.from([0xff, 0xd9])]);
}

/** A GIF's header: signature, logical screen width and height, then its trailer. */
export function gif(width: number, height: number): Buffer {
  const head = Buffer.alloc(13);
  head.write('GIF89a', 0, 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  return Buffer.concat([head, Buffer.from([0x3b])]);
}
