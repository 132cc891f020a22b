// Where a template's JSX went wrong, as the editor has to mend it: esbuild tells where its parser stopped, which for
// a tag left open is where the file, or the tag around it, ends. Plain JavaScript (typed by jsx-syntax.d.ts) because
// code.js uses it before any TypeScript can be loaded.
import { createRequire } from 'node:module';

/**
 * Elements HTML leaves open (the void elements of the HTML standard, 13.1.2): someone used to HTML or to Hugo and
 * Eleventy templates writes `<br>` and `<img src="…">`, which JSX reads as tags still open.
 */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** As much of the opening tag's line as a message shows. */
const SHOWN_LINE = 80;

/**
 * The problem of a template's first syntax error when esbuild's place or reason would send the editor to the wrong
 * line or leave them guessing, or undefined when esbuild's own is the one to tell:
 * - a tag never closed (`<div class="x">` with no `</div>`, `<p>` with no `</p>`, `<br>` as HTML writes it): at the
 *   opening tag's line, where esbuild told the end of the file (»Unexpected end of file before a closing "div" tag«),
 *   the closing tag of the element around it (»Unexpected closing "main" tag does not match opening "p" tag«), or
 *   the `}` that ends the component's function (»The character "}" is not valid inside a JSX element«, with the
 *   advice to escape it), the code after the open tag having been read as its text;
 * - a `{` never closed (»Unterminated regular expression« at the closing tag after it): at the line of the `{`;
 * - an attribute's value whose closing quote is missing: at its line, where esbuild told a line below or the end of
 *   the file;
 * - an HTML comment, `<!-- … -->` (»Expected identifier but found "!"«), which JSX does not have;
 * - a `>` or `}` in a tag's text, or an attribute's value without quotes (esbuild's reason is right), with what to
 *   write in its place.
 * `parse` gives esbuild's errors for a text of TSX: an open tag is found by parsing the file again, cut or mended.
 * @param {EsbuildMessage} error
 * @param {string} text the file's text as esbuild read it
 * @param {(text: string) => EsbuildMessage[]} [parse]
 * @returns {{ line: number; message: string; hint: string } | undefined}
 */
