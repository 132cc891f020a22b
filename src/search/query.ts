import type { ChunkEntry, Shard } from './index-builder.ts';
import { chunkUrl, shardUrl, type SearchManifest } from './manifest.ts';
import { isSearchable, tokenize, type Token } from './text.ts';

/**
 * Query side of search, shared by the browser (src/client/search.ts) and the tests: it fetches only the
 * shards that hold the query's stems and the chunks of the results on screen. No DOM here.
 */
export interface QueryTerm {
  stem: string;
  /** Also match longer stems that start with this one (a word still being typed, irregular endings). */
  prefix: boolean;
}

/** Prefix matches rank below exact stem matches. */
const PREFIX_FACTOR = 0.5;
/** A prefix that would need more shards than this (a very short one) matches whole stems only. */
const MAX_PREFIX_SHARDS = 4;
const MIN_PREFIX = 3;

/** The distinct searchable words of a query, folded and stemmed. */
export function parseQuery(query: string): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const token of tokenize(query.normalize('NFC'))) {
    if (!isSearchable(token.folded) || seen.has(token.stem)) continue;
    seen.add(token.stem);
    terms.push({ stem: token.stem, prefix: token.stem.length >= MIN_PREFIX });
  }
  return terms;
}

/** Whether a word of a document is a hit for one of the terms. */
export function matchesTerms(token: Pick<Token, 'stem'>, terms: readonly QueryTerm[]): boolean {
  return terms.some((term) => token.stem === term.stem || (term.prefix && token.stem.startsWith(term.stem)));
}

export interface SearchHit {
  /** Document number in the index (higher is newer, see search/documents.ts searchOrder). */
  id: number;
  score: number;
}

export interface Segment {
  text: string;
  mark: boolean;
}

export interface SearchResult {
  url: string;
  title: Segment[];
  date: string;
  dateTime: string;
  snippet: Segment[];
}

export type FetchJson = (url: string) => Promise<unknown>;

export class SearchEngine {
  readonly #fetchJson: FetchJson;
  readonly #manifestUrl: string;
  #manifest: Promise<SearchManifest> | undefined;
  readonly #files = new Map<string, Promise<unknown>>();

  constructor(fetchJson: FetchJson, manifestUrl: string) {
    this.#fetchJson = fetchJson;
    this.#manifestUrl = manifestUrl;
  }

