/** How far apart two spellings are, to suggest what someone probably meant: a key, an id, a person, an address, a word. */

/**
 * The candidate closest to `input` (a key, a heading id), or undefined when nothing is plausibly a typo of it; a
 * swap of two neighbouring letters is one typo, as everywhere arhivar suggests (typoDistance).
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(input.length / 2));
  const lowered = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that cannot be near is not compared
    // (a fragment of 100,000 characters against every id of its page).
    const within = Math.min(limit, bestDistance - 1);
    const other = candidate.toLowerCase();
    if (Math.abs(other.length - lowered.length) > within) continue;
    const distance = typoDistance(lowered, other, within);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance in which two neighbouring letters swapped count as one edit, the typo of fast typing
 * (`flroidi` for `floridi`; the optimal string alignment distance), up to `limit`: anything farther is
 * limit + 1. Only the cells within `limit` of the diagonal are worked out (the others are farther anyway), and
 * it gives up at the first row with none within the limit: comparing a name with thousands of others costs a
 * few letters of each.
 */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const far = limit + 1;
  const width = b.length + 1;
  // Three rows kept between calls: allocating them took most of the time of comparing an address with
  // thousands of others (1.3 µs a call, two letters or twenty). Nothing here awaits, so no two calls share them.
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  // Cells outside the band are never written and stay `far`, which is all the rows inside it need of them.
  let [beforePrevious, previous, current] = rows;
  beforePrevious.fill(far, 0, width);
  previous.fill(far, 0, width);
  current.fill(far, 0, width);
  for (let j = 0; j <= Math.min(limit, b.length); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? i : far;
    let smallest = from === 1 ? i : far;
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (letter === b.charCodeAt(j - 1) ? 0 : 1));
      if (i > 1 && j > 1 && letter === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
      if (distance < smallest) smallest = distance;
    }
    // No cell of a row is smaller than the smallest of the row before (a swap two rows back costs no less
    // than the substitution it crosses), so the distance can only be larger.
    if (smallest > limit) return far;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length]!, far);
}
