import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PageSpec } from '../render/pages.ts';
import { outputPathFor } from '../site/urls.ts';
import type { OutputFile } from './assets.ts';

/**
 * Writes the site into a fresh folder beside dist/ and swaps it in only when everything was written,
 * so a failed build leaves the published dist/ exactly as it was.
 */
export interface WriteResult {
  pagesWritten: number;
}

export interface WriteOptions {
  /** Called after each page is written with the count so far (progress display). */
  onPage?: ((pagesWritten: number) => void) | undefined;
}

export async function writeSite(root: string, outDir: string, pages: Iterable<PageSpec>, extraFiles: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const target = path.resolve(root, outDir);
  const staging = `${target}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const publicDir = path.join(root, 'public');
    if (await exists(publicDir)) await cp(publicDir, staging, { recursive: true, dereference: false, verbatimSymlinks: true });
    const made = new Set<string>();
    let pagesWritten = 0;
    const writeOne = async (relative: string, bytes: Uint8Array | string) => {
      const destination = safeJoin(staging, relative);
      const directory = path.dirname(destination);
      if (!made.has(directory)) {
        await mkdir(directory, { recursive: true });
        made.add(directory);
      }
      await writeFile(destination, bytes);
    };
    for (const file of extraFiles) await writeOne(file.path, file.bytes);
    for (const page of pages) {
      await writeOne(outputPathFor(page.url), page.render());
      pagesWritten++;
      options.onPage?.(pagesWritten);
    }
    await swapInto(staging, target);
    return { pagesWritten };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
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

async function swapInto(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, old);
  await rename(staging, target);
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
