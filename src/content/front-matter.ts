import { createRequire } from 'node:module';
import type { Document, YAMLError } from 'yaml';
import { ArhivarError } from '../errors.ts';
import { parseContentDate } from './dates.ts';
import { parseSimpleYaml } from './simple-yaml.ts';
import { bylineLine } from './byline.ts';
import { endQuotes, insideTypographicQuotes } from './typographic-quotes.ts';

/**
 * Front matter is YAML and nothing else. gray-matter's JavaScript and CoffeeScript engines evaluate code,
 * so every engine but ours refuses, and a `---js` opening is rejected before gray-matter sees it.
 * YAML is read with the core schema: timestamps stay strings (see dates.ts), custom tags are errors,
 * and alias expansion is bounded so an alias bomb fails fast instead of exhausting memory.
 */
export interface FrontMatter {
  /** The parsed mapping, or whatever YAML value the block held (validated by the caller). */
  data: unknown;
  /** true when the file had a front-matter block at all. */
  present: boolean;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** 1-based line of each top-level key, for error messages. */
  keyLines: ReadonlyMap<string, number>;
}

type Yaml = typeof import('yaml');
let yamlModule: Yaml | undefined;

/**
 * The YAML parser, loaded when first needed: most blocks are read by parseSimpleYaml, and a rebuild reads few
 * blocks at all (validations come from .cache/), while loading the parser cost every build about 15 ms.
 */
function yaml(): Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yamlModule;
}

type GrayMatter = typeof import('gray-matter');
let grayMatterModule: GrayMatter | undefined;

/**
 * gray-matter, loaded when a file's front matter is first read: a rebuild takes every unchanged article's
 * validation from .cache/ and reads only the edited ones, so a build with nothing to read does not load it.
 */
function grayMatter(): GrayMatter {
  grayMatterModule ??= createRequire(import.meta.url)('gray-matter') as GrayMatter;
  return grayMatterModule;
}

function refuseEngine(language: string) {
  return () => {
    throw new ArhivarError({
      code: 'front-matter/not-yaml',
      message: `front matter in ${language} is not allowed: it would run code`,
      hint: 'write the front matter as YAML between two --- lines',
    });
  };
}

const MAX_ALIAS_COUNT = 100;
const OPENING = /^---([^\n]*)\n/;
const CLOSING = /\n---[ \t]*(?:\n|$)/;

/**
 * A line of dashes that is meant as ---: a word processor or a CMS turns -- and --- into an en or em dash (–, —),
 * and some fonts show them alike. Not hyphens, so the front matter is not found, and the error would tell an
 * editor who sees --- there to write ---.
 */
const DASH_LINE = /^[\u2010-\u2015\u2212\ufe58\ufe63\uff0d-]{1,6}[ \t]*$/;
const NOT_HYPHEN = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

/** Whether `line` is dashes meant as ---: a short run of them with at least one that is not a hyphen. */
function isDashLine(line: string): boolean {
  return DASH_LINE.test(line) && NOT_HYPHEN.test(line);
}

function dashLineError(line: string, lineNumber: number, file: string): ArhivarError {
  const dash = NOT_HYPHEN.exec(line)![0];
  return new ArhivarError({
    code: 'front-matter/dashes',
    message: `line ${lineNumber} is "${line.trim()}", made of dashes (${dash}, U+${dash.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}), not of hyphens, so it does not ${lineNumber === 1 ? 'open' : 'close'} the front matter`,
    file,
    line: lineNumber,
    hint: 'write the line as --- (three hyphens, the - key); a word processor turns -- and --- into dashes, so edit the file in a plain-text editor',
  });
}

/**
 * A key line (title: …, oznake: …, and in quotes, as YAML allows: "summary": …); a sentence with a colon in it has
 * spaces before the colon.
 */
const KEY_LINE = /^(?:[\p{L}_][\p{L}\p{N}_-]*|"[^"\n]*"|'[^'\n]*')\s*:(?:\s|$)/u;

/**
 * Where the front matter's keys end and text begins, in a block not closed where it should be: the first line after a
 * blank line that is no key, list item, indented value or comment, and reads as a sentence (four words or more).
 * `firstLine` is the file line of lines[0]. undefined when every line is front matter.
 */
function textAfterKeys(lines: readonly string[], firstLine: number): { lastKeyLine: number; textLine: number } | undefined {
  let lastKeyLine = firstLine - 1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const afterBlank = index > 0 && lines[index - 1]!.trim() === '';
    if (afterBlank && !/^[\s#-]/.test(line) && !KEY_LINE.test(line) && line.trim().split(/\s+/).length >= 4) {
      return lastKeyLine >= firstLine ? { lastKeyLine, textLine: index + firstLine } : undefined;
    }
    lastKeyLine = index + firstLine;
  }
  return undefined;
}

