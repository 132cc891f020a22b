import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { MAX_PEOPLE } from './generate.ts';
import { runBench } from './run.ts';

const USAGE = `usage: npm run bench -- --articles N [--people P] [--runs R] [--keep]

Generates a synthetic archive in a temporary folder and times builds and the dev server on it, each in a
process of its own; prints two Markdown tables of medians and deletes the folder (see README.md).

  --articles N  articles to generate (default 1000)
  --people P    people in the registry (default 500, at most ${MAX_PEOPLE.toLocaleString('en-US')})
  --runs R      runs of each build (default 5, 1 from 50,000 articles on)
  --keep        keep the generated site and print where it is
`;

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { articles: { type: 'string' }, people: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    // A mistyped option (--article) is a command-line mistake, answered as the arhivar commands answer one.
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const articles = Number(values.articles ?? 1000);
  const people = Number(values.people ?? 500);
  const runs = Number(values.runs ?? (articles >= 50_000 ? 1 : 5));
  for (const [name, value] of [['articles', articles], ['people', people], ['runs', runs]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      process.stderr.write(`--${name} must be a whole number of at least 1\n`);
      return 2;
    }
  }
  if (people > MAX_PEOPLE) {
    // Asked for more, the generator would look for new names for ever, after printing only "generating".
    process.stderr.write(`--people must be at most ${MAX_PEOPLE.toLocaleString('en-US')}: the generator has no more distinct names\n`);
    return 2;
  }
  // Ctrl+C (or a CI job's SIGTERM) would otherwise end this process at once, leaving the generated folder
  // (tens of MB, GBs at 100,000 articles) in the temp folder and, where the signal reached only this
  // process, the build or dev server being measured running on. A second Ctrl+C ends it at once.
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupted.abort(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // A reader of the output that went away (`npm run bench 2>&1 | head`, a `| tee` the Ctrl+C ended too) makes the
  // next line fail with EPIPE, which Node raises as an uncaught error: the bench ended there and left the folder.
  // It is taken for the SIGPIPE a shell's commands end on. The listeners stay: the error of the last line written
  // comes after main() has returned.
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    interrupted.abort('SIGPIPE');
  };
  process.stdout.on('error', onOutputError);
  process.stderr.on('error', onOutputError);
  try {
    const result = await runBench({ articles, people, runs, keep: values.keep, log: (line) => process.stderr.write(`${line}\n`), signal: interrupted.signal });
    process.stdout.write(`${result.table}\n`);
    if (values.keep) process.stderr.write(`kept ${result.root}\n`);
    return 0;
  } catch (error) {
    if (!interrupted.signal.aborted) throw error;
    const signal = interrupted.signal.reason as NodeJS.Signals;
    process.stderr.write(`interrupted by ${signal}; ${values.keep ? 'the generated site was kept' : 'the generated site was deleted'}\n`);
    // 128 + the signal's number, as a shell reports a command a signal ended: 130 for Ctrl+C, 141 for a closed pipe.
    return 128 + constants.signals[signal];
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
