import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/build.ts';
import { searchOrder } from '../../../src/search/documents.ts';
import { buildSearchIndex, type SearchDocument, type Shard } from '../../../src/search/index-builder.ts';
import { shardUrl, type SearchManifest } from '../../../src/search/manifest.ts';
import { parseQuery } from '../../../src/search/query.ts';
import { MAX_SUGGESTION_CHUNKS, MAX_SUGGESTION_SHARDS, nearStems, nearestStem, suggestionShards, typoLimit, wordWithStem } from '../../../src/search/suggestion.ts';
import { PROJECT_ROOT_FOR_TESTS, engineOver, runQuery, writeIndexFiles } from '../../search-helpers.ts';

const FIXTURE = path.join(PROJECT_ROOT_FOR_TESTS, 'tests', 'fixtures', 'search');
const stemOf = (word: string) => parseQuery(`${word} `)[0]!.stem;
/** Article n, dated the (n+1)th of December 2025, with `text`. */
const doc = (n: number, text: string): SearchDocument => ({
  url: `/clanek-${n}/`,
  title: `Članek ${n}`,
  date: `${n + 1}. decembra 2025`,
  dateTime: `2025-12-${String(n + 1).padStart(2, '0')}T10:00:00.000Z`,
  text,
});

describe('»Ste mislili« over the index of a built fixture site', () => {
  let dist: string;
  let manifest: SearchManifest;
  let shards: Shard[];

  beforeAll(async () => {
    dist = path.join(await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-')), 'dist');
    await build({ root: FIXTURE, outDir: dist, now: new Date('2026-01-01T00:00:00Z'), cache: false });
    manifest = JSON.parse(await readFile(path.join(dist, 'iskanje/indeks.json'), 'utf8')) as SearchManifest;
    shards = await Promise.all(manifest.shards.map(async (_, n) => JSON.parse(await readFile(path.join(dist, shardUrl(manifest, n)), 'utf8')) as Shard));
  });

  it.each([
    // A letter missing, two letters swapped (one edit, also where a short stem allows only one), a letter
    // missing in the stem of an inflected form.
    ['witkof ', 'witkoff'],
    ['wtikoff', 'witkoff'],
    ['uask', 'ušakov'],
    ['usakv', 'ušakov'],
    // The archive's text has Dmitrijev only as »Dmitrijevim«: the index holds stems, the suggestion a word of an article.
    // His alias Kirill Dmitriev is nearer (one edit) but no text writes it: the next near stem is taken.
    ['dmitrjev', 'dmitrijevim'],
    ['florda', 'floridi'],
    // Only the word that matches nothing is replaced; the rest stays as typed.
    ['florda witkoff', 'floridi witkoff'],
    ['witkof Ušakov', 'witkoff Ušakov'],
    ['dmitrjev florda', 'dmitrijevim floridi'],
    ['dmitrjev & <b>', 'dmitrijevim & <b>'],
  ])('suggests %j → %j, which finds articles', async (query, suggestion) => {
    const { engine } = engineOver(dist);
    expect((await runQuery(engine, query)).total).toBe(0);
    expect(await engine.suggest(query)).toBe(suggestion);
    expect((await runQuery(engine, suggestion)).total).toBeGreaterThan(0);
  });

  it.each([
    // Nothing in the archive is near it.
    ['horvta'],
    // It finds Witkoff as it is, by the beginning of the word being typed.
    ['witkof'],
    // One word has nothing near it, so no query with that word finds anything.
    ['witkof horvta'],
    // Witkoff and nevihte are in no article together: a suggestion that finds nothing again is no help.
    ['witkof nevihte'],
    // Umerov is only in an article's front matter, not in any text a suggestion can take the word from.
    ['umerv'],
    // The first letter is taken as typed (suggestionShards).
    ['qitkoff'],
  ])('suggests nothing for %j', async (query) => {
    const { engine } = engineOver(dist);
    expect(await engine.suggest(query)).toBeUndefined();
  });

  it('corrects the words find reports as in no article, as the page does after its search', async () => {
    const { engine } = engineOver(dist);
    const terms = parseQuery('florda witkoff');
    const found = await engine.find(terms);
    expect(found.hits).toEqual([]);
    expect(found.unmatched).toEqual([terms[0]]);
    expect(await engine.suggest('florda witkoff', found)).toBe('floridi witkoff');
    expect((await engine.find(parseQuery('witkoff'))).unmatched).toEqual([]);
  });

  it('searches again when found is another query\'s, as a caller that kept an older result would pass it', async () => {
    const { engine } = engineOver(dist);
    // Another query's words that match nothing: taken as this one's, the suggestion corrected words not in it.
    expect(await engine.suggest('witkoff florda', await engine.find(parseQuery('horvta')))).toBe('witkoff floridi');
    // Another query that matched everything: taken as this one's, »florda« was no typo.
    expect(await engine.suggest('florda', await engine.find(parseQuery('witkoff')))).toBe('floridi');
    // The same words, typed otherwise: still this query's result.
    expect(await engine.suggest('FLORDA witkoff', await engine.find(parseQuery('florda witkoff')))).toBe('floridi witkoff');
  });

  it('looks for near stems only in shards of the word\'s first letter', () => {
    const keys = manifest.shards;
    expect(suggestionShards(keys, 'wtikoff', 2).map((n) => keys[n])).toEqual(['w']);
    expect(suggestionShards(keys, 'qitkoff', 2)).toEqual([]);
  });

  it('looks in the shard of dan for a mistyped dnevi, though the shard was split past dan', () => {
    // dnevi's stem is dan (text.ts IRREGULAR_STEMS), which a large index keeps in a shard of its own, two edits
    // from »dnve« (dnvei): only dnev, the stem as written, is near it.
    const keys = ['d', 'da', 'dan', 'dane', 'dn'];
    expect(suggestionShards(keys, stemOf('dnvei'), 1).map((n) => keys[n])).toContain('dan');
  });

  it('finds the nearest stem of the fixture\'s shards within the typo limit', () => {
    expect(nearestStem(shards, stemOf('witkof'), typoLimit(stemOf('witkof')))).toEqual({ stem: 'witkoff', distance: 1, documents: 2, lettersLeftOut: true });
    // The alias Kirill Dmitriev (dmitri, only in the front matter) is one edit from dmitr, the articles'
    // Dmitrijev (dmitrij) two: not within one.
    expect(nearStems(shards, stemOf('dmitrjev'), 2).map(({ stem, distance }) => [stem, distance])).toEqual([['dmitri', 1], ['dmitrij', 2]]);
    expect(nearStems(shards, stemOf('dmitrjev'), 1).map(({ stem }) => stem)).toEqual(['dmitri']);
    expect(nearestStem(shards, stemOf('dmitrjev'), 2)).toMatchObject({ stem: 'dmitri', distance: 1 });
    // The stem itself is no suggestion.
    expect(nearestStem(shards, 'witkoff', 2)?.stem).not.toBe('witkoff');
  });

  it('takes the word of an article that is nearest to what was typed', async () => {
    const chunk = JSON.parse(await readFile(path.join(dist, `${manifest.base}d/${manifest.chunkFiles[0]}.json`), 'utf8')) as { t: string; x: string }[];
    const texts = chunk.flatMap((entry) => [entry.t, entry.x]);
    expect(wordWithStem(texts, 'witkoff', 'wittkoffa')).toBe('witkoffa');
    expect(wordWithStem(texts, 'witkoff', 'wittkoff')).toBe('witkoff');
    // Kremelj's stem drops its fleeting e (kremlj): the word shown is the one an article writes.
    expect(wordWithStem(texts, stemOf('Kremelj'), 'kremlj')).toBe('kremelj');
    expect(wordWithStem(texts, 'umer', 'umerv')).toBeUndefined();
  });

  it('fetches at most MAX_SUGGESTION_SHARDS shards and one chunk besides those of the search', async () => {
    const { engine, downloads } = engineOver(dist);
    await runQuery(engine, 'dmitrjev');
    const searched = downloads.length;
    await engine.suggest('dmitrjev');
    const added = downloads.slice(searched).map((download) => download.url);
    expect(added.filter((url) => url.includes('/t/')).length).toBeLessThanOrEqual(MAX_SUGGESTION_SHARDS);
    expect(added.filter((url) => url.includes('/d/'))).toHaveLength(1);
  });
});

describe('a number that matches nothing', () => {
  // 2024 is one edit from 2025, but a reader who searched for another year or sum made no typo: »Ste mislili: 2025?« misleads.
  it('gets no suggestion, alone or beside a word that has one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-number-'));
    await writeIndexFiles(dir, buildSearchIndex(searchOrder([doc(0, 'Witkoff je leta 2025 plačal 1500 evrov.')])).files);
    const { engine } = engineOver(dir);
    for (const query of ['2024', '2026 ', '1600', 'wtikoff 2024']) {
      expect((await runQuery(engine, query)).total, query).toBe(0);
      expect(await engine.suggest(query), query).toBeUndefined();
    }
    // A misspelt word is still corrected, beside a number the archive holds too.
    expect(await engine.suggest('wtikoff 2025')).toBe('witkoff 2025');
    expect(await engine.suggest('evrv')).toBe('evrov');
  });
});