function closingHint(text: { lastKeyLine: number; textLine: number } | undefined): string {
  if (text === undefined) return 'end the front matter with a line holding only ---';
  return `add a line holding only --- below line ${text.lastKeyLine}, the last line of the front matter, so that the text from line ${text.textLine} on is the article's`;
}

/** The first line of `lines` (1-based from `firstLine`) that is dashes meant as ---, if any. */
function findDashLine(lines: readonly string[], firstLine: number): { line: string; number: number } | undefined {
  const index = lines.findIndex(isDashLine);
  return index === -1 ? undefined : { line: lines[index]!, number: index + firstLine };
}

/**
 * A line of hyphens at the top of the file that is meant to open the front matter but does not: below empty lines
 * (pasted so), after spaces or a tab, or of two or four hyphens. Only a first line of exactly --- opens it, so the
 * file was told »the article has no front matter« and »start the file with ---«, which to the eye it does; and ----
 * was read as --- followed by the name of a language, »front matter marked "----" is not allowed«.
 */
const HYPHEN_LINE = /^[ \t]*(-{1,6})[ \t]*$/;

function openingLineError(text: string, file: string): ArhivarError | undefined {
  const lines = text.split('\n', 50);
  const index = lines.findIndex((line) => line.trim() !== '');
  const line = lines[index];
  const hyphens = line === undefined ? undefined : HYPHEN_LINE.exec(line)?.[1];
  if (hyphens === undefined) return undefined;
  const indented = /^[ \t]/.test(line!);
  if (index === 0 && !indented && hyphens.length === 3) return undefined;
  const number = index + 1;
  const reasons = [
    index > 0 && `${index} empty ${index === 1 ? 'line is' : 'lines are'} above it`,
    indented && 'spaces or tabs are before it',
    hyphens.length !== 3 && `it has ${hyphens.length} hyphens`,
  ].filter((reason): reason is string => typeof reason === 'string');
  const rewrite = hyphens.length !== 3 || indented ? `write line ${number} as ---${hyphens.length !== 3 ? ' (three hyphens)' : ''}${indented ? ' at the start of the line' : ''}` : undefined;
  const fixes = [index > 0 && `delete the empty ${index === 1 ? 'line' : 'lines'} above line ${number}`, rewrite].filter((fix): fix is string => typeof fix === 'string');
  return new ArhivarError({
    code: 'front-matter/opening',
    message: `line ${number} is meant to open the front matter, but only a first line of exactly --- does: ${reasons.length > 1 ? `${reasons.slice(0, -1).join(', ')}, and ${reasons.at(-1)}` : reasons[0]}`,
    file,
    line: number,
    hint: `${fixes.join(' and ')}, so that the file starts with ---${hyphens.length !== 3 ? '; the line that ends the front matter is --- too' : ''}`,
  });
}

/** `text` must already be decoded, BOM-free and with \n line endings (see read.ts). */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const opening = OPENING.exec(text);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (!opening && isDashLine(firstLine)) throw dashLineError(firstLine, 1, file);
  // Only a file that opens with no --- of its own, or with ----, is looked at: every other file's first line is ---.
  const notOpened = !opening || opening[1]!.startsWith('-') ? openingLineError(text, file) : undefined;
  if (notOpened) throw notOpened;
  if (!opening) {
    if (text.startsWith('---') && !text.includes('\n')) {
      throw new ArhivarError({ code: 'front-matter/unclosed', message: 'front matter is not closed', file, line: 1, hint: 'end the front matter with a line holding only ---' });
    }
    return { data: {}, present: false, body: text, bodyLine: 1, keyLines: new Map() };
  }
  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    throw new ArhivarError({
      code: 'front-matter/not-yaml',
      message: `front matter marked "---${opening[1]!.trim()}" is not allowed; only YAML is read, and code in front matter is never run`,
      file,
      line: 1,
      hint: 'start the file with a line holding only --- and write the front matter as YAML',
    });
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec('\n' + rest);
  if (!closing) {
    const dashes = findDashLine(rest.split('\n'), 2);
    if (dashes) throw dashLineError(dashes.line, dashes.number, file);
    throw new ArhivarError({ code: 'front-matter/unclosed', message: 'front matter is not closed', file, line: 1, hint: closingHint(textAfterKeys(rest.split('\n'), 2)) });
  }
  // A block left open is closed by the first --- of the text (a horizontal rule), and its first paragraph was
  // read as a key: »unknown key "Premier je danes dejal, da vlada ne bo odstopila"«.
  // closing.index is in '\n' + rest, at the line break before the ---.
  const blockLines = rest.slice(0, Math.max(0, closing.index - 1)).split('\n');
  const unclosed = textAfterKeys(blockLines, 2);
  if (unclosed !== undefined) {
    throw new ArhivarError({
      code: 'front-matter/unclosed',
      message: `front matter is not closed above the text: line ${unclosed.textLine} is a line of text, and the --- at line ${blockLines.length + 2} was taken for the end of the front matter`,
      file,
      line: 1,
      hint: closingHint(unclosed),
    });
  }

  let keyLines = new Map<string, number>();
  const parseYaml = (source: string): unknown => {
    // gray-matter hands over the block starting with the newline that ends the opening ---, so line 1 is that line.
    const parsed = parseYamlBlock(source, file, 1);
    keyLines = parsed.keyLines;
    return parsed.data;
  };
  // gray-matter is given the file up to the end of the line that closes the block, not the whole file: it
  // copies its input into a Buffer and looks it up in its cache, which for 10,000 articles of 3 KB took a
  // quarter of a second of the main thread. It ends the block at the first "\n---" after the opening line,
  // and what it leaves of that cut, plus the rest of the file, is the body it would have left of the whole.
  const closingStart = text.indexOf('\n---', opening[0].length - 1);
  const lineEnd = text.indexOf('\n', closingStart + 4);
  const headEnd = lineEnd === -1 ? text.length : lineEnd + 1;
  // gray-matter caches results and shares `data` when called without options; passing options avoids that.
  const result = grayMatter()(text.slice(0, headEnd), {
    language: 'yaml',
    engines: {
      yaml: parseYaml,
      javascript: refuseEngine('JavaScript'),
      coffee: refuseEngine('CoffeeScript'),
      json: parseYaml,
      toml: refuseEngine('TOML'),
    },
  } as unknown as Parameters<GrayMatter>[1]);
  const body = result.content + text.slice(headEnd);
  const consumed = text.slice(0, text.length - body.length);
  const bodyLine = consumed.split('\n').length;
  return { data: result.data ?? {}, present: true, body, bodyLine, keyLines };
}

