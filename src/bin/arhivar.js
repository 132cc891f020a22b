#!/usr/bin/env -S node --max-semi-space-size=4 --no-allocation-site-pretenuring
// arhivar is written in TypeScript and runs without a separate compile step: the command starts from a
// bundle of src/ that code.js makes with esbuild on first use after every change to arhivar's code or
// to the folder it is in (kept in .cache/code/), so `npm run build` works right after `npm install`. The options on the first line
// are NODE_FLAGS in code.js; npm's command shims on Windows read them from that line too.
import { importSource, SourceSyntaxError } from './code.js';
import { problemsFoundLine } from './problems-found.js';

const cli = await importSource('cli.ts').catch((error) => {
  if (!(error instanceof SourceSyntaxError)) throw error;
  // Exit code 1, as for a template that throws while a page is rendered (template/failed).
  process.stderr.write(`${error.problems.join('\n\n')}\n\n${problemsFoundLine(error.problems.length, process.argv[2])}\n`);
  process.exitCode = 1;
  return undefined;
});
if (cli) {
  cli.endQuietlyWhenPipeCloses(process.stdout);
  cli.endQuietlyWhenPipeCloses(process.stderr);
  process.exitCode = await cli.main(process.argv.slice(2));
}
