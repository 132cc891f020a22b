import { beforeAll, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../src/config/site.ts';
import { buildAssets } from '../../../src/output/assets.ts';
import { renderHtml } from '../../../src/render/pages.ts';
import { buildSearchIndex, type SearchDocument, type SearchIndex } from '../../../src/search/index-builder.ts';
import { parseQuery } from '../../../src/search/query.ts';
import { PROJECT_ROOT_FOR_TESTS, engineOverFiles, runQuery } from '../../search-helpers.ts';
import { SearchPage } from '../../../templates/search.tsx';

/**
 * A reader of a 10,000-article archive must get the first results after well under 1 MB of downloads:
 * the search page, its script and stylesheet, the manifest, the shards of the query's words and the
 * chunks of the ten results on screen. This measures those bytes on real index files (a size check,
 * not a timing one).
 */
const ARTICLES = 10_000;
const BUDGET = 1_000_000;

// A small deterministic generator (mulberry32), so every run indexes the same archive.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'po', 've', 'dra', 'sto', 'ni', 'le', 'mi', 'pre', 'za', 'bo', 'ri', 'gla', 'sne', 'tu', 'ju', 'ko', 'ra', 'se', 'vi', 'de', 'na', 'lo', 'pa', 'ti', 'še', 'ča', 'žu', 'sla', 'vo', 'kri', 'ble'];
const ENDINGS = ['', 'a', 'e', 'i', 'o', 'u', 'om', 'ih', 'em', 'ega', 'ami', 'ah'];
const NAMES: Record<string, string[]> = {
  Witkoff: ['Witkoff', 'Witkoffa', 'Witkoffu', 'Witkoffom'],
  Ušakov: ['Ušakov', 'Ušakova', 'Ušakovu', 'Ušakovom'],
  Dmitrijev: ['Dmitrijev', 'Dmitrijeva', 'Dmitrijevim', 'Dmitrijevom'],
};

function syntheticArchive(): { documents: SearchDocument[]; commonest: string } {
  const next = random(20251222);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const vocabulary = Array.from({ length: 30_000 }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''));
  // Log-uniform ranks: a few words everywhere, a long tail of rare ones, as in news text.
  const word = () => vocabulary[Math.floor(Math.exp(next() * Math.log(vocabulary.length))) - 1]! + pick(ENDINGS);
  const documents: SearchDocument[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const words = Array.from({ length: 150 + Math.floor(next() * 150) }, word);
    if (next() < 0.05) words.splice(Math.floor(next() * words.length), 0, pick(NAMES.Witkoff!));
    if (next() < 0.02) words.splice(Math.floor(next() * words.length), 0, pick(NAMES.Ušakov!));
    if (next() < 0.02) words.splice(Math.floor(next() * words.length), 0, pick(NAMES.Dmitrijev!), 'pogajanja');
    const day = new Date(Date.UTC(2025, 11, 31) - n * 3_600_000 * 6);
    documents.push({
      url: `/${day.getUTCFullYear()}/clanek-${n}/`,
      title: words.slice(0, 6).join(' '),
      date: day.toISOString().slice(0, 10),
      dateTime: day.toISOString(),
      text: words.join(' ') + '.',
    });
  }
  return { documents, commonest: vocabulary[0]! };
}

describe(`search download size for ${ARTICLES.toLocaleString('en')} articles`, () => {
  let index: SearchIndex;
  let commonest: string;
  let pageBytes: number;

  beforeAll(async () => {
    const archive = syntheticArchive();
    commonest = archive.commonest;
    index = buildSearchIndex(archive.documents);
    const assets = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    const page = renderHtml(SearchPage, { context: { site: parseSiteConfig(undefined).config, assets: assets.urls, people: new Map() } });
    const sizeOf = (url: string) => Buffer.byteLength(assets.files.find((file) => `/${file.path}` === url)!.bytes);
    pageBytes = Buffer.byteLength(page) + sizeOf(assets.urls.stylesheet) + sizeOf(assets.urls.scripts.search!);
  });

  it.each([
    ['Witkoff', 400],
    ['usakov', 150],
    ['Dmitrijev pogajanja', 150],
    ['Ušakova Witkoffu', 1],
    ['COMMONEST', 5000],
    ['pog', 1],
  ])('%s: the first ten results cost well under 1 MB', async (query, minimumHits) => {
    const text = query === 'COMMONEST' ? commonest : query;
    const { engine, downloads } = engineOverFiles(index.files);
    const { total, results } = await runQuery(engine, text);
    expect(total).toBeGreaterThanOrEqual(minimumHits);
    expect(results.length).toBe(Math.min(10, total));
    const indexBytes = downloads.reduce((sum, download) => sum + download.bytes, 0);
    const bytes = pageBytes + indexBytes;
    console.info(`search "${text}": ${total} hits, ${downloads.length} index files, index ${indexBytes} B, with page and assets ${bytes} B`);
    expect(bytes).toBeLessThan(BUDGET);
  });

  it.each([
    ['Dmitrjev', 'dmitrij'],
    ['Ušakv', 'usak'],
    ['Dmitrjev pogajnja', 'dmitrij pogajanj'],
    // The commonest word with its last two letters swapped: its neighbours are in the largest shards.
    ['COMMONEST_SWAPPED', 'COMMONEST'],
  ])('%s: finding nothing and suggesting a word costs well under 1 MB', async (query, stems) => {
    const text = query === 'COMMONEST_SWAPPED' ? `${commonest.slice(0, -2)}${commonest.at(-1)}${commonest.at(-2)} ` : query;
    const { engine, downloads } = engineOverFiles(index.files);
    expect((await runQuery(engine, text)).total).toBe(0);
    const searchBytes = downloads.reduce((sum, download) => sum + download.bytes, 0);
    const suggestion = await engine.suggest(text);
    // The commonest word's forms have stems of their own (sevi is »sev«, sevia »sevi«): any of them will do.
    if (stems === 'COMMONEST') expect(suggestion?.startsWith(commonest)).toBe(true);
    else expect(parseQuery(`${suggestion} `).map((term) => term.stem).join(' ')).toBe(stems);
    const indexBytes = downloads.reduce((sum, download) => sum + download.bytes, 0);
    console.info(`suggestion for "${text}": "${suggestion}", ${downloads.length} index files, index ${indexBytes} B (${indexBytes - searchBytes} B for the suggestion), with page and assets ${pageBytes + indexBytes} B`);
    expect(pageBytes + indexBytes).toBeLessThan(BUDGET);
  });

  it('splits the index into many small files instead of one large one', () => {
    const total = index.files.reduce((sum, file) => sum + Buffer.byteLength(file.bytes), 0);
    const largestShard = Math.max(...index.files.filter((file) => file.path.includes('/t/')).map((file) => Buffer.byteLength(file.bytes)));
    console.info(`index: ${index.files.length} files, ${total} B in all, ${index.manifest.shards.length} shards (largest ${largestShard} B), ${index.manifest.chunks.length} chunks, manifest ${Buffer.byteLength(index.files[0]!.bytes)} B`);
    expect(total).toBeGreaterThan(BUDGET);
    // The manifest names every file with a short content version, so it grows with the archive; it is
    // fetched once per visit and counted in the budget above.
    expect(Buffer.byteLength(index.files[0]!.bytes)).toBeLessThan(80_000);
  });
});
