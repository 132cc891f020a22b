import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchIndexFile } from '../src/search/index-builder.ts';
import { SearchEngine, parseQuery, type SearchResult } from '../src/search/query.ts';

/** Writes index files the way the build does, into `directory` standing in for dist/. */
export async function writeIndexFiles(directory: string, files: readonly SearchIndexFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(directory, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
}

export interface Download {
  url: string;
  bytes: number;
}

/** A search engine over a built site folder, fetching files from disk and recording every download. */
export function engineOver(distDir: string): { engine: SearchEngine; downloads: Download[] } {
  const downloads: Download[] = [];
  const engine = new SearchEngine(async (url) => {
    const bytes = await readFile(path.join(distDir, url.replace(/^\/+/, '')));
    downloads.push({ url, bytes: bytes.length });
    return JSON.parse(bytes.toString('utf8')) as unknown;
  }, '/iskanje/indeks.json');
  return { engine, downloads };
}

/** The same over index files held in memory (the 10,000-article size check skips the disk). */
export function engineOverFiles(files: readonly SearchIndexFile[]): { engine: SearchEngine; downloads: Download[] } {
  const byUrl = new Map(files.map((file) => [`/${file.path}`, file.bytes]));
  const downloads: Download[] = [];
  const engine = new SearchEngine(async (url) => {
    const text = byUrl.get(url);
    if (text === undefined) throw new Error(`no index file ${url}`);
    downloads.push({ url, bytes: Buffer.byteLength(text) });
    return JSON.parse(text) as unknown;
  }, '/iskanje/indeks.json');
  return { engine, downloads };
}

/** Runs a query as the page does: all hits, then the first `shown` results with their snippets. */
export async function runQuery(engine: SearchEngine, query: string, shown = 10): Promise<{ total: number; results: SearchResult[] }> {
  const terms = parseQuery(query);
  const hits = await engine.search(terms);
  return { total: hits.length, results: await engine.results(hits.slice(0, shown), terms) };
}

/** The marked words of a result's snippet. */
export const marked = (result: SearchResult): string[] => result.snippet.filter((segment) => segment.mark).map((segment) => segment.text);
export const PROJECT_ROOT_FOR_TESTS = path.resolve(import.meta.dirname, '..');
