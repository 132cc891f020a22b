import type { YamlBlock } from './front-matter.ts';

/**
 * A reader for the front matter nearly every article has: one `key: value` per line at the left margin,
 * where a value is a quoted or plain scalar, a list in brackets, or a list of `- item` lines below its key.
 * It gives exactly what the YAML parser gives for such a block (front-matter.ts parseYamlBlock, the `yaml`
 * package with the core schema), about twenty times faster: at 10,000 articles the YAML parser was 2 s of
 * the main thread. For anything else it answers undefined and the YAML parser reads the block, so every
 * error is still reported by the YAML parser, with its message and line. Rules, each checked by the
 * property test against the YAML parser (tests/unit/content/simple-yaml.test.ts):
 * - a key is a plain identifier (letters, digits, _ and -), written once, followed by ": " or by the end
 *   of the line;
 * - a plain scalar is a string unless the core schema makes it something else: true and false become
 *   booleans, a key's value written as a whole number of up to 15 digits without sign or leading zero (the
 *   pageSize: 20 of site.yaml) a number; null and other numbers are left to the YAML parser;
 * - no tabs, no control characters, no comments after a value, no value spread over several lines, no
 *   anchors, aliases, tags or nested collections.
 */
export function parseSimpleYaml(source: string, firstLine: number): YamlBlock | undefined {
  if (UNUSUAL_CHARACTER.test(source)) return undefined;
  const lines = source.split('\n');
  const data: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlankOrComment(line)) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (keyLines.has(key) || key === '__proto__') return undefined;
    keyLines.set(key, index + firstLine);
    const rest = trimSpaces(match[2] ?? '');
    if (rest !== '') {
      const value = readValue(rest);
      if (value === undefined) return undefined;
      data[key] = value;
      continue;
    }
    // An empty value: a list of "- item" lines below the key, or null.
    const items: string[] = [];
    let indent: string | undefined;
    while (index + 1 < lines.length) {
      const next = lines[index + 1]!;
      if (isBlankOrComment(next)) {
        index++;
        continue;
      }
      const item = ITEM_LINE.exec(next);
      if (!item) break;
      if (indent !== undefined && item[1] !== indent) return undefined;
      indent = item[1]!;
      const value = readScalar(trimSpaces(item[2]!), 'block');
      if (typeof value !== 'string') return undefined;
      items.push(value);
      index++;
    }
    if (items.length === 0) return undefined;
    data[key] = items;
  }
  if (keyLines.size === 0) return undefined;
  return { data, keyLines };
}

/** Tabs, control characters, a byte-order mark, lone surrogates, line separators: left to the YAML parser. */
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHARACTER = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const ITEM_LINE = /^( *)- (.*)$/;

function isBlankOrComment(line: string): boolean {
  const trimmed = trimSpaces(line);
  return trimmed === '' || trimmed.startsWith('#');
}

/** Spaces only: to YAML a no-break space or other Unicode space is part of the value (String.trim drops them). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function readValue(text: string): string | boolean | number | string[] | undefined {
  if (text.startsWith('[')) return readFlowList(text);
  // As the core schema's integer reads it (parseInt), exactly: no sign, no leading zero, and within a double's
  // whole numbers. A site.yaml with pageSize: 20 then loads no YAML parser (about 15 ms of every build).
  if (WHOLE_NUMBER.test(text)) return Number(text);
  return readScalar(text, 'block');
}

const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;

/** `[a, "b", 'c']` on one line, every item a scalar that is a string. */
function readFlowList(text: string): string[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (trimSpaces(inner) === '') return [];
  const items: string[] = [];
  let position = 0;
  while (position <= inner.length) {
    while (inner[position] === ' ') position++;
    let end: number;
    if (inner[position] === '"' || inner[position] === "'") {
      end = quotedEnd(inner, position);
      if (end < 0) return undefined;
    } else {
      end = inner.indexOf(',', position);
      if (end < 0) end = inner.length;
    }
    const value = readScalar(trimSpaces(inner.slice(position, end)), 'flow');
    if (typeof value !== 'string') return undefined;
    items.push(value);
    position = end;
    while (inner[position] === ' ') position++;
    if (position >= inner.length) break;
    if (inner[position] !== ',') return undefined;
    position++;
  }
  return items;
}

/** The index just past the closing quote of the quoted scalar that starts at `start`, or -1. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") {
      i++;
      continue;
    }
    return i + 1;
  }
  return -1;
}

/** One scalar with nothing around it; in a flow list (`flow`) a plain scalar may not hold , [ ] { }. */
function readScalar(text: string, context: 'block' | 'flow'): string | boolean | undefined {
  if (text === '') return undefined;
  const first = text[0]!;
  if (first === '"') return quotedEnd(text, 0) === text.length ? readDoubleQuoted(text.slice(1, -1)) : undefined;
  if (first === "'") return quotedEnd(text, 0) === text.length ? text.slice(1, -1).replaceAll("''", "'") : undefined;
  if (INDICATOR.includes(first)) return undefined;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return undefined;
  if (context === 'flow' && /[,[\]{}]/.test(text)) return undefined;
  if (BOOLEAN.test(text)) return text.startsWith('t') || text.startsWith('T');
  if (CORE_SCHEMA_SPECIAL.test(text)) return undefined;
  return text;
}

/** Characters a plain scalar may not start with (YAML 1.2 §7.3.3); "-" too, though "-a" is plain. */
const INDICATOR = '-?:,[]{}#&*!|>\'"%@`';
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
/** What the core schema reads as null, an integer or a float (the tests of node_modules/yaml/dist/schema/core). */
const CORE_SCHEMA_SPECIAL = new RegExp(
  [
    /^(?:~|[Nn]ull|NULL)?$/,
    /^0o[0-7]+$/,
    /^[-+]?[0-9]+$/,
    /^0x[0-9a-fA-F]+$/,
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  ]
    .map((pattern) => `(?:${pattern.source})`)
    .join('|'),
);

/** The body of a double-quoted scalar with the common escapes; anything rarer goes to the YAML parser. */
function readDoubleQuoted(body: string): string | undefined {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const character = body[i]!;
    if (character !== '\\') {
      out += character;
      continue;
    }
    const escape = body[++i];
    if (escape === '"' || escape === '\\' || escape === '/') out += escape;
    else if (escape === 'n') out += '\n';
    else if (escape === 't') out += '\t';
    else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      // A surrogate pair written as two escapes makes the pair again, as in the YAML parser.
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else return undefined;
  }
  return out;
}
