import { isNumberWord, isRomanNumeral } from '../text/numbers.ts';
import type { ChunkEntry, Shard } from './index-builder.ts';
import { chunkUrl, shardUrl, type SearchManifest } from './manifest.ts';
import { MAX_SUGGESTION_CHUNKS, holdersByRank, holdingShard, mayBeMistyped, nearStems, suggestionShards, typoLimit, wordWithStem } from './suggestion.ts';
import { alternativeStems, isSearchable, stemMayBegin, stemsWithoutFleetingE, tokenize, type Token } from './text.ts';
import { withoutInvisibles } from '../text/invisible.ts';

/**
 * Query side of search, shared by the browser (src/client/search.ts) and the tests: it fetches only the
 * shards that hold the query's stems and the chunks of the results on screen, and, for a query that finds
 * nothing, the few shards and chunks a suggestion needs (suggestion.ts). No DOM here.
 */
export interface QueryTerm {
  /** The stem of a query word: a word of the index with the same stem is a hit (Witkoff finds Witkoffa). */
  stem: string;
  /**
   * The word still being typed (the query's last, with nothing after it), folded: a word that begins with it
   * is a hit too (Dmitri finds Dmitrijevim). A finished word matches by its stem (and, see `word`, by a name's
   * forms with an inserted j or t), not by its beginning, so Gaza does not find gazirane, whose stem begins
   * with Gaza's stem "gaz".
   */
  typed?: string | undefined;
  /**
   * A finished word that ends in a vowel, folded. Names such as Netanjahu, Rutte, Jože and Meloni put a j or
   * a t before their endings (Netanjahujem, Ruttejem, Jožeta, Melonijina), which the stem keeps
   * (netanjahuj) while the word's own stem drops the vowel (netanjah): those stems are its forms too. A y at
   * the end is a vowel here: Kennedy, Murphy, Haley take the j (Kennedyja, Murphyjem; SLOVENIAN.md), and
   * their stem keeps the y, so they met their forms only as the word being typed. George and Mike keep a silent e
   * before the ending (Georgea, Mikeom: stems george, mike), while their own stems drop it (georg, mik).
   */
  word?: string | undefined;
  /**
   * The word's other possible stems (text.ts alternativeStems): »problem« (stem probl) is also looked up
   * as problem, the stem of problema and problemov, and »problema« as probl.
   */
  alternatives?: string[] | undefined;
}

/**
 * What such a name puts between itself and an ending (see QueryTerm.word): a j or a t, or nothing when its e is
 * silent and stays before the ending (George, Georgea, z Georgeem; Mike, Mikea; SLOVENIAN.md), stem george.
 */
const NAME_LINKS = ['', 'j', 't', 'jin'];
/**
 * A word in -i has no such e, and a stem that keeps its final i is another word's: radio, studio and Mario stem
 * to radi, studi and mari, so »radi« (rad, rada, radi) found every article about the radio, and »Mari« Mario.
 */
const LINKS_AFTER_I = NAME_LINKS.filter((link) => link !== '');

/** The links `word` may take before an ending (NAME_LINKS). */
function nameLinks(word: string): readonly string[] {
  return word.endsWith('i') ? LINKS_AFTER_I : NAME_LINKS;
}
/** The last letter of a word that may be such a name (see QueryTerm.word). */
const NAME_END_VOWEL = /[aeiouy]$/;

/** Hits on the start of a word being typed rank below whole-word matches. */
const PREFIX_FACTOR = 0.5;
/** A word being typed that would need more shards than this (a very short one) matches whole stems only. */
const MAX_PREFIX_SHARDS = 4;
/** A word being typed is matched by its beginning once it has this many letters. */
const MIN_PREFIX = 3;

/**
 * How much of a query is read: a dozen words or more, and the search field's maxlength (templates/search.tsx).
 * A ?q= link bypasses the field, and a pasted 20,000-letter word blocked the page for over a second while its
 * beginnings were matched letter by letter (shardsFor, stemsWithoutFleetingE).
 */
export const MAX_QUERY_LENGTH = 100;