/** What peekDateAndDraft reads of an article without validating it. */
export interface PeekedDate {
  /** The date's instant in ms, as parseContentDate reads the date: key. */
  time: number;
  draft: boolean;
}

/**
 * An article's date and draft flag, read from a front-matter block of the simple kind parseSimpleYaml reads
 * (nearly every article's) without validating the article: the dev server picks the newest articles of a
 * fresh checkout by them, to show its home page before the whole archive is validated. undefined for any
 * other block, and for a date or draft value validation would not take as it is. Validation decides: a
 * file it rejects may have been peeked at differently.
 */
export function peekDateAndDraft(text: string): PeekedDate | undefined {
  const opening = OPENING.exec(text);
  if (!opening || opening[1]!.trim() !== '') return undefined;
  const closingStart = text.indexOf('\n---', opening[0].length - 1);
  if (closingStart === -1 || !CLOSING.test(text.slice(closingStart, closingStart + 8))) return undefined;
  // Only the two key lines are read (by parseSimpleYaml, so a value means what it means to YAML): reading whole
  // blocks took 0.15-0.2 s for 10,000 articles, on the way to the home page.
  const block = text.slice(opening[0].length, closingStart);
  const dateLines = block.match(DATE_LINE);
  const draftLines = block.match(DRAFT_LINE);
  if (dateLines?.length !== 1 || (draftLines && draftLines.length !== 1)) return undefined;
  const parsed = parseSimpleYaml(draftLines ? `${dateLines[0]}\n${draftLines[0]}` : dateLines[0], 1);
  const data = parsed?.data as { date?: unknown; draft?: unknown } | undefined;
  const date = parseContentDate(data?.date);
  const draft = data?.draft ?? false;
  if (!date.ok || typeof draft !== 'boolean') return undefined;
  return { time: date.value.instant.getTime(), draft };
}

const DATE_LINE = /^date:.*$/gm;
const DRAFT_LINE = /^draft:.*$/gm;

export interface YamlBlock {
  data: unknown;
  keyLines: Map<string, number>;
}

/**
 * Parses a YAML document safely; `firstLine` is the file line the block starts on, so errors point at the file.
 * `subject` names the block in messages: an article's or person's front matter, or content/site.yaml.
 */
export function parseYamlBlock(source: string, file: string, firstLine = 1, subject = 'front matter'): YamlBlock {
  return parseSimpleYaml(source, firstLine) ?? parseYamlDocument(source, file, firstLine, subject);
}

