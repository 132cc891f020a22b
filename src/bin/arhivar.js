#!/usr/bin/env node
// arhivar is written in TypeScript and run without a compile step: tsx registers a loader that
// transpiles src/ and templates/ on import (cached), so `npm run build` works right after `npm install`.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// arhivar's own tsconfig (JSX through Preact), whatever folder the command runs in.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
