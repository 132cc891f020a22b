import { parse, parseFragment } from 'parse5';

/** An element of parsed HTML with its attributes, in document order. */
export interface ParsedElement {
  tag: string;
  attrs: Record<string, string>;
  /** Text content of the element's direct text children (script and title bodies). */
  text: string;
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

function walk(node: Node, out: ParsedElement[]): void {
  if (node.tagName) {
    const attrs: Record<string, string> = {};
    for (const attr of node.attrs ?? []) attrs[attr.name] = attr.value;
    const text = (node.childNodes ?? []).filter((child) => child.nodeName === '#text').map((child) => child.value ?? '').join('');
    out.push({ tag: node.tagName, attrs, text });
  }
  for (const child of node.childNodes ?? []) walk(child, out);
  if (node.content) walk(node.content, out);
}

/** Every element of a whole document, parsed as a browser would (parse5 follows the HTML standard). */
export function documentElements(html: string): ParsedElement[] {
  const out: ParsedElement[] = [];
  walk(parse(html) as unknown as Node, out);
  return out;
}

export function fragmentElements(html: string): ParsedElement[] {
  const out: ParsedElement[] = [];
  walk(parseFragment(html) as unknown as Node, out);
  return out;
}

/**
 * A URL a browser would run or treat as inline content: browsers drop ASCII whitespace and control
 * characters inside the scheme and compare it case-insensitively (WHATWG URL standard).
 */
export function isDangerousUrl(value: string): boolean {
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(?:javascript|vbscript|data):/.test(squeezed);
}

/** Problems a hostile string could have caused in parsed HTML: scripts, handlers, dangerous URLs, frames. */
export function injectedMarkup(elements: readonly ParsedElement[]): string[] {
  const found: string[] = [];
  for (const element of elements) {
    if (element.tag === 'script') {
      // Our own scripts: JSON-LD data blocks, and client modules loaded from the site's assets.
      const ownModule = element.attrs.src?.startsWith('/') === true && element.text.trim() === '';
      if (element.attrs.type !== 'application/ld+json') {
        if (!ownModule) found.push(`<script> that is neither JSON-LD nor a site asset: ${element.text.slice(0, 80)}`);
      } else {
        try {
          JSON.parse(element.text);
        } catch {
          found.push(`JSON-LD block that does not parse: ${element.text.slice(0, 80)}`);
        }
      }
    }
    // The person page's own mention chart: an inline SVG image labelled by its chart-… title and description.
    const ownChart = element.tag === 'svg' && element.attrs.role === 'img' && element.attrs['aria-labelledby']?.startsWith('chart-') === true;
    if (!ownChart && ['iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'frame', 'frameset', 'textarea', 'select', 'video', 'audio'].includes(element.tag)) {
      found.push(`<${element.tag}> element`);
    }
    for (const [name, value] of Object.entries(element.attrs)) {
      if (name.startsWith('on')) found.push(`${name} attribute on <${element.tag}>`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction') found.push(`${name} attribute on <${element.tag}>`);
      if (['href', 'src', 'action', 'xlink:href', 'poster', 'cite', 'background'].includes(name) && isDangerousUrl(value)) {
        found.push(`${name}="${value}" on <${element.tag}>`);
      }
      if (element.tag === 'meta' && name === 'http-equiv') found.push('<meta http-equiv>');
    }
  }
  return found;
}