describe('a Roman numeral that matches nothing', () => {
  // XVIII is one edit from XVII, but another numeral is another king or century, as 2024 is another year.
  it('gets no suggestion', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-roman-'));
    await writeIndexFiles(dir, buildSearchIndex(searchOrder([doc(0, 'Cerkev so zgradili v XVII. stoletju, Ludvik XIV. jo je obiskal.')])).files);
    const { engine } = engineOver(dir);
    for (const query of ['XVIII', 'xvi ', 'XIII', 'stoletju XVI']) {
      expect((await runQuery(engine, query)).total, query).toBe(0);
      expect(await engine.suggest(query), query).toBeUndefined();
    }
    expect(await engine.suggest('stoltju XVII')).toBe('stoletju XVII');
  });
});

describe('typo limits and the shards a suggestion needs', () => {
  it('allows one edit in a stem of up to four letters and two in a longer one', () => {
    expect([typoLimit('nov'), typoLimit('novk'), typoLimit('dmitr'), typoLimit('witkof')]).toEqual([1, 1, 2, 2]);
  });

  const DOCUMENTS = [
    doc(0, 'Novak in Nowak sta govorila z Dmitrijevim. Drava, Dravograd, dren, drevo, Dubrovnik, Dunaj, Dolenjska, Domžale.'),
    doc(1, 'Nowak je odgovoril Dmitrijevu. Dimnik, Divača, Dobrova, Dragonja, Drnovo.'),
    doc(2, 'Nowak in Dmitrijev, Dekani, Delnice, Dežela, Denar, Deska.'),
  ];

  it('among equally near stems suggests the one more articles hold', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-tie-'));
    await writeIndexFiles(dir, buildSearchIndex(searchOrder(DOCUMENTS)).files);
    const { engine } = engineOver(dir);
    // noak is one edit from nowak (3 articles) and from novak (1), which comes first in the alphabet.
    expect(await engine.suggest('noak')).toBe('nowak');
  });

  it('among equally near stems prefers one the typed word is with letters left out, over one more articles hold', async () => {
    const documents = [
      doc(0, 'Voda je stekla po cesti.'),
      doc(1, 'Vode je bilo preveč, voda je zalila kleti.'),
      doc(2, 'Pitna voda in vlada.'),
    ];
    const dir = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-left-out-'));
    await writeIndexFiles(dir, buildSearchIndex(searchOrder(documents)).files);
    const { engine } = engineOver(dir);
    // vlda is one edit from voda (3 articles, a letter changed) and from vlada (1, a letter left out).
    expect(await engine.suggest('vlda')).toBe('vlada');
    // voad is one edit from both too, but neither has letters it left out: the word more articles hold.
    expect(await engine.suggest('voad')).toBe('voda');
  });

  it('passes over a key split further, which holds only stems as long as itself', () => {
    const documents = [
      doc(0, 'Kmet in kmetje, kmetijstvo, kmetija, kmetovalec, kmetica, kmečki, kmalu, kmetijski minister.'),
      doc(1, 'Kmetijstvo in kmetje. Kmetijsko ministrstvo.'),
    ];
    const keys = buildSearchIndex(searchOrder(documents), { shardBytes: 40 }).manifest.shards;
    // kmet holds only the stem kmet; kmetijstv, one edit from kmetjstv, is in kmetijst.
    expect(keys).toEqual(expect.arrayContaining(['kmet', 'kmetij', 'kmetijst', 'kmetj']));
    const chosen = suggestionShards(keys, stemOf('kmetjstvo'), 2).map((n) => keys[n]!);
    expect(chosen).toContain('kmetijst');
    expect(chosen).not.toContain('kmet');
  });

  it('picks the shards that can hold a near stem, not every shard of the letter, and suggests the same', async () => {
    const whole = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-whole-'));
    await writeIndexFiles(whole, buildSearchIndex(searchOrder(DOCUMENTS)).files);
    const split = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-split-'));
    const index = buildSearchIndex(searchOrder(DOCUMENTS), { shardBytes: 40 });
    await writeIndexFiles(split, index.files);
    const keys = index.manifest.shards;
    const chosen = suggestionShards(keys, 'dmitr', 2).map((n) => keys[n]!);
    const ofD = keys.filter((key) => key.startsWith('d'));
    expect(ofD.length).toBeGreaterThan(MAX_SUGGESTION_SHARDS);
    expect(chosen.length).toBeLessThanOrEqual(MAX_SUGGESTION_SHARDS);
    expect(chosen.every((key) => key.startsWith('d'))).toBe(true);
    // The shard that holds dmitrij is among them.
    const holder = keys.filter((key) => 'dmitrij'.startsWith(key)).sort((a, b) => b.length - a.length)[0]!;
    expect(chosen).toContain(holder);
    // These articles write the name as typed, in the nominative too: that form is the one suggested.
    for (const folder of [whole, split]) expect(await engineOver(folder).engine.suggest('dmitrjev'), folder).toBe('dmitrijev');
  });
});