/** parseYamlBlock through the YAML parser alone: every block parseSimpleYaml leaves, and every error. */
export function parseYamlDocument(source: string, file: string, firstLine = 1, subject = 'front matter'): YamlBlock {
  const { LineCounter, isMap, isScalar, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    schema: 'core',
    customTags: [],
    // yaml's own check compares each key with every key before it in its mapping: 80,000 keys took 190 s, and
    // 300,000 (3.3 MB) did not end within an hour. repeatedKey finds the same first repeat in one pass.
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter,
    merge: false,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const repeated = repeatedKey(document);
  const firstError = document.errors[0];
  const problem =
    repeated !== undefined && (firstError === undefined || repeated.error.pos[0] < firstError.pos[0])
      ? repeated.error
      : firstError ?? document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const duplicate = problem === repeated?.error ? { key: repeated.key, first: lineAt(repeated.first), repeated: lineAt(problem.pos[0]) } : undefined;
    const reported = duplicate?.repeated ?? lineAt(openingOffset(document, problem) ?? problem.pos[0]);
    const isTag = problem.code === 'TAG_RESOLVE_FAILED';
    // The YAML parser recurses per level and reports the stack overflow as a syntax error.
    const tooDeep = /maximum call stack/i.test(problem.message);
    const misplaced = isTag || tooDeep || problem.code === 'DUPLICATE_KEY' || problem.code === 'MULTIPLE_DOCS' ? undefined : misplacedKey(source.split('\n'), reported - firstLine);
    const line = misplaced ? misplaced.index + firstLine : reported;
    throw new ArhivarError({
      code: isTag ? 'front-matter/custom-tag' : 'front-matter/bad-yaml',
      message: isTag
        ? `YAML tag is not allowed: ${firstLineOf(problem.message)}`
        : tooDeep
          ? `${subject} is nested too deeply to read (lists or mappings inside each other thousands of levels deep)`
          : problem.code === 'MULTIPLE_DOCS'
            ? `${subject} is not valid YAML: a --- line splits it in two`
            : duplicate !== undefined
              ? `${subject} has the key ${duplicate.key} twice, at lines ${duplicate.first} and ${duplicate.repeated}, and a key may be written once`
              : `${subject} is not valid YAML: ${firstLineOf(problem.message)}`,
      file,
      line,
      hint: isTag
        ? 'remove the !tag; front matter holds plain text, numbers, lists and true/false'
        : problem.code === 'DUPLICATE_KEY'
          ? // The line below is as often the correction (a title retyped under the old one) as the mistake.
            duplicate !== undefined
            ? `keep the ${duplicate.key}: line that says what you mean and delete the other one`
            : 'each key may appear once; delete the repeated one'
          : tooDeep
            ? `${subject} holds a few plain values; remove the runs of [ or { brackets`
            : problem.code === 'MULTIPLE_DOCS'
              ? `${subject} is YAML alone, with no --- lines (those mark an article's front matter): delete them`
              : misplaced?.hint ??
                lineHint(source.split('\n')[line - firstLine]) ??
                unclosedBracketHint(problem, source.split('\n')[line - firstLine]) ??
                'check the indentation and quoting on that line; put text containing ": " or "#" in quotes',
    });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new ArhivarError({
      code: 'front-matter/alias-bomb',
      message: 'front matter expands YAML aliases too many times',
      file,
      line: lineAt(Math.max(0, source.search(/\S/))),
      hint: 'write the values out instead of repeating them with *aliases',
      cause: error,
    });
  }
  const keyLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const item of document.contents.items) {
      if (!isScalar(item.key)) continue;
      const key = String(item.key.value);
      if (item.key.range) keyLines.set(key, lineAt(item.key.range[0]));
      const runOn = entryRunningOn(item.value, source);
      if (runOn) throw runOnError(runOn, key, file, lineAt);
    }
  }
  return { data, keyLines };
}

/** An entry of a block list whose plain value YAML read on over the lines below its own. */
interface RunOnEntry {
  /** Offset of the entry's value in the block. */
  at: number;
  /** The value's lines as written, trimmed: the first, then each line YAML joined to it. */
  lines: string[];
  /** What YAML read: the lines joined with spaces. */
  value: string;
  /** The list's entries as YAML read them, each before it and after it. */
  before: string[];
  after: string[];
}

/**
 * A line indented deeper than the `- ` above it is more of that entry to YAML, not an entry of its own: a plain value
 * runs on over lines. `- Politika` with `  - Gospodarstvo` below it was one tag, "Politika - Gospodarstvo", with a
 * page of its own, and no word said. A name or tag is never spread over lines on purpose; one in quotes is the
 * editor's to spread, and a value after its key (`title:`) may run on as YAML allows.
 */
function entryRunningOn(list: unknown, source: string): RunOnEntry | undefined {
  const { isScalar, isSeq } = yaml();
  if (!isSeq(list) || list.flow) return undefined;
  for (const [index, entry] of list.items.entries()) {
    if (!isScalar(entry) || entry.type !== 'PLAIN' || !entry.range) continue;
    const written = source.slice(entry.range[0], entry.range[1]);
    if (!written.includes('\n')) continue;
    const lines = written.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    if (lines.length < 2) continue;
    const values = list.items.map((item) => (isScalar(item) ? String(item.value) : undefined));
    // An entry that is a list or mapping itself has no line to write here: the hint then gives this entry's alone.
    const others = values.every((value) => value !== undefined) ? (values as string[]) : undefined;
    return { at: entry.range[0], lines, value: String(entry.value), before: others?.slice(0, index) ?? [], after: others?.slice(index + 1) ?? [] };
  }
  return undefined;
}

