import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/memo.ts';

describe('memoize', () => {
  it('computes each answer once, null included, and starts afresh when full', () => {
    const asked: number[] = [];
    const half = memoize((n: number) => (asked.push(n), n % 2 === 0 ? n / 2 : null), 3);
    expect([half(4), half(4), half(3), half(3), half(6)]).toEqual([2, 2, null, null, 3]);
    expect(asked).toEqual([4, 3, 6]);
    // Full at three answers: the fourth empties the memo, so 4 is worked out again.
    half(8);
    half(4);
    expect(asked).toEqual([4, 3, 6, 8, 4]);
  });
});
