import { stripVTControlCharacters } from 'node:util';
import { causesOf, hintsOnce, WARNINGS_WAIT_FOR_FIXES, type ArhivarError } from '../errors.ts';

/** The page the dev server shows instead of the site while content has problems. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem;color:#a40000}h2{font-size:1.2rem;color:#7a4a00}li{margin:0 0 1.2rem;list-style:none}code{font-size:.95rem}
.where{font-weight:bold}.hint{color:#05570a}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

/** One item a problem, a hint given in full above as »as for <file> above« (hintsOnce), as the terminal prints them. */
function problemItems(errors: readonly ArhivarError[]): string {
  return hintsOnce(errors)
    .map((error) => {
      const where = error.file ? `${error.file}${error.line ? `:${error.line}` : ''}` : '';
      return `<li><div><code class="where">${escapeHtml(where)}</code> <code>${escapeHtml(error.code)}</code></div><div class="message">${escapeHtml(error.message)}</div>${
        error.hint ? `<div class="hint">hint: ${escapeHtml(error.hint)}</div>` : ''
      }</li>`;
    })
    .join('\n');
}

/** The folders of the project a problem may lie in, as the page's title names them. */
const PLACES = ['content', 'templates', 'public'] as const;

/**
 * Where the problems lie, for the page's title: the one folder of the project all of them are in, or
 * undefined when they are in several or name no file. A stylesheet's problem (template/missing-file,
 * template/bad-stylesheet) is shown on this page too, and was titled »problem in content«, sending a
 * developer who had edited templates/site.css to look through the articles.
 */
function problemsPlace(errors: readonly ArhivarError[]): (typeof PLACES)[number] | undefined {
  const places = new Set(errors.map((error) => PLACES.find((place) => error.file?.startsWith(`${place}/`))));
  const [place] = places;
  return places.size === 1 ? place : undefined;
}

/** The warnings told after the problems, as `arhivar build` prints them; nothing when there are none. */
function warningsSection(warnings: readonly ArhivarError[]): string {
  if (warnings.length === 0) return '';
  return `\n<h2>${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} as well</h2>\n<p>Warnings alone would not stop a build; ${WARNINGS_WAIT_FOR_FIXES}.</p>\n<ul>${problemItems(warnings)}</ul>`;
}

/** The problems, and after them the warnings of the files that could be read, as `arhivar build` prints both. */
export function renderProblemsPage(errors: readonly ArhivarError[], warnings: readonly ArhivarError[] = []): string {
  const place = problemsPlace(errors);
  const title = `arhivar: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}${place ? ` in ${place}` : ''}`;
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>Fix the files below and save; this page reloads by itself.</p>\n<ul>${problemItems(errors)}</ul>${warningsSection(warnings)}`);
}

/**
 * A failure with its stack: `problem` is how the build tells it, above the stack, and `warnings` those the build
 * prints after it (a template that throws as a page renders), below the stack.
 */
export function renderFailurePage(
  what: string,
  error: unknown,
  advice = 'Fix the cause and save; this page reloads by itself.',
  problem?: ArhivarError,
  warnings: readonly ArhivarError[] = [],
): string {
  // Vite's and the TSX transform's messages are coloured for a terminal (a syntax error's code frame is ESC[38;5;246m…
  // around every character): in a page those codes would only hide the text and the file:line between them.
  // A stack shows the error's own message only: fetch's »fetch failed« keeps its reason in the cause.
  const causes = error instanceof Error ? causesOf(error).map((cause) => `\ncause: ${cause}`).join('') : '';
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const detail = stripVTControlCharacters(`${problem ? withoutSourceLine(stack) : stack}${causes}`);
  const told = problem ? `\n<ul>${problemItems([problem])}</ul>` : '';
  return page(`arhivar: ${what}`, `<h1>arhivar: ${escapeHtml(what)}</h1>\n<p>${escapeHtml(advice)}</p>${told}\n<pre>${escapeHtml(detail)}</pre>${warningsSection(warnings)}`);
}

/**
 * A stack without the source line Node puts above it when source maps are on, as Vite's SSR loader turns them on:
 * `file:///…/preact-render-to-string/dist/index.mjs:1`, then that file's first line, several kilobytes of minified
 * code, for an exception a template threw through Preact. It sent the reader into node_modules/ before the message;
 * the problem above the stack names the template's line.
 */
function withoutSourceLine(stack: string): string {
  if (!/^(?:file:\/\/)?\S*:\d+\n/.test(stack)) return stack;
  const end = stack.indexOf('\n\n');
  return end === -1 ? stack : stack.slice(end + 2);
}

/**
 * The 404 for an address outside the path the site is served under (baseUrl in content/site.yaml), as a page:
 * a tab left open at /osebe/ when baseUrl gained a path reloads to it, and through Vite's client it reloads
 * again when baseUrl is edited. As plain text it had no client, so that tab stayed on it.
 */
export function renderOutsideBasePage(basePath: string): string {
  const title = `not found: arhivar dev serves the site under ${basePath}`;
  const link = `<a href="${escapeHtml(basePath)}">${escapeHtml(basePath)}</a>`;
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>The site is at ${link}, the path of baseUrl in content/site.yaml; this page reloads by itself when that changes.</p>`);
}

/**
 * The title of the page for a bundle of the assets that failed in a way arhivar does not tell as a problem (one that
 * names no file and comes from no plugin, see output/assets.ts bundleProblems): what Vite's message names, a script of
 * src/client/ or a stylesheet.
 * Every such failure was titled »the stylesheet could not be built«, sending a developer who had edited a script
 * to look through the CSS.
 */
export function assetsFailureTitle(failure: unknown): string {
  const message = stripVTControlCharacters(failure instanceof Error ? failure.message : String(failure));
  if (/(?:^|[\s/'"(\[])src\/client\/[^\s'"]+\.[cm]?[jt]sx?\b/.test(message)) return 'a client script could not be built';
  if (/\.css\b/.test(message)) return 'the stylesheet could not be built';
  return 'the stylesheet and the client scripts could not be built';
}