function runOnError(entry: RunOnEntry, key: string, file: string, lineAt: (offset: number) => number): ArhivarError {
  const line = lineAt(entry.at);
  const [first, ...rest] = entry.lines;
  const dashed = rest.every((next) => next.startsWith('- '));
  const parts = [first!, ...rest.map((next) => (dashed ? next.slice(2).trim() : next))];
  const list = listLine(key, [...entry.before, ...parts, ...entry.after]);
  const lines = rest.length === 1 ? 'the two lines' : `the ${rest.length + 1} lines`;
  return new ArhivarError({
    code: 'front-matter/bad-yaml',
    message: `the entry ${JSON.stringify(first)} of line ${line} runs on into line ${line + 1}, which is indented deeper than its "- ", so YAML reads ${lines} as one entry of ${key}: ${JSON.stringify(entry.value)}`,
    file,
    line: line + 1,
    hint: dashed
      ? `start the - of each entry under the one of line ${line}, or write ${list}`
      : `if line ${line + 1} is an entry of its own, start it with - under the one of line ${line}, or write ${list}; if it is the rest of the entry, write the entry on line ${line} alone`,
  });
}

/**
 * The first key written a second time in the same mapping, as the error yaml gives with `uniqueKeys: true`
 * (DUPLICATE_KEY at the second key), found with one map of values per mapping, with the key as yaml read it and
 * the offset of its first writing. Keys are compared as yaml compares them: scalars by value (`1` and `1.0` are one
 * key, `title` and `"title"` too), other keys never.
 */
function repeatedKey(document: Document): { error: YAMLError; key: string; first: number } | undefined {
  const { isScalar, visit, YAMLParseError } = yaml();
  let found: { error: YAMLError; key: string; first: number } | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Map<unknown, number>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range || (typeof key.value === 'number' && Number.isNaN(key.value))) continue;
        const first = seen.get(key.value);
        if (first !== undefined) {
          if (found === undefined || key.range[0] < found.error.pos[0]) {
            found = { error: new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'), key: String(key.value), first };
          }
          break;
        }
        seen.set(key.value, key.range[0]);
      }
    },
  });
  return found;
}

/**
 * Where the quote or bracket that a YAML error says is never closed was opened. yaml reports such an error
 * where it gave up looking for the closing character, at the end of the value, which can be lines further
 * down (title: "Test on line 2 was reported at line 6); the value still has a node whose range starts at
 * the opening character. undefined for every other error, whose position is right.
 */
function openingOffset(document: Document.Parsed, problem: YAMLError): number | undefined {
  const { isMap, isScalar, isSeq, visit } = yaml();
  const message = problem.message;
  const wanted =
    problem.code === 'MISSING_CHAR' && /closing ["']quote/.test(message)
      ? (node: unknown) => isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
      : problem.code === 'BAD_INDENT' && /^Flow sequence .*end with a \]/.test(message)
        ? (node: unknown) => isSeq(node) && node.flow === true
        : problem.code === 'BAD_INDENT' && /^Flow map .*end with a \}/.test(message)
          ? (node: unknown) => isMap(node) && node.flow === true
          : undefined;
  if (!wanted) return undefined;
  const at = problem.pos[0];
  let opening: number | undefined;
  visit(document, (_key, node) => {
    // A key with no value (the b of {a, b never closed) is visited as a null node.
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    // The innermost such value around the error: the one that starts last.
    if (wanted(node) && range && range[0] < at && at <= range[2] && (opening === undefined || range[0] > opening)) opening = range[0];
  });
  return opening;
}

/**
 * The hint for a list's [ that is never closed, on the line that opens it: yaml's own words (»Flow sequence in
 * block collection must be sufficiently indented and end with a ]«) do not say a ] is missing. A { never closed
 * is a list's [ typed wrong, since no key of an article, a person or site.yaml holds keys and values; a [ or {
 * left open inside the list (tags: [a, {b) is one typed by mistake, since a list holds plain text. The line to
 * write when the list closes on that line, else where the ] goes. The brackets are read outside quotes, so the
 * { of a quoted item (tags: ["a{b", c) stays as typed.
 */
