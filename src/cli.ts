import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setFlagsFromString } from 'node:v8';
// Each command's own modules are imported when it runs (`await import`): they bring packages (remark, YAML,
// zod, Preact, Vite) that cost tens of milliseconds each to load, and `arhivar build` with nothing changed
// needs none of them. src/bin/code.js bundles such modules as chunks of their own.
import { buildUnlessUnchanged } from './pipeline/unchanged.ts';
import type { HeldBack } from './build.ts';
import { formatLjubljanaMinute } from './text/sl.ts';
import type { LockCommand, LockHolder } from './output/build-lock.ts';
import { formatError, hintsOnce, showControlCharacters, systemProblem, toArhivarErrors, UsageError, warningsOf, WARNINGS_WAIT_FOR_FIXES, ArhivarError } from './errors.ts';
import { startProgressLine } from './commands/progress.ts';
import { nearest } from './text/levenshtein.ts';
import { builtBasePath, startStaticServer } from './dev/static-server.ts';
import { nextFreePort } from './dev/free-port.ts';
import { startedByNpm, whenParentEnds } from './process.ts';
import { problemsFoundLine } from './bin/problems-found.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
const formatCount = (value: number) => value.toLocaleString('en-US');

/**
 * `arhivar <command>`: prints what happened and returns the exit code.
 *   0  success
 *   1  the content has problems (all of them are printed), a template, client script or stylesheet has a
 *      mistake, a link is broken, a file already exists, or preview has no built site to serve
 *   2  the command line is wrong
 *   3  arhivar itself failed (a bug or an I/O error)
 *   141  the reader of the output closed it (`| head`), as for a Unix tool killed by SIGPIPE
 */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3, closedPipe: 141 } as const;

/**
 * A reader that stops reading (`arhivar people --suggest | head -1`) closes the pipe, and the next write to
 * it fails with EPIPE, emitted on the stream: with no listener that ended the process with a stack trace.
 * Unix tools end quietly there, killed by SIGPIPE (which Node ignores), and the shell reports 128 + 13 =
 * 141; arhivar exits the same way. Any other error on the stream is thrown as before.
 */
export function endQuietlyWhenPipeCloses(stream: NodeJS.WritableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(EXIT.closedPipe);
  });
}

/** The commands main() runs, for the one a mistyped command probably is. */
const COMMANDS = ['build', 'dev', 'preview', 'new', 'import', 'check', 'people'];

/**
 * Each command's options, in one table: an option given to a command that does not take it (dev --out, new
 * --date) is told as another command's, where the nearest option of its own (dev --port for --out) would be
 * a wrong guess.
 */
const COMMAND_OPTIONS = {
  build: { root: { type: 'string' }, out: { type: 'string' }, future: { type: 'boolean' } },
  check: { root: { type: 'string' }, out: { type: 'string' }, future: { type: 'boolean' } },
  dev: { port: { type: 'string' }, root: { type: 'string' }, future: { type: 'boolean' } },
  preview: { port: { type: 'string' }, root: { type: 'string' }, out: { type: 'string' } },
  people: { root: { type: 'string' }, suggest: { type: 'boolean' }, limit: { type: 'string' } },
  new: { people: { type: 'string' }, tags: { type: 'string' }, slug: { type: 'string' }, root: { type: 'string' } },
  import: { date: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, root: { type: 'string' } },
} as const satisfies Record<string, ParseArgsOptionsConfig>;

type Command = keyof typeof COMMAND_OPTIONS;

