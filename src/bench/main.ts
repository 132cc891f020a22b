import { parseArgs } from 'node:util';
import { runBench } from './run.ts';

const USAGE = `usage: npm run bench -- --articles N [--people P] [--runs R] [--keep]

Generates a synthetic archive in a temporary folder and times builds and the dev server on it, each in a
process of its own; prints two Markdown tables of medians and deletes the folder (see README.md).

  --articles N  articles to generate (default 1000)
  --people P    people in the registry (default 500)
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
  const result = await runBench({ articles, people, runs, keep: values.keep, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${result.table}\n`);
  if (values.keep) process.stderr.write(`kept ${result.root}\n`);
  return 0;
}
