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

/** Thrown when checking content found one or more problems; carries every one of them. */
export class ContentErrors extends Error {
  readonly errors: readonly ArhivarError[];
  constructor(errors: readonly ArhivarError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in content`);
    this.name = 'ContentErrors';
    this.errors = errors;
  }
}

/** Sorts by file then line so a report reads top to bottom like the content tree. */
export function sortErrors(errors: readonly ArhivarError[]): ArhivarError[] {
  return [...errors].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  );
}

/**
 * content/articles/x.md:3  article/bad-date
 *   date "včeraj" is not a date
 *   hint: write 2025-12-22 or 2025-12-22T18:30
 */
export function formatError(error: ArhivarError): string {
  const where = error.file ? `${error.file}${error.line ? `:${error.line}` : ''}  ` : '';
  const lines = [`${where}${error.code}`, `  ${error.message}`];
  if (error.hint) lines.push(`  hint: ${error.hint}`);
  return lines.join('\n');
}

export function toArhivarErrors(error: unknown): ArhivarError[] | undefined {
  if (error instanceof ContentErrors) return [...error.errors];
  if (error instanceof ArhivarError) return [error];
  return undefined;
}