  manifest(): Promise<SearchManifest> {
    this.#manifest ??= this.#fetchJson(this.#manifestUrl).then((value) => {
      const manifest = value as SearchManifest;
      if (manifest?.version !== 2 || !Array.isArray(manifest.shards) || !Array.isArray(manifest.shardFiles) || !Array.isArray(manifest.chunkFiles)) throw new Error('the search index has an unknown format');
      return manifest;
    });
    return this.#manifest;
  }

  /** Documents that contain every term, best first; newer first among equals. */
  async search(terms: readonly QueryTerm[]): Promise<SearchHit[]> {
    if (terms.length === 0) return [];
    const manifest = await this.manifest();
    const perTerm = await Promise.all(terms.map((term) => this.#scoresFor(manifest, term)));
    perTerm.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = perTerm;
    const hits: SearchHit[] = [];
    for (const [id, score] of smallest!) {
      let total = score;
      let everywhere = true;
      for (const other of rest) {
        const value = other.get(id);
        if (value === undefined) {
          everywhere = false;
          break;
        }
        total += value;
      }
      if (everywhere) hits.push({ id, score: total });
    }
    // Equal scores: the newer article first.
    return hits.sort((a, b) => b.score - a.score || b.id - a.id);
  }

  /** Title, date and snippet of the given hits, fetching only the chunks they live in. */
  async results(hits: readonly SearchHit[], terms: readonly QueryTerm[]): Promise<SearchResult[]> {
    const manifest = await this.manifest();
    const entries = await Promise.all(hits.map((hit) => this.#entry(manifest, hit.id)));
    return entries.map((entry) => ({
      url: entry.u,
      title: markText(entry.t, terms),
      date: entry.d,
      dateTime: entry.i,
      snippet: cutSnippet(entry.x, terms),
    }));
  }

  async #scoresFor(manifest: SearchManifest, term: QueryTerm): Promise<Map<number, number>> {
    const { exact, prefixed } = shardsFor(manifest.shards, term);
    const scores = new Map<number, number>();
    const shards = await Promise.all([...exact, ...prefixed].map((n) => this.#load(shardUrl(manifest, n)) as Promise<Shard>));
    for (const shard of shards) {
      for (const stem in shard) {
        const factor = stem === term.stem ? 1 : term.prefix && stem.startsWith(term.stem) ? PREFIX_FACTOR : 0;
        if (factor === 0) continue;
        const postings = shard[stem]!;
        let id = 0;
        for (let n = 0; n < postings.length; n += 2) {
          id += postings[n]!;
          const weight = postings[n + 1]! * factor;
          if (weight > (scores.get(id) ?? 0)) scores.set(id, weight);
        }
      }
    }
    return scores;
  }

  async #entry(manifest: SearchManifest, id: number): Promise<ChunkEntry> {
    const chunk = upperBound(manifest.chunks, id) - 1;
    const entries = (await this.#load(chunkUrl(manifest, chunk))) as ChunkEntry[];
    const entry = entries[id - manifest.chunks[chunk]!];
    if (!entry) throw new Error(`the search index has no document ${id}`);
    return entry;
  }

  #load(url: string): Promise<unknown> {
    let file = this.#files.get(url);
    if (!file) {
      file = this.#fetchJson(url);
      this.#files.set(url, file);
      file.catch(() => this.#files.delete(url));
    }
    return file;
  }
}

/**
 * The shards a term needs: the one whose key is the longest prefix of the stem (it holds the stem itself
 * and, unless split further, every longer stem), plus for a prefix term any shard split off below the stem.
 */
export function shardsFor(keys: readonly string[], term: QueryTerm): { exact: number[]; prefixed: number[] } {
  let best = -1;
  const prefixed: number[] = [];
  keys.forEach((key, n) => {
    if (term.stem.startsWith(key) && (best < 0 || key.length > keys[best]!.length)) best = n;
    else if (term.prefix && key.length > term.stem.length && key.startsWith(term.stem)) prefixed.push(n);
  });
  return { exact: best < 0 ? [] : [best], prefixed: prefixed.length <= MAX_PREFIX_SHARDS ? prefixed : [] };
}

function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The whole text in segments, hits marked. */
export function markText(text: string, terms: readonly QueryTerm[]): Segment[] {
  return segmentsBetween(text, tokenize(text), terms, 0, text.length);
}

const SNIPPET_LENGTH = 200;
const SNIPPET_LEAD = 60;

/** About 200 characters of `text` around its first hit, hits marked, with … where the text was cut. */
export function cutSnippet(text: string, terms: readonly QueryTerm[], length = SNIPPET_LENGTH): Segment[] {
  const tokens = tokenize(text);
  const first = tokens.findIndex((token) => matchesTerms(token, terms));
  let start = 0;
  if (first >= 0 && tokens[first]!.end > length - SNIPPET_LEAD) {
    const wanted = tokens[first]!.start - SNIPPET_LEAD;
    start = tokens.find((token) => token.start >= wanted)?.start ?? 0;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const last = tokens.findLast((token) => token.end <= end && token.start >= start);
    if (last) end = last.end;
  }
  const segments = segmentsBetween(text, tokens, terms, start, end);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < text.length) segments.push({ text: ' …', mark: false });
  return mergeSegments(segments);
}

function segmentsBetween(text: string, tokens: readonly Token[], terms: readonly QueryTerm[], start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let position = start;
  for (const token of tokens) {
    if (token.start < start || token.end > end || !matchesTerms(token, terms)) continue;
    if (token.start > position) segments.push({ text: text.slice(position, token.start), mark: false });
    segments.push({ text: token.text, mark: true });
    position = token.end;
  }
  if (position < end) segments.push({ text: text.slice(position, end), mark: false });
  return segments;
}

function mergeSegments(segments: readonly Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && !last.mark && !segment.mark) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
