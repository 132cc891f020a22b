import { options, type VNode } from 'preact';

/**
 * Renders with every element checked for a component that is undefined. Vite's SSR loader (`npm run dev`) gives a
 * name that its module does not export (`import { Boks } from './okvir.tsx'`, misspelt or declared without
 * `export`) as undefined, and Preact renders `<Boks />` as `<undefined></undefined>` without a word, while the
 * build's bundler refuses the import (template/missing-export). Thrown as the element is made (Preact's
 * `options.vnode`, as in base-path.ts), so the stack names the template line that uses it (template/failed).
 */
export function renderRejectingUndefined<T>(render: () => T): T {
  const previous = options.vnode;
  const check = (vnode: VNode) => {
    if (vnode.type === undefined) {
      const error = new TypeError('a component used here is undefined: its file does not export the name it is imported as (misspelt, declared without export, or a default export imported in braces, or a named one without); npm run typecheck names it');
      // The stack starts at the JSX call, so the dev server's first frame of our code is the template's line, not this one.
      Error.captureStackTrace(error, check);
      throw error;
    }
    previous?.(vnode);
  };
  options.vnode = check;
  try {
    return render();
  } finally {
    options.vnode = previous;
  }
}
