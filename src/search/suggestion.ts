import { typoDistance } from '../text/levenshtein.ts';
import { isNumberWord, isRomanNumeral } from '../text/numbers.ts';
import type { Shard } from './index-builder.ts';
import { irregularStems, tokenize, writtenStems } from './text.ts';

/**
 * »Ste mislili: …?« for a query word that matches no term of the index (witkof, dmitrjev): the stems of the
 * index a typo or two away from it, looked up only in the few shards that can hold them (query.ts
 * SearchEngine.suggest puts the pieces together and fetches the files). No DOM here.
 */

/** A word's stem this long or shorter may be one typo from the stem meant; a longer one two. */
const SHORT_STEM = 4;
/** Shorter stems are not corrected: one letter changed in two makes another word of nearly any of them. */
const MIN_TYPO_STEM = 3;
/** How many shards a word's suggestion may fetch besides those its search fetched. */
export const MAX_SUGGESTION_SHARDS = 4;
/** How many document chunks (about 8 KB each) a word's suggestion may fetch to find the word an article writes. */
export const MAX_SUGGESTION_CHUNKS = 3;

/**
 * Whether a query word's stem that matches nothing may be a typo worth correcting. Not when it is short (see
 * MIN_TYPO_STEM), nor when it is a number: 2024 is one edit from 2025 and 1600 from 1500, but a reader who
 * searched for a year or a sum the archive does not hold made no typo, and another number is another fact. So is
 * another Roman numeral (XVIII is one edit from XVII; a numeral's stem is the numeral, text.ts stemWord).
 */
export function mayBeMistyped(stem: string): boolean {
  return stem.length >= MIN_TYPO_STEM && !isNumberWord(stem) && !isRomanNumeral(stem);
}

/** How many edits (a swap of neighbouring letters is one) a stem may be from the one meant. */
export function typoLimit(stem: string): number {
  return stem.length <= SHORT_STEM ? 1 : 2;
}

/**
 * The shards that can hold a stem at most `limit` edits from `stem`, nearest first, at most
 * MAX_SUGGESTION_SHARDS. A stem is in the shard of the longest key it begins with (index-builder.ts
 * assignShards), so a key that was split further holds only the stems exactly as long as it, and the
 * others hold stems that begin with them: such a key can hold a near stem only if it is near a beginning of
 * `stem`. The first letter is taken as typed: nearly every key one or two letters long is an edit or two
 * from some beginning of any word, so a typo there could be in most of the index's shards (measured on the
 * bench archive of 10,000 articles: 50–70 shards, 0.7–1 MB, for a word of five letters or more).
 */
export function suggestionShards(keys: readonly string[], stem: string, limit: number): number[] {
  const split = new Set<string>();
  for (const key of keys) for (let length = 1; length < key.length; length++) split.add(key.slice(0, length));
  const near: { n: number; distance: number }[] = [];
  keys.forEach((key, n) => {
    if (key.codePointAt(0) !== stem.codePointAt(0)) return;
    const distance = split.has(key) ? typoDistance(stem, key, limit) : beginningDistance(stem, key, limit);
    if (distance <= limit) near.push({ n, distance });
  });
  // A stem written otherwise (dnev, dni of dan) is in the shard of the stem the index holds it under, which may
  // be far from the typed stem though the written one is near (dnve of »dnvei«).
  for (const irregular of irregularStems()) {
    if (irregular.codePointAt(0) !== stem.codePointAt(0)) continue;
    const { distance } = nearestWritten(stem, irregular, limit);
    const n = holdingShard(keys, irregular);
    if (distance > limit || n === undefined) continue;
    const already = near.find((shard) => shard.n === n);
    if (already) already.distance = Math.min(already.distance, distance);
    else near.push({ n, distance });
  }
  // Nearest first; among equals the longer key, whose shard holds fewer stems beside the near ones.
  near.sort((a, b) => a.distance - b.distance || keys[b.n]!.length - keys[a.n]!.length || a.n - b.n);
  return near.slice(0, MAX_SUGGESTION_SHARDS).map(({ n }) => n);
}

/** The shard a stem is in: the one of the longest key it begins with (index-builder.ts assignShards). */
export function holdingShard(keys: readonly string[], stem: string): number | undefined {
  let best: number | undefined;
  keys.forEach((key, n) => {
    if (stem.startsWith(key) && (best === undefined || key.length > keys[best]!.length)) best = n;
  });
  return best;
}

/**
 * The edits from `typed` to `stem` or to a stem `stem`'s forms are written with (text.ts writtenStems), whichever
 * is nearer, and that stem: a typo is made in the word as written, dnvei near dnev, not dan.
 */
