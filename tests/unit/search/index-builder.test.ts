import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndexFiles, changedStems, contentName, editedDocuments, createStemmer, documentTerms, reuseLayout, type BuiltIndex, type DocumentTerms, type IndexLayout, type SearchDocument } from '../../../src/search/index-builder.ts';

describe('contentName', () => {
  it('names a file by 8 hex digits of its content hash, and keeps names apart when two contents share one', () => {
    const hex = (text: string) => createHash('sha1').update(text).digest('hex');
    const taken = new Set<string>();
    expect(contentName(hex('[1]'), taken)).toBe(hex('[1]').slice(0, 8));
    expect(contentName(hex('[2]'), taken)).toBe(hex('[2]').slice(0, 8));
    expect(contentName(hex('[1]'), taken)).toBe(`${hex('[1]').slice(0, 8)}-0`);
    expect(contentName(hex('[1]'), taken)).toBe(`${hex('[1]').slice(0, 8)}-1`);
  });
});

const WORDS = ['Witkoff', 'Witkoffa', 'Dmitrijev', 'Dmitrijevim', 'pogajanja', 'Florida', 'miru', 'Ukrajina', 'Ukrajine', 'sestanek', 'čaj', 'župan', 'šola', 'proračun', 'volitve', 'zakon'];

function document(n: number, words: readonly string[], title: string): SearchDocument {
  return { url: `/clanek-${n}/`, title, date: '1. 1. 2025', dateTime: '2025-01-01T00:00:00.000Z', text: words.join(' ') + '.', keywords: [] };
}

type ReadPublished = (path: string, hash: string) => Uint8Array | undefined;

/** What an index build gives a later one: each document's key and terms, as pipeline/search.ts keeps them in .cache/. */
function index(
  documents: readonly SearchDocument[],
  previous?: { built: BuiltIndex; terms: Map<string, DocumentTerms> },
  published = (_path: string, _hash: string) => true,
  readPublished?: ReadPublished,
  /** Filled with the documents whose terms the index asked for. */
  asked?: Set<number>,
) {
  const stemOf = createStemmer();
  const keys = documents.map((doc) => createHash('sha1').update(JSON.stringify([doc.url, doc.title, doc.text])).digest('base64url'));
  const terms = documents.map((doc) => documentTerms(doc, stemOf));
  const termsByKey = new Map(keys.map((key, n) => [key, terms[n]!]));
  const options = { shardBytes: 300, chunkBytes: 200 };
  const reuse = previous && { layout: previous.built.layout, termsBefore: (key: string) => previous.terms.get(key), isPublished: published, readPublished };
  const termsList = asked ? { length: terms.length, at: (n: number) => (asked.add(n), terms[n]) } : terms;
  const built = buildIndexFiles({ documents, keys, terms: termsList, options, previous: reuse });
  return { built, terms: termsByKey };
}

/** Reads a file the way PublishedTree.read does: only when `made` (standing for dist/) holds it with that hash. */
function reader(made: Map<string, Uint8Array>, reads: string[] = []): ReadPublished {
  return (path, hash) => {
    const bytes = made.get(path);
    if (!bytes || createHash('sha1').update(bytes).digest('base64url') !== hash) return undefined;
    reads.push(path);
    return bytes;
  };
}

/** Every file as text, bytes taken from the build that last made each one (as dist/ would hold them). */
function contents(built: BuiltIndex, made: Map<string, Uint8Array>): Map<string, string> {
  for (const file of built.files) if (file.bytes) made.set(file.path, file.bytes);
  return new Map(built.files.map((file) => [file.path, Buffer.from(made.get(file.path)!).toString('utf8')]));
}

