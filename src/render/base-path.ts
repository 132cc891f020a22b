import { options, type VNode } from 'preact';
import { withBasePath } from '../site/urls.ts';

/**
 * Templates link with site URLs ("/osebe/", as src/site/urls.ts makes them). A site published under a
 * path (baseUrl https://example.si/arhiv/) must link to "/arhiv/osebe/" instead, so while one of its pages is
 * rendered every URL attribute that starts with one "/" gets the base path in front, as its element is made
 * (Preact's `options.vnode` hook, which the JSX runtime calls for every element). This way no template has
 * to remember it: a navigation link, a breadcrumb, the stylesheet, a script, the form's action and the
 * search page's data-index are all covered. Markup inserted as it is (the sanitised article body, JSON-LD)
 * is left alone: a link an author wrote from the host's root stays one, and `arhivar check` reports it.
 * Rendering a page is synchronous, so the hook is in place for that one page only.
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite']);

export function renderUnderBasePath<T>(basePath: string, render: () => T): T {
  if (basePath === '/') return render();
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'string') addBasePath(vnode.props as Record<string, unknown>, basePath);
    previous?.(vnode);
  };
  try {
    return render();
  } finally {
    options.vnode = previous;
  }
}

function addBasePath(props: Record<string, unknown>, basePath: string): void {
  for (const name in props) {
    const value = props[name];
    if (typeof value !== 'string') continue;
    if (name === 'srcset' || name === 'srcSet') {
      // Candidates are "url descriptor" separated by commas.
      props[name] = value.replace(/(^|,)(\s*)(\/[^\s,]*)/g, (_all, comma: string, space: string, url: string) => comma + space + withBasePath(basePath, url));
    } else if (value[0] === '/' && (URL_ATTRIBUTES.has(name) || name.startsWith('data-'))) {
      props[name] = withBasePath(basePath, value);
    }
  }
}
