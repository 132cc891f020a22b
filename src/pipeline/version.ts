/**
 * A hash of arhivar itself (package files, src/, templates/): everything cached under .cache/ is keyed by it.
 * It lives in the plain-JS bin/code.js because the command-line entry points need it before TypeScript loads.
 */
export { codeVersion } from '../bin/code.js';