const HELP: Record<string, string> = {
  main: `arhivar: a static news-archive generator for Slovenian newsrooms

usage: arhivar <command> [options]

commands:
  build      build the site from content/ into dist/
  dev        serve the site while you edit, reloading the browser on every change
  preview    serve the built dist/ as a static host would
  new        start a new article with today's date
  import     turn plain-text articles into content articles
  check      check all content and the links of the last build, without changing them
  people     show who an article is tagged with and why; --suggest names missing from content/people/

Run "arhivar <command> --help" for a command's options.

exit codes:
    0  success
    1  content problems (every one is printed), a mistake in a template, client script or stylesheet,
       a broken link, a file that already exists, or no built site for preview to serve
    2  the command line is wrong (unknown command or option, missing argument)
    3  arhivar itself failed (a bug, or the disk or network refused)
  141  the program reading the output stopped (| head); arhivar ends quietly`,
  build: `usage: arhivar build [--root DIR] [--out DIR] [--future]

Reads content/, checks every file, and writes the site into dist/ (or --out). Nothing in dist/
changes unless the whole build succeeds.

  --root DIR   project folder (default: the current folder)
  --out DIR    output folder relative to the project (default: dist); a folder of its own, replaced
               whole by each build, so new, empty or arhivar's own site: never the project, a folder
               holding it, content/ and the like, or a folder of other files
  --future     also publish articles dated in the future`,
  people: `usage: arhivar people <article.md> [--root DIR]
       arhivar people --suggest [--limit N] [--root DIR]

<article.md>  each person the article is tagged with: listed in people:, or found in the title,
              summary or text, with the words that matched, their line numbers and why (full name,
              surname, possessive, alias), and whether notPeople: drops them.
--suggest     capitalised names in all articles that match nobody in content/people/, one line per
              person in the nominative (or as written, marked unsure), counted, most
              frequent first, with the forms seen and the articles.

  --root DIR   project folder (default: the current folder)
  --limit N    how many suggestions to print (default: 50)`,
  dev: `usage: arhivar dev [--port N] [--root DIR] [--future]

Serves the site at http://127.0.0.1:5173/ (or --port), rendering each page when it is asked for, so
the server is up at once however large the archive. Without .cache/ (a fresh checkout) the home page
comes as soon as the files are read and the newest articles rendered, the other pages once all are
(the browser reloads if a problem found later changes the home page). Edits to content/,
templates/ and the CSS reload the browser; content problems show as a page with file, line and hint until
they are fixed. Drafts are shown. Stop with Ctrl+C.

  --port N     port to listen on (default 5173, or the next free one; a port given here must be free)
  --root DIR   project folder (default: the current folder)
  --future     also show articles dated in the future`,
  preview: `usage: arhivar preview [--port N] [--root DIR] [--out DIR]

Serves the built site in dist/ (or --out) at http://127.0.0.1:4173/ exactly as a static host would:
folders serve their index.html, a missing page gets 404.html with status 404. Run arhivar build first.

  --port N     port to listen on (default 4173)
  --root DIR   project folder (default: the current folder)
  --out DIR    built site folder relative to the project (default: dist)`,
  new: `usage: arhivar new "Naslov članka" [--people "Ime Priimek, …"] [--tags "oznaka, …"] [--slug SLUG] [--root DIR]

Writes content/articles/YYYY/<slug>.md with today's date in Ljubljana and the front matter filled in.
An existing file is never replaced, and an article already at today's address of the slug is named.

  --people LIST  names for the people: list, separated by commas (or semicolons); a name no person file has is warned about
  --tags LIST    tags, separated by commas (or semicolons)
  --slug SLUG    the last part of the address, instead of the one made from the title
  --root DIR     project folder (default: the current folder)`,
  import: `usage: arhivar import <file.txt|folder> [--date DATE] [--title TITLE] [--slug SLUG] [--root DIR]

Turns plain-text articles into content/articles/YYYY/<slug>.md: every non-empty line becomes a
paragraph, a short line without final punctuation a ## crosshead. The title is --title, or a first
line without final punctuation, or the first sentence; the date is --date or the file's modification
time; people are the registry's names found in the text. Existing files are never replaced, and an
article already at the address of the date and slug is named. A folder imports every .txt file in it
and in its subfolders (names starting with . are skipped), and reports each Word, LibreOffice, RTF or
PDF document there as one to save as plain text.

  --date DATE    2025-12-22 or 2025-12-22T18:30 (Europe/Ljubljana)
  --title TITLE  the article's title (a file, or a folder holding one .txt file)
  --slug SLUG    the last part of the address and the file name, instead of the one made from the title
  --root DIR     project folder (default: the current folder)`,
  check: `usage: arhivar check [--root DIR] [--out DIR] [--future]

Checks every content file as the build does, and every internal link in an existing dist/ (or --out),
and prints all problems at once. Writes nothing in content/ or dist/ (like a build, it keeps what it
validated and rendered in .cache/), and waits for a build of the site that is running.

  --root DIR   project folder (default: the current folder)
  --out DIR    built site to check links in (default: dist)
  --future     check as if articles dated in the future were published`,
};

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the live progress line goes; drawn only when it is a terminal. */
  progress?: { isTTY?: boolean; write: (text: string) => unknown };
  /** Resolves when a long-running command (dev, preview) should stop; by default on Ctrl+C, SIGTERM, SIGHUP (its terminal closed) or, started by npm run, the end of its parent process. */
  untilStopped?: () => Promise<void>;
  /** The environment, where npm run leaves the options it kept for itself; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** How long `build` lets one article's or bio's Markdown render; ARTICLE_TIME_LIMIT_MS by default. A test of the limit sets it lower than it waits. */
  markdownTimeLimitMs?: number;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr,
  untilStopped: () =>
    new Promise((resolve) => {
      const stop = () => {
        unwatch();
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // A closed terminal: by default the process ends at once, leaving its .cache/ reader files (pipeline/blob-log.ts).
      process.once('SIGHUP', stop);
      const unwatch = startedByNpm(process.env)
        ? whenParentEnds((parent) => {
            process.stderr.write(`the process that started arhivar (pid ${parent}) has ended, so arhivar stops as on Ctrl+C\n`);
            stop();
          })
        : () => {};
    }),
};

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main!);
    return command ? EXIT.ok : EXIT.usage;
  }
  try {
    if (Object.hasOwn(COMMAND_OPTIONS, command)) refuseOptionsNpmKept(command as Command, rest, io.env ?? process.env);
    switch (command) {
      case 'build':
        return await runBuild(rest, io);
      case 'people':
        return await runPeople(rest, io);
      case 'dev':
        return await runDev(rest, io);
      case 'preview':
        return await runPreview(rest, io);
      case 'new':
        return await runNew(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'check':
        return await runCheck(rest, io);
      default:
        const meant = nearest(command, COMMANDS);
        io.err(`unknown command "${command}"${meant === undefined ? '' : `; did you mean ${meant}?`}\n\n${HELP.main}`);
        return EXIT.usage;
    }
  } catch (error) {
    const known = toArhivarErrors(error);
    if (known) {
      printProblems(known, io, warningsOf(error), command);
      return EXIT.content;
    }
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${HELP[command] ?? HELP.main}`);
      return EXIT.usage;
    }
    // A full disk or a missing permission is the machine's, not arhivar's: said plainly, without a stack.
    const refused = systemProblem(error, rootArgument(rest), {
      outcome: command === 'build' ? 'the output folder holds a whole site: the last good build, or this one if it got as far as publishing' : undefined,
      onAnotherPort: await onAnotherPort(command, rest, error),
    });
    if (refused) {
      io.err(`${formatError(refused)}\n`);
      return EXIT.internal;
    }
    // Code at a template's top level runs as the command imports the templates, outside any page's render
    // (output/publish.ts turns a render's exception into template/failed): its line is found the same way.
    const loading = await templateLoadProblem(error);
    if (loading) {
      printProblems([loading], io, [], command);
      return EXIT.content;
    }
    io.err(`arhivar failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.internal;
  }
}