function unclosedBracketHint(problem: YAMLError, line: string | undefined): string | undefined {
  if (problem.code !== 'BAD_INDENT' || line === undefined) return undefined;
  const bracket = /^Flow sequence .*end with a \]/.test(problem.message) ? '[' : /^Flow map .*end with a \}/.test(problem.message) ? '{' : undefined;
  if (!bracket || !line.includes(bracket)) return undefined;
  const open = openBrackets(line);
  const outer = open?.[0] === undefined ? bracket : line[open[0]];
  const inner = open?.slice(1) ?? [];
  const opens =
    (outer === '[' ? 'the [ that opens this list is never closed' : 'the { that opens this value is never closed, and a list is written in [ ]') +
    (inner.length > 0 ? `, nor the ${inner.map((at) => line[at]).join(' and the ')} inside it (a list holds plain text, not lists or values in brackets)` : '');
  const end = inner.length > 0 ? `delete the ${inner.map((at) => line[at]).join(' and the ')} and end the list with ]` : 'end the list with ]';
  if (!open || open.length === 0) return `${opens}: ${end}`;
  const fixed = `${line.split('').map((char, at) => (at === open[0] ? '[' : inner.includes(at) ? '' : char)).join('').trimEnd()}]`;
  // A line that ends in a comma goes on below (tags: [a,): closed there, it would lose what follows.
  const closes = !/,\s*$/.test(line) && readsAsList(fixed);
  return closes ? `${opens}: write the line as ${fixed.trim()}` : `${opens}: ${end}`;
}

/**
 * The offsets of the [ and { that `line` leaves open, outermost first, read as YAML reads a flow value: a quote
 * opens a quoted item only at an item's start (the ' of Trump's is an apostrophe), "\x" escapes in double
 * quotes and '' in single ones. undefined where the line cannot be read that far for sure: a quote or a comment
 * runs to its end, or a closing bracket does not match the one open.
 */
