import { describe, expect, it } from 'vitest';
import { nearest, typoDistance } from '../../../src/text/levenshtein.ts';

/** The optimal string alignment distance with the whole table, no limit: what typoDistance must agree with. */
function fullTypoDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** nearest() without skipping candidates by their length or a limit: the whole distance to every one. */
function nearestByComparingAll(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = fullTypoDistance(input.toLowerCase(), candidate.toLowerCase());
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

describe('typoDistance', () => {
  it('counts two neighbouring letters swapped as one typo', () => {
    expect(typoDistance('witkoff-in-dmitrijev-na-flroidi', 'witkoff-in-dmitrijev-na-floridi', 3)).toBe(1);
    expect(nearest('flroidi', ['floridi', 'florida'])).toBe('floridi');
    expect(typoDistance('ukrajna', 'ukrajina', 1)).toBe(1);
    expect(typoDistance('steve-witkof', 'steve-witkoff', 2)).toBe(1);
  });

  it('gives the distance up to the limit, and limit + 1 for anything farther', () => {
    expect(typoDistance('gaza', 'rusija', 1)).toBe(2);
    expect(typoDistance('kirill-dmitrijev', 'jurij-usakov', 3)).toBe(4);
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const word = () => Array.from({ length: random(10) }, () => 'abcč-'[random(5)]).join('');
    for (let run = 0; run < 3000; run++) {
      const [a, b, limit] = [word(), word(), random(4)];
      expect(typoDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(fullTypoDistance(a, b), limit + 1));
    }
  });

  it('gives the same distance whatever was compared before it (its rows are kept between calls)', () => {
    // Words of two letters, so that the cells the rows keep from the words before are small distances.
    let seed = 5;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const word = () => Array.from({ length: random(8) }, () => 'ab'[random(2)]).join('');
    for (let run = 0; run < 3000; run++) {
      const [a, b, limit] = [word(), word(), random(4)];
      expect(typoDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(fullTypoDistance(a, b), limit + 1));
    }
  });
});
