import path from 'node:path';
import { DIRECTION_FORMATTING } from './text/direction.ts';

/**
 * The one error type arhivar raises for problems a person can fix.
 * `code` is stable (tests and scripts may match on it); `file` is relative to the project root.
 */
export interface ArhivarErrorDetails {
  code: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  hint?: string | undefined;
  cause?: unknown;
}

export class ArhivarError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(details: ArhivarErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ArhivarError';
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.hint = details.hint;
  }
}

/**
 * A mistake on the command line (an unknown option, a --slug that is no slug, a --date that is no date): the CLI
 * prints it with the command's usage and exits 2, not 1, the code of a problem in content. A command throws it for
 * what only it can check, such as a --slug, so that new and import answer one mistake with one exit code.
 */
export class UsageError extends Error {}

/**
 * Thrown when checking content found one or more problems; carries every one of them, and the warnings found
 * in the files that could be read, so an editor learns of those in the same run and not after the fix.
 */
export class ContentErrors extends Error {
  readonly errors: readonly ArhivarError[];
  readonly warnings: readonly ArhivarError[];
  constructor(errors: readonly ArhivarError[], warnings: readonly ArhivarError[] = []) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in content`);
    this.name = 'ContentErrors';
    this.errors = errors;
    this.warnings = warnings;
  }
}

/** Sorts by file then line so a report reads top to bottom like the content tree. */
export function sortErrors(errors: readonly ArhivarError[]): ArhivarError[] {
  return [...errors].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  );
}

/**
 * An exception as `Name: message`, followed by what its causes say (`error.cause`, and theirs): Node's fetch
 * throws »TypeError: fetch failed« and keeps the reason (connect ECONNREFUSED 127.0.0.1:8080, getaddrinfo
 * ENOTFOUND …) in its cause, which a message of the name and message alone left out.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const causes = causesOf(error);
  return `${error.name}: ${error.message}${causes.length > 0 ? ` (cause: ${causes.join('; ')})` : ''}`;
}

/** What each cause in the chain of `error` says, outermost first; a few at most, and a cause seen before ends it. */
export function causesOf(error: Error): string[] {
  const said: string[] = [];
  const seen = new Set<unknown>([error]);
  for (let cause = error.cause; cause !== undefined && cause !== null && !seen.has(cause) && said.length < 4; ) {
    seen.add(cause);
    const text = causeText(cause);
    if (text) said.push(text);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return said;
}

/** A cause's message; an AggregateError (a connection tried on each address of a host) has none, but its errors do. */
function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return typeof cause === 'object' ? '' : String(cause);
  if (cause.message) return cause.message;
  const inner = cause instanceof AggregateError ? cause.errors.filter((each): each is Error => each instanceof Error).map((each) => each.message) : [];
  if (inner.length > 0) return [...new Set(inner)].join(', ');
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/**
 * content/articles/x.md:3  article/bad-date
 *   date "včeraj" is not a date
 *   hint: write 2025-12-22 or 2025-12-22T18:30
 */
export function formatError(error: ArhivarError): string {
  const where = error.file ? `${showControlCharacters(error.file)}${error.line ? `:${error.line}` : ''}  ` : '';
  const lines = [`${where}${showControlCharacters(error.code)}`, `  ${showControlCharacters(error.message)}`];
  if (error.hint) lines.push(`  hint: ${showControlCharacters(error.hint)}`);
  return lines.join('\n');
}

/**
 * The problems with a hint given in full before (the same code and hint, from another file or line) saying
 * »as for <file> above« in its place. An agency's folder of Word documents was refused file by file with the same
 * four-line hint on saving as plain text, and 30 articles naming the same person with no file each printed the
 * same three-line hint. The first of each is printed whole, and a problem alone is unchanged.
 */
export function hintsOnce(problems: readonly ArhivarError[]): ArhivarError[] {
  const firstFile = new Map<string, string>();
  return problems.map((problem) => {
    if (problem.hint === undefined || problem.file === undefined) return problem;
    const key = `${problem.code}\n${problem.hint}`;
    const shown = firstFile.get(key);
    if (shown === undefined) {
      firstFile.set(key, problem.file);
      return problem;
    }
    return new ArhivarError({ code: problem.code, message: problem.message, file: problem.file, line: problem.line, hint: `as for ${shown} above` });
  });
}

/**
 * C0 and C1 control characters and DEL, and the text-direction controls and marks, written as visible escapes
 * (\x1b, \n, \u202e). Messages quote content (an unknown key, a date as written, a file name) and go to a
 * terminal, where ESC [ 2 J clears the screen, ESC ] 0 ; … BEL sets the window title and U+202E shows text
 * backwards; a newline inside a value would fake a line of the report.
 */
const UNSAFE_IN_TERMINAL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f]|${DIRECTION_FORMATTING.source}`, 'g');

