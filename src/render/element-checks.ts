import { options, type VNode } from 'preact';

/**
 * Renders with every element checked for mistakes Preact renders without a word (elementMistake). Thrown as the
 * element is made (Preact's `options.vnode`, as in base-path.ts), so the stack names the template line that makes
 * it (template/failed). One hook for all the checks: a check called by another hook would have that hook's line at
 * the top of the stack, where the dev server looks for the template's.
 */
export function renderCheckingElements<T>(render: () => T): T {
  const previous = options.vnode;
  const check = (vnode: VNode) => {
    const mistake = elementMistake(vnode);
    if (mistake !== undefined) {
      const error = new TypeError(mistake);
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

/** What is wrong with the element `vnode`, said for the template's author, or undefined. */
export function elementMistake(vnode: VNode): string | undefined {
  // Vite's SSR loader (`npm run dev`) gives a name that its module does not export (`import { Boks } from
  // './okvir.tsx'`, misspelt or declared without `export`) as undefined, and Preact renders `<Boks />` as
  // `<undefined></undefined>`, while the build's bundler refuses the import (template/missing-export).
  if (vnode.type === undefined) {
    return 'a component used here is undefined: its file does not export the name it is imported as (misspelt, declared without export, or a default export imported in braces, or a named one without); npm run typecheck names it';
  }
  // preact-render-to-string writes class and skips className whenever the props have a class key, even one whose
  // value is undefined (`if ('class' in props) continue;` in its attribute loop), so `<h1 class="ime"
  // className={…}>` published class="ime" alone, and npm run typecheck passes it. A className of undefined, null
  // or false writes nothing, so nothing is lost; a component's props are its own to use.
  const props = vnode.props as Record<string, unknown>;
  if (typeof vnode.type === 'string' && 'class' in props && props.className !== undefined && props.className !== null && props.className !== false) {
    return `this <${vnode.type}> is given both class and className: Preact writes class alone and drops className without a word; write one class attribute with all the names`;
  }
  return undefined;
}
