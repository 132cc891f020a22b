import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../src/text/levenshtein.ts';

/** nearest() as it was before it skipped candidates by their length: compare with every one. */
function nearestByComparingAll(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 2)) ? best : undefined;
}

describe('nearest', () => {
  it('suggests the key or id meant', () => {
    expect(nearest('tittle', ['title', 'date', 'tags'])).toBe('title');
    expect(nearest('ozadje-pogovrov', ['ozadje-pogovorov', 'odzivi'])).toBe('ozadje-pogovorov');
    expect(nearest('povsem-drugo', ['title', 'date'])).toBeUndefined();
  });

  it('gives what comparing with every candidate gives, though it skips those whose length rules them out', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const word = () => Array.from({ length: 1 + random(12) }, () => 'abcčİ-'[random(6)]).join('');
    for (let run = 0; run < 3000; run++) {
      const candidates = Array.from({ length: random(8) }, word);
      const input = word();
      expect(nearest(input, candidates), `${input} in ${candidates.join(',')}`).toBe(nearestByComparingAll(input, candidates));
    }
  });
});
