import { ArhivarError, describeError } from '../errors.ts';

/**
 * An exception a template threw while `url` was rendered, as a problem the build prints, instead of "arhivar
 * failed unexpectedly" with a stack through .cache/code/ bundles. `at` is the template line it came from,
 * found through the bundle's source maps (output/template-line.ts); without it (no maps to read) the hint
 * sends the developer to the dev server, which shows the line (dev/vite-plugin.ts, templateProblem). The
 * component the stack names first is the one that threw. The message names the page from the site's root, as every
 * problem does; the hint its address in the dev server, under `basePath`, the path the site is served at (site/urls.ts
 * basePathOf): under /arhiv/, /osebe/x/ is answered with the page that says where the site is.
 */
export function renderProblem(error: unknown, url: string, at?: { file: string; line: number }, basePath = '/'): unknown {
  if (error instanceof ArhivarError || !(error instanceof Error)) return error;
  const empty = emptyPageComponent(error);
  if (empty !== undefined) return emptyPageProblem(empty, url, at, 'build again');
  const component = componentOf(error);
  const devAddress = `${basePath}${url.slice(1)}`;
  return new ArhivarError({
    code: 'template/failed',
    message: `${url}: ${describeError(error)}${component ? ` (in ${component})` : ''}`,
    file: at?.file,
    line: at?.line,
    hint:
      undefinedNameHint(error, devAddress, at, 'build') ??
      (at
        ? `a template threw at this line while rendering this page (npm run typecheck names a field that does not exist); fix it and build again, or open ${devAddress} in npm run dev to see the whole stack`
        : `a template threw while rendering this page; open ${devAddress} in npm run dev to see the template's file and line (npm run typecheck names a field that does not exist), fix it and build again`),
    cause: error,
  });
}

/**
 * The hint for a template that used a name it neither imports nor defines (»Kolofn is not defined«), the build's
 * (`build`) and the dev server's (`dev`) alike, or undefined for any other error. Its cause is the import, not a
 * field: the dev server's terminal said only that the browser shows the whole stack. `url` is the page's address in
 * the dev server, its base path included.
 */
export function undefinedNameHint(error: unknown, url: string, at: { file: string; line: number } | undefined, command: 'build' | 'dev'): string | undefined {
  const name = error instanceof Error ? undefinedNameOf(error) : undefined;
  if (name === undefined) return undefined;
  const then = command === 'build' ? 'build again' : 'save, and the page reloads';
  if (at) return `this line uses ${name}, which the template neither imports nor defines: import it at the top of the file (or correct its name) and ${then}; npm run typecheck names every such name`;
  const find = command === 'build' ? `open ${url} in npm run dev to see the template's file and line` : "the browser shows the stack, which names the template's file and line";
  return `a template uses ${name} without importing or defining it; ${find}, import it there (or correct its name) and ${then}; npm run typecheck names every such name`;
}

/** The component a stack names first: the one that threw, or that ran when it was stopped. */
function componentOf(error: Error): string | undefined {
  return /^\s*at (?:Object\.)?([A-Z][\w$]*) /m.exec(error.stack ?? '')?.[1];
}

/**
 * A page whose render the build stopped at its time limit (output/render-watchdog.ts), as a problem. `stopped`
 * holds the stack the render had then, and `at` is the template line it was running, found in it as for
 * renderProblem: where the loop that never ends is, or what it calls. Without it (no maps beside the bundle,
 * or a render that could not be paused first) the page's address is what says where to look.
 */
export function timedOutProblem(stopped: Error, url: string, limitMs: number, at?: { file: string; line: number }): ArhivarError {
  const component = componentOf(stopped);
  return new ArhivarError({
    code: 'template/timed-out',
    message: `${url}: the page did not finish rendering within ${limitMs / 1000} s, so the build was stopped${component ? ` (in ${component})` : ''}`,
    file: at?.file,
    line: at?.line,
    hint: at
      ? 'this line was running when the page was stopped: a loop here or in what it calls probably never ends (a while or for loop whose condition stays true); fix it and build again'
      : 'a template this page uses probably never returns (a while or for loop whose condition stays true); fix it and build again',
  });
}

/**
 * The name of a ReferenceError such as »DateLine is not defined« (V8's wording): a component or function used
 * without its import, or misspelt. Its cause is the import, not a field, so the hint says so. By name, not by
 * instanceof: the error may come from another realm (a module Vite's SSR loader ran).
 */
function undefinedNameOf(error: Error): string | undefined {
  if (error.name !== 'ReferenceError') return undefined;
  return /^([\p{L}_$][\p{L}\p{N}_$]*) is not defined$/u.exec(error.message)?.[1];
}

/**
 * An exception a template's top-level code threw (a file it reads, a constant it computes) while a command loaded
 * the templates, before any page was rendered: as a problem at that line, instead of "arhivar failed unexpectedly"
 * with a stack through .cache/code/ bundles. `at` is found as for renderProblem; an error with no frame in a
 * template is left to the caller.
 */
export function loadProblem(error: unknown, at: { file: string; line: number }): ArhivarError {
  const what = describeError(error);
  return new ArhivarError({
    code: 'template/failed',
    message: `${what} (while the templates were loaded)`,
    file: at.file,
    line: at.line,
    hint: 'this line runs once, as the command loads the templates (code outside a component); fix it (a file it reads is named relative to the template, and must be there) and run the command again',
    cause: error,
  });
}

/**
 * A page template that rendered nothing. Preact renders a component that returns undefined (its JSX written
 * below `{` without `return`) as '', which passes for a page: the build published every page of that template
 * as `<!DOCTYPE html>` alone, and the link check found nothing wrong. No stack leads to such a function, since
 * it did not throw, so its name is what finds its declaration (output/template-line.ts).
 */
export class EmptyPageError extends Error {
  constructor(readonly component: string) {
    super(`${component} rendered nothing`);
    this.name = 'EmptyPageError';
  }
}

/** A page template that rendered nothing as a problem at its declaration; `then` is what to do after the fix. */
export function emptyPageProblem(component: string, url: string, at: { file: string; line: number } | undefined, then: string): ArhivarError {
  return new ArhivarError({
    code: 'template/empty',
    message: `${url}: ${component} returned nothing, so the page would be empty`,
    file: at?.file,
    line: at?.line,
    hint: `a function whose body is in braces returns its JSX only with return: write return ( before the JSX in ${component} and ${then}`,
  });
}

/** The component of an EmptyPageError, by name rather than instanceof: it may come from the module Vite's SSR loader ran. */
export function emptyPageComponent(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'EmptyPageError') return undefined;
  const { component } = error as { component?: unknown };
  return typeof component === 'string' ? component : undefined;
}