describe('a near stem that the newest article holding it has only in its front matter', () => {
  // Each article a chunk of its own, as in a large archive, where the articles holding a word are in many chunks.
  const CHUNK_EACH = { chunkBytes: 1 };
  /** The chunks a suggestion fetched besides the files of the search that found nothing. */
  async function suggestionOver(documents: readonly SearchDocument[], query: string): Promise<{ suggestion: string | undefined; chunks: number }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'arhivar-suggestion-front-matter-'));
    await writeIndexFiles(dir, buildSearchIndex(searchOrder(documents), CHUNK_EACH).files);
    const { engine, downloads } = engineOver(dir);
    expect((await runQuery(engine, query)).total).toBe(0);
    const searched = downloads.length;
    const suggestion = await engine.suggest(query);
    return { suggestion, chunks: downloads.slice(searched).filter((download) => download.url.includes('/d/')).length };
  }
  // Newest first, as the archive lists them. The newest is tagged Poplave and its text does not write the word;
  // Popov, one edit from »poplv« as poplav is, is in an article's text too (poplv is poplav with a letter left out).
  const TAGGED = { ...doc(3, 'Reka je prestopila bregove pri Celju.'), keywords: ['Poplave'] };
  const POPOV = doc(2, 'Minister Popov je obiskal Celje.');

  it('takes the word from an older article that writes it, as often as the word is written once', async () => {
    const { suggestion, chunks } = await suggestionOver([TAGGED, POPOV, doc(1, 'Po poplavah so gasilci črpali vodo.'), doc(0, 'Vreme bo jasno.')], 'poplv');
    expect(suggestion).toBe('poplavah');
    expect(chunks).toBeLessThanOrEqual(MAX_SUGGESTION_CHUNKS);
  });

  it('takes it so with two more near stems in the texts, each of which would need a chunk of its own', async () => {
    // »popl« and »pople« are one edit from »poplv« too: a chunk kept for each farther stem left the nearest one only the newest article's.
    const { suggestion, chunks } = await suggestionOver(
      [{ ...TAGGED, ...doc(4, TAGGED.text) }, doc(3, POPOV.text), doc(2, 'Po poplavah so gasilci črpali vodo.'), doc(1, 'Popl je vas ob Savinji.'), doc(0, 'Pople so ribe.')],
      'poplv',
    );
    expect(suggestion).toBe('poplavah');
    expect(chunks).toBeLessThanOrEqual(MAX_SUGGESTION_CHUNKS);
  });

  it('fetches first the chunk of the article that holds the stem most, the one the suggested search shows first', async () => {
    const titled = { ...doc(1, 'Gasilci so črpali vodo iz kleti.'), title: 'Poplave v Savinjski dolini' };
    expect(await suggestionOver([TAGGED, POPOV, titled, doc(0, 'Vreme bo jasno.')], 'poplv')).toEqual({ suggestion: 'poplave', chunks: 1 });
  });

  it('still gets to a farther stem an article writes when the nearest is only in front matter, in more chunks than it may fetch', async () => {
    // The alias of a person file in the front matter of many articles, none of whose texts writes it.
    const aliased = Array.from({ length: MAX_SUGGESTION_CHUNKS + 2 }, (_, n) => ({ ...doc(10 - n, 'Pogajanja se nadaljujejo.'), keywords: ['Kirill Dmitriev'] }));
    const { suggestion, chunks } = await suggestionOver([...aliased, doc(1, 'Witkoff se je sestal z Dmitrijevim.')], 'dmitrjev');
    expect(suggestion).toBe('dmitrijevim');
    expect(chunks).toBeLessThanOrEqual(MAX_SUGGESTION_CHUNKS);
  });
});
