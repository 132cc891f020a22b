import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArhivarError } from '../errors.ts';
import { CACHE_DIR } from './cache.ts';

/**
 * Fails with a clear error when `folder` (relative to `root`, or absolute) exists but is not a folder: a
 * file, or a link to nothing. A command checks the folders it will write into before it starts, so such a
 * file is reported at once, by name, instead of failing deep inside ("EEXIST … mkdir", "ENOTDIR … rename")
 * after the work is done; and arhivar never replaces a file it did not make.
 */
export async function checkFolder(root: string, folder: string, problem: { code: string; hint: string }): Promise<void> {
  const absolute = path.resolve(root, folder);
  const target = await stat(absolute).catch(() => undefined);
  if (target?.isDirectory()) return;
  const link = await lstat(absolute).catch(() => undefined);
  if (!link) return;
  const name = path.relative(root, absolute) || absolute;
  throw new ArhivarError({
    code: problem.code,
    file: name,
    message: link.isSymbolicLink() && !target ? `${name} is a link to nothing` : `${name} is not a folder`,
    hint: problem.hint,
  });
}

/** `.cache` must be a folder, or missing. */
export async function checkCacheFolder(root: string): Promise<void> {
  await checkFolder(root, CACHE_DIR, {
    code: 'cache/not-a-folder',
    hint: 'arhivar keeps work it can redo in the folder .cache/: rename or delete .cache (nothing published is lost), then run the command again',
  });
}

/** The folder a build publishes into (dist/, or --out) must be a folder, or missing. */
export async function checkOutputFolder(root: string, outDir: string): Promise<void> {
  await checkFolder(root, outDir, {
    code: 'output/not-a-folder',
    hint: 'arhivar publishes the site as a folder of that name and never replaces a file: rename or delete it, or build into another folder with --out',
  });
}

/** public/, whose files are published as they are, must be a folder, or missing. */
export async function checkPublicFolder(root: string): Promise<void> {
  await checkFolder(root, 'public', {
    code: 'public/not-a-folder',
    hint: 'public/ holds files published as they are (favicon.ico, robots.txt …): rename the file and make a folder of that name, or delete it',
  });
}
