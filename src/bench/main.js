#!/usr/bin/env node
// `npm run bench -- --articles N [--people P] [--runs R] [--keep]` (see run.ts).
import { importSource } from '../bin/code.js';

const { main } = await importSource('bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