function openBrackets(line: string): number[] | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let at = 0; at < line.length; at++) {
    const char = line[at]!;
    if (quote !== undefined) {
      if (quote === '"' && char === '\\') at++;
      else if (char === quote && quote === "'" && line[at + 1] === "'") at++;
      else if (char === quote) quote = undefined;
    } else if ((char === '"' || char === "'") && /(?:^|[[{,:])\s*$/.test(line.slice(0, at))) {
      quote = char;
    } else if (char === '#' && (at === 0 || /\s/.test(line[at - 1]!))) {
      return undefined;
    } else if (char === '[' || char === '{') {
      open.push(at);
    } else if (char === ']' || char === '}') {
      const last = open.pop();
      if (last === undefined || line[last] !== (char === ']' ? '[' : '{')) return undefined;
    }
  }
  return quote === undefined ? open : undefined;
}

/** Whether `line` alone is valid YAML whose one value is a list of plain values (no list or mapping in it). */
function readsAsList(line: string): boolean {
  const document = yaml().parseDocument(line.trimStart(), { schema: 'core', customTags: [] });
  if (document.errors.length > 0) return false;
  const data: unknown = document.toJS();
  const value = data !== null && typeof data === 'object' ? Object.values(data)[0] : undefined;
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

/**
 * A key typed where YAML cannot take it as one, with the line to write. Indented (`  tags: [a]` under
 * `title: Test`, a space typed or pasted at the start): YAML reads it as part of the value above and reports
 * that line, so the key's own line is looked at too, and given as the error's. Or without its colon
 * (`tags [Ukrajina]`), which YAML reads as a word that is no key. Front matter and site.yaml hold no mapping
 * inside another, so an indented key is never meant. `index` counts from the block's first line. The line to write
 * is in quotes when its text would be misread at the margin too (`title [VIDEO] Poplave` is a list with the
 * colon put in), as for a key with no space after its colon.
 */
function misplacedKey(lines: readonly string[], index: number): { index: number; hint: string } | undefined {
  for (const at of [index, index + 1]) {
    // Spaces and then a tab too, which YAML reports at the line above as it does spaces alone (a tab first is
    // told by lineHint, at its own line).
    const indented = /^ +[ \t]*([A-Za-z_][\w-]*:(?: .*)?)$/.exec(lines[at]?.trimEnd() ?? '');
    if (indented) {
      return { index: at, hint: `this key is indented, so YAML reads it as part of the line above it: start it at the beginning of the line, ${lineToWrite(indented[1]!)}` };
    }
  }
  // Not where a colon ends a word later in the line: `title Witkoff: pogovori` is a key with a space in it, another
  // mistake. A time's colon (`date 2025-12-22T18:30`) is no key's. With a » #« in it (`title Zmaga #1 v Evropi`,
  // `title:Zmaga #1`) the rest is a comment to YAML, which then fails only at the next line: the line above is
  // looked at too.
  for (const at of [index, index - 1]) {
    const line = lines[at]?.trimEnd() ?? '';
    if (at < index && !/\s#/.test(line)) break;
    const colonless = /^([A-Za-z_][\w-]*) +([^\s:#].*)$/.exec(line);
    if (colonless && !/:(?:\s|$)/.test(colonless[2]!)) {
      const fixed = `${colonless[1]}: ${colonless[2]}`;
      return { index: at, hint: `a key is followed by a colon and a space: write the line as ${lineToWrite(fixed)}` };
    }
    if (at < index) {
      const hint = lineHint(line);
      if (hint !== undefined) return { index: at, hint };
    }
  }
  return undefined;
}

/**
 * A hint for the line a YAML error is on, when the mistake is one editors make often. A tab at the start of
 * the line, which YAML does not take as indentation. A quote that opens the value and is never closed. Or a
 * text value that YAML reads as more than text: a second ": " in it (title: Witkoff: pogovori so bili
 * produktivni), or quotes inside it (title: "Mir je blizu", je dejal; title: "Trump: "Mir je blizu"").
 * For those the hint is the line to write, with the text in quotes as typed (a pair of quotes around all of
 * it taken as the editor's own quoting), checked to read back as that text. The same for a text key's value
 * that starts with a YAML indicator ([VIDEO] …, **V živo** …, @novinar), with what YAML took it for.
 * undefined for any other line.
 */
export function lineHint(line: string | undefined): string | undefined {
  if (line === undefined) return undefined;
  // A key after the tab is indented, which no key of front matter or site.yaml is (see misplacedKey): spaces in
  // the tab's place, as the hint for a list's item says, made the next build refuse it for its indentation.
  const tabbedKey = /^ *\t[ \t]*([A-Za-z_][\w-]*:(?: .*)?)$/.exec(line.trimEnd());
  if (tabbedKey) return `this line starts with a tab, and a key is never indented: delete the tab and start the key at the beginning of the line, ${lineToWrite(tabbedKey[1]!)}`;
  if (/^ *\t/.test(line)) return 'this line starts with a tab, which YAML does not read as indentation: indent it with spaces instead';
  // A no-break space (from Word, a web page or a CMS, where it looks like any space) is no space to YAML, so the
  // key and its value read as one word and the key is lost.
  const unbroken = /^( *(?:- +)?[A-Za-z_][\w-]*:)[\u00a0\u2007\u202f]+(.*)$/.exec(line);
  if (unbroken) {
    const fixed = `${unbroken[1]} ${unbroken[2]!.replace(/^[\s\u00a0\u2007\u202f]+/, '')}`;
    return `after the colon is a no-break space (as Word or a web page pastes it), which YAML does not read as a space: write the line with an ordinary space, ${lineToWrite(fixed)}`;
  }
  // No space at all (date:2025-12-22, tags:[Ukrajina]): YAML reads the line as one word, not a key and its value.
  // Not before / or : (an address's https://), where the colon is no key's.
  const unspaced = /^( *[A-Za-z_][\w-]*:)([^\s/:].*)$/.exec(line.trimEnd());
  if (unspaced) {
    const fixed = `${unspaced[1]} ${unspaced[2]}`;
    return `YAML needs a space after the colon between a key and its value: write the line as ${lineToWrite(fixed)}`;
  }
  return textLineHint(line)?.hint;
}

/**
 * The line a hint gives for a line with its key fixed (the space after its colon put in, or its indentation taken
 * off), in quotes when YAML would misread its text all the same: `title:[VIDEO] Poplave` spaced is a list, and
 * `title:"Mir je blizu", je dejal` spaced is still no YAML, so the line the hint gave failed the next build. Else
 * the line as fixed (`date: 2025-12-22`, `tags: [Ukrajina]`, `draft: true`), from the margin, where a key is
 * written: kept indented, `  date:2025-12-22` under a list was told to be written `  date: 2025-12-22`, which YAML
 * refused again for its indentation.
 */
function lineToWrite(spaced: string): string {
  // A » #« left in the line starts a comment, which cuts the text (and the build refuses the cut value): the whole
  // value in quotes, when it is one that reads back as that text.
  const cut = /^( *[A-Za-z_][\w-]*: +)([^"'[{|>&*!#%@`].*\s#\S.*)$/.exec(spaced.trimEnd());
  if (cut) {
    const fixed = `${cut[1]}${quote(cut[2]!)}`;
    if (readsAsText(fixed, cut[2])) return fixed.trim();
  } else {
    const quoted = textLineHint(spaced);
    if (quoted?.line !== undefined && (quoted.indicator || yaml().parseDocument(spaced.trimStart(), { schema: 'core', customTags: [] }).errors.length > 0)) return quoted.line;
  }
  return spaced.trim();
}

/**
 * The hint for a line whose text value YAML misreads, and the line to write when there is one; `indicator` when
 * the value starts with a character YAML reads otherwise (a line that is valid YAML all the same).
 */
function textLineHint(line: string): { hint: string; line?: string; indicator?: true } | undefined {
  // Trimmed first, not matched with a lazy (.*?)\s*$: that tries the rest of the line at every character, and
  // a line with 64,000 spaces inside its value took 4 s.
  const trimmed = line.trimEnd();
  const match = /^( *- +)(.*)$/.exec(trimmed) ?? /^( *[A-Za-z_][\w-]*: +)(.*)$/.exec(trimmed);
  if (!match) return undefined;
  const [, start, value] = match as unknown as [string, string, string];
  const indicator = INDICATORS[value[0] ?? ''];
  if (indicator && TEXT_KEYS.has(start.trim().slice(0, -1)) && !readsAsText(line)) {
    const fixed = `${start}${quote(value)}`;
    return readsAsText(fixed, value) ? { hint: `YAML reads a value that starts with ${value[0]} as ${indicator}, not as text: write the line as ${fixed.trim()}`, line: fixed.trim(), indicator: true } : undefined;
  }
  // Only a value meant as text: not a list or mapping in brackets, a block scalar, an anchor, alias, tag or comment.
  if (value === '' || /^[[{|>&*!#%@`]/.test(value) || readsAsText(line)) return undefined;
  // A byline pasted with the label of its line (Piše: Ana Novak): quoted whole, the label was part of the author.
  const byline = start.trim() === 'author:' ? bylineLine(value) : undefined;
  if (byline !== undefined) {
    const fixed = textLine('author', byline.name);
    if (readsAsText(fixed, byline.name)) return { hint: `"${byline.label}" is the label of a byline line, not part of the byline: write the line as ${fixed}`, line: fixed };
  }
  const opening = value[0];
  if ((opening === '"' || opening === "'") && value.split(opening).length === 2) {
    return { hint: `the ${opening} that opens this value is never closed: end the text with ${opening}` };
  }
  // A person's name or role, a byline or a source between typographic quotes is the editor's quoting, typed by Word
  // or macOS: YAML's are ' and ".
  const typed = QUOTELESS_KEYS.has(start.trim()) ? insideTypographicQuotes(value) : undefined;
  const text = typed ?? (opening === '"' && value.endsWith('"') && value.length > 1 ? value.slice(1, -1) : value);
  const fixed = `${start}${quote(text)}`;
  if (!readsAsText(fixed, text)) return undefined;
  const straight = typed === undefined ? '' : ` (YAML reads only ' and " as quotes, not ${endQuotes(value)})`;
  return { hint: `text with ": " or quotes in it goes in quotes as a whole; write the line as ${fixed.trim()}${straight}`, line: fixed.trim() };
}

/** The text keys whose whole value is never between quotes (article/bad-author, person/bad-name …). */
const QUOTELESS_KEYS = new Set(['name:', 'role:', 'author:', 'source:']);

/** The line `key: [a, b]` that YAML reads as these entries: each plain where it reads back as written, else in quotes. */
export function listLine(key: string, items: readonly string[]): string {
  return `${key}: [${items.map((item) => (readsAsItem(item) ? item : quote(item))).join(', ')}]`;
}

/** The line `key: text` that YAML reads as this text: plain where it reads back as written, else in quotes. */
export function textLine(key: string, text: string): string {
  const plain = `${key}: ${text}`;
  return readsAsText(plain, text) ? plain : `${key}: ${quote(text)}`;
}

function readsAsItem(item: string): boolean {
  const document = yaml().parseDocument(`[${item}]`, { schema: 'core', customTags: [] });
  if (document.errors.length > 0) return false;
  const data: unknown = document.toJS();
  return Array.isArray(data) && data.length === 1 && data[0] === item;
}

/** Text in YAML quotes: single ones around text with double quotes in it, else double ones. */
export function quote(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Keys whose value is only ever text, in an article, a person file and site.yaml. A value of theirs that
 * starts with one of YAML's indicators is text the editor meant, not YAML: a headline such as
 * title: [VIDEO] Poplave v Savinjski, or a summary: **V živo** … copied with its Markdown.
 */
const TEXT_KEYS = new Set(['title', 'summary', 'author', 'source', 'slug', 'name', 'role', 'description']);
const INDICATORS: Readonly<Record<string, string>> = {
  '[': 'the start of a list',
  '{': 'the start of a mapping',
  '*': 'a reference to another value (an alias)',
  '&': 'a name for the value (an anchor)',
  '!': 'a tag',
  '@': 'a reserved character',
  '`': 'a reserved character',
  '%': 'a directive',
};

/** Whether `line` alone is valid YAML whose one value (of a key or a list item) is a string, `expected` if given. */
function readsAsText(line: string, expected?: string): boolean {
  const document = yaml().parseDocument(line.trimStart(), { schema: 'core', customTags: [] });
  if (document.errors.length > 0) return false;
  const data: unknown = document.toJS();
  const value = Array.isArray(data) ? data[0] : data !== null && typeof data === 'object' ? Object.values(data)[0] : undefined;
  return typeof value === 'string' && (expected === undefined || value === expected);
}

function firstLineOf(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

