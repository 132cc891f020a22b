import { createHash } from 'node:crypto';
import { urls } from '../site/urls.ts';
import { chunkUrl, shardUrl, type SearchManifest } from './manifest.ts';

export type { SearchManifest } from './manifest.ts';
export { chunkUrl, shardUrl } from './manifest.ts';
import { foldWord, isSearchable, stemWord } from './text.ts';

/**
 * The search index as static files, so /iskanje/ works with no server. A reader downloads only what a
 * query needs:
 *  - `indeks.json` (the manifest): the shard keys and where each document chunk starts;
 *  - term shards `t/<n>.json`: stem → postings, split by stem prefix until each shard is small;
 *  - document chunks `d/<n>.json`: url, title, date and text of a run of documents, fetched only for
 *    the results on screen (the snippet is cut from the text in the browser).
 * Each shard and chunk file is named by the hash of its content, so it may be cached forever and a
 * rebuild after one edit rewrites only the files whose content changed; only the small manifest has a
 * fixed URL.
 */
export interface SearchDocument {
  url: string;
  title: string;
  /** The date as readers see it ("22. decembra 2025"). */
  date: string;
  /** ISO 8601, for <time datetime>. */
  dateTime: string;
  /** Plain text of the article body; the snippet is cut from it. */
  text: string;
  /** Indexed like body words but not shown: the people and tags of the article. */
  keywords?: readonly string[];
}

export interface SearchIndexOptions {
  /** A shard is split by a longer prefix once its JSON exceeds this many bytes. */
  shardBytes?: number;
  /** Documents are packed into chunks of about this many bytes of JSON. */
  chunkBytes?: number;
}

/**
 * File names from content: 8 hex digits of each file's hash (a number is added on the rare clash), so a
 * name changes exactly when its file does, whatever happens to the files around it.
 */
export function contentNames(contents: readonly string[], taken: Set<string>): string[] {
  return contents.map((json, n) => {
    let name = createHash('sha1').update(json).digest('hex').slice(0, 8);
    if (taken.has(name)) name = `${name}-${n}`;
    taken.add(name);
    return name;
  });
}

/** A shard file: stem → [docDelta, weight, docDelta, weight, …], document numbers delta-encoded. */
export type Shard = Record<string, number[]>;

/** One entry of a document chunk; short keys because 10,000 of them are downloaded piecemeal. */
export interface ChunkEntry {
  u: string;
  t: string;
  d: string;
  i: string;
  x: string;
}

export interface SearchIndexFile {
  /** Path inside dist/, no leading slash. */
  path: string;
  bytes: string;
}

export interface SearchIndex {
  manifest: SearchManifest;
  files: SearchIndexFile[];
}

const DEFAULTS = { shardBytes: 32_000, chunkBytes: 8_000 };
const WORD = /[\p{L}\p{N}]+/gu;
/** Weight of a word in the title against one occurrence in the body; body counts are capped. */
const TITLE_WEIGHT = 10;
const BODY_CAP = 10;

/** Builds the index files for `documents`; document n is documents[n] (pass them newest first: ties rank by number). */
export function buildSearchIndex(documents: readonly SearchDocument[], options: SearchIndexOptions = {}, terms?: readonly (DocumentTerms | undefined)[]): SearchIndex {
  const { shardBytes, chunkBytes } = { ...DEFAULTS, ...options };
  const postings = collectPostings(documents, terms);

  const shardStems = assignShards(postings, shardBytes);
  const shardContents = [...shardStems.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, stems]) => ({ key, json: serializeShard(stems, postings) }));
  // The postings (tens of MB at 10,000 articles) are in the shards now: let them go before the chunks are made.
  postings.clear();

  const chunks: string[] = [];
  const chunkStarts: number[] = [];
  let pending: string[] = [];
  let pendingBytes = 0;
  documents.forEach((document, id) => {
    if (pending.length === 0) chunkStarts.push(id);
    const entry: ChunkEntry = { u: document.url, t: document.title, d: document.date, i: document.dateTime, x: document.text };
    const json = JSON.stringify(entry);
    pending.push(json);
    pendingBytes += json.length;
    if (pendingBytes >= chunkBytes) {
      chunks.push(`[${pending.join(',')}]`);
      pending = [];
      pendingBytes = 0;
    }
  });
  if (pending.length > 0) chunks.push(`[${pending.join(',')}]`);

  const base = urls.searchData();
  const taken = new Set<string>();
  const manifest: SearchManifest = {
    version: 2,
    base,
    documents: documents.length,
    shards: shardContents.map(({ key }) => key),
    shardFiles: contentNames(shardContents.map(({ json }) => json), taken),
    chunks: chunkStarts,
    chunkFiles: contentNames(chunks, taken),
  };
  const relative = (url: string) => url.replace(/^\/+/, '');
  const files: SearchIndexFile[] = [{ path: relative(urls.searchIndex()), bytes: JSON.stringify(manifest) }];
  shardContents.forEach(({ json }, n) => files.push({ path: relative(shardUrl(manifest, n)), bytes: json }));
  chunks.forEach((json, n) => files.push({ path: relative(chunkUrl(manifest, n)), bytes: json }));
  return { manifest, files };
}

