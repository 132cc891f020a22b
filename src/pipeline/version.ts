/**
 * Hashes of arhivar itself (bin/code.js): codeVersion of its package files, src/ and templates/, which page
 * fingerprints and the no-change check are keyed by; contentCacheVersion of the same less templates/, which the
 * records of content under .cache/ are keyed by. They live in the plain-JS bin/code.js because the command-line
 * entry points need them before TypeScript loads.
 */
export { codeVersion, contentCacheVersion } from '../bin/code.js';