/** An unexpected exception as template/failed at the template line it came from, when one of its frames leads there. */
async function templateLoadProblem(error: unknown): Promise<ArhivarError | undefined> {
  const [{ findTemplateLine }, { loadProblem }] = await Promise.all([import('./output/template-line.ts'), import('./render/render-problem.ts')]);
  const at = await findTemplateLine(error);
  return at ? loadProblem(error, at) : undefined;
}

/**
 * For a port dev or preview found taken, the line to type to serve on another, with the options it was given:
 * npm run preview -- --port 4174 --out dist2. The port is the first free one after it, when one of the next few is.
 */
async function onAnotherPort(command: string, args: readonly string[], error: unknown): Promise<string | undefined> {
  const failure = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (failure?.code !== 'EADDRINUSE' || (command !== 'dev' && command !== 'preview')) return undefined;
  const { values } = parse(args, command);
  const taken = failure.port ?? portOf(values, command === 'dev' ? DEV_PORT : PREVIEW_PORT);
  const free = await nextFreePort(taken, failure.address ?? '127.0.0.1');
  const kept = folderOptions(values);
  if (values.future) kept.push('--future');
  return `npm run ${command} -- ${[`--port ${free ?? 'N'}`, ...kept].join(' ')}${free === undefined ? ', with N a port no other program uses' : ''}`;
}

/** The --root and --out a command was given, as the line to type repeats them (`--root ../x --out izdaja`). */
function folderOptions(values: OptionValues): string[] {
  return (['root', 'out'] as const).flatMap((name) => (values[name] === undefined ? [] : [`--${name} ${quotedIfNeeded(String(values[name]))}`]));
}

/** The --root of a command line (the current folder without one), to name files in an error relative to it. */
function rootArgument(args: readonly string[]): string {
  const at = args.findIndex((arg) => arg === '--root' || arg.startsWith('--root='));
  const given = at < 0 ? undefined : args[at]!.startsWith('--root=') ? args[at]!.slice('--root='.length) : args[at + 1];
  return path.resolve(given ?? '.');
}

