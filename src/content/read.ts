import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArhivarError } from '../errors.ts';
import { folderKind } from '../folder-kind.ts';
import { sha1 } from '../hash.ts';
import { append } from '../append.ts';

/**
 * The only module that reads content/. Everything it returns is decoded text: UTF-8 with or without
 * a BOM, line endings folded to \n, letters composed (NFC). Files that are not UTF-8 and links that lead
 * out of content/ are reported, never read.
 */
export interface SourceFile {
  /** Path relative to the project root with forward slashes, as error messages show it. */
  file: string;
  text: string;
  /** Modification time, used by `import` when no date is given. */
  mtimeMs: number;
  /**
   * sha1 of `text` (base64url), made once as the file is read: the no-change check and the front-matter
   * cache both key on the text, and hashing 10,000 texts twice cost about 60 ms of every rebuild.
   */
  hash?: string | undefined;
}

export interface ContentSources {
  site: SourceFile | undefined;
  articles: SourceFile[];
  people: SourceFile[];
  errors: ArhivarError[];
  /** Files that look like content but sit where nothing reads them (content/x.md, content/site.yml). */
  warnings?: ArhivarError[];
  /** What this read learned of every file, for the next one (ReadOptions.known); set when `known` was given. */
  known?: KnownFiles;
}

/**
 * What a read learned of each content file (by project path): its hash and the file-system facts that
 * change whenever its bytes do. A rebuild gives it back to readContent, which then looks at an unchanged
 * file with one stat instead of reading, decoding and hashing it (10,000 articles: about 0.35 s).
 */
export type KnownFiles = Map<string, KnownFile>;

export interface KnownFile {
  size: number;
  mtimeMs: number;
  /** Changes with every write, even one that sets the modification time back (touch -d, rsync -t). */
  ctimeMs: number;
  ino: number;
  /** sha1 of the decoded text, as SourceFile.hash. */
  hash: string;
  /** When the file was read: a file changed less than STABLE_MS before it is read again next time. */
  readAtMs: number;
}

export interface ReadOptions {
  /** KnownFiles of an earlier read: files whose stat still matches are not read until their text is asked for. */
  known?: KnownFiles | undefined;
}

/**
 * A file whose stat matches what an earlier read knew is trusted only if it had not changed for this long
 * when that read took place. Otherwise a second write within the file system's timestamp granularity could
 * leave size and times as they were (the "racy" case git's index guards against the same way).
 */
export const STABLE_MS = 2000;

export const CONTENT_DIR = 'content';
const MAX_FILE_BYTES = 8 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The text of a content file as arhivar reads it: UTF-8 without a byte-order mark, line endings folded to
 * \n, and composed (NFC). Some editors and systems save č as c + a combining caron (NFD); search, word
 * counts and name detection split words at a combining mark, so every text is composed once, here.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  return decodeContent(bytes, file).text;
}

/** decodeText, and whether the text is the bytes read as they are (decoding changed nothing). */
function decodeContent(bytes: Uint8Array, file: string): { text: string; asRead: boolean } {
  const document = documentKind(bytes);
  if (document) {
    throw new ArhivarError({
      code: 'content/not-text',
      message: `file is ${document}, not plain text`,
      file,
      line: 1,
      hint: 'open it where it was made and save it as plain text in UTF-8 (in Word: Save As, Plain Text (.txt), encoding Unicode (UTF-8); in LibreOffice: Save As, Text (.txt)), or copy its text into a .txt file saved as UTF-8, then import that file',
    });
  }
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch (cause) {
    if (startsWithUtf16Bom(bytes)) throw utf16Error(file, cause);
    const offset = firstInvalidUtf8Offset(bytes);
    const line = offset === undefined ? undefined : countLines(bytes, offset);
    throw new ArhivarError({
      code: 'content/not-utf8',
      message: `file is not valid UTF-8${offset === undefined ? '' : ` (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at offset ${offset})`}; it looks like a legacy encoding such as Windows-1250`,
      file,
      line,
      hint: `convert it to UTF-8, for example: iconv -f windows-1250 -t utf-8 "${file}" > "${file}.utf8" && mv "${file}.utf8" "${file}"`,
      cause,
    });
  }
  // Composing never joins or splits lines, so line numbers in messages still match the file.
  const text = normaliseLineEndings(decoded).normalize('NFC');
  // The decoder drops a byte-order mark; a carriage return or a decomposed letter makes the text differ.
  const asRead = text === decoded && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  return { text, asRead };
}