/** A query with more words that match nothing gets no suggestion: each costs shards of its own (suggestion.ts). */
const MAX_MISTYPED_WORDS = 2;
/**
 * How many of the near stems a word's suggestion tries, nearest first, for one an article writes: a stem only
 * in front matter (a person's alias, a tag) has no text in the chunks to take the word from, and an alias is
 * often the nearest (dmitriev of Kirill Dmitriev to »dmitrjev«, one edit, where the articles write Dmitrijev,
 * two). Between them they fetch at most MAX_SUGGESTION_CHUNKS chunks (#nearestWord).
 */
const MAX_SUGGESTION_STEMS = 3;

/**
 * The distinct searchable words of a query's first MAX_QUERY_LENGTH characters, folded and stemmed; the last
 * is being typed unless something follows it (a word cut at the limit is, as the field cuts a paste).
 */
export function parseQuery(query: string): QueryTerm[] {
  const text = queryText(query);
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  let previous: Token | undefined;
  for (const token of tokenize(text)) {
    const ending = previous !== undefined && isAbbreviationEnding(text, previous, token);
    previous = token;
    if (ending || !isSearchable(token.folded) || seen.has(token.stem)) continue;
    seen.add(token.stem);
    // A number is matched whole even while typed: 500 is not on its way to 5.000 or 500.000, and after Enter the
    // last word still counts as typed, so its beginning found other sums and years; XVI found XVII and XVIII so.
    const typing = token.end === text.length && token.folded.length >= MIN_PREFIX && !isNumberWord(token.folded) && !isRomanNumeral(token.folded);
    const term: QueryTerm = { stem: token.stem };
    if (typing) term.typed = token.folded;
    else if (token.folded.length >= MIN_PREFIX && NAME_END_VOWEL.test(token.folded)) term.word = token.folded;
    const alternatives = alternativeStems(token.folded);
    if (alternatives.length > 0) term.alternatives = alternatives;
    terms.push(term);
  }
  return terms;
}

/** The query as it is searched: composed, without a pasted word's soft hyphens (text/invisible.ts), and cut at the limit. */
function queryText(query: string): string {
  return withoutInvisibles(query.normalize('NFC')).slice(0, MAX_QUERY_LENGTH);
}

/**
 * Slovenian writes an abbreviation's case ending after a hyphen (CNN-a, s CNN-om, DDV-ja, RTV-ju, CNN-ovim): the
 * ending is no word to search for, and an article that writes CNN or DDV-a does not hold it. An ending is one an
 * abbreviation takes (ABBREVIATION_ENDING), in any case, right after a hyphen that follows a word the index holds:
 * readers type »cnn-om« as often as »CNN-om«. Any other word after the hyphen is searched (UKV-val, PVC-cev,
 * hip-hop), and so is one after a letter or a stop word (e-ja), which leaves no other word to search. An ending is
 * written in small letters or, with the abbreviation, in capitals (CNN-OM), never with a capital and then small
 * letters: that is a name (Marie-Eve, Ana-Ema), whose letters would otherwise read as -e + -ve or -ema.
 */
function isAbbreviationEnding(text: string, previous: Token, token: Token): boolean {
  return (
    token.start === previous.end + 1 &&
    HYPHENS.has(text[previous.end]!) &&
    ABBREVIATION_ENDING.test(token.folded) &&
    !/^\p{Lu}\p{Ll}/u.test(token.text) &&
    /^\p{L}/u.test(previous.text) &&
    isSearchable(previous.folded)
  );
}

/**
 * The endings of a declined abbreviation: the noun's, with the j that one read with a vowel at its end takes
 * (CNN-a, DDV-ja, DDV-jem, SMS-ih), and the possessive's -ov/-jev with adjective endings (CNN-ov, CNN-ovim,
 * DDV-jevega). -ema and the -ev forms only with their j (DDV-jema, DDV-jeva): without it they are the names of a
 * double name typed in small letters or capitals (marija-eva, ana-ema, MARIE-EVE), which would lose their second
 * name.
 */
const POSSESSIVE_ENDING = '(?:[aeiou]|ega|emu|em|ih|im|ima|imi)?';
const ABBREVIATION_ENDING = new RegExp(`^(?:j?(?:[aeiou]|om|em|ih|im|ah|am|ama|ami|oma|imi|ov${POSSESSIVE_ENDING})|j(?:ema|ev${POSSESSIVE_ENDING}))$`);

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/**
 * How much a word with this stem counts for the term: 1 for its own stem or a form of the name with an
 * inserted j or t, less for the start of a word being typed, 0 for none.
 */
