#!/usr/bin/env -S node --max-semi-space-size=4
// arhivar is written in TypeScript and runs without a separate compile step: the command starts from a
// bundle of src/ that code.js makes with esbuild on first use after every change to arhivar's code
// (kept in .cache/code/), so `npm run build` works right after `npm install`. The options on the first line
// are NODE_FLAGS in code.js; npm's command shims on Windows read them from that line too.
import { importSource } from './code.js';

const { main, endQuietlyWhenPipeCloses } = await importSource('cli.ts');
endQuietlyWhenPipeCloses(process.stdout);
endQuietlyWhenPipeCloses(process.stderr);
process.exitCode = await main(process.argv.slice(2));
