import { hash } from 'node:crypto';

/**
 * sha1 of `data` in base64url: the name arhivar gives texts, records, pages and files. One call into
 * OpenSSL instead of createHash().update()…digest(): a rebuild of 10,000 articles hashes about 60,000 short
 * strings, and the one-shot form takes about a third of the time (crypto.hash, Node 20.12 and later).
 * Several pieces hash as their concatenation, as successive update() calls would.
 */
export function sha1(data: string | Uint8Array): string {
  return hash('sha1', data, 'base64url');
}