export function jsxSyntaxProblem(error, text, parse = parseTsx) {
  const { text: reason, location, notes = [] } = error;
  if (!location) return undefined;
  const opened = notes.find((note) => note.location && OPENING_NOTE.test(note.text))?.location ?? undefined;
  const endOfFile = /^Unexpected end of file before a closing (?:"([^"]+)"|fragment) tag$/.exec(reason);
  if (endOfFile && opened) return unclosedTag(endOfFile[1], opened, 'the file ends first');
  const mismatch = /^Unexpected closing (?:"([^"]+)"|fragment) tag does not match opening (?:"([^"]+)"|fragment) tag$/.exec(reason);
  if (mismatch && opened) {
    const [, closing, opening] = mismatch;
    // The closing tag belongs to an element around the open one: that one was left open. A closing tag of an
    // element not opened before it is a misspelt one (`<h1>…</spa>`), at its own line.
    if (openedBefore(closing, text.slice(0, offsetOf(text, opened)))) return unclosedTag(opening, opened, `${closingTag(closing)} at line ${location.line} comes first`);
    return { line: location.line, message: reason, hint: `write ${closingTag(opening)} here to close the ${openingTag(opening)} of line ${opened.line}, or correct the name` };
  }
  const character = /^The character "([}>])" is not valid inside a JSX element$/.exec(reason);
  if (character && location.suggestion) {
    const at = offsetOf(text, location);
    const escaped = `${text.slice(0, at)}${location.suggestion}${text.slice(at + 1)}`;
    // Escaped as esbuild advises, a `}` that ends the component's function (or a `>` of an arrow after it) still
    // leaves its tag open: esbuild then tells the end of the file or a closing tag around it, or, when it reads on
    // into the next function, whatever it stops at; the text it took for the tag's (`);` and the like) is code.
    const later = parse(escaped);
    const tagLeftOpen = later.some((each) => TAG_LEFT_OPEN.test(each.text) && each.notes?.some((note) => note.location && offsetOf(escaped, note.location) < at));
    const stillOpen = tagLeftOpen || (later.length > 0 && CODE_AS_TEXT.test(textBefore(text, at)));
    const open = stillOpen ? innermostOpenTag(text.slice(0, at), parse) : undefined;
    if (open) return unclosedTag(open.name, open.location, `what follows it was read as its text, up to the ${character[1]} at line ${location.line}`);
    return { line: location.line, message: reason, hint: strayCharacterHint(/** @type {'}' | '>'} */ (character[1]), location.suggestion) };
  }
  if (reason === 'Unterminated regular expression') return unclosedBraceProblem(text, location, parse);
  // Inside a tag's content `<!--` is a tag named "!"; where an expression may start (before the page's first tag)
  // it is the HTML-like comment of old scripts, which a module may not have.
  const comment =
    reason === 'Expected identifier but found "!"'
      ? /^<!--(?:(.*?)-->)?/.exec(lineFrom(location, location.column - 1))
      : reason === 'Legacy HTML single-line comments are not allowed in ECMAScript modules'
        ? /^<!--(?:(.*?)-->)?/.exec(lineFrom(location, location.column))
        : null;
  if (comment) {
    const written = comment[1] === undefined ? '{/* … */}' : `{/*${comment[1]}*/}`;
    return { line: location.line, message: '<!-- starts an HTML comment, which JSX does not have', hint: `a comment in JSX is a JavaScript one in braces: write ${written} in its place, or delete it` };
  }
  const unquoted = /^Expected "\{" but found "(.+)"$/.exec(reason);
  if (unquoted && /=\s*$/.test(Buffer.from(location.lineText).subarray(0, location.column).toString())) {
    return { line: location.line, message: reason, hint: `an attribute's value is a string in quotes or an expression in braces: write "${unquoted[1]}" (or {${unquoted[1]}} for the variable of that name)` };
  }
  const at = offsetOf(text, location);
  // esbuild's words after such a value: the attribute's name or a tag's end expected, or the file ended.
  const runOn = reason.startsWith('Expected ">" but found ') || reason === 'Unexpected end of file' ? valueRunningOn(text, at) : undefined;
  if (runOn !== undefined) {
    const line = text.slice(0, runOn.start).split('\n').length;
    return {
      line,
      message: `an attribute's value at this line is missing its closing ${runOn.quote}, so what follows was read as a value (esbuild stopped at line ${location.line})`,
      hint: `end each value of this line with ${runOn.quote} (class="naslov")`,
    };
  }
  // Anything else where a tag's text was code: a tag left open in an arrow function that another follows, whose
  // body's { (»Unexpected "return"«) or parameters' { … } (»Expected "}" but found ":"«) esbuild took for an
  // expression in the tag's text. Cut before the expression esbuild stopped in, the file ends in that tag's content,
  // and the text after its last tag holds the `);` that ended the arrow function.
  const cut = openBraceBefore(text, at) ?? at;
  const open = innermostOpenTag(text.slice(0, cut), parse);
  const lastTag = open && Math.max(offsetOf(text, open.location), text.lastIndexOf('</', cut), text.lastIndexOf('/>', cut));
  if (open && lastTag !== undefined && /\)\s*;/.test(text.slice(lastTag, cut))) {
    return unclosedTag(open.name, open.location, `what follows it was read as its text, up to line ${location.line}`);
  }
  return undefined;
}

/**
 * The first attribute value in quotes that runs on over a line's end, up to where esbuild stopped: `class="naslov>`
 * with its closing " left out runs to the next ", and esbuild stops after it, a line or more below, or at the end of
 * the file; `href="/osebe/ title="vse">` ends at the " before vse, and the one after it runs on. A value may hold a
 * line's end (an icon's path): one that JSX reads on from after its closing quote is not the mistake.
 * @param {string} text
 * @param {number} at where esbuild stopped
 * @returns {{ start: number; quote: string } | undefined}
 */
