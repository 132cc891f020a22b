#!/usr/bin/env node
// `npm run bench -- --articles N [--people P] [--runs R] [--keep]` (see run.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
