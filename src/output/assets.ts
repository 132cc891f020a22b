import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

export const STYLESHEET = 'templates/site.css';

/** arhivar's own templates folder: sites without a templates/site.css of their own use its theme. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The stylesheet under a content-hashed name, so browsers may cache it forever. */
export async function buildAssets(root: string): Promise<BuiltAssets> {
  const css = await readFile(path.join(root, STYLESHEET)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    return readFile(path.join(PACKAGE_ROOT, STYLESHEET));
  });
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  const file = `assets/site-${hash}.css`;
  return { urls: { stylesheet: `/${file}` }, files: [{ path: file, bytes: css }] };
}