function valueRunningOn(text, at) {
  const runsOn = (/** @type {number} */ start, /** @type {string} */ quote) => {
    const end = text.indexOf(quote, start + 1);
    return { end, runsOn: text.slice(start, end === -1 ? text.length : end).includes('\n') };
  };
  const value = /=\s*(["'])/g;
  for (let match = value.exec(text); match && match.index < at; match = value.exec(text)) {
    const quote = /** @type {string} */ (match[1]);
    const start = match.index + match[0].length - 1;
    const { end, runsOn: over } = runsOn(start, quote);
    // Only one esbuild read up to where it stopped: it runs to the end of the file, or between its closing quote and
    // that place is at most an attribute's name (the y of a `<p class="y">` on a line below). A value over lines that
    // JSX reads on from (an icon's path, d="M0 0 ⏎ L10 10") is valid, and the mistake is elsewhere.
    if (over && (end === -1 || /^[\w:.-]*$/.test(text.slice(end + 1, at)))) return { start, quote };
    if (end === -1) break;
    value.lastIndex = end + 1;
  }
  const found = text[at];
  return (found === '"' || found === "'") && runsOn(at, found).runsOn ? { start: at, quote: found } : undefined;
}

/**
 * Code in a tag's text, where a tag left open made esbuild read on: `);` that ends a return, a line that begins with
 * `)` (the end of a branch, `) : null`), a `;` at the end of a line.
 */
const CODE_AS_TEXT = /\)\s*;|^\s*\)|;\s*$/m;

/** The text before `at` back to the tag or expression before it. @param {string} text @param {number} at */
function textBefore(text, at) {
  return text.slice(Math.max(text.lastIndexOf('>', at - 1), text.lastIndexOf('}', at - 1)) + 1, at);
}

/**
 * A { never closed, which esbuild tells at a closing tag after it (`<p>{naslov</p>`: `</p>…` read as a regular
 * expression, »Unterminated regular expression«): at the line of the {, when a } written before one of the line's
 * closing tags mends the line. Otherwise esbuild's reason, with what it probably means.
 * @param {string} text
 * @param {EsbuildLocation} location
 * @param {(text: string) => EsbuildMessage[]} parse
 */
function unclosedBraceProblem(text, location, parse) {
  const start = offsetOf(text, { line: location.line, column: 0 });
  const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  if (!text.slice(start, end).includes('</')) return undefined;
  for (let index = text.indexOf('</', start); index !== -1 && index < end; index = text.indexOf('</', index + 2)) {
    const first = parse(`${text.slice(0, index)}}${text.slice(index)}`)[0]?.location;
    if (first && first.line <= location.line) continue;
    const brace = openBraceBefore(text, index);
    if (brace === undefined) break;
    const closing = /^<\/[^>\n]*>?/.exec(text.slice(index))?.[0] ?? '</';
    return {
      line: text.slice(0, brace).split('\n').length,
      message: `the { at this line is never closed: esbuild read the ${closing} at line ${location.line} as part of its expression`,
      hint: `close it with } where the expression ends, before ${closing}`,
    };
  }
  return {
    line: location.line,
    message: 'Unterminated regular expression',
    hint: 'esbuild read a closing tag (</…>) at this line as the start of a regular expression: a { before it is probably never closed; close it with } where its expression ends',
  };
}

/**
 * The { before `at` that no } closes before it, counting braces back; undefined when there is none. Braces in
 * strings are counted too: for a hint only.
 * @param {string} text
 * @param {number} at
 */
