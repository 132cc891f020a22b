import { describe, expect, it } from 'vitest';
import { nextReadLength } from '../../../src/output/picture-sizes.ts';

describe('nextReadLength', () => {
  it('reads at least twice as much each time, so a header that asks for a few bytes more at a time takes few reads', () => {
    // As a JPEG of 4-byte segments or of fill bytes asks: each time for 4 bytes past what was read.
    let length = 16 * 1024;
    let reads = 1;
    while (length < 1024 * 1024) {
      length = nextReadLength(length + 4, length);
      reads++;
      expect(reads).toBeLessThan(10);
    }
    expect(length).toBe(1024 * 1024);
  });

  it('takes what the header asks for when that is more, as for a large EXIF segment', () => {
    expect(nextReadLength(300_000, 16 * 1024)).toBe(300_000);
  });
});
