/**
 * The search manifest (/iskanje/indeks.json) and where its files live: each shard and chunk file is named
 * by a short hash of its content, so its URL changes exactly when its content does and a rebuild after one
 * edit rewrites only the files that hold that article. Kept apart from the index builder,
 * which needs node:crypto, because the browser's search script imports it too.
 */
export interface SearchManifest {
  version: 2;
  /** Folder of the shards and chunks from the host's root (under the site's base path), ending in /. */
  base: string;
  documents: number;
  /** Shard keys (stem prefixes), sorted; shard n is the file shardUrl(manifest, n). */
  shards: string[];
  /** Names of the shard files (short content hashes), in the order of `shards`. */
  shardFiles: string[];
  /** First document number of each chunk; chunk n is the file chunkUrl(manifest, n). */
  chunks: number[];
  /** Names of the chunk files (short content hashes), in the order of `chunks`. */
  chunkFiles: string[];
}

/** The folders under the manifest's base that hold the shard files and the chunk files. */
export const SHARD_FOLDER = 't';
export const CHUNK_FOLDER = 'd';

export function shardUrl(manifest: SearchManifest, n: number): string {
  return `${manifest.base}${SHARD_FOLDER}/${manifest.shardFiles[n]}.json`;
}

export function chunkUrl(manifest: SearchManifest, n: number): string {
  return `${manifest.base}${CHUNK_FOLDER}/${manifest.chunkFiles[n]}.json`;
}
