import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AssetUrls } from '../render/context.ts';

export interface OutputFile {
  /** Path inside dist/, forward slashes, no leading slash. */
  path: string;
  bytes: Uint8Array | string;
}

export interface BuiltAssets {
  urls: AssetUrls;
  files: OutputFile[];
}

/** Templates and their stylesheet belong to the project's templates/ folder, next to the TSX templates. */
export const STYLESHEET = fileURLToPath(new URL('../../templates/site.css', import.meta.url));

/** The stylesheet under a content-hashed name, so browsers may cache it forever. */
export async function buildAssets(_root: string): Promise<BuiltAssets> {
  const css = await readFile(STYLESHEET);
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  const file = `assets/site-${hash}.css`;
  return { urls: { stylesheet: `/${file}` }, files: [{ path: file, bytes: css }] };
}