/** A document's stems and their weights (title words count TITLE_WEIGHT, body words one each up to BODY_CAP more). */
export interface DocumentTerms {
  stems: string[];
  weights: number[];
}

/** Each distinct spelling folded and stemmed once: the vocabulary is far smaller than the text. */
export function createStemmer(): (word: string) => string | null {
  const stems = new Map<string, string | null>();
  return (word) => {
    let stem = stems.get(word);
    if (stem === undefined) {
      const folded = foldWord(word);
      stem = isSearchable(folded) ? stemWord(folded) : null;
      stems.set(word, stem);
    }
    return stem;
  };
}

/** The terms of one document; `stemOf` may be shared between calls (see createStemmer). */
export function documentTerms(document: SearchDocument, stemOf: (word: string) => string | null = createStemmer()): DocumentTerms {
  const counts = new Map<string, number>();
  for (const word of document.title.match(WORD) ?? []) {
    const stem = stemOf(word);
    if (stem !== null && !counts.has(stem)) counts.set(stem, TITLE_WEIGHT);
  }
  const text = document.text;
  const body = document.keywords?.length ? `${text}\n${document.keywords.join('\n')}` : text;
  for (const word of body.match(WORD) ?? []) {
    const stem = stemOf(word);
    if (stem === null) continue;
    const count = counts.get(stem) ?? 0;
    if (count < TITLE_WEIGHT + BODY_CAP) counts.set(stem, count + 1);
  }
  return { stems: [...counts.keys()], weights: [...counts.values()] };
}

/**
 * stem → flat [doc, weight, doc, weight, …] with ascending document numbers. `terms[n]`, when given, are
 * documents[n]'s terms computed earlier (a rebuild keeps them in .cache/).
 */
function collectPostings(documents: readonly SearchDocument[], terms?: readonly (DocumentTerms | undefined)[]): Map<string, number[]> {
  const stemOf = createStemmer();
  const postings = new Map<string, number[]>();
  documents.forEach((document, id) => {
    const { stems, weights } = terms?.[id] ?? documentTerms(document, stemOf);
    for (let n = 0; n < stems.length; n++) {
      let list = postings.get(stems[n]!);
      if (!list) postings.set(stems[n]!, (list = []));
      list.push(id, weights[n]!);
    }
  });
  return postings;
}

function serializeShard(stems: readonly string[], postings: ReadonlyMap<string, number[]>): string {
  const shard: Shard = {};
  for (const stem of [...stems].sort()) {
    const list = postings.get(stem)!;
    const encoded = new Array<number>(list.length);
    let previous = 0;
    for (let n = 0; n < list.length; n += 2) {
      encoded[n] = list[n]! - previous;
      encoded[n + 1] = list[n + 1]!;
      previous = list[n]!;
    }
    shard[stem] = encoded;
  }
  return JSON.stringify(shard);
}

/**
 * Groups stems by prefix: first by their first letter, and a group over `limit` bytes is split by one more
 * letter. Stems exactly as long as the prefix stay in the parent group. A single huge stem cannot be
 * split and keeps a shard of its own.
 */
function assignShards(postings: ReadonlyMap<string, number[]>, limit: number): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  const estimate = (stem: string) => stem.length + 4 + 3 * (postings.get(stem)?.length ?? 0);
  const place = (key: string, depth: number, stems: string[]) => {
    let bytes = 0;
    for (const stem of stems) bytes += estimate(stem);
    if (bytes <= limit || stems.length === 1) {
      shards.set(key, stems);
      return;
    }
    const exact: string[] = [];
    const children = new Map<string, string[]>();
    for (const stem of stems) {
      const letters = Array.from(stem);
      if (letters.length <= depth) {
        exact.push(stem);
        continue;
      }
      const child = letters.slice(0, depth + 1).join('');
      let group = children.get(child);
      if (!group) children.set(child, (group = []));
      group.push(stem);
    }
    if (exact.length > 0) shards.set(key, exact);
    for (const [child, group] of children) place(child, depth + 1, group);
  };
  const roots = new Map<string, string[]>();
  for (const stem of postings.keys()) {
    const first = Array.from(stem)[0]!;
    let group = roots.get(first);
    if (!group) roots.set(first, (group = []));
    group.push(stem);
  }
  for (const [key, stems] of roots) place(key, 1, stems);
  return shards;
}
