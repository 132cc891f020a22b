import { options } from 'preact';

/** Preact's option hooks as they are now, for restorePreactHooks after a render that was stopped. */
export function savePreactHooks(): typeof options {
  return { ...options };
}

/**
 * Preact's hooks as they were before a render that was stopped. A stopped render runs no `finally` block, so the
 * hooks it put in place and would have taken out stayed (render/base-path.ts's, which puts the site's path in
 * front of links: every later page got it twice; render/element-checks.ts's; preact-render-to-string's).
 */
export function restorePreactHooks(hooks: typeof options): void {
  for (const key of Object.keys(options) as (keyof typeof options)[]) if (!(key in hooks)) delete options[key];
  Object.assign(options, hooks);
}