export function showControlCharacters(text: string): string {
  return text.replace(UNSAFE_IN_TERMINAL, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\t') return '\\t';
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The warnings that came with a failure (ContentErrors.warnings); none for any other error. */
export function warningsOf(error: unknown): ArhivarError[] {
  return error instanceof ContentErrors ? [...error.warnings] : [];
}

/**
 * A failed load's error with the problems found beside it (what public/ holds that a build refuses) and
 * warnings (a file of public/ it leaves out and tells of), its own warnings kept, so all of them are told in
 * one run; a failure that is no problem of the archive (a bug, a full disk) is left as it is, and so is the
 * error when there is nothing to add.
 */
export function withProblems(error: unknown, problems: readonly ArhivarError[], warnings: readonly ArhivarError[] = []): unknown {
  const known = toArhivarErrors(error);
  if (!known || (problems.length === 0 && warnings.length === 0)) return error;
  return new ContentErrors(sortErrors([...known, ...problems]), warnings.length > 0 ? sortErrors([...warningsOf(error), ...warnings]) : warningsOf(error));
}

export function toArhivarErrors(error: unknown): ArhivarError[] | undefined {
  if (error instanceof ContentErrors) return [...error.errors];
  if (error instanceof ArhivarError) return [error];
  return undefined;
}

/** What the system said, for the refusals a person can do something about; the rest stay unexpected. */
const SYSTEM_PROBLEMS: Record<
  string,
  { code: string; what: string | ((failure: NodeJS.ErrnoException & { address?: string; port?: number }) => string); hint: string | ((context: SystemProblemContext) => string) }
> = {
  ENOSPC: { code: 'system/disk-full', what: 'the disk is full', hint: 'free some space (or build on a disk with room) and run the command again' },
  EDQUOT: { code: 'system/disk-full', what: 'the disk quota is used up', hint: 'free some space within the quota and run the command again' },
  EACCES: { code: 'system/no-permission', what: 'permission denied', hint: 'give the user running arhivar the right to write there, or choose another folder (--out, --root)' },
  EPERM: { code: 'system/no-permission', what: 'the operation is not permitted', hint: 'give the user running arhivar the right to write there, or choose another folder (--out, --root)' },
  EROFS: { code: 'system/read-only', what: 'the file system is read-only', hint: 'run the command on a writable copy of the project, or give --out a writable folder' },
  EMFILE: { code: 'system/too-many-open-files', what: 'too many files are open', hint: 'raise the limit of open files (ulimit -n) and run the command again' },
  ENFILE: { code: 'system/too-many-open-files', what: 'the system has too many files open', hint: 'close other programs or raise the system limit, and run the command again' },
  EIO: { code: 'system/io-error', what: 'the disk reported an input/output error', hint: 'check the disk (it may be failing), then run the command again' },
  EADDRINUSE: {
    code: 'system/port-taken',
    what: (failure) => (failure.address && failure.port !== undefined ? `${failure.address}:${failure.port} is already in use` : 'the port is already in use'),
    hint: ({ onAnotherPort }) =>
      `stop the program that uses it (an arhivar dev or preview still running in another terminal?), or ${onAnotherPort ? `serve on another port: ${onAnotherPort}` : 'choose another port with --port'}`,
  },
};

export interface SystemProblemContext {
  /** What became of the command's work (a build publishes nothing unless it finishes). */
  outcome?: string | undefined;
  /**
   * The line to type to run the command again on another port (npm run dev -- --port 5174), for a port that is
   * taken: only the CLI knows the command and its options.
   */
  onAnotherPort?: string | undefined;
}

/**
 * A system error that a person can act on (a full disk, a missing permission), as an ArhivarError naming
 * the file where the system gave one; undefined for any other error.
 */
export function systemProblem(error: unknown, root: string, context: SystemProblemContext = {}): ArhivarError | undefined {
  const failure = error as NodeJS.ErrnoException | undefined;
  const known = typeof failure?.code === 'string' ? SYSTEM_PROBLEMS[failure.code] : undefined;
  if (!known || !(error instanceof Error)) return undefined;
  const where = failure!.path ? path.relative(root, failure!.path) || failure!.path : undefined;
  const during = failure!.syscall ? `, ${failure!.syscall}` : '';
  const what = typeof known.what === 'string' ? known.what : known.what(failure!);
  return new ArhivarError({
    code: known.code,
    message: `${what} (${failure!.code}${during})${context.outcome ? `; ${context.outcome}` : ''}`,
    file: where,
    hint: typeof known.hint === 'string' ? known.hint : known.hint(context),
    cause: error,
  });
}

/**
 * Said after the warnings of a run that failed (the CLI's output and the dev server's problems page): a file an
 * error keeps from being read has given no warnings yet.
 */
export const WARNINGS_WAIT_FOR_FIXES = 'a file that a problem keeps from being read is checked for warnings once that problem is fixed';
