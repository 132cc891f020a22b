import { createHash } from 'node:crypto';
import { urls, withBasePath } from '../site/urls.ts';
import { CHUNK_FOLDER, SHARD_FOLDER, chunkUrl, shardUrl, type SearchManifest } from './manifest.ts';

export type { SearchManifest } from './manifest.ts';
export { chunkUrl, shardUrl } from './manifest.ts';
import { foldWord, forEachJoinedWord, isSearchable, stemWithD, stemWord } from './text.ts';
import { forEachWord } from '../text/words.ts';

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
  /**
   * The path the site is published under (site/urls.ts basePathOf), "/" by default: the manifest names the
   * folder of the shards and chunks under it. The documents' URLs carry it already (toSearchDocument).
   */
  basePath?: string;
  /** A shard is split by a longer prefix once its JSON exceeds this many bytes. */
  shardBytes?: number;
  /** Documents are packed into chunks of about this many bytes of JSON. */
  chunkBytes?: number;
}

/**
 * A file's name from its content: the first 8 hex digits of its sha1, so a name changes exactly when its
 * file does, whatever happens to the files around it. On the rare clash with a name already taken, a
 * number is added.
 */
export function contentName(sha1Hex: string, taken: Set<string>): string {
  const short = sha1Hex.slice(0, 8);
  let name = short;
  for (let n = 0; taken.has(name); n++) name = `${short}-${n}`;
  taken.add(name);
  return name;
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

const DEFAULTS = { shardBytes: 32_000, chunkBytes: 8_000, basePath: '/' };
/** Weight of a word in the title against one occurrence in the body; body counts are capped. */
const TITLE_WEIGHT = 10;
const BODY_CAP = 10;

/** Builds the index files for `documents`; document n is documents[n] (pass them oldest first: ties rank by number, the higher first). */
export function buildSearchIndex(documents: readonly SearchDocument[], options: SearchIndexOptions = {}): SearchIndex {
  const { manifest, files } = buildIndexFiles(freshInput(documents, options));
  return { manifest, files: files.map((file) => ({ path: file.path, bytes: Buffer.from(file.bytes!).toString('utf8') })) };
}

/** The input for indexing `documents` with nothing kept from before: keys by position, terms worked out now. */
export function freshInput(documents: readonly SearchDocument[], options?: SearchIndexOptions): IndexInput {
  const stemOf = createStemmer();
  return { documents, keys: documents.map((_, n) => String(n)), terms: documents.map((document) => documentTerms(document, stemOf)), options };
}

/** A file of the index: `bytes` is absent when the file is reused unchanged from the previous build. */
export interface IndexFile {
  /** Path inside dist/, no leading slash. */
  path: string;
  /** sha1 of the bytes, base64url (what the publisher records). */
  hash: string;
  bytes?: Uint8Array | undefined;
}

/**
 * What a later build needs to reuse this build's files: the document keys in order, and for each shard and
 * chunk what it was made of and the file it became. A few hundred KB at 10,000 articles.
 */
export interface IndexLayout {
  /** One key per document, in document order; a key changes whenever anything indexed of the document does. */
  documents: string[];
  /** The length of each document's chunk entry (DocumentTerms.entryLength), in document order. */
  entryLengths: number[];
  shards: {
    key: string;
    /** Its stems, sorted, joined by spaces. */
    stems: string;
    /** How many documents hold each of its stems, in the order of `stems`, joined by spaces. */
    counts: string;
    name: string;
    hash: string;
  }[];
  chunks: { start: number; /** The keys of its documents, joined by spaces. */ documents: string; name: string; hash: string }[];
}

export interface IndexInput {
  documents: DocumentList;
  /** keys[n] names everything indexed of documents[n] (see IndexLayout.documents). */
  keys: readonly string[];
  terms: TermsList;
  options?: SearchIndexOptions | undefined;
  /** The previous build's layout, to reuse the files it made that are still right and still published. */
  previous?: IndexReuse | undefined;
}

/**
 * Document n is at(n). An array will do; pipeline/search.ts gives one that makes each document only when asked,
 * as an edit in place reads only the edited documents and those of the chunk that holds them.
 */
export interface DocumentList {
  readonly length: number;
  at(n: number): SearchDocument | undefined;
}

/**
 * Document n's terms are at(n). An array will do; pipeline/search.ts gives one that reads each from .cache/
 * only when asked, as an edit in place needs only the edited documents' terms (see PatchedPostings).
 */
export interface TermsList {
  readonly length: number;
  at(n: number): DocumentTerms | undefined;
}

export interface IndexReuse {
  layout: IndexLayout;
  /** The terms of a document of the previous index, by its key (.cache/ keeps them); undefined when unknown. */
  termsBefore: (key: string) => DocumentTerms | undefined;
  /** True when the published site holds this file with these bytes, so it need not be made again. */
  isPublished: (path: string, hash: string) => boolean;
  /**
   * The bytes of a published file, when the published site holds it with these bytes (checked as it is
   * read); undefined otherwise. With it, a shard of an edited document is patched from the published one
   * instead of collecting every document's postings again (see PatchedPostings).
   */
  readPublished?: ((path: string, hash: string) => Uint8Array | undefined) | undefined;
}

export interface BuiltIndex {
  manifest: SearchManifest;
  /** The manifest first, then the shards, then the chunks. */
  files: IndexFile[];
  layout: IndexLayout;
}

/**
 * The index files of `documents`, all at once: the manifest first, then the shards, then the chunks.
 * (indexFiles makes the same files one at a time.)
 */
export function buildIndexFiles(input: IndexInput): BuiltIndex {
  const made = indexFiles(input);
  const files: IndexFile[] = [];
  for (let next = made.next(); ; next = made.next()) {
    if (next.done) {
      // indexFiles gives the manifest last; a whole index lists it first.
      return { ...next.value, files: [files.at(-1)!, ...files.slice(0, -1)] };
    }
    files.push(next.value);
  }
}

/**
 * The index files of `documents`, made one at a time as the caller asks for them, so a build writes each
 * before the next is made instead of holding the whole index (tens of MB at 10,000 articles, hundreds at
 * 100,000). The shards come first, then the chunks, and the manifest last, once every name is known; the
 * generator returns the manifest and the layout. With `previous`, a shard whose stems and postings are
 * unchanged, or a chunk of the same documents, is reused by name and hash without being made again.
 */
export function* indexFiles(input: IndexInput): Generator<IndexFile, Omit<BuiltIndex, 'files'>> {
  const { shardBytes, chunkBytes, basePath } = { ...DEFAULTS, ...input.options };
  const { documents, keys, terms, previous } = input;
  const base = urls.searchData();
  const taken = new Set<string>();
  // The same paths as shardUrl() and chunkUrl() give once the manifest exists.
  type Folder = typeof SHARD_FOLDER | typeof CHUNK_FOLDER;
  const filePath = (folder: Folder, name: string) => relativePath(`${base}${folder}/${name}.json`);
  const reusable = <T extends { name: string; hash: string }>(folder: Folder, entry: T | undefined): T | undefined =>
    entry && !taken.has(entry.name) && previous!.isPublished(filePath(folder, entry.name), entry.hash) ? entry : undefined;

  const edits = previous ? editedDocuments(previous.layout.documents, keys, previous.termsBefore) : 'all';
  const changed = edits === 'all' ? 'all' : changedStems(edits, terms);
  const readPublished = previous?.readPublished;
  const patched =
    edits !== 'all' && changed !== 'all' && readPublished
      ? PatchedPostings.from(previous.layout, edits, changed, terms, (name, hash) => readPublished(filePath(SHARD_FOLDER, name), hash))
      : undefined;
  let postings: PostingLists | undefined = patched ?? collectPostings(terms);
  const shardStems = [...assignShards(postings, shardBytes).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const previousShards = new Map(previous?.layout.shards.map((shard) => [shard.key, shard]));
  // Reused names are taken first, so a new file never takes the name of one kept from before.
  const shardPlans = shardStems.map(([key, stems]) => {
    const sorted = [...stems].sort();
    const joined = sorted.join(' ');
    const before = previousShards.get(key);
    const unchanged = before?.stems === joined && changed !== 'all' && !sorted.some((stem) => changed.has(stem));
    const reused = unchanged ? reusable(SHARD_FOLDER, before) : undefined;
    if (reused) taken.add(reused.name);
    return { key, sorted, joined, reused };
  });

  // An unedited document's entry is as long as before: its length comes from the layout, not its terms.
  const storedLengths = edits !== 'all' && previous!.layout.entryLengths?.length === previous!.layout.documents.length ? previous!.layout.entryLengths : [];
  const edited = new Set(edits === 'all' ? [] : edits.map((edit) => edit.position));
  const lengths = keys.map((_, n) => (n < storedLengths.length && !edited.has(n) ? storedLengths[n]! : terms.at(n)!.entryLength));
  const chunkPlans = planChunks(keys, lengths, chunkBytes);
  // A chunk's bytes depend only on its documents, not on where it starts.
  const previousChunks = new Map(previous?.layout.chunks.map((chunk) => [chunk.documents, chunk]));
  const chunkReused = chunkPlans.map((plan) => {
    const reused = previous ? reusable(CHUNK_FOLDER, previousChunks.get(plan.documents)) : undefined;
    if (reused) taken.add(reused.name);
    return reused;
  });

  const shards: IndexLayout['shards'] = [];
  for (const plan of shardPlans) {
    const counts = plan.sorted.map((stem) => postings!.count(stem)).join(' ');
    if (plan.reused) {
      shards.push({ key: plan.key, stems: plan.joined, counts, name: plan.reused.name, hash: plan.reused.hash });
      yield { path: filePath(SHARD_FOLDER, plan.reused.name), hash: plan.reused.hash };
      continue;
    }
    let json = serializeShard(plan.sorted, postings!);
    // A published shard that could not be read back: every document's postings are collected after all.
    if (json === undefined) json = serializeShard(plan.sorted, (postings = collectPostings(terms)))!;
    const file = encodeFile(json, taken);
    shards.push({ key: plan.key, stems: plan.joined, counts, name: file.name, hash: file.hash });
    yield { path: filePath(SHARD_FOLDER, file.name), hash: file.hash, bytes: file.bytes };
  }
  // The postings (tens of MB at 10,000 articles) are in the shards now: let them go before the chunks are made.
  postings = undefined;

  const chunks: IndexLayout['chunks'] = [];
  for (const [n, plan] of chunkPlans.entries()) {
    const reused = chunkReused[n];
    if (reused) {
      chunks.push({ start: plan.start, documents: plan.documents, name: reused.name, hash: reused.hash });
      yield { path: filePath(CHUNK_FOLDER, reused.name), hash: reused.hash };
      continue;
    }
    const entries: string[] = [];
    for (let id = plan.start; id < plan.end; id++) entries.push(chunkEntry(documents.at(id)!));
    const file = encodeFile(`[${entries.join(',')}]`, taken);
    chunks.push({ start: plan.start, documents: plan.documents, name: file.name, hash: file.hash });
    yield { path: filePath(CHUNK_FOLDER, file.name), hash: file.hash, bytes: file.bytes };
  }

  const { manifest, files } = reuseLayout({ documents: [...keys], entryLengths: lengths, shards, chunks }, basePath);
  yield files[0]!;
  return { manifest, layout: { documents: [...keys], entryLengths: lengths, shards, chunks } };
}

/**
 * The files of a layout whose shards and chunks are all published already (nothing indexed changed): only
 * the manifest is made, the other files are named by hash without bytes. `basePath` as in SearchIndexOptions.
 */
export function reuseLayout(layout: IndexLayout, basePath = '/'): BuiltIndex {
  const base = urls.searchData();
  const manifest: SearchManifest = {
    version: 2,
    base: withBasePath(basePath, base),
    documents: layout.documents.length,
    shards: layout.shards.map((shard) => shard.key),
    shardFiles: layout.shards.map((shard) => shard.name),
    chunks: layout.chunks.map((chunk) => chunk.start),
    chunkFiles: layout.chunks.map((chunk) => chunk.name),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const files: IndexFile[] = [{ path: relativePath(urls.searchIndex()), hash: createHash('sha1').update(manifestBytes).digest('base64url'), bytes: manifestBytes }];
  // Where shardUrl() and chunkUrl() lead, inside dist/ (whose layout has no base path).
  const inDist = { ...manifest, base };
  layout.shards.forEach((shard, n) => files.push({ path: relativePath(shardUrl(inDist, n)), hash: shard.hash }));
  layout.chunks.forEach((chunk, n) => files.push({ path: relativePath(chunkUrl(inDist, n)), hash: chunk.hash }));
  return { manifest, files, layout };
}

function relativePath(url: string): string {
  return url.replace(/^\/+/, '');
}

/** A document edited in place (the same position in both indexes, another key) or added after the last one. */
export interface DocumentEdit {
  position: number;
  /** Its terms in the previous index; undefined for a document added after the last one. */
  before: DocumentTerms | undefined;
}

/**
 * The positions whose document key changed between two indexes, in document order, with the earlier terms
 * there (`termsBefore` gives them by key), and the documents added after the earlier index's last one (new
 * articles, numbered oldest first: search/documents.ts searchOrder). "all" when documents were removed
 * (which renumbers the postings after them) or an earlier document's terms are unknown. An article moved
 * in the order (a new date) changes the key at every position it passes.
 */
export function editedDocuments(keysBefore: readonly string[], keys: readonly string[], termsBefore: (key: string) => DocumentTerms | undefined): DocumentEdit[] | 'all' {
  if (keys.length < keysBefore.length) return 'all';
  const edits: DocumentEdit[] = [];
  for (let n = 0; n < keysBefore.length; n++) {
    if (keysBefore[n] === keys[n]) continue;
    const before = termsBefore(keysBefore[n]!);
    if (!before) return 'all';
    edits.push({ position: n, before });
  }
  for (let n = keysBefore.length; n < keys.length; n++) edits.push({ position: n, before: undefined });
  return edits;
}

/**
 * The stems whose postings may differ after the edits: at each edited position, every stem whose weight
 * there changed (a word added, removed, or counted differently). `terms` are the documents' terms now.
 */
export function changedStems(edits: readonly DocumentEdit[], terms: TermsList): Set<string> {
  const changed = new Set<string>();
  for (const { position, before } of edits) {
    const weights = stemWeights(before);
    const after = terms.at(position)!;
    splitStems(after).forEach((stem, k) => {
      if (weights.get(stem) !== after.weights.charCodeAt(k)) changed.add(stem);
      weights.delete(stem);
    });
    for (const stem of weights.keys()) changed.add(stem);
  }
  return changed;
}

/** A document's stems (none for an empty document, whose `stems` is ""). */
function splitStems(terms: DocumentTerms): string[] {
  return terms.stems === '' ? [] : terms.stems.split(' ');
}

function stemWeights(terms: DocumentTerms | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  if (terms) splitStems(terms).forEach((stem, k) => weights.set(stem, terms.weights.charCodeAt(k)));
  return weights;
}

/** The JSON of one document in a chunk; its length is DocumentTerms.entryLength. */
function chunkEntry(document: SearchDocument, text = document.text): string {
  const entry: ChunkEntry = { u: document.url, t: document.title, d: document.date, i: document.dateTime, x: text };
  return JSON.stringify(entry);
}

/** Chunk boundaries from the entries' lengths alone: a chunk closes once its entries reach `limit` characters. */
function planChunks(keys: readonly string[], entryLengths: readonly number[], limit: number): { start: number; end: number; documents: string }[] {
  const plans: { start: number; end: number; documents: string }[] = [];
  let start = 0;
  let length = 0;
  for (let id = 0; id < keys.length; id++) {
    length += entryLengths[id]!;
    if (length >= limit || id === keys.length - 1) {
      plans.push({ start, end: id + 1, documents: keys.slice(start, id + 1).join(' ') });
      start = id + 1;
      length = 0;
    }
  }
  return plans;
}

/** UTF-8 bytes of a file, its publisher hash and its name (contentName of the same sha1). */
function encodeFile(json: string, taken: Set<string>): { bytes: Uint8Array; hash: string; name: string } {
  const bytes = Buffer.from(json);
  const digest = createHash('sha1').update(bytes).digest();
  return { bytes, hash: digest.toString('base64url'), name: contentName(digest.toString('hex'), taken) };
}

/**
 * What the index needs of one document, kept in .cache/ between builds: its stems and their weights (title
 * words count TITLE_WEIGHT, body words one each up to BODY_CAP more), and the length of its chunk entry.
 * Compact on purpose: two strings per document instead of hundreds of small strings. The weights are a
 * string too, not a Uint8Array: 100,000 small array buffers held about 24 MB more than their bytes,
 * and work for the garbage collector.
 */
export interface DocumentTerms {
  /** The stems, separated by single spaces (a stem is letters and digits, and a decimal number's comma). */
  stems: string;
  /** weights.charCodeAt(n) is the weight of the n-th stem (at most TITLE_WEIGHT + BODY_CAP, so one Latin-1 character each). */
  weights: string;
  /** Characters in the document's chunk entry (its JSON): chunk boundaries come from these without the text. */
  entryLength: number;
}

/** Words as the query splits them (text.ts tokenize): 1.500 is one. */
const SEARCH_WORDS = { separatedNumbers: true };

/** A word that is not indexed (too short, a stop word). */
const NO_STEMS: readonly string[] = [];

/**
 * Each distinct spelling folded and stemmed once: the vocabulary is far smaller than the text. A word has
 * one stem, or two when it holds đ (text.ts stemWithD: Đoković is found by djokovic and by dokovic).
 */
export function createStemmer(): (word: string) => readonly string[] {
  const stems = new Map<string, readonly string[]>();
  return (word) => {
    let found = stems.get(word);
    if (found === undefined) {
      const folded = foldWord(word);
      const withD = stemWithD(word);
      found = !isSearchable(folded) ? NO_STEMS : withD === undefined ? [stemWord(folded)] : [stemWord(folded), withD];
      stems.set(word, found);
    }
    return found;
  };
}

/** The terms of one document; `stemOf` may be shared between calls (see createStemmer). */
export function documentTerms(document: SearchDocument, stemOf: (word: string) => readonly string[] = createStemmer()): DocumentTerms {
  const counts = new Map<string, number>();
  const countTitleWord = (word: string) => {
    for (const stem of stemOf(word)) if (!counts.has(stem)) counts.set(stem, TITLE_WEIGHT);
  };
  forEachWord(document.title, countTitleWord, SEARCH_WORDS);
  // L’Oréal is also held as »loreal«, which readers type (text.ts JOINED_WORD).
  forEachJoinedWord(document.title, countTitleWord);
  const countBodyWord = (word: string) => {
    for (const stem of stemOf(word)) {
      const count = counts.get(stem) ?? 0;
      if (count < TITLE_WEIGHT + BODY_CAP) counts.set(stem, count + 1);
    }
  };
  // Read once: the text of an article in .cache/ is read from disk and decoded on every read.
  const text = document.text;
  forEachWord(text, countBodyWord, SEARCH_WORDS);
  forEachJoinedWord(text, countBodyWord);
  for (const keyword of document.keywords ?? []) {
    forEachWord(keyword, countBodyWord, SEARCH_WORDS);
    forEachJoinedWord(keyword, countBodyWord);
  }
  return { stems: [...counts.keys()].join(' '), weights: Buffer.from(Uint8Array.from(counts.values())).toString('latin1'), entryLength: chunkEntry(document, text).length };
}

/** Each stem's postings, as the shards need them. */
interface PostingLists {
  /** Every stem some document holds. */
  readonly stems: Iterable<string>;
  /** How many documents hold the stem. */
  count(stem: string): number;
  /**
   * [docDelta, weight, docDelta, weight, …]: document numbers as differences from the one before.
   * Undefined when the postings could not be had (PatchedPostings: a published shard that was not read).
   */
  encoded(stem: string): number[] | undefined;
}

/**
 * At most this many edited documents are patched in: each changed stem's list is merged with every edit.
 * Past it the postings are collected again, as a cold build does. Not tuned: patching is for the one or
 * few articles an editor saves; a renamed person touches hundreds.
 */
const PATCH_LIMIT = 100;

/**
 * The postings after documents were edited in place, from the previous build's: stem counts from its layout,
 * and the postings of a stem from its published shard, unchanged where no edit touched the stem and patched
 * at the edited positions where one did. Document numbers stay put in an edit in place or when documents
 * are added after the last one (a new article), so an unchanged list is copied as it is. After one edit at
 * 10,000 articles this reads the few shards that hold the edited words instead of going through about 2.5
 * million postings (collectPostings).
 */
class PatchedPostings implements PostingLists {
  private readonly shards = new Map<number, Shard | undefined>();
  /** The weight of each stem in each edited document now (Map per edit, made when first asked for). */
  private weightsAfter: Map<string, number>[] | undefined;

  private constructor(
    private readonly layout: IndexLayout,
    /** Each stem's count now, and the previous shard that held it (-1 for a stem new in this build). */
    private readonly stemInfo: Map<string, { count: number; shard: number }>,
    private readonly edits: readonly DocumentEdit[],
    private readonly changed: ReadonlySet<string>,
    private readonly terms: TermsList,
    private readonly readShard: (name: string, hash: string) => Uint8Array | undefined,
  ) {}

  /**
   * Undefined past PATCH_LIMIT edited and added documents, or when the layout lacks the counts or does not
   * match the terms it was made from.
   */
  static from(
    layout: IndexLayout,
    edits: readonly DocumentEdit[],
    changed: ReadonlySet<string>,
    terms: TermsList,
    readShard: (name: string, hash: string) => Uint8Array | undefined,
  ): PatchedPostings | undefined {
    if (edits.length > PATCH_LIMIT) return undefined;
    const stemInfo = new Map<string, { count: number; shard: number }>();
    for (const [shard, { stems, counts }] of layout.shards.entries()) {
      if (typeof counts !== 'string') return undefined;
      if (stems === '') continue;
      const stemList = stems.split(' ');
      const countList = counts.split(' ');
      if (countList.length !== stemList.length) return undefined;
      stemList.forEach((stem, k) => stemInfo.set(stem, { count: Number(countList[k]), shard }));
    }
    for (const { position, before } of edits) {
      for (const stem of before ? splitStems(before) : []) {
        const info = stemInfo.get(stem);
        // The layout does not hold the terms it was made from: collect every posting instead.
        if (!info || info.count === 0) return undefined;
        info.count--;
      }
      for (const stem of splitStems(terms.at(position)!)) {
        const info = stemInfo.get(stem);
        if (info) info.count++;
        else stemInfo.set(stem, { count: 1, shard: -1 });
      }
    }
    for (const [stem, info] of stemInfo) if (info.count === 0) stemInfo.delete(stem);
    return new PatchedPostings(layout, stemInfo, edits, changed, terms, readShard);
  }

  get stems(): Iterable<string> {
    return this.stemInfo.keys();
  }

  count(stem: string): number {
    return this.stemInfo.get(stem)?.count ?? 0;
  }

  encoded(stem: string): number[] | undefined {
    const info = this.stemInfo.get(stem);
    if (!info) return undefined;
    const before = info.shard === -1 ? [] : this.previousShard(info.shard)?.[stem];
    if (before === undefined) return undefined;
    return this.changed.has(stem) ? this.patch(stem, before) : before;
  }

  /**
   * The stem's list with the posting at each edited position dropped, and put back with its weight now where
   * the document holds the stem now: one merge of the list with the edits, both in document order.
   */
  private patch(stem: string, before: readonly number[]): number[] {
    this.weightsAfter ??= this.edits.map(({ position }) => stemWeights(this.terms.at(position)!));
    const list: number[] = [];
    let written = 0;
    const add = (doc: number, weight: number) => {
      list.push(doc - written, weight);
      written = doc;
    };
    let doc = 0;
    for (let n = 0, k = 0; n < before.length || k < this.edits.length; ) {
      const nextOld = n < before.length ? doc + before[n]! : Infinity;
      const nextEdit = k < this.edits.length ? this.edits[k]!.position : Infinity;
      if (nextOld < nextEdit) {
        add(nextOld, before[n + 1]!);
        doc = nextOld;
        n += 2;
        continue;
      }
      if (nextOld === nextEdit) {
        doc = nextOld;
        n += 2;
      }
      const weight = this.weightsAfter[k]!.get(stem);
      if (weight !== undefined) add(nextEdit, weight);
      k++;
    }
    return list;
  }

  private previousShard(index: number): Shard | undefined {
    if (!this.shards.has(index)) {
      const { name, hash } = this.layout.shards[index]!;
      const bytes = this.readShard(name, hash);
      let shard: Shard | undefined;
      try {
        shard = bytes && (JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Shard);
      } catch {
        shard = undefined;
      }
      this.shards.set(index, shard);
    }
    return this.shards.get(index);
  }
}

/**
 * Every stem's postings, in typed arrays: stem i's documents (ascending) are docs[starts[i]] up to
 * docs[starts[i + 1]], with their weights beside them. A Map of number arrays took about 20 bytes a posting
 * (530 MB at 100,000 articles); this takes 5.
 */
class Postings implements PostingLists {
  constructor(
    private readonly index: Map<string, number>,
    readonly stems: readonly string[],
    private readonly starts: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly weights: Uint8Array,
  ) {}

  /** How many documents hold the stem. */
  count(stem: string): number {
    const i = this.index.get(stem);
    return i === undefined ? 0 : this.starts[i + 1]! - this.starts[i]!;
  }

  /** [docDelta, weight, docDelta, weight, …]: document numbers as differences from the one before. */
  encoded(stem: string): number[] {
    const i = this.index.get(stem)!;
    const from = this.starts[i]!;
    const to = this.starts[i + 1]!;
    const list = new Array<number>((to - from) * 2);
    let previous = 0;
    for (let p = from, n = 0; p < to; p++, n += 2) {
      list[n] = this.docs[p]! - previous;
      list[n + 1] = this.weights[p]!;
      previous = this.docs[p]!;
    }
    return list;
  }
}

/** terms.at(n) are document n's: one pass gives each posting its stem's number, a second puts it in place. */
function collectPostings(terms: TermsList): Postings {
  let total = 0;
  for (let id = 0; id < terms.length; id++) total += terms.at(id)!.weights.length;
  const index = new Map<string, number>();
  const stems: string[] = [];
  const counts: number[] = [];
  const stemOfPosting = new Uint32Array(total);
  let p = 0;
  for (let id = 0; id < terms.length; id++) {
    const joined = terms.at(id)!.stems;
    if (joined === '') continue;
    for (const stem of joined.split(' ')) {
      let i = index.get(stem);
      if (i === undefined) {
        i = stems.length;
        index.set(stem, i);
        stems.push(stem);
        counts.push(0);
      }
      counts[i]!++;
      stemOfPosting[p++] = i;
    }
  }
  const starts = new Uint32Array(stems.length + 1);
  for (let i = 0; i < stems.length; i++) starts[i + 1] = starts[i]! + counts[i]!;
  const next = starts.slice(0, stems.length);
  const docs = new Uint32Array(total);
  const weights = new Uint8Array(total);
  p = 0;
  for (let id = 0; id < terms.length; id++) {
    const documentWeights = terms.at(id)!.weights;
    for (let k = 0; k < documentWeights.length; k++) {
      const slot = next[stemOfPosting[p++]!]!++;
      docs[slot] = id;
      weights[slot] = documentWeights.charCodeAt(k);
    }
  }
  return new Postings(index, stems, starts, docs, weights);
}

/** `stems` sorted; undefined when a stem's postings could not be had (see PostingLists.encoded). */
function serializeShard(stems: readonly string[], postings: PostingLists): string | undefined {
  const shard: Shard = {};
  for (const stem of stems) {
    const list = postings.encoded(stem);
    if (list === undefined) return undefined;
    shard[stem] = list;
  }
  return JSON.stringify(shard);
}

/**
 * Groups stems by prefix: first by their first letter, and a group over `limit` bytes is split by one more
 * letter. Stems exactly as long as the prefix stay in the parent group. A single huge stem cannot be
 * split and keeps a shard of its own.
 */
function assignShards(postings: PostingLists, limit: number): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  const estimate = (stem: string) => stem.length + 4 + 6 * postings.count(stem);
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
  for (const stem of postings.stems) {
    const first = Array.from(stem)[0]!;
    let group = roots.get(first);
    if (!group) roots.set(first, (group = []));
    group.push(stem);
  }
  for (const [key, stems] of roots) place(key, 1, stems);
  return shards;
}