function openBraceBefore(text, at) {
  let depth = 0;
  for (let index = at - 1; index >= 0; index--) {
    const character = text[index];
    if (character === '}') depth++;
    else if (character === '{') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return undefined;
}

/** esbuild's note beside a closing tag that does not match, or the end of the file, that points at the opening tag. */
const OPENING_NOTE = /^The opening (?:"[^"]+"|fragment) tag is here:$/;
/** esbuild's errors that mean a tag was still open: the file ended, or the tag of an element around it closed. */
const TAG_LEFT_OPEN = /^Unexpected (?:end of file before a closing|closing (?:"[^"]+"|fragment) tag does not match opening) /;

/**
 * @param {string | undefined} name the tag's name; undefined for a fragment, `<>`
 * @param {EsbuildLocation} opened
 * @param {string} why what esbuild met before the tag's closing one
 */
function unclosedTag(name, opened, why) {
  const shown = opened.lineText.trim();
  const line = shown.length > SHOWN_LINE ? `${shown.slice(0, SHOWN_LINE - 1)}…` : shown;
  const hint =
    name === undefined
      ? 'close it with </> where its content ends'
      : VOID_ELEMENTS.has(name)
        ? `JSX closes every element, also those HTML leaves open: write it as ${new RegExp(`<${name}\\s*>`).test(shown) ? `<${name} />` : `<${name} … />`} (and so every <${name}> the file writes the HTML way)`
        : `close it with </${name}> where its content ends, or write it as <${name} … /> if it has none`;
  return { line: opened.line, message: `the ${openingTag(name)} at this line is never closed (${why}): ${line}`, hint };
}

/** @param {'}' | '>'} character @param {string} suggestion esbuild's, `{'}'}` */
function strayCharacterHint(character, suggestion) {
  if (character === '>') return `to show a > in the text, write ${suggestion} (or &gt;) in its place`;
  return `a } that no { opens: if it ends an expression, add the { where that begins; to show a } in the text, write ${suggestion} (or &rbrace;)`;
}

/** @param {string | undefined} name */
function openingTag(name) {
  return name === undefined ? '<>' : `<${name}>`;
}

/** @param {string | undefined} name */
function closingTag(name) {
  return name === undefined ? '</>' : `</${name}>`;
}

/**
 * Whether `before` opens a tag `name` (a fragment for undefined): read from the text, as a hint only.
 * @param {string | undefined} name
 * @param {string} before
 */
function openedBefore(name, before) {
  if (name === undefined) return before.includes('<>');
  return new RegExp(`<${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s/>])`).test(before);
}

/**
 * The tag still open where `cut` ends: parsed alone, it ends inside that tag's content, and esbuild tells the
 * end of the file with a note at the opening tag.
 * @param {string} cut
 * @param {(text: string) => EsbuildMessage[]} parse
 * @returns {{ name: string | undefined; location: EsbuildLocation } | undefined}
 */
function innermostOpenTag(cut, parse) {
  for (const error of parse(cut)) {
    const endOfFile = /^Unexpected end of file before a closing (?:"([^"]+)"|fragment) tag$/.exec(error.text);
    const location = error.notes?.find((note) => note.location && OPENING_NOTE.test(note.text))?.location;
    if (endOfFile && location) return { name: endOfFile[1], location };
  }
  return undefined;
}

/**
 * The offset in `text` of an esbuild location, whose column counts bytes of UTF-8 (esbuild's Location), not
 * characters: »č« before it on the line counts 2.
 * @param {string} text
 * @param {{ line: number; column: number }} location
 */
function offsetOf(text, location) {
  let start = 0;
  for (let line = 1; line < location.line; line++) {
    const end = text.indexOf('\n', start);
    if (end === -1) return text.length;
    start = end + 1;
  }
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end === -1 ? text.length : end);
  return start + Buffer.from(lineText).subarray(0, location.column).toString().length;
}

/** The location's line from the byte `column` on. @param {EsbuildLocation} location @param {number} column */
function lineFrom(location, column) {
  return Buffer.from(location.lineText).subarray(Math.max(0, column)).toString();
}

/**
 * esbuild's errors for `text` parsed as TSX; none when it parses. esbuild is loaded when first needed: a command whose
 * bundle is there already does not need it.
 * @param {string} text
 * @returns {EsbuildMessage[]}
 */
export function parseTsx(text) {
  const { transformSync } = /** @type {typeof import('esbuild')} */ (createRequire(import.meta.url)('esbuild'));
  try {
    transformSync(text, { loader: 'tsx', logLevel: 'silent' });
    return [];
  } catch (error) {
    return /** @type {{ errors?: EsbuildMessage[] }} */ (error).errors ?? [];
  }
}

/**
 * @typedef {{ file: string; line: number; column: number; lineText: string; suggestion?: string }} EsbuildLocation
 * @typedef {{ text: string; location?: EsbuildLocation | null; notes?: { text: string; location?: EsbuildLocation | null }[] }} EsbuildMessage
 */
