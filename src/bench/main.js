#!/usr/bin/env node
// `npm run bench -- --articles N [--people P] [--runs R] [--keep]` (see run.ts).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// arhivar's own tsconfig (JSX through Preact), whatever folder the command runs in.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
