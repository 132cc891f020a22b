import { parseArgs } from 'node:util';
import { runBench } from './run.ts';

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { articles: { type: 'string' }, people: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } },
    strict: true,
  });
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