type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export function parse(args: readonly string[], command: Command): { values: OptionValues; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options: { ...COMMAND_OPTIONS[command], help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as {
      values: OptionValues;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError(unknownOptionMessage(error, command) ?? (error instanceof Error ? error.message : String(error)));
  }
}

/**
 * parseArgs answers an unknown option with advice to pass it as an argument after -- (`-- "--futur"`), which is
 * no answer to a mistyped option, and to a command that takes no arguments a wrong one: the commands it is an
 * option of are named instead, or else the option probably meant. Without either, a command that takes
 * arguments keeps the advice (a title `-5`).
 */
function unknownOptionMessage(error: unknown, command: Command): string | undefined {
  if (!(error instanceof Error) || (error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  const written = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (written === undefined) return undefined;
  const name = written.startsWith('--') ? written.slice(2).split('=')[0]! : undefined;
  const owners = name === undefined ? [] : (Object.keys(COMMAND_OPTIONS) as Command[]).filter((other) => Object.hasOwn(COMMAND_OPTIONS[other], name));
  if (owners.length > 0) return `arhivar ${command} takes no --${name}: it is an option of ${listed(owners)}`;
  const meant = name === undefined ? undefined : nearest(name, Object.keys(COMMAND_OPTIONS[command]));
  if (meant !== undefined) return `unknown option ${written}; did you mean --${meant}?`;
  return command in FOLDER_OPTION ? `unknown option ${written}: arhivar ${command} takes the options below` : undefined;
}

/**
 * npm run keeps an option written before -- for itself and leaves it in the script's environment as
 * npm_config_<name>: `npm run build --future` built without --future, and `npm run build --root=../stran`
 * built the current folder, both with exit code 0. Such an option is refused with the line to write. An option
 * npm took without its value (`npm run dev --port 4000`, npm_config_port=true) passed the value on as an
 * argument, which the command refuses with its own advice. A switch npm kept as off (`--no-future`,
 * `--future=false`: npm_config_future="") is what the command does without it, and was told to be written on.
 */
function refuseOptionsNpmKept(command: Command, args: readonly string[], env: NodeJS.ProcessEnv): void {
  if (env.npm_lifecycle_event !== command || args.includes('--help') || args.includes('-h')) return;
  const options: Readonly<Record<string, { type: string }>> = COMMAND_OPTIONS[command];
  const given = (name: string) => args.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  const kept = Object.entries(options).flatMap(([name, { type }]) => {
    const value = env[`npm_config_${name}`];
    if (value === undefined || given(name)) return [];
    if (type === 'boolean') return value === '' ? [] : [`--${name}`];
    return value === 'true' ? [] : [`--${name} ${quotedIfNeeded(value)}`];
  });
  // An option that takes a value, kept as "true": npm took it without its value and passed that on as an argument.
  // A command that takes no arguments tells such a value for one; to `new` and `import` it is one more argument.
  const lost = Object.entries(options).flatMap(([name, { type }]) => (type === 'string' && env[`npm_config_${name}`] === 'true' && !given(name) ? [`--${name}`] : []));
  const argument = ONE_ARGUMENT[command];
  if (argument !== undefined) {
    // A value passed on beside the title or file is a second argument; which of the two it is cannot be told.
    const words = lost.length > 0 ? strayArguments(command, args) : [];
    if (words.length > 1) {
      const values = listed(words.map((index) => quotedIfNeeded(args[index]!)));
      throw new UsageError(
        `npm run took ${listed([...kept.map((option) => option.split(' ')[0]!), ...lost])} for itself, as it takes every option written before --, and passed the value${lost.length === 1 ? '' : 's'} of ${listed(lost)} on among the arguments ${values}, which cannot be told apart, so arhivar ${command} did not get ${kept.length + lost.length === 1 ? 'it' : 'them'}: write npm run ${command} -- and after it ${argument}, and ${listed(lost)} ${lost.length === 1 ? '' : 'each '}followed by its value${kept.length > 0 ? `, and ${kept.join(' ')}` : ''}`,
      );
    }
  }
  const strays = lost.length > 0 && command in FOLDER_OPTION ? strayArguments(command, args) : [];
  if (strays.length === 0) {
    if (kept.length === 0) return;
    const written = kept.join(' ');
    const line = [...args.map(quotedIfNeeded), written].join(' ');
    throw new UsageError(`npm run took ${written} for itself, as it takes every option written before --, so arhivar ${command} did not get ${kept.length === 1 ? 'it' : 'them'}: write npm run ${command} -- ${line}`);
  }
  const took = `npm run took ${listed([...kept.map((option) => option.split(' ')[0]!), ...lost])} for itself, as it takes every option written before --`;
  const them = kept.length + lost.length === 1 ? 'it' : 'them';
  const others = args.filter((_, index) => !strays.includes(index)).map(quotedIfNeeded);
  if (lost.length === 1 && strays.length === 1) {
    const line = [lost[0], quotedIfNeeded(args[strays[0]!]!), ...others, ...kept].join(' ');
    throw new UsageError(`${took}, and passed the value of ${lost[0]} on as an argument, so arhivar ${command} did not get ${them}: write npm run ${command} -- ${line}`);
  }
  // Which value was whose cannot be told: npm leaves the options it took in the environment, unordered.
  const values = listed(strays.map((index) => quotedIfNeeded(args[index]!)));
  const rest = [...others, ...kept];
  throw new UsageError(
    `${took}, and passed the value${lost.length === 1 ? '' : 's'} of ${listed(lost)} on among the arguments ${values}, which cannot be told apart, so arhivar ${command} did not get ${them}: write npm run ${command} -- and after it ${listed(lost)} ${lost.length === 1 ? '' : 'each '}followed by its value${rest.length > 0 ? `, and ${rest.join(' ')}` : ''}`,
  );
}

/** The indexes in `args` of the arguments that are no option and no option's value. */
function strayArguments(command: Command, args: readonly string[]): number[] {
  const { tokens } = parseArgs({ args: [...args], options: COMMAND_OPTIONS[command], allowPositionals: true, strict: false, tokens: true });
  return tokens.flatMap((token) => (token.kind === 'positional' ? [token.index] : []));
}

/** A word of a command line as a shell takes it: in quotes when it has a space or another character the shell reads. */
function quotedIfNeeded(word: string): string {
  return /^[\w./:=@,+-]+$/.test(word) ? word : JSON.stringify(word);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The one argument of a command that takes one, as the line to write names it. */
const ONE_ARGUMENT: Readonly<Partial<Record<Command, string>>> = { new: 'the title, in quotes', import: 'the file or folder' };

/**
 * What a folder given as an argument to a command that takes only options means, as its option. Such an argument
 * (arhivar build ../stran, as other generators take a folder) was ignored: the project in the current folder was
 * built or served instead, with exit code 0.
 */
const FOLDER_OPTION: Readonly<Record<string, { means: string; option: string }>> = {
  build: { means: 'to build the project in that folder', option: '--root' },
  check: { means: 'to check the project in that folder', option: '--root' },
  dev: { means: 'to serve the project in that folder', option: '--root' },
  preview: { means: 'to serve a site built into that folder', option: '--out' },
};

/**
 * Parses the options of a command that takes no arguments, and refuses an argument, with the option it may be
 * meant as; npm run keeps an option before -- for itself, so its form is given too.
 */
function parseOptionsOnly(command: Command, args: readonly string[]): OptionValues {
  const { values, positionals } = parse(args, command);
  const given = positionals[0];
  if (given === undefined || values.help) return values;
  // A number to dev or preview is a port: npm run dev --port 4000, without --, keeps --port and passes 4000 on.
  const port = 'port' in COMMAND_OPTIONS[command] && /^\d+$/.test(given);
  const { means, option } = port ? { means: 'to serve on that port', option: '--port' } : FOLDER_OPTION[command]!;
  const written = `${option} ${port ? given : JSON.stringify(given)}`;
  throw new UsageError(`arhivar ${command} takes no arguments, only options: "${given}" would be ignored; ${means}, write ${written} (npm run ${command} -- ${written})`);
}

/** The problems, their count with what `command` left undone (problemsFoundLine), and then the warnings. */
export function printProblems(errors: readonly ArhivarError[], io: Io, warnings: readonly ArhivarError[] = [], command = 'build'): void {
  for (const error of hintsOnce(errors)) io.err(`${formatError(error)}\n`);
  io.err(problemsFoundLine(errors.length, command));
  printWarningsAfterProblems(warnings, io);
}

function printWarnings(warnings: readonly ArhivarError[], io: Io): void {
  listWarnings(warnings, io);
  const tally = warningTally(warnings);
  if (tally) io.err(tally);
}

function listWarnings(warnings: readonly ArhivarError[], io: Io): void {
  for (const warning of hintsOnce(warnings)) io.err(`warning: ${formatError(warning)}\n`);
}

/**
 * From TALLIED_WARNINGS on, a last line counting the warnings by code, most first: a warning takes three or four
 * lines, so a dozen fill a terminal, and 2,000 of one kind (articles imported in the hour the clocks skip) went by
 * with nothing to say how many there were, or whether one of another kind was among them.
 */
const TALLIED_WARNINGS = 10;

export function warningTally(warnings: readonly ArhivarError[]): string | undefined {
  if (warnings.length < TALLIED_WARNINGS) return undefined;
  const byCode = new Map<string, number>();
  for (const warning of warnings) byCode.set(warning.code, (byCode.get(warning.code) ?? 0) + 1);
  const kinds = [...byCode].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
  return `${counted(warnings.length, 'warning')}: ${kinds.map(([code, count]) => `${formatCount(count)} ${code}`).join(', ')}`;
}

/**
 * The warnings a failed run found, after its problems and their count, as a build that succeeds prints them:
 * told now, they do not wait for the run after the fix. A file that a problem keeps from being read has
 * none yet.
 */
export function printWarningsAfterProblems(warnings: readonly ArhivarError[], io: Io): void {
  if (warnings.length === 0) return;
  io.err('');
  listWarnings(warnings, io);
  io.err(
    `${counted(warnings.length, 'warning')} as well, which alone would not stop a build; ${WARNINGS_WAIT_FOR_FIXES}.`,
  );
}

async function runBuild(args: readonly string[], io: Io): Promise<number> {
  const values = parseOptionsOnly('build', args);
  if (values.help) {
    io.out(HELP.build!);
    return EXIT.ok;
  }
  const root = path.resolve(String(values.root ?? '.'));
  const renderTimeLimitMs = renderTimeLimitOf(io.env ?? process.env);
  const progress = startProgressLine(io.progress ?? { isTTY: false, write: () => undefined });
  let result;
  try {
    result = await buildUnlessUnchanged({
      root,
      renderTimeLimitMs,
      outDir: values.out as string | undefined,
      includeFuture: Boolean(values.future),
      markdownTimeLimitMs: io.markdownTimeLimitMs,
      onProgress: progress?.update,
      onWaitForOtherBuild: (holder, lockPath) => io.err(waitingMessage('build', root, holder, lockPath)),
    });
  } finally {
    progress?.stop();
  }
  printWarnings(result.warnings, io);
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  const articles = `${formatCount(result.articles)} ${result.articles === 1 ? 'article' : 'articles'}`;
  io.out(
    result.unchanged
      ? `nothing changed since the last build: ${formatCount(result.pagesWritten)} pages from ${articles}, checked in ${seconds} s`
      : `built ${formatCount(result.pagesWritten)} pages from ${articles} in ${seconds} s`,
  );
  if (result.heldBack) io.out(heldBackMessage(result.heldBack));
  return EXIT.ok;
}

/**
 * ARHIVAR_RENDER_TIME_LIMIT_MS: how long a build lets one page render, in milliseconds, instead of
 * BUILD_RENDER_TIME_LIMIT_MS (output/render-watchdog.ts); the tests set it low.
 */
function renderTimeLimitOf(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.ARHIVAR_RENDER_TIME_LIMIT_MS;
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`ARHIVAR_RENDER_TIME_LIMIT_MS is "${value}": set it to a whole number of milliseconds above 0 (60000, a minute, is the limit without it), or unset it`);
  return Number(value);
}

/**
 * The line that tells which articles wait for their date, so none is missing from the site unnoticed: after
 * a build, and after each load of the dev server, where one is simply not shown.
 */
export function heldBackMessage({ count, next, nextFile: file }: HeldBack, command: 'build' | 'dev' = 'build'): string {
  const due = `${formatLjubljanaMinute(next)} Ljubljana time`;
  // A file name is content, and may hold what a terminal obeys (ESC [ 2 J, a window title), as problems may.
  const nextFile = showControlCharacters(file);
  if (command === 'dev') {
    return count === 1
      ? `1 article is dated in the future and not shown: ${nextFile}, due ${due}. npm run dev -- --future shows it.`
      : `${formatCount(count)} articles are dated in the future and not shown; the first, ${nextFile}, is due ${due}. npm run dev -- --future shows them.`;
  }
  if (count === 1) {
    return `1 article is dated in the future and waits for its date: ${nextFile}, due ${due}. The first build from then on publishes it; npm run build -- --future includes it now.`;
  }
  return (
    `${formatCount(count)} articles are dated in the future and wait for their dates; the first, ${nextFile}, is due ${due}. ` +
    'Each is published by the first build after its date; npm run build -- --future includes them now.'
  );
}

/**
 * What `arhivar build` or `check` says while another build or check of the same site holds its output
 * folder; and how to go on if none runs.
 */
function waitingMessage(waiting: LockCommand, root: string, holder: LockHolder | undefined, lockPath: string): string {
  const holding = holder?.command ?? 'build';
  const who = holder ? ` (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, started ${formatClock(holder.startedAt)})` : '';
  const lock = path.relative(root, lockPath) || lockPath;
  const other = holding === waiting ? `another ${holding}` : holding === 'check' ? 'arhivar check' : 'a build';
  const before = waiting === 'check' ? ' before checking the links of the built site' : '';
  return `waiting for ${other} of this site to finish${who}${before}; if no ${holding} is running, delete the folder ${lock} and ${waiting === 'build' ? 'build' : 'check'} again`;
}

function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-GB');
}

async function runPeople(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, 'people');
  if (values.help) {
    io.out(HELP.people!);
    return EXIT.ok;
  }
  const root = path.resolve(String(values.root ?? '.'));
  const { explainArticle, formatExplanation, formatSuggestions, suggestNames } = await import('./commands/people.ts');
  if (values.suggest) {
    if (positionals.length > 0) throw new UsageError('--suggest reads every article; give no file with it');
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, not "${String(values.limit)}"`);
    for (const line of formatSuggestions(await suggestNames(root), limit)) io.out(showControlCharacters(line));
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give one article file, such as content/articles/2025/witkoff.md, or --suggest');
  // An empty path is the current folder to path.resolve, which answered "there is no article file " (a
  // shell variable left empty, or npm run people "" without --).
  if (positionals[0]!.trim() === '') throw new UsageError(`the article file is empty ("${positionals[0]}"): give one, such as content/articles/2025/witkoff.md, or --suggest`);
  // Names and words quoted from content, shown as problems show them (formatError).
  for (const line of formatExplanation(await explainArticle(root, positionals[0]!))) io.out(showControlCharacters(line));
  return EXIT.ok;
}

const counted = (count: number, noun: string) => `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;

function rootOf(values: OptionValues): string {
  return path.resolve(String(values.root ?? '.'));
}

/** The ports dev and preview serve on without --port (Vite's own). */
const DEV_PORT = 5173;
const PREVIEW_PORT = 4173;

function portOf(values: OptionValues, fallback: number): number {
  if (values.port === undefined) return fallback;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
  return port;
}

/** How far the dev server's heap may grow past what survived its last full collection, in per cent. */
const DEV_HEAP_GROWING_PERCENT = 50;

/**
 * Vite's Rust side (rolldown and Oxc, in @rolldown/binding-*) allocates with mimalloc, which by default commits
 * each 1 GiB arena it reserves at once, so what Oxc touched while transforming the templates stayed resident for
 * the whole session: 82 MiB of a dev session's 500 at 10,000 articles, as much on a small site (README, "Where
 * the memory goes"). Committed as used, it is given back. mimalloc reads its options when the binding is loaded,
 * so this comes before Vite is imported; a value set by whoever started arhivar is kept.
 */
function keepVitesNativeMemoryLean(env: NodeJS.ProcessEnv = process.env): void {
  env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
}

async function runDev(args: readonly string[], io: Io): Promise<number> {
  const values = parseOptionsOnly('dev', args);
  if (values.help) {
    io.out(HELP.dev!);
    return EXIT.ok;
  }
  keepVitesNativeMemoryLean();
  const { startDevServer } = await import('./dev/server.ts');
  let reloading = false;
  // The address printed last: an edit of baseUrl in content/site.yaml moves the site to its path on the next load,
  // and the tab opened at the address printed at start showed only a 404 page outside it.
  let shown: URL | undefined;
  const server = await startDevServer({
    root: rootOf(values),
    port: portOf(values, DEV_PORT),
    strictPort: values.port !== undefined,
    includeFuture: Boolean(values.future),
    onLoad: (report) => {
      // From the first reload on. V8 lets the heap grow to up to four times what survived its last full
      // collection, and every reload makes the site's model anew (about 300 MB at 100,000 articles): quick
      // edits, such as an editor's autosave, stacked the old models up to 2.9 GB before one was collected.
      // A fixed factor holds such a session near 1.5 GB, and its edits show sooner (README, "How it
      // performs"). Not for the first load, whose workers run like a cold build's, nor for builds: a fixed
      // factor costs them CPU time.
      if (!reloading) setFlagsFromString(`--heap-growing-percent=${DEV_HEAP_GROWING_PERCENT}`);
      reloading = true;
      if (report.failure !== undefined) io.err(`loading the site failed: ${report.failure instanceof Error ? (report.failure.stack ?? report.failure.message) : String(report.failure)}`);
      else if (report.errors.length > 0) {
        for (const error of hintsOnce(report.errors)) io.err(`${formatError(error)}\n`);
        io.err(report.errors.length === 1 ? '1 problem: the browser shows it until it is fixed.' : `${report.errors.length} problems: the browser shows them until they are fixed.`);
        printWarningsAfterProblems(report.warnings, io);
      } else {
        printWarnings(report.warnings, io);
        io.out(`loaded ${formatCount(report.articles)} ${report.articles === 1 ? 'article' : 'articles'} in ${(report.elapsedMs / 1000).toFixed(1)} s`);
        if (report.heldBack) io.out(heldBackMessage(report.heldBack, 'dev'));
        // The dev server gives no article/address-changed, and sends the browser on: without a word the editor would
        // not learn that the published site does not.
        for (const { file, from, to } of report.moved ?? []) {
          io.out(`${file} is now at ${to}: the browser is sent there from ${from} while npm run dev runs; on the published site that address leads to the 404 page unless redirectFrom: lists it (npm run build says so, article/address-changed)`);
        }
      }
      if (shown && shown.pathname !== report.basePath) {
        shown = new URL(report.basePath, shown);
        io.out(`arhivar dev: baseUrl in content/site.yaml moved the site: serving ${shown.href} (Ctrl+C stops)`);
      }
    },
    onTemplateFailure: (problem) => io.err(`${formatError(problem)}\n`),
    onStylesheetWarnings: (warnings) => printWarnings(warnings, io),
    // The pages render again and the browser reloads after such a save too, so the change looks applied.
    onRestartNeeded: (file) => io.err(`${file} changed: npm run dev runs the code it started with, all but the templates and what they import; stop it (Ctrl+C) and start it again to apply the change`),
  });
  shown = new URL(server.url);
  io.out(`arhivar dev: serving ${server.url} (Ctrl+C stops)`);
  await (io.untilStopped ?? defaultIo.untilStopped!)();
  await server.close();
  return EXIT.ok;
}

async function runPreview(args: readonly string[], io: Io): Promise<number> {
  const values = parseOptionsOnly('preview', args);
  if (values.help) {
    io.out(HELP.preview!);
    return EXIT.ok;
  }
  const dir = path.resolve(rootOf(values), String(values.out ?? 'dist'));
  const exists = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) {
    // Nothing to serve is a state of the project, not a mistake on the command line (exit code 2). The build is
    // given the --root and --out preview was given: without them it builds another folder, or into dist/.
    const options = folderOptions(values);
    io.err(`there is no built site in ${dir}; build it first: npm run build${options.length === 0 ? '' : ` -- ${options.join(' ')}`}`);
    return EXIT.content;
  }
  // Served where it will be published: under the path the build made its links for, which is that of baseUrl in
  // content/site.yaml unless the file changed since (or cannot be read now).
  const [{ readSiteConfig }, { basePathOf }] = await Promise.all([import('./config/site.ts'), import('./site/urls.ts')]);
  const configured = basePathOf((await readSiteConfig(rootOf(values))).baseUrl);
  const built = await builtBasePath(dir);
  const server = await startStaticServer({
    dir,
    port: portOf(values, PREVIEW_PORT),
    basePath: built ?? configured,
    onPathChange: (basePath, url) => io.out(`arhivar preview: ${path.basename(dir)}/ was built again for the path ${basePath}: serving ${url} (Ctrl+C stops)`),
  });
  io.out(`arhivar preview: serving ${dir} at ${server.url} (Ctrl+C stops)`);
  if (built !== undefined && built !== configured) {
    io.out(`note: ${path.basename(dir)}/ was built for the path ${built}, and is served there; content/site.yaml now gives ${configured}: run npm run build to publish under it`);
  }
  await (io.untilStopped ?? defaultIo.untilStopped!)();
  await server.close();
  return EXIT.ok;
}

/** npm run keeps --slug, --people and --tags before -- for itself and passes their values on as words: more than one title. */
const NPM_RUN_NEW_ARGUMENTS = 'with npm run, write -- before the arguments, or npm takes --slug, --people and --tags for itself: npm run new -- "Seja vlade" --slug seja-vlade-2';

async function runNew(args: readonly string[], io: Io): Promise<number> {
  // Asked for by editors who know import --date; parseArgs would advise passing "--date" as the title.
  const options = args.indexOf('--') === -1 ? args : args.slice(0, args.indexOf('--'));
  if (options.some((arg) => arg === '--date' || arg.startsWith('--date='))) {
    throw new UsageError('new has no --date: it dates the article today (in Ljubljana); to date it otherwise, change the date: line of the file it writes, such as date: 2025-12-22 or date: 2025-12-22T14:30');
  }
  // »-5 stopinj zjutraj«: parseArgs reads it as the short options -5, - and so on, and its advice is cut off at the space.
  const dashTitle = options.find((arg) => /^-[^-]/.test(arg) && /\s/.test(arg));
  if (dashTitle !== undefined) {
    throw new UsageError(`"${dashTitle}" begins with -, so it is read as options: write -- before the title, after the options, as in arhivar new -- ${JSON.stringify(dashTitle)}, or npm run new -- -- ${JSON.stringify(dashTitle)}`);
  }
  const { values, positionals } = parse(args, 'new');
  if (values.help) {
    io.out(HELP.new!);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the title, such as arhivar new "Seja vlade"' : `give the title as one argument, in quotes; ${NPM_RUN_NEW_ARGUMENTS}`);
  // An empty shell variable ("$NASLOV") as the title: told as such, not as a title that gives no slug.
  if (positionals[0]!.trim() === '') throw new UsageError('the title is empty: give it in quotes, such as npm run new -- "Seja vlade"');
  const { createArticle, splitList } = await import('./commands/new.ts');
  const result = await createArticle({
    root: rootOf(values),
    title: positionals[0]!,
    people: splitList(values.people as string | undefined),
    tags: splitList(values.tags as string | undefined),
    slug: values.slug as string | undefined,
  });
  io.out(`created ${result.file}`);
  printWarnings(result.warnings, io);
  return EXIT.ok;
}

/** npm run passes options to the script only after --; before it, npm reads --date 2025-12-22 as its own flag and the date as a file. */
const NPM_RUN_ARGUMENTS = 'with npm run, write -- before the arguments, or npm takes --date, --title and --slug for itself: npm run import -- prispevek.txt --date 2025-12-22';

async function runImport(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, 'import');
  if (values.help) {
    io.out(HELP.import!);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`give one plain-text file or folder, such as arhivar import prispevek.txt; ${NPM_RUN_ARGUMENTS}`);
  // To path.resolve an empty path is the current folder, and a folder imports every .txt under it (a project's
  // tests and node_modules too). npm run import --date "" passes one: npm takes --date for itself, the "" is left.
  if (positionals[0]!.trim() === '') throw new UsageError(`the file or folder to import is empty ("${positionals[0]}"); ${NPM_RUN_ARGUMENTS}`);
  const { importPlainText } = await import('./commands/import.ts');
  const report = await importPlainText({
    root: rootOf(values),
    source: path.resolve(positionals[0]!),
    date: values.date as string | undefined,
    title: values.title as string | undefined,
    slug: values.slug as string | undefined,
  });
  for (const article of report.imported) {
    const people = article.people.length > 0 ? article.people.join(', ') : 'none found';
    // The file's name and title come from outside (an agency's folder), as a problem's do (formatError).
    io.out(showControlCharacters(`imported ${article.from} → ${article.file}`));
    io.out(showControlCharacters(`  title: ${article.title}`));
    if (article.author !== undefined) io.out(showControlCharacters(`  author: ${article.author}`));
    if (article.source !== undefined) io.out(showControlCharacters(`  source: ${article.source}`));
    io.out(showControlCharacters(`  date: ${article.date}; ${counted(article.paragraphs, 'paragraph')}, ${counted(article.crossheads, 'crosshead')}${article.listItems > 0 ? `, ${counted(article.listItems, 'list item')}` : ''}; people: ${people}`));
  }
  for (const problem of hintsOnce(report.problems)) io.err(`${formatError(problem)}\n`);
  io.out(`${report.imported.length} imported, ${report.problems.length} not imported`);
  return report.problems.length > 0 ? EXIT.content : EXIT.ok;
}

async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const values = parseOptionsOnly('check', args);
  if (values.help) {
    io.out(HELP.check!);
    return EXIT.ok;
  }
  const { checkSite } = await import('./commands/check.ts');
  const root = rootOf(values);
  const result = await checkSite({
    root,
    outDir: values.out as string | undefined,
    includeFuture: Boolean(values.future),
    onWaitForBuild: (holder, lockPath) => io.err(waitingMessage('check', root, holder, lockPath)),
  });
  if (result.problems.length > 0) {
    printProblems(result.problems, io, result.warnings, 'check');
    return EXIT.content;
  }
  printWarnings(result.warnings, io);
  const throughNotFound = result.firstPageLinks > 0 ? `, ${formatCount(result.firstPageLinks)} of them only through the 404 page` : '';
  const links = result.linksChecked ? `; every internal link in ${result.linksChecked}/ resolves${throughNotFound}` : '; no built site to check links in (run npm run build)';
  // »no problems« alone, right under the warnings, read as if there were none: they are counted first.
  const warned = result.warnings.length > 0 ? `${counted(result.warnings.length, 'warning')} (above), ` : '';
  io.out(`checked ${formatCount(result.articles)} ${result.articles === 1 ? 'article' : 'articles'}: ${warned}no problems${links}`);
  return EXIT.ok;
}