describe('buildIndexFiles', () => {
  it.each([
    ['collecting every posting', false],
    ['patching the published shards', true],
  ])('after any edits, reuses unchanged files and gives exactly the files of a build from scratch (%s)', (_name, patch) => {
    const edit = fc.record({
      // Replace the words of one document, add one at the front or after the last, or remove one.
      kind: fc.constantFrom('words', 'title', 'add', 'append', 'remove', 'none'),
      at: fc.nat(),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 25 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (initial, edits) => {
        let docs = initial.map((words, n) => document(n, words, `Naslov ${n}`));
        const made = new Map<string, Uint8Array>();
        let state = index(docs);
        contents(state.built, made);
        let next = docs.length;
        for (const change of edits) {
          const at = change.at % Math.max(1, docs.length);
          if (change.kind === 'words' && docs.length) docs = docs.map((doc, n) => (n === at ? { ...doc, text: change.words.join(' ') + '.' } : doc));
          if (change.kind === 'title' && docs.length) docs = docs.map((doc, n) => (n === at ? { ...doc, title: change.words.join(' ') || 'Prazen' } : doc));
          if (change.kind === 'add') docs = [document(next++, change.words, `Nov ${next}`), ...docs];
          if (change.kind === 'append') docs = [...docs, document(next++, change.words, `Najnovejši ${next}`)];
          if (change.kind === 'remove' && docs.length > 1) docs = docs.filter((_, n) => n !== at);
          const incremental = index(docs, state, undefined, patch ? reader(made) : undefined);
          const fresh = index(docs);
          expect(contents(incremental.built, made)).toEqual(contents(fresh.built, new Map()));
          expect(incremental.built.manifest).toEqual(fresh.built.manifest);
          state = incremental;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('makes no shard or chunk again after an edit that leaves them as they were, and only the touched ones after a word change', () => {
    const docs = Array.from({ length: 40 }, (_, n) => document(n, [WORDS[n % WORDS.length]!, WORDS[(n * 7) % WORDS.length]!, `beseda${n}`], `Naslov ${n}`));
    const first = index(docs);
    const made = (built: BuiltIndex) => built.files.filter((file) => file.bytes !== undefined).map((file) => file.path);
    const shardsAndChunks = first.built.files.length - 1;
    expect(made(index(docs, first).built)).toEqual(['iskanje/indeks.json']);

    const edited = docs.map((doc, n) => (n === 20 ? { ...doc, text: `${doc.text} enkratnabeseda` } : doc));
    const after = index(edited, first).built;
    const remade = made(after);
    expect(remade[0]).toBe('iskanje/indeks.json');
    // The chunk holding document 20 and the shard of its one new word, not the shards of its other words.
    const newWordShard = after.manifest.shards.findIndex((key) => 'enkratnabeseda'.startsWith(key));
    expect(remade.sort()).toEqual(
      ['iskanje/indeks.json', `iskanje/indeks/t/${after.manifest.shardFiles[newWordShard]}.json`, `iskanje/indeks/d/${after.manifest.chunkFiles[after.manifest.chunks.findLastIndex((start) => start <= 20)]}.json`].sort(),
    );
    expect(shardsAndChunks).toBeGreaterThan(10);
  });

  it('counts as changed only the stems whose weight changed in an edited document', () => {
    const stemOf = createStemmer();
    const before = documentTerms(document(0, ['sestanek', 'župan', 'župan'], 'Naslov'), stemOf);
    const after = documentTerms(document(0, ['sestanek', 'župan', 'proračun'], 'Naslov'), stemOf);
    const edits = editedDocuments(['a'], ['b'], () => before);
    expect(edits).toEqual([{ position: 0, before }]);
    const stems = [...changedStems(edits as Exclude<typeof edits, 'all'>, [after])];
    // župan lost one count, proračun is new; sestanek and the title's naslov are as they were.
    expect(stems).toHaveLength(2);
    expect(stems.some((stem) => 'proračun'.normalize('NFD').replace(/\p{M}/gu, '').startsWith(stem))).toBe(true);
    // A document added after the last one is an edit without earlier terms; one removed renumbers the rest.
    expect(editedDocuments(['a'], ['a', 'b'], () => before)).toEqual([{ position: 1, before: undefined }]);
    expect(editedDocuments(['a', 'b'], ['b'], () => before)).toBe('all');
    expect(editedDocuments(['a'], ['b'], () => undefined)).toBe('all');
  });

  /**
   * Indexes 60 documents and publishes them (`made` stands for dist/), then indexes `change(documents)` by
   * patching: what it read back, whose terms it asked for, and whether its files equal a build from scratch.
   */
  function patchedAfter(change: (docs: SearchDocument[]) => SearchDocument[]) {
    const docs = Array.from({ length: 60 }, (_, n) => document(n, [WORDS[n % WORDS.length]!, WORDS[(n * 5) % WORDS.length]!, `beseda${n}`], `Naslov ${n}`));
    const made = new Map<string, Uint8Array>();
    const first = index(docs);
    contents(first.built, made);
    const changed = change(docs);
    const reads: string[] = [];
    const asked = new Set<number>();
    const after = index(changed, first, undefined, reader(made, reads), asked).built;
    expect(contents(after, made)).toEqual(contents(index(changed).built, new Map()));
    const shards = first.built.files.filter((file) => file.path.includes('/t/')).length;
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThan(shards / 2);
    expect(reads.every((path) => path.includes('/t/'))).toBe(true);
    return { after, asked: [...asked], shards };
  }

  it('after an edit in place, reads back only the published shards of the changed words and the edited terms, and gives the files of a build from scratch', () => {
    // One word dropped (its stem's posting goes), one added that no document had (a stem of its own).
    const { asked } = patchedAfter((docs) => docs.map((doc, n) => (n === 30 ? { ...doc, text: `${WORDS[0]} beseda30 enkratnabeseda.` } : doc)));
    // Only the edited document's terms were needed: the others' entry lengths come from the layout.
    expect(asked).toEqual([30]);
  });

  it('after a document is added after the last one (a new article), reads back only the shards of its words and asks for its terms alone', () => {
    const { after, asked, shards } = patchedAfter((docs) => [...docs, document(60, [WORDS[3]!, 'enkratnabeseda'], 'Najnovejši članek')]);
    expect(asked).toEqual([60]);
    // The manifest, the shards of its words and the last chunk: nothing else is made again.
    expect(after.files.filter((file) => file.bytes !== undefined).length).toBeLessThan(shards / 2);
  });

  it('makes a shard from every posting when its published file cannot be read back, and the files are still right', () => {
    const docs = Array.from({ length: 60 }, (_, n) => document(n, [WORDS[n % WORDS.length]!, `beseda${n}`], `Naslov ${n}`));
    const made = new Map<string, Uint8Array>();
    const first = index(docs);
    contents(first.built, made);
    // dist/ changed behind the record's back: every shard file holds other bytes now.
    for (const path of made.keys()) if (path.includes('/t/')) made.set(path, Buffer.from('{}'));
    const edited = docs.map((doc, n) => (n === 7 ? { ...doc, text: `${doc.text} proračun` } : doc));
    const reads: string[] = [];
    const after = index(edited, first, undefined, reader(made, reads)).built;
    expect(reads).toEqual([]);
    expect(after.files.map((file) => [file.path, file.hash])).toEqual(index(edited).built.files.map((file) => [file.path, file.hash]));
  });

  it('keeps in its layout how many documents hold each stem', () => {
    const docs = [document(0, ['sestanek', 'župan'], 'Prvi'), document(1, ['sestanek'], 'Drugi'), document(2, ['sestanek', 'šola'], 'Tretji')];
    const { built } = index(docs);
    const counts = new Map<string, number>();
    for (const shard of built.layout.shards) {
      const stems = shard.stems.split(' ');
      const numbers = shard.counts.split(' ').map(Number);
      expect(numbers).toHaveLength(stems.length);
      stems.forEach((stem, k) => counts.set(stem, numbers[k]!));
    }
    const stemOf = createStemmer();
    expect(counts.get(stemOf('sestanek')[0]!)).toBe(3);
    expect(counts.get(stemOf('župan')[0]!)).toBe(1);
    expect(counts.get(stemOf('šola')[0]!)).toBe(1);
  });

  it('makes a file again when the published site no longer holds it', () => {
    const docs = Array.from({ length: 10 }, (_, n) => document(n, [WORDS[n]!, 'sestanek'], `Naslov ${n}`));
    const first = index(docs);
    const again = index(docs, first, () => false).built;
    expect(again.files.every((file) => file.bytes !== undefined)).toBe(true);
  });

  it('gives the files of a stored layout, only the manifest with bytes', () => {
    const docs = Array.from({ length: 10 }, (_, n) => document(n, [WORDS[n]!, 'sestanek'], `Naslov ${n}`));
    const { built } = index(docs);
    const layout: IndexLayout = structuredClone(built.layout);
    const reused = reuseLayout(layout);
    expect(reused.manifest).toEqual(built.manifest);
    expect(reused.files.map((file) => [file.path, file.hash])).toEqual(built.files.map((file) => [file.path, file.hash]));
    expect(reused.files.filter((file) => file.bytes).map((file) => file.path)).toEqual(['iskanje/indeks.json']);
  });
});