function stemFactor(stem: string, term: QueryTerm): number {
  if (stem === term.stem || term.alternatives?.includes(stem)) return 1;
  if (term.word !== undefined && stem.startsWith(term.word) && nameLinks(term.word).includes(stem.slice(term.word.length))) return 1;
  return term.typed !== undefined && stemMayBegin(stem, term.typed) ? PREFIX_FACTOR : 0;
}

/** Whether a word of a document is a hit for one of the terms. */
export function matchesTerms(token: Pick<Token, 'stem' | 'stemWithD' | 'stemJoined'>, terms: readonly QueryTerm[]): boolean {
  return terms.some(
    (term) =>
      stemFactor(token.stem, term) > 0 ||
      (token.stemWithD !== undefined && stemFactor(token.stemWithD, term) > 0) ||
      (token.stemJoined !== undefined && stemFactor(token.stemJoined, term) > 0),
  );
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

export interface Found {
  /** The terms searched for: `suggest` takes `unmatched` only for a query of the same terms. */
  terms: readonly QueryTerm[];
  hits: SearchHit[];
  /** The query's terms that no document contains: a typo, or a word the archive does not have. */
  unmatched: QueryTerm[];
}

/** Whether two queries search alike: the same terms, each matched the same way (a word typed last matches more). */
export function sameTerms(a: readonly QueryTerm[], b: readonly QueryTerm[]): boolean {
  const key = (term: QueryTerm) => [term.stem, term.typed ?? '', term.word ?? '', ...(term.alternatives ?? [])].join(' ');
  return a.length === b.length && a.every((term, n) => key(term) === key(b[n]!));
}

export type FetchJson = (url: string) => Promise<unknown>;

/**
 * `results` for hits found in an index the site has replaced since (rebuilt while the page was open) whose files
 * for them are gone: search again, and the query's hits come from the new index.
 */
export class IndexChangedError extends Error {
  constructor() {
    super('the search index was rebuilt since these hits were found');
    this.name = 'IndexChangedError';
  }
}

export class SearchEngine {
  readonly #fetchJson: FetchJson;
  readonly #manifestUrl: string;
  readonly #files = new Map<string, Promise<unknown>>();
  /** The manifest each hit was found with, whose chunks `results` reads it from: a newer one may number it otherwise. */
  readonly #foundIn = new WeakMap<SearchHit, SearchManifest>();

  constructor(fetchJson: FetchJson, manifestUrl: string) {
    this.#fetchJson = fetchJson;
    this.#manifestUrl = manifestUrl;
  }

  /** The index's manifest, fetched once; one that failed to load (a dropped connection) is asked for again, as a shard is (#load). */
  manifest(): Promise<SearchManifest> {
    return this.#load(this.#manifestUrl).then((value) => {
      const manifest = value as SearchManifest;
      if (manifest?.version !== 2 || !Array.isArray(manifest.shards) || !Array.isArray(manifest.shardFiles) || !Array.isArray(manifest.chunkFiles)) throw new Error('the search index has an unknown format');
      return manifest;
    });
  }

  /** Documents that contain every term, best first; newer first among equals. */
  async search(terms: readonly QueryTerm[]): Promise<SearchHit[]> {
    return (await this.find(terms)).hits;
  }

  /** What `search` gives, and the terms that no document contains, for `suggest` to correct without scoring them again. */
  async find(terms: readonly QueryTerm[]): Promise<Found> {
    if (terms.length === 0) return { terms, hits: [], unmatched: [] };
    const manifest = await this.manifest();
    try {
      return await this.#find(manifest, terms);
    } catch (error) {
      // A page left open across a rebuild holds the old manifest, and a shard it names is gone (a rebuild deletes
      // what the site no longer has): the manifest, at its fixed address, names the new ones.
      const newer = await this.#newerManifest(manifest);
      if (newer === undefined) throw error;
      return this.#find(newer, terms);
    }
  }

  async #find(manifest: SearchManifest, terms: readonly QueryTerm[]): Promise<Found> {
    const perTerm = await Promise.all(terms.map((term) => this.#scoresFor(manifest, term)));
    const unmatched = terms.filter((_, n) => perTerm[n]!.size === 0);
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
      if (everywhere) {
        const hit = { id, score: total };
        this.#foundIn.set(hit, manifest);
        hits.push(hit);
      }
    }
    // Equal scores: the newer article first.
    return { terms, hits: hits.sort((a, b) => b.score - a.score || b.id - a.id), unmatched };
  }

  /** Title, date and snippet of the given hits, fetching only the chunks they live in. */
  async results(hits: readonly SearchHit[], terms: readonly QueryTerm[]): Promise<SearchResult[]> {
    const manifest = (hits[0] && this.#foundIn.get(hits[0])) ?? (await this.manifest());
    let entries: ChunkEntry[];
    try {
      entries = await Promise.all(hits.map((hit) => this.#entry(manifest, hit.id)));
    } catch (error) {
      if ((await this.#newerManifest(manifest)) !== undefined) throw new IndexChangedError();
      throw error;
    }
    return entries.map((entry) => ({
      url: entry.u,
      title: markText(entry.t, terms),
      date: entry.d,
      dateTime: entry.i,
      snippet: cutSnippet(entry.x, terms),
    }));
  }

  /**
   * For a query that finds nothing because a word of it matches no word of the index, the query with each
   * such word replaced by the archive's word nearest to it (»witkof pogovori« → »witkoff pogovori«), when that
   * query finds something; undefined otherwise. Besides the files the search fetched, it fetches at most
   * MAX_SUGGESTION_SHARDS shards and MAX_SUGGESTION_CHUNKS chunks per mistyped word, mostly one (a chunk gives
   * the word to suggest: the index holds stems only), and for a query of several words the shards of the corrected query. `found` is
   * what `find` gave for the query's terms, when the caller has searched already; one found for other terms (a
   * result kept from an earlier query) is not taken: its words matching nothing are not this query's.
   */
  async suggest(query: string, found?: Found): Promise<string | undefined> {
    const text = queryText(query);
    const terms = parseQuery(text);
    if (terms.length === 0) return undefined;
    const manifest = await this.manifest();
    const mistyped = (found !== undefined && sameTerms(found.terms, terms) ? found : await this.find(terms)).unmatched;
    if (mistyped.length === 0 || mistyped.length > MAX_MISTYPED_WORDS || !mistyped.every((term) => mayBeMistyped(term.stem))) return undefined;
    const tokens = tokenize(text);
    const replacements = new Map<string, string>();
    for (const term of mistyped) {
      const typed = tokens.find((token) => token.stem === term.stem)!.folded;
      const word = await this.#nearestWord(manifest, term.stem, typed);
      if (word === undefined) return undefined;
      replacements.set(term.stem, word);
    }
    let corrected = '';
    let position = 0;
    for (const [n, token] of tokens.entries()) {
      const word = replacements.get(token.stem);
      if (word === undefined) continue;
      // Before an abbreviation's ending the archive's word is written in capitals, as abbreviations are (CNM-om →
      // CNN-om, not cnn-om), whatever the case it was typed in.
      const next = tokens[n + 1];
      corrected += text.slice(position, token.start) + (next !== undefined && isAbbreviationEnding(text, token, next) ? word.toUpperCase() : word);
      position = token.end;
    }
    corrected = (corrected + text.slice(position)).trim();
    // A word of an article finds that article, but with other words beside it the query may still find
    // nothing (every word must be in an article); only then is the check worth its shards.
    if (terms.length === 1) return corrected;
    return (await this.search(parseQuery(corrected))).length > 0 ? corrected : undefined;
  }

  /**
   * The word of the archive nearest to a word whose stem is in no article (see suggestion.ts), taken from the
   * text of an article that holds its stem. The chunks are read for every near stem at once, and a near stem's
   * are fetched in the order of its articles (holdersByRank) while it is not found written, as long as one chunk
   * is left for the farther stems not yet found: the newest article may hold the stem only in its tags
   * while older ones write it, and the nearest stem may be an alias no article writes.
   */
  async #nearestWord(manifest: SearchManifest, stem: string, typed: string): Promise<string | undefined> {
    const limit = typoLimit(stem);
    const shards = await Promise.all(suggestionShards(manifest.shards, stem, limit).map((n) => this.#load(shardUrl(manifest, n)) as Promise<Shard>));
    const near = nearStems(shards, stem, limit)
      .slice(0, MAX_SUGGESTION_STEMS)
      .map((near) => ({ stem: near.stem, holders: holdersByRank(shards.find((shard) => Object.hasOwn(shard, near.stem))![near.stem]!) }));
    const chunks = new Map<number, ChunkEntry[]>();
    const written = ({ stem, holders }: (typeof near)[number]) => {
      const ids = new Set(holders);
      const texts = [...chunks].flatMap(([chunk, entries]) => entries.filter((_, n) => ids.has(manifest.chunks[chunk]! + n)).flatMap((entry) => [entry.t, entry.x]));
      return wordWithStem(texts, stem, typed);
    };
    const unread = ({ holders }: (typeof near)[number]) => holders.map((id) => upperBound(manifest.chunks, id) - 1).find((chunk) => !chunks.has(chunk));
    for (const [n, candidate] of near.entries()) {
      for (;;) {
        const word = written(candidate);
        if (word !== undefined) return word;
        // One chunk is kept for the farther stems, not one each: with two more near stems (popl, pople beside poplav
        // for »poplv«) the nearest got only its newest article's chunk, so a tag there hid the word older ones write.
        const kept = near.slice(n + 1).some((farther) => written(farther) === undefined && unread(farther) !== undefined) ? 1 : 0;
        const next = unread(candidate);
        if (next === undefined || chunks.size + kept >= MAX_SUGGESTION_CHUNKS) break;
        chunks.set(next, (await this.#load(chunkUrl(manifest, next))) as ChunkEntry[]);
      }
    }
    return undefined;
  }

  async #scoresFor(manifest: SearchManifest, term: QueryTerm): Promise<Map<number, number>> {
    const { exact, prefixed } = shardsFor(manifest.shards, term);
    const scores = new Map<number, number>();
    const shards = await Promise.all([...exact, ...prefixed].map((n) => this.#load(shardUrl(manifest, n)) as Promise<Shard>));
    for (const shard of shards) {
      for (const stem in shard) {
        const factor = stemFactor(stem, term);
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

  /**
   * The manifest at its address now, when it names other files than `manifest` (the site was rebuilt); undefined
   * when it names the same, and a file of it failed to load for another reason (a dropped connection).
   */
  async #newerManifest(manifest: SearchManifest): Promise<SearchManifest | undefined> {
    // Unless another search has loaded it again meanwhile.
    if ((await this.#files.get(this.#manifestUrl)?.catch(() => undefined)) === manifest) this.#files.delete(this.#manifestUrl);
    const current = await this.manifest();
    const same = current.shardFiles.join() === manifest.shardFiles.join() && current.chunkFiles.join() === manifest.chunkFiles.join();
    return same ? undefined : current;
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
 * The shards a term needs. `exact`: for each stem the term can match exactly, the shard whose key is the
 * longest prefix of it (it holds that stem): the term's stem and, for a word being typed, the word itself and
 * the shorter stems it can be a form of, and the stems that drop a fleeting e it writes. `prefixed`: for a word being typed, the shards split off below it,
 * which hold the longer stems that begin with it.
 */
export function shardsFor(keys: readonly string[], term: QueryTerm): { exact: number[]; prefixed: number[] } {
  const exact = new Set<number>();
  const holding = (stem: string) => {
    const n = holdingShard(keys, stem);
    if (n !== undefined) exact.add(n);
  };
  holding(term.stem);
  for (const alternative of term.alternatives ?? []) holding(alternative);
  if (term.word !== undefined) for (const link of nameLinks(term.word)) holding(term.word + link);
  const typed = term.typed;
  if (typed === undefined) return { exact: [...exact], prefixed: [] };
  holding(typed);
  for (let length = 1; length < typed.length; length++) {
    const shorter = typed.slice(0, length);
    if (stemMayBegin(shorter, typed)) holding(shorter);
  }
  for (const stem of stemsWithoutFleetingE(typed)) holding(stem);
  const prefixed: number[] = [];
  keys.forEach((key, n) => {
    if (key.length > typed.length && key.startsWith(typed)) prefixed.push(n);
  });
  return { exact: [...exact].sort((a, b) => a - b), prefixed: prefixed.length <= MAX_PREFIX_SHARDS ? prefixed : [] };
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
