import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentNames } from '../../../src/search/index-builder.ts';

describe('contentNames', () => {
  it('names a file by 8 hex digits of its content hash, and keeps names apart when two contents share one', () => {
    const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);
    const taken = new Set<string>();
    expect(contentNames(['[1]', '[2]', '[1]'], taken)).toEqual([hash('[1]'), hash('[2]'), `${hash('[1]')}-2`]);
    // Names already taken by the shards stay taken for the chunks.
    expect(contentNames(['[2]'], taken)).toEqual([`${hash('[2]')}-0`]);
  });
});
