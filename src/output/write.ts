import path from 'node:path';
import { codeVersion } from '../pipeline/version.ts';
import type { Timings } from '../pipeline/timings.ts';
import type { PageSpec } from '../render/pages.ts';
import { publishSite, type PublishedTree, type PublishFile } from './publish.ts';
import type { TreeStamp } from './side-trees.ts';

/**
 * Writes the site into a tree beside dist/ and swaps it in only when everything was written, so a failed
 * build leaves the published dist/ exactly as it was. Unchanged pages are neither rendered nor written
 * (see publish.ts).
 */
export interface WriteResult {
  pagesWritten: number;
  pagesRendered: number;
  filesWritten: number;
  /** Files of public/ that a page or file of the build replaced (publish.ts). */
  shadowedPublicFiles: string[];
  /** dist/ as the record of it names it (publish.ts PublishResult). */
  outputStamp?: TreeStamp | undefined;
}

export interface WriteOptions {
  timings?: Timings | undefined;
  /** Use the record of dist/ in .cache/ to skip unchanged pages (default true). */
  cache?: boolean | undefined;
  /** Called after each page with the count so far (progress display). */
  onPage?: ((pagesWritten: number) => void) | undefined;
  /** Changed files are held in memory up to this many bytes before being streamed to a staging tree. */
  pendingBytesLimit?: number | undefined;
  /** The record of dist/ when the caller read it already (see publish.ts readPublishedTree). */
  published?: PublishedTree | undefined;
  /** How long one page may render before the build stops (publish.ts). */
  renderTimeLimitMs?: number | undefined;
  /** The path the site is served at, which a template's problem puts before the page's address (publish.ts). */
  basePath?: string | undefined;
}

export async function writeSite(root: string, outDir: string, pages: Iterable<PageSpec>, extraFiles: Iterable<PublishFile> | AsyncIterable<PublishFile>, options: WriteOptions = {}): Promise<WriteResult> {
  const target = path.resolve(root, outDir);
  return publishSite(root, target, pages, extraFiles, { ...options, codeKey: await codeVersion() });
}

/** Joins a site path onto the output folder, refusing anything that would land outside it. */
export function safeJoin(directory: string, relative: string): string {
  if (relative.includes('\0') || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  }
  const joined = path.resolve(directory, relative);
  if (!joined.startsWith(directory + path.sep)) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
  return joined;
}
