import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { build } from './build.ts';
import { explainArticle, formatExplanation, formatSuggestions, suggestNames } from './commands/people.ts';
import { formatError, toArhivarErrors, type ArhivarError } from './errors.ts';
const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * `arhivar <command>`: prints what happened and returns the exit code.
 *   0  success
 *   1  the content has problems (all of them are printed)
 *   2  the command line is wrong
 *   3  arhivar itself failed (a bug or an I/O error)
 */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

const HELP: Record<string, string> = {
  main: `arhivar: a static news-archive generator for Slovenian newsrooms

usage: arhivar <command> [options]

commands:
  build      build the site from content/ into dist/
  people     show who an article is tagged with and why; --suggest names missing from content/people/

Run "arhivar <command> --help" for a command's options.
exit codes: 0 ok, 1 content problems, 2 bad command line, 3 internal failure`,
  build: `usage: arhivar build [--root DIR] [--out DIR] [--future]

Reads content/, checks every file, and writes the site into dist/ (or --out). Nothing in dist/
changes unless the whole build succeeds.

  --root DIR   project folder (default: the current folder)
  --out DIR    output folder relative to the project (default: dist)
  --future     also publish articles dated in the future`,
  people: `usage: arhivar people <article.md> [--root DIR]
       arhivar people --suggest [--limit N] [--root DIR]

<article.md>  each person the article is tagged with: listed in people:, or found in the title,
              summary or text, with the words that matched, their line numbers and why (full name,
              surname, possessive, alias), and whether notPeople: drops them.
--suggest     capitalised names in all articles that match nobody in content/people/, grouped by
              their likely base form and counted, most frequent first.

  --root DIR   project folder (default: the current folder)
  --limit N    how many suggestions to print (default: 50)`,
};

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main!);
    return command ? EXIT.ok : EXIT.usage;
  }
  try {
    switch (command) {
      case 'build':
        return await runBuild(rest, io);
      case 'people':
        return await runPeople(rest, io);
      default:
        io.err(`unknown command "${command}"\n\n${HELP.main}`);
        return EXIT.usage;
    }
  } catch (error) {
    const known = toArhivarErrors(error);
    if (known) {
      printProblems(known, io);
      return EXIT.content;
    }
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${HELP[command] ?? HELP.main}`);
      return EXIT.usage;
    }
    io.err(`arhivar failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.internal;
  }
}

export class UsageError extends Error {}

type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export function parse(args: readonly string[], options: ParseArgsOptionsConfig): { values: OptionValues; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as {
      values: OptionValues;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function printProblems(errors: readonly ArhivarError[], io: Io): void {
  for (const error of errors) io.err(`${formatError(error)}\n`);
  io.err(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} found; nothing was written.`);
}

function printWarnings(warnings: readonly ArhivarError[], io: Io): void {
  for (const warning of warnings) io.err(`warning: ${formatError(warning)}\n`);
}

async function runBuild(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, { root: { type: 'string' }, out: { type: 'string' }, future: { type: 'boolean' } });
  if (values.help) {
    io.out(HELP.build!);
    return EXIT.ok;
  }
  const root = path.resolve(String(values.root ?? '.'));
  const result = await build({ root, outDir: values.out as string | undefined, includeFuture: Boolean(values.future) });
  printWarnings(result.model.warnings, io);
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  io.out(`built ${formatCount(result.pagesWritten)} pages from ${formatCount(result.model.archive.articles.length)} ${result.model.archive.articles.length === 1 ? 'article' : 'articles'} in ${seconds} s`);
  return EXIT.ok;
}

async function runPeople(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { root: { type: 'string' }, suggest: { type: 'boolean' }, limit: { type: 'string' } });
  if (values.help) {
    io.out(HELP.people!);
    return EXIT.ok;
  }
  const root = path.resolve(String(values.root ?? '.'));
  if (values.suggest) {
    if (positionals.length > 0) throw new UsageError('--suggest reads every article; give no file with it');
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, not "${String(values.limit)}"`);
    for (const line of formatSuggestions(await suggestNames(root), limit)) io.out(line);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give one article file, such as content/articles/2025/witkoff.md, or --suggest');
  for (const line of formatExplanation(await explainArticle(root, positionals[0]!))) io.out(line);
  return EXIT.ok;
}