/**
 * The kind of word-processor document or PDF the bytes are, by the signature they open with; undefined for any
 * other. Such a file is what a freelancer sends to be imported: told it »looks like Windows-1250«, its hint's
 * iconv … && mv wrote the converted bytes over the document, and an RTF file, which is ASCII, became an article
 * of its markup.
 */
function documentKind(bytes: Uint8Array): string | undefined {
  const opens = (signature: readonly number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (opens([0x50, 0x4b, 0x03, 0x04])) return 'a Word (.docx), LibreOffice (.odt) or other ZIP-packed document';
  if (opens([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'an older Word document (.doc)';
  if (opens([...'%PDF-'].map((char) => char.charCodeAt(0)))) return 'a PDF document';
  if (opens([...'{\\rtf'].map((char) => char.charCodeAt(0)))) return 'an RTF document';
  return undefined;
}

/**
 * FF FE or FE FF: UTF-16's byte-order mark, which Windows Notepad writes when a file is saved as "Unicode"
 * (and Windows PowerShell's Out-File by default). Converting such a file from Windows-1250, as the general
 * hint says, would make every other byte a NUL.
 */
function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function utf16Error(file: string, cause: unknown): ArhivarError {
  return new ArhivarError({
    code: 'content/not-utf8',
    message: 'file is saved as UTF-16 (it starts with the byte-order mark of UTF-16, as Windows Notepad saves "Unicode"), not UTF-8',
    file,
    line: 1,
    // GNU iconv reads the byte-order mark of "utf-16" for the byte order, and does not copy it.
    hint: `save it again as UTF-8 (in Notepad: Save as, Encoding UTF-8), or convert it: iconv -f utf-16 -t utf-8 "${file}" > "${file}.utf8" && mv "${file}.utf8" "${file}"`,
    cause,
  });
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return undefined;
}

export async function readSourceFile(root: string, absolute: string): Promise<SourceFile> {
  return readSourceFileSync(root, absolute);
}

/**
 * A content file read as a build reads it, without the hash (SourceFile.hash), for a command that only looks
 * at the files (arhivar new): the hash was a third of the time of reading 10,000 articles.
 */
export function readUnhashedSourceFile(root: string, absolute: string): SourceFile {
  return readSourceWithStats(root, absolute, false).source;
}

/**
 * Synchronous on purpose: content files are small and read from the page cache, where one open/fstat/read/close
 * costs a few microseconds, while the promise API spends ten times that per file in thread-pool hops
 * (measured: 10,000 articles 1.5 s of CPU with promises).
 */
function readSourceFileSync(root: string, absolute: string): SourceFile {
  return readSourceWithStats(root, absolute).source;
}

function readSourceWithStats(root: string, absolute: string, hashed = true): { source: SourceFile; info: Stats } {
  const file = toProjectPath(root, absolute);
  // Without O_NONBLOCK, opening a pipe waits for a writer, and reading one (or a device such as /dev/zero)
  // never ends: content/site.yaml as a pipe hung every build. A regular file reads the same either way.
  const descriptor = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(descriptor);
    // A folder is left to the read, whose EISDIR readAll reports as a folder.
    if (!info.isFile() && !info.isDirectory()) throw notAFile(file, 'file');
    if (info.size > MAX_FILE_BYTES) {
      throw new ArhivarError({
        code: 'content/too-large',
        message: `file is ${(info.size / 1024 / 1024).toFixed(1)} MB; arhivar reads content files up to ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        file,
        hint: 'split the article, or move large data out of content/',
      });
    }
    const bytes = readFileSync(descriptor);
    if (!hashed) return { source: { file, text: decodeText(bytes, file), mtimeMs: info.mtimeMs }, info };
    const { text, hash } = readText(bytes, file);
    return { source: { file, text, mtimeMs: info.mtimeMs, hash }, info };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The decoded text (decodeText) and its sha1 (SourceFile.hash). Hashing a string first encodes it to UTF-8
 * again, which for text with č, š or ž (held by V8 at two bytes a character) cost as much as the hash; the
 * bytes read are that encoding already unless decoding changed them, which only a byte-order mark, a
 * carriage return or a decomposed letter does (a file that is not UTF-8 fails to decode).
 */
export function readText(bytes: Uint8Array, file: string): { text: string; hash: string } {
  const { text, asRead } = decodeContent(bytes, file);
  return { text, hash: sha1(asRead ? bytes : text) };
}

/**
 * A file known unchanged from its stat (ReadOptions.known): its text is read only when asked for, which a
 * rebuild does only where .cache/ lacks what the text would give (an article rendered by other code).
 * Should the bytes no longer match the hash by then, the build stops instead of mixing two versions.
 */
class UnreadSourceFile implements SourceFile {
  #text: string | undefined;

  constructor(
    private readonly root: string,
    private readonly absolute: string,
    readonly file: string,
    readonly mtimeMs: number,
    readonly hash: string,
  ) {}

  get text(): string {
    if (this.#text === undefined) {
      let read: SourceFile | undefined;
      try {
        read = readSourceFileSync(this.root, this.absolute);
      } catch (error) {
        if (error instanceof ArhivarError) throw error;
      }
      if (read?.hash !== this.hash) {
        throw new ArhivarError({
          code: 'content/changed-during-build',
          message: `the file ${read ? 'changed' : 'was removed or became unreadable'} while arhivar was building, so the build stopped; nothing was published`,
          file: this.file,
          hint: 'run the build again once the file is saved',
        });
      }
      this.#text = read.text;
    }
    return this.#text;
  }

  /** `arhivar build` lets go of a text it no longer needs by setting it to ''. */
  set text(value: string) {
    this.#text = value;
  }
}

/**
 * A new record of the same file without its text, which is read again only if asked for and checked against
 * the hash, as for a file known from its stat. The dev server keeps its sources for the session and hands
 * each load copies it may let go of: holding every text would cost about 650 MB at 100,000 articles.
 */
export function withoutText(root: string, source: SourceFile): SourceFile {
  // Without a hash the text could not be checked when read again: a copy that keeps it.
  if (source.hash === undefined) return { ...source };
  return new UnreadSourceFile(root, path.resolve(root, source.file), source.file, source.mtimeMs, source.hash);
}

/** The stat of `absolute` still shows the file `known` describes, and it had been stable when that was read. */
function isUnchanged(known: KnownFile, info: Stats): boolean {
  return (
    info.isFile() &&
    info.size === known.size &&
    info.mtimeMs === known.mtimeMs &&
    info.ctimeMs === known.ctimeMs &&
    info.ino === known.ino &&
    known.readAtMs - Math.max(known.mtimeMs, known.ctimeMs) >= STABLE_MS
  );
}

export function toProjectPath(root: string, absolute: string): string {
  // Nearly every path asked for is one listed under root, a path.join of it: then it is root, a slash and the
  // rest, and the rest is the answer. path.relative resolves both paths, which for the 10,000 files of a
  // rebuild took 17 ms. Only where that is sure: a POSIX root already resolved, and a rest with no empty, .
  // or .. part and no slash at the end.
  if (path.sep === '/' && absolute.length > root.length + 1 && absolute.charCodeAt(root.length) === SLASH && absolute.startsWith(root) && isResolved(root)) {
    const rest = absolute.slice(root.length + 1);
    if (!UNRESOLVED_PART.test(rest)) return rest;
  }
  return path.relative(root, absolute).split(path.sep).join('/');
}

const SLASH = 47;
const UNRESOLVED_PART = /(?:^|\/)\.{0,2}(?:\/|$)/;
let lastRoot: { root: string; resolved: boolean } | undefined;

/** Whether path.resolve leaves `root` as it is; asked for one root over and over, so the last answer is kept. */
function isResolved(root: string): boolean {
  if (lastRoot?.root !== root) lastRoot = { root, resolved: path.isAbsolute(root) && path.resolve(root) === root };
  return lastRoot.resolved;
}

/** Other names a Markdown file goes by, and plain text: not read, but an editor who dropped one is told. */
const ALMOST_MARKDOWN = /\.(markdown|mdown|mkdn?|mkd|txt|text)$/i;

/**
 * Lists `*.md` files below `directory`. Directories are entered whatever their name (a folder called
 * `x.md` is a folder), hidden entries are skipped, and a symbolic link is followed only when its target
 * stays inside content/.
 */
export async function listMarkdownFiles(root: string, directory: string, errors: ArhivarError[], warnings?: ArhivarError[]): Promise<string[]> {
  const contentRoot = await realpath(path.join(root, CONTENT_DIR)).catch(() => path.join(root, CONTENT_DIR));
  const found: string[] = [];
  // Real paths of the folders entered so far: a link back to one of them would loop for ever.
  const entered = new Set<string>();
  async function walk(current: string): Promise<void> {
    const real = await realpath(current).catch(() => current);
    if (entered.has(real)) return;
    entered.add(real);
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(current, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        if (!target || !isInside(contentRoot, target)) {
          errors.push(linkOutside(root, absolute, target));
          continue;
        }
        const info = await lstat(target);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      }
      const isMarkdown = entry.name.toLowerCase().endsWith('.md');
      if (isDirectory) {
        const target = await realpath(absolute).catch(() => absolute);
        if (entered.has(target) || isInside(target, path.dirname(absolute))) {
          errors.push(
            new ArhivarError({
              code: 'content/symlink-loop',
              message: `symbolic link leads to a folder that is read already (${toProjectPath(root, target) || '.'}); it is not followed, so no article is read twice`,
              file: toProjectPath(root, absolute),
              hint: 'delete the link: every folder under content/ is read anyway',
            }),
          );
          continue;
        }
        await walk(absolute);
      } else if (isFile && isMarkdown) found.push(absolute);
      else if (isFile && warnings && ALMOST_MARKDOWN.test(entry.name)) {
        // A .txt that opens with front matter is an article saved by an editor that adds .txt (Notepad's
        // clanek.md.txt): import would take its --- lines for text, so it is to be renamed like a .markdown.
        const plainText = /\.te?xt$/i.test(entry.name) && !(await opensWithFrontMatter(absolute));
        warnings.push(
          new ArhivarError({
            code: 'content/stray-file',
            message: `only .md files are read, so this ${plainText ? 'plain-text' : 'Markdown'} file is not published`,
            file: toProjectPath(root, absolute),
            hint: plainText ? `turn it into an article with: npm run import -- ${toProjectPath(root, absolute)}` : `rename it to end in .md: ${entry.name.replace(/(\.(md|markdown|mdown|mkdn?|mkd))?\.(markdown|mdown|mkdn?|mkd|txt|text)$/i, '.md')}`,
          }),
        );
      } else if (isFile && warnings && !entry.name.includes('.') && (await opensWithFrontMatter(absolute))) {
        // An article saved without an extension (a save dialog that hides them, or a name typed without .md).
        warnings.push(
          new ArhivarError({
            code: 'content/stray-file',
            message: 'this file starts with front matter like an article, but only .md files are read, so it is not published',
            file: toProjectPath(root, absolute),
            hint: `rename it to end in .md: ${entry.name}.md`,
          }),
        );
      } else if (isMarkdown) {
        errors.push(notAFile(toProjectPath(root, absolute), 'Markdown file'));
      }
    }
  }
  // The folder itself (content/articles, content/people) may be a link too, held to the same rule; a link
  // to nothing is reported by readContent as content/not-a-folder.
  if ((await lstat(directory).catch(() => undefined))?.isSymbolicLink()) {
    const target = await realpath(directory).catch(() => undefined);
    if (!target) return found;
    if (!isInside(contentRoot, target)) {
      errors.push(linkOutside(root, directory, target));
      return found;
    }
  }
  await walk(directory);
  return found;
}

/** Whether the file's first line is the --- that opens front matter (after a byte-order mark, if any). */
async function opensWithFrontMatter(absolute: string): Promise<boolean> {
  const handle = await open(absolute, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return FRONT_MATTER_OPENING.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** `---` alone on the first line, as front-matter.ts reads it once the text is decoded. */
export const FRONT_MATTER_OPENING = /^\uFEFF?---[ \t]*\r?\n/;

/** A pipe, socket or device where a content file belongs: reading it could block the build for ever. */
function notAFile(file: string, kind: string): ArhivarError {
  return new ArhivarError({
    code: 'content/not-a-file',
    message: 'this is not an ordinary file (a pipe, socket or device), so it is not read',
    file,
    hint: `replace it with a normal ${kind}, or delete it`,
  });
}

/** A link that leads out of content/ (or nowhere) is never followed: content/ is all a build may read. */
function linkOutside(root: string, absolute: string, target: string | undefined): ArhivarError {
  return new ArhivarError({
    code: 'content/symlink-outside',
    message: target ? `symbolic link points outside content/ (to ${target}); it is not followed` : 'symbolic link is broken',
    file: toProjectPath(root, absolute),
    hint: 'copy the file into content/ instead of linking to it, or delete the link',
  });
}

/**
 * content/site.yaml, unless it is missing (all defaults). A link is read only when it stays inside
 * content/, as for every other content file.
 */
async function siteFilePath(root: string, contentDir: string, errors: ArhivarError[]): Promise<string | undefined> {
  const sitePath = path.join(contentDir, 'site.yaml');
  const info = await lstat(sitePath).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isSymbolicLink()) return sitePath;
  const contentRoot = await realpath(contentDir).catch(() => contentDir);
  const target = await realpath(sitePath).catch(() => undefined);
  if (target && isInside(contentRoot, target)) return sitePath;
  errors.push(linkOutside(root, sitePath, target));
  return undefined;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function readAll(root: string, files: string[], errors: ArhivarError[], known: KnownFiles | undefined, learned: KnownFiles): Promise<SourceFile[]> {
  const results: SourceFile[] = [];
  for (const absolute of files) {
    const file = toProjectPath(root, absolute);
    try {
      const before = known?.get(file);
      const info = before && statSync(absolute, { throwIfNoEntry: false });
      if (before && info && isUnchanged(before, info)) {
        results.push(new UnreadSourceFile(root, absolute, file, info.mtimeMs, before.hash));
        learned.set(file, before);
        continue;
      }
      const readAtMs = Date.now();
      const read = readSourceWithStats(root, absolute);
      results.push(read.source);
      const { size, mtimeMs, ctimeMs, ino } = read.info;
      learned.set(file, { size, mtimeMs, ctimeMs, ino, hash: read.source.hash!, readAtMs });
    } catch (error) {
      if (error instanceof ArhivarError) errors.push(error);
      else if ((error as NodeJS.ErrnoException).code === 'EISDIR')
        errors.push(new ArhivarError({ code: 'content/unreadable', message: `${file} is a folder, not a file`, file, hint: 'rename the folder; arhivar reads this name as a file' }));
      else errors.push(new ArhivarError({ code: 'content/unreadable', message: `cannot read file: ${String(error)}`, file, hint: 'check that the file exists and is readable' }));
    }
  }
  return results;
}

/** content/site.yaml alone, for a command that needs the settings without the content; undefined when it cannot be read. */
export async function readSiteFile(root: string): Promise<SourceFile | undefined> {
  // Not through a link out of content/ (content/symlink-outside, which a build reports).
  const sitePath = await siteFilePath(root, path.join(root, CONTENT_DIR), []);
  // Only a plain file: a pipe would block.
  if (sitePath === undefined || !(await stat(sitePath).then((info) => info.isFile(), () => false))) return undefined;
  try {
    return await readSourceFile(root, sitePath);
  } catch {
    return undefined;
  }
}

export async function readContent(root: string, options: ReadOptions = {}): Promise<ContentSources> {
  const errors: ArhivarError[] = [];
  const contentDir = path.join(root, CONTENT_DIR);
  const exists = await stat(contentDir).then((s) => s.isDirectory(), () => false);
  if (!exists) {
    errors.push(new ArhivarError({ code: 'content/missing', message: `there is no ${CONTENT_DIR}/ folder in ${root}`, hint: 'run arhivar from the project folder, or pass --root' }));
    return { site: undefined, articles: [], people: [], errors };
  }
  // Each listing reports into lists of its own, joined in a fixed order: the two run at once.
  const articleErrors: ArhivarError[] = [];
  const peopleErrors: ArhivarError[] = [];
  const articlesNotRead: ArhivarError[] = [];
  const peopleNotRead: ArhivarError[] = [];
  const [articlePaths, peoplePaths] = await Promise.all([
    listMarkdownFiles(root, path.join(contentDir, 'articles'), articleErrors, articlesNotRead),
    listMarkdownFiles(root, path.join(contentDir, 'people'), peopleErrors, peopleNotRead),
  ]);
  append(append(errors, articleErrors), peopleErrors);
  const notRead = [...articlesNotRead, ...peopleNotRead];
  // A missing folder is an archive without articles (or people) yet; a file in its place would silently
  // publish one, and replace the site that is online with it.
  for (const folder of ['articles', 'people']) {
    const kind = await folderKind(path.join(contentDir, folder));
    if (kind === 'folder' || kind === 'missing') continue;
    errors.push(
      new ArhivarError({
        code: 'content/not-a-folder',
        message: `${CONTENT_DIR}/${folder} is ${kind === 'link-to-nothing' ? 'a link to nothing' : 'not a folder'}, so nothing in it can be read`,
        file: toProjectPath(root, path.join(contentDir, folder)),
        hint: `${CONTENT_DIR}/${folder}/ holds one Markdown file per ${folder === 'articles' ? 'article' : 'person'}: rename the file and make a folder of that name`,
      }),
    );
  }
  const sitePath = await siteFilePath(root, contentDir, errors);
  const known = options.known;
  const learned: KnownFiles = new Map();
  const site = sitePath === undefined ? undefined : (await readAll(root, [sitePath], errors, known, learned))[0];
  const [articles, people] = await Promise.all([readAll(root, articlePaths, errors, known, learned), readAll(root, peoplePaths, errors, known, learned)]);
  return { site, articles, people, errors, warnings: [...notRead, ...(await findStrayFiles(root, contentDir))], ...(known ? { known: learned } : {}) };
}

/** An article or settings file dropped in the wrong place is not published; say so instead of ignoring it. */
async function findStrayFiles(root: string, contentDir: string): Promise<ArhivarError[]> {
  const entries = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  const warnings: ArhivarError[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = toProjectPath(root, path.join(contentDir, entry.name));
    const name = entry.name.toLowerCase();
    if (name.endsWith('.md')) {
      warnings.push(
        new ArhivarError({
          code: 'content/stray-file',
          message: `this Markdown file is outside ${CONTENT_DIR}/articles/ and ${CONTENT_DIR}/people/, so it is not published`,
          file,
          hint: `move an article into ${CONTENT_DIR}/articles/ (for example ${CONTENT_DIR}/articles/2025/) and a person into ${CONTENT_DIR}/people/`,
        }),
      );
    } else if (name === 'site.yml' || (name === 'site.yaml' && entry.name !== 'site.yaml')) {
      warnings.push(
        new ArhivarError({
          code: 'content/stray-file',
          message: `the site settings are read from ${CONTENT_DIR}/site.yaml only, so this file is not read`,
          file,
          hint: `rename it to ${CONTENT_DIR}/site.yaml`,
        }),
      );
    }
  }
  return warnings;
}