function nearestWritten(typed: string, stem: string, limit: number): { written: string; distance: number } {
  let best = { written: stem, distance: typoDistance(typed, stem, limit) };
  for (const written of writtenStems(stem)) {
    const distance = typoDistance(typed, written, limit);
    if (distance < best.distance) best = { written, distance };
  }
  return best;
}

/** The fewest edits from a beginning of `stem` to `key` (limit + 1 when more than `limit`). */
function beginningDistance(stem: string, key: string, limit: number): number {
  let best = limit + 1;
  for (let length = Math.max(0, key.length - limit); length <= Math.min(stem.length, key.length + limit); length++) {
    best = Math.min(best, typoDistance(stem.slice(0, length), key, limit));
  }
  return best;
}

export interface NearStem {
  stem: string;
  distance: number;
  /** How many articles hold it. */
  documents: number;
  /** Whether the typed stem is this one with letters left out (vld of vlad), the commonest typo. */
  lettersLeftOut: boolean;
}

/**
 * The stem of `shards` nearest to `stem`, at most `limit` edits away and not the stem itself. Among equally
 * near ones first one that the typed stem is with letters left out: vlda is one edit from vlada and from
 * voda, and a letter left out is the likelier typo (on the bench archive's words, with each kind of typo made
 * once in every word, this rule found the word meant 1,150 times against 1,120, and a wrong one 42 times
 * against 73: more right for left-out letters, and for swapped ones that the stemmer turns into them; as
 * many for changed and added letters). Then the one more articles hold (what most readers meant), then the
 * first in the alphabet, so the same index always suggests the same word.
 */
export function nearestStem(shards: readonly Shard[], stem: string, limit: number): NearStem | undefined {
  return nearStems(shards, stem, limit)[0];
}

/**
 * Every stem of `shards` at most `limit` edits from `stem`, nearest first as nearestStem orders them: the
 * nearest may be only in the front matter of its articles (a person's alias, a tag), where no text gives
 * the word to suggest, and then the next one is.
 */
export function nearStems(shards: readonly Shard[], stem: string, limit: number): NearStem[] {
  const near: NearStem[] = [];
  for (const shard of shards) {
    for (const other in shard) {
      if (other === stem) continue;
      const { written, distance } = nearestWritten(stem, other, limit);
      if (distance > limit) continue;
      // Postings are pairs of (document number delta, weight).
      near.push({ stem: other, distance, documents: shard[other]!.length / 2, lettersLeftOut: hasLettersLeftOut(stem, written) });
    }
  }
  return near.sort(compareNear);
}

function compareNear(a: NearStem, b: NearStem): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  if (a.lettersLeftOut !== b.lettersLeftOut) return a.lettersLeftOut ? -1 : 1;
  if (a.documents !== b.documents) return b.documents - a.documents;
  return a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0;
}

/** Whether `typed` is `stem` with one or more of its letters left out (vld of vlad), in their order. */
function hasLettersLeftOut(typed: string, stem: string): boolean {
  if (stem.length <= typed.length) return false;
  let found = 0;
  for (let n = 0; n < stem.length && found < typed.length; n++) if (stem[n] === typed[found]) found++;
  return found === typed.length;
}

/**
 * The articles that hold a stem, from its postings ([docDelta, weight, …]), in the order a search for it shows
 * them: most weight first (a title, then more mentions), the newer first among equals. A stem only in an
 * article's front matter (a tag, a person's alias) weighs what one mention does, so the first is the article
 * likeliest to write it in its text, and its chunk is the one the suggested search is likely to show first.
 */
export function holdersByRank(postings: readonly number[]): number[] {
  const holders: { id: number; weight: number }[] = [];
  let id = 0;
  for (let n = 0; n < postings.length; n += 2) holders.push({ id: (id += postings[n]!), weight: postings[n + 1]! });
  return holders.sort((a, b) => b.weight - a.weight || b.id - a.id).map((holder) => holder.id);
}

/**
 * The word of `texts` with this stem that is nearest to `typed` (the reader's word, folded), in lowercase:
 * the index keeps stems, not words (»dmitrij«), and a suggestion must be a word (»dmitrijev«, the form the
 * reader was after). Undefined when no word of the texts has the stem (an article found by a name only its
 * front matter lists).
 */
export function wordWithStem(texts: readonly string[], stem: string, typed: string): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const text of texts) {
    for (const token of tokenize(text)) {
      if (token.stem !== stem && token.stemWithD !== stem) continue;
      const distance = typoDistance(typed, token.folded, Math.max(typed.length, token.folded.length));
      if (!best || distance < best.distance) best = { word: token.text.toLowerCase(), distance };
    }
  }
  return best?.word;
}
