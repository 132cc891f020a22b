import { createContext, Script } from 'node:vm';
import { restorePreactHooks, savePreactHooks } from '../render/preact-hooks.ts';

/**
 * How long `arhivar dev` lets one page render: far more than a page needs (at 10,000 articles the largest,
 * sitemap.xml at 2 MB, took 82 ms a request once the pages were listed; a sitemap file holds at most 50,000
 * addresses), and short enough that a developer is told before giving up. A template caught in an endless loop
 * while it is edited (a `while` whose condition is half written) never returns, and held the server's one
 * thread: no page, no reload after the fix, and no Ctrl+C, whose handler waits for that thread too.
 */
export const RENDER_TIME_LIMIT_MS = 10_000;

/** Node's code for a vm script stopped by its timeout (lib/internal/errors.js). */
const TIMED_OUT = 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** Thrown by renderWithin when `render` ran out of time; the thread is free again. */
export class RenderTimedOut extends Error {
  constructor(readonly limitMs: number) {
    super(`rendering did not finish within ${limitMs / 1000} s`);
    this.name = 'RenderTimedOut';
  }
}

// One script and one context for every call: a context costs about a millisecond to make.
const script = new Script('render()');
const context = createContext({ render: undefined as (() => unknown) | undefined });

/**
 * `render()` on this thread, stopped after `limitMs`. A vm script's timeout makes V8 terminate whatever runs
 * while the script does, functions of this realm that it calls too (the termination is the isolate's, see
 * node:vm `timeout`), so no worker and no copy of the site is needed; a call costs about 0.1 ms. A template's
 * own exception passes through as it is. The timeout reaches synchronous code only: a template's code at its
 * top level, which Vite's module runner evaluates asynchronously, is not stopped by it.
 */
export function renderWithin<T>(render: () => T, limitMs: number): T {
  const hooks = savePreactHooks();
  context.render = render;
  try {
    return script.runInContext(context, { timeout: limitMs }) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== TIMED_OUT) throw error;
    restorePreactHooks(hooks);
    throw new RenderTimedOut(limitMs);
  } finally {
    context.render = undefined;
  }
}
