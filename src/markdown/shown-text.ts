import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.ts';

/**
 * The Markdown with every character that the rendered article does not show as text replaced by a space:
 * raw HTML and comments, link and image destinations and titles, link reference definitions, and the
 * markup itself. Offsets and line breaks stay where they were, so a word found in it is on the line of
 * the file it came from. What is kept matches what the plain text of renderMarkdown is made of: the
 * values of text and code nodes, and images' alt text.
 */

export function blankUnshownMarkdown(markdown: string): string {
  const shown: Array<[number, number]> = [];
  collectShown(parseMarkdown(markdown), markdown, shown);
  let result = '';
  let at = 0;
  // Leaves in document order: the ranges are sorted and do not overlap.
  for (const [start, end] of shown) {
    result += blank(markdown.slice(at, start)) + markdown.slice(start, end);
    at = end;
  }
  return result + blank(markdown.slice(at));
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function collectShown(node: Nodes, markdown: string, out: Array<[number, number]>): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (node.type === 'html' || node.type === 'definition') return;
  if (node.type === 'image' || node.type === 'imageReference') {
    if (start !== undefined) out.push([start + 2, altEnd(markdown, start + 2)]);
  } else if (node.type === 'code') {
    if (start !== undefined && end !== undefined) out.push(codeRange(markdown, start, end));
  } else if ('value' in node && typeof node.value === 'string') {
    if (start !== undefined && end !== undefined) out.push([start, end]);
  } else if ('children' in node) {
    for (const child of node.children) collectShown(child, markdown, out);
  }
}

const FENCE = /^[ \t]*(?:`{3,}|~{3,})/;

/** A code block without its fences: the info string after the opening one (```js) is not shown. */
function codeRange(markdown: string, start: number, end: number): [number, number] {
  const block = markdown.slice(start, end);
  if (!FENCE.test(block)) return [start, end];
  const firstBreak = block.indexOf('\n');
  if (firstBreak < 0) return [end, end];
  const lastBreak = block.lastIndexOf('\n');
  const closed = lastBreak > firstBreak && FENCE.test(block.slice(lastBreak + 1));
  return [start + firstBreak + 1, closed ? start + lastBreak : end];
}

/** Where the alt text of an image starting at `from` (just after `![`) ends: its closing bracket. */
function altEnd(markdown: string, from: number): number {
  let depth = 0;
  for (let at = from; at < markdown.length; at++) {
    const char = markdown[at];
    if (char === '\\') at++;
    else if (char === '[') depth++;
    else if (char === ']' && depth-- === 0) return at;
  }
  return from;
}
