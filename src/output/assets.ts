import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { Logger } from 'vite';
import type { AssetUrls } from '../render/context.ts';
import { ArhivarError, ContentErrors } from '../errors.ts';
import { findSiteIcon } from './site-icon.ts';
import { importedNames, importLine } from './import-line.ts';
import { nearSibling } from './links.ts';
import { toProjectPath } from '../content/read.ts';

export interface OutputFile {
  /** Path inside dist/, forward slashes, no leading slash. */
  path: string;
  bytes: Uint8Array | string;
  /** sha1 of the bytes (base64url) when the producer already knows it, so the writer need not hash them again. */
  hash?: string | undefined;
}

export interface BuiltAssets {
  urls: AssetUrls;
  files: OutputFile[];
}

/** The theme and the browser scripts belong to arhivar itself, not to a site's content. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STYLESHEET = path.join(PROJECT_ROOT, 'templates', 'site.css');
/** Every `src/client/<name>.ts` is a script entry; templates find its URL as `assets.scripts.<name>`. */
export const CLIENT_DIR = path.join(PROJECT_ROOT, 'src', 'client');
const CACHE_FILE = path.join(PROJECT_ROOT, '.cache', 'assets', 'build.json');
/** The folder of dist/ the bundles are written into, under content-hashed names. */
export const ASSETS_FOLDER = 'assets';
/** Bump when the Vite options below change, so an old cache entry is not reused. */
const RECIPE = 3;

interface CacheEntry {
  recipe: number;
  vite: string;
  entries: Record<string, string>;
  /** Every file the bundle was made from (project-relative) with its SHA-256. */
  inputs: Record<string, string>;
  urls: AssetUrls;
  files: { path: string; text: string }[];
}

/**
 * Bundles and minifies the stylesheet and the client scripts with Vite, under content-hashed names
 * (browsers may cache them forever). The result is cached in .cache/ keyed by the hashes of every input
 * file, so a build whose theme and scripts did not change does not load Vite at all.
 * The site's icon (`root`'s public/favicon.*) is looked for on every call; it is a file of the site, not a bundle.
 */
export async function buildAssets(root: string): Promise<BuiltAssets> {
  const [bundled, icon] = await Promise.all([bundledAssets(), findSiteIcon(root)]);
  return icon ? { ...bundled, urls: { ...bundled.urls, icon } } : bundled;
}

/** The stylesheet and scripts, which are arhivar's own and the same for every site. */
async function bundledAssets(): Promise<BuiltAssets> {
  const entries = await listEntries();
  // Before the cache: a bundle Vite made with only a warning for the missing file is kept there.
  const problems = themeProblems(STYLESHEET, PROJECT_ROOT, readText, existsSync, listFolder);
  if (problems.length > 0) throw new ContentErrors(problems);
  const cached = await readCache(entries);
  if (cached) return cached;
  const built = await bundle(entries);
  await writeCache(built).catch(() => undefined);
  return { urls: built.urls, files: built.files.map((file) => ({ path: file.path, bytes: file.text })) };
}

async function listEntries(): Promise<Record<string, string>> {
  const entries: Record<string, string> = { site: STYLESHEET };
  const names = await readdir(CLIENT_DIR).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (name.endsWith('.ts') && !name.endsWith('.d.ts')) entries[name.slice(0, -3)] = path.join(CLIENT_DIR, name);
  }
  return entries;
}

async function viteVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(createRequire(import.meta.url).resolve('vite/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function hashFile(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function readCache(entries: Record<string, string>): Promise<BuiltAssets | undefined> {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(await readFile(CACHE_FILE, 'utf8')) as CacheEntry;
  } catch {
    return undefined;
  }
  if (entry.recipe !== RECIPE || entry.vite !== (await viteVersion())) return undefined;
  const relativeEntries = relativize(entries);
  if (JSON.stringify(entry.entries) !== JSON.stringify(relativeEntries)) return undefined;
  for (const [file, hash] of Object.entries(entry.inputs)) {
    const actual = await hashFile(path.join(PROJECT_ROOT, file)).catch(() => undefined);
    if (actual !== hash) return undefined;
  }
  return { urls: entry.urls, files: entry.files.map((file) => ({ path: file.path, bytes: file.text })) };
}

async function writeCache(entry: CacheEntry): Promise<void> {
  await mkdir(path.dirname(CACHE_FILE), { recursive: true });
  // Parallel builds (test workers share a pid) each write their own file; the rename is atomic.
  const temporary = `${CACHE_FILE}.${process.pid}-${randomUUID()}`;
  await writeFile(temporary, JSON.stringify(entry));
  await rename(temporary, CACHE_FILE);
}

function relativize(entries: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, file] of Object.entries(entries)) result[name] = path.relative(PROJECT_ROOT, file).split(path.sep).join('/');
  return result;
}

/**
 * Bundles `entries`, and turns a failure arhivar can place (bundleProblems) into its problems.
 * Vite logs »✗ Build failed in 267ms« as it throws, which printed above that problem a failure the problem
 * already tells, so Vite's errors are held back and printed only when the failure is one arhivar cannot place
 * (it then ends in Vite's own message, and the line says what was being built). Warnings pass as before.
 */
async function bundle(entries: Record<string, string>): Promise<CacheEntry> {
  const { createLogger } = await import('vite');
  const logger = createLogger('warn');
  const printError = logger.error.bind(logger);
  const held: Parameters<Logger['error']>[] = [];
  logger.error = (...logged) => void held.push(logged);
  const printHeld = () => held.splice(0).forEach((logged) => printError(...logged));
  try {
    const built = await bundleWith(entries, logger);
    printHeld();
    return built;
  } catch (error) {
    const problems = bundleProblems(error);
    if (problems) throw problems;
    printHeld();
    throw error;
  }
}

async function bundleWith(entries: Record<string, string>, logger: Logger): Promise<CacheEntry> {
  const { build } = await import('vite');
  const inputs = new Set<string>();
  const output = await build({
    configFile: false,
    root: PROJECT_ROOT,
    // Relative: what one asset says of another (a url() in the stylesheet, a chunk a script imports) is
    // resolved against its own URL, so the same files work under any path a site is published at
    // (baseUrl https://example.si/arhiv/) and do not depend on the site. Pages link them with the path.
    base: './',
    mode: 'production',
    logLevel: 'warn',
    customLogger: logger,
    envDir: false,
    publicDir: false,
    // An inline (empty) PostCSS config stops Vite from searching the disk for one.
    css: { postcss: {} },
    plugins: [
      {
        name: 'arhivar:record-inputs',
        // Every module of the bundle goes into the cache key.
        transform(_code, id) {
          inputs.add(id);
        },
      },
    ],
    build: {
      write: false,
      minify: true,
      cssMinify: true,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      emptyOutDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entries,
        output: {
          entryFileNames: `${ASSETS_FOLDER}/[name]-[hash].js`,
          chunkFileNames: `${ASSETS_FOLDER}/[name]-[hash].js`,
          assetFileNames: `${ASSETS_FOLDER}/[name]-[hash][extname]`,
        },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const urls: AssetUrls = { stylesheet: '', scripts: {} };
  const files: CacheEntry['files'] = [];
  for (const result of results) {
    if (!('output' in result)) throw new Error('vite build returned a watcher; expected bundled output');
    for (const item of result.output) {
      const text = item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
      files.push({ path: item.fileName, text });
      if (item.type === 'chunk' && item.isEntry) urls.scripts[item.name] = `/${item.fileName}`;
      if (item.type === 'asset' && item.fileName.endsWith('.css') && item.originalFileNames.some((name) => path.resolve(PROJECT_ROOT, name) === STYLESHEET)) {
        urls.stylesheet = `/${item.fileName}`;
      }
    }
  }
  if (!urls.stylesheet) throw new Error(`vite produced no stylesheet from ${STYLESHEET}`);

  for (const file of await themeFiles(path.dirname(STYLESHEET))) inputs.add(file);
  const hashes: Record<string, string> = {};
  for (const id of [...inputs, ...Object.values(entries)].sort()) {
    const file = id.split('?')[0]!;
    if (!path.isAbsolute(file) || id.startsWith('\0')) continue;
    const relative = path.relative(PROJECT_ROOT, file).split(path.sep).join('/');
    hashes[relative] = await hashFile(file);
  }
  return { recipe: RECIPE, vite: await viteVersion(), entries: relativize(entries), inputs: hashes, urls, files };
}

/**
 * The files of the theme folder a stylesheet may read besides the modules Rolldown reports: an @import's CSS,
 * and a font or picture named by url() (Vite reads those itself, unseen by plugins). Without them in the cache
 * key, a font replaced in templates/fonts/ kept the old one in the bundle. The TSX templates are rendered,
 * not bundled, so they are left out.
 */
export async function themeFiles(themeDir: string): Promise<string[]> {
  const entries = await readdir(themeDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Vite's failure to read a stylesheet (PostCSS while it parses and follows @import, Lightning CSS while it
 * minifies) as a problem with the file and line to fix, or undefined when the failure is something else.
 * Vite wraps it in an error with an `errors` list and a stack, which is all a template developer would
 * otherwise see. An @import's own file and line are in the message (»postcss-import: …/parts.css:3:1:
 * Unclosed block«), and are the ones to fix.
 */
export function stylesheetProblem(error: unknown, root: string = PROJECT_ROOT): ArhivarError | undefined {
  const inner = (error as { errors?: unknown[] } | undefined)?.errors?.[0] ?? error;
  if (typeof inner !== 'object' || inner === null) return undefined;
  const failure = inner as { plugin?: unknown; message?: unknown; reason?: unknown; file?: unknown; id?: unknown; line?: unknown; loc?: { file?: unknown; line?: unknown } };
  if (typeof failure.plugin !== 'string' || !failure.plugin.startsWith('vite:css')) return undefined;
  const message = typeof failure.message === 'string' ? failure.message : '';
  const imported = /(\S+\.css):(\d+):\d+: ([^\n]+)/.exec(message);
  const file = imported?.[1] ?? [failure.file, failure.id, failure.loc?.file].find((value): value is string => typeof value === 'string');
  const line = imported ? Number(imported[2]) : [failure.line, failure.loc?.line].find((value): value is number => typeof value === 'number');
  const reason = imported?.[3] ?? (typeof failure.reason === 'string' ? failure.reason : message.split('\n')[0]!.replace(/^\[[^\]]*\]\s*/, ''));
  return new ArhivarError({
    code: 'template/bad-stylesheet',
    message: `the stylesheet cannot be read: ${reason.trim() || 'Vite gave no reason'}`,
    file: file === undefined ? 'templates/site.css' : path.relative(root, file.split('?')[0]!).split(path.sep).join('/'),
    line,
    hint: 'correct the CSS at that line, or above it where a { or ( is never closed (the parser notices only later), then build again',
  });
}

/**
 * Vite's failure to parse a client script (`src/client/<name>.ts`, or a file it imports) as code/syntax at its file
 * and line, as bin/code.js tells the rest of src/, or undefined when the failure is something else. Vite names
 * the place only inside its coloured code frame (»[ src/client/deli.ts:2:14 ]«), so the colours are taken out first.
 */
export function scriptProblem(error: unknown, root: string = PROJECT_ROOT): ArhivarError | undefined {
  const inner = (error as { errors?: unknown[] } | undefined)?.errors?.[0] ?? error;
  const message = (inner as { message?: unknown } | undefined)?.message;
  if (typeof message !== 'string') return undefined;
  const plain = stripVTControlCharacters(message);
  const [first = ''] = plain.split('\n');
  const at = /\[\s*([^\s\]]+\.[cm]?[jt]sx?):(\d+):\d+\s*\]/.exec(plain);
  if (!first.startsWith('[builtin:vite-transform]') || !at) return undefined;
  return new ArhivarError({
    code: 'code/syntax',
    message: first.replace(/^\[[^\]]*\]\s*/, '').trim() || 'the script does not parse',
    // Vite writes it relative to the folder the command runs in.
    file: path.relative(root, path.resolve(at[1]!)).split(path.sep).join('/'),
    line: Number(at[2]),
    hint: "arhivar's code is not valid TypeScript at this line; fix it and run the command again (npm run typecheck lists every such mistake at once)",
  });
}

/**
 * A client script's import of a file that is not there (Rolldown's UNRESOLVED_IMPORT) as code/missing-import at the
 * script's file and line, as bin/code.js tells one in the rest of src/, or undefined when the failure is something
 * else. It ended in »arhivar failed unexpectedly« with Vite's coloured code frame and exit code 3.
 */
export function unresolvedImportProblem(error: unknown, root: string = PROJECT_ROOT): ArhivarError | undefined {
  const inner = (error as { errors?: unknown[] } | undefined)?.errors?.[0] ?? error;
  const failure = inner as { code?: unknown; message?: unknown; id?: unknown; loc?: { line?: unknown } } | undefined;
  if (failure?.code !== 'UNRESOLVED_IMPORT' || typeof failure.id !== 'string' || typeof failure.message !== 'string') return undefined;
  // »[UNRESOLVED_IMPORT] Could not resolve './nikjer.ts' in ../src/client/deli.ts«, then the code frame.
  const [first = ''] = stripVTControlCharacters(failure.message).split('\n');
  const message = first.replace(/^\[[^\]]*\]\s*/, '').replace(/ in \S+$/, '').trim();
  const specifier = /^Could not resolve (['"])(.+)\1$/.exec(message)?.[2];
  const source = readText(failure.id);
  return new ArhivarError({
    code: 'code/missing-import',
    message: message || 'an imported file is not there',
    file: path.relative(root, failure.id).split(path.sep).join('/'),
    // Rolldown's loc is a line of the code as transformed, without the types and comments.
    line: source !== undefined && specifier !== undefined ? importLine(source, specifier) : undefined,
    hint: 'the file or package this line imports is not there; correct the path (relative to the file) or add the file',
  });
}

/**
 * Every failure of a bundle (Vite's `errors`, one for each file Rolldown could not read) as the problem arhivar tells
 * at its file and line (stylesheetProblem, scriptProblem, javascriptSyntaxProblem, unresolvedImportProblem,
 * missingExportProblem), or else at its file (bundleFailureProblem), or undefined when any of them is no failure of
 * the bundle's files (an option Vite refuses: arhivar's own bug): Vite's own message, which bundle() then prints,
 * tells them all.
 * Only the first was looked at, so of a script that does not parse and another importing a file that is not there
 * only the first was told, and Vite's message naming the second was dropped with it.
 */
export function bundleProblems(error: unknown, root: string = PROJECT_ROOT, read: (file: string) => string | undefined = readText): ContentErrors | undefined {
  const listed = (error as { errors?: unknown[] } | undefined)?.errors;
  const failures = listed && listed.length > 0 ? listed : [error];
  const problems = failures.map(
    (failure) =>
      stylesheetProblem(failure, root) ??
      scriptProblem(failure, root) ??
      javascriptSyntaxProblem(failure, root) ??
      unresolvedImportProblem(failure, root) ??
      missingExportProblem(failure, root, read) ??
      bundleFailureProblem(failure, root),
  );
  if (problems.some((problem) => problem === undefined)) return undefined;
  return new ContentErrors(problems as ArhivarError[]);
}

/**
 * A plain JavaScript file of src/client/ (.js, .mjs, .cjs) that does not parse as code/syntax at its file and line, as
 * scriptProblem tells a .ts file, or undefined when the failure is something else. Vite hands such a file to Rolldown
 * untransformed, so it fails with Rolldown's PARSE_ERROR, not Vite's transform error, and ended in »arhivar failed
 * unexpectedly« with exit code 3. Its line is then one of the file as written; a .ts file's PARSE_ERROR (a name declared
 * twice) is at a line of the code with its types and comments taken out, so it is left to Vite's message.
 */
function javascriptSyntaxProblem(failure: unknown, root: string): ArhivarError | undefined {
  const { code, message, id, loc } = (failure ?? {}) as { code?: unknown; message?: unknown; id?: unknown; loc?: { line?: unknown } };
  if (code !== 'PARSE_ERROR' || typeof message !== 'string' || typeof id !== 'string' || !/\.[cm]?js$/.test(id)) return undefined;
  // »[PARSE_ERROR] Unexpected token«, then the code frame.
  const [first = ''] = stripVTControlCharacters(message).split('\n');
  return new ArhivarError({
    code: 'code/syntax',
    message: first.replace(/^\[[^\]]*\]\s*/, '').trim() || 'the script does not parse',
    file: toProjectPath(root, id),
    line: typeof loc?.line === 'number' ? loc.line : undefined,
    hint: "arhivar's code is not valid JavaScript at this line; fix it and run the command again",
  });
}

/**
 * Any other failure of the bundle in one of its files as a problem with Vite's reason, at the file when Vite or Rolldown
 * names one, or undefined when it names none and comes from no plugin (an option arhivar gave wrong, a bug) or is the
 * system's (a file it may not read): those stay unexpected. It ended in »arhivar failed unexpectedly« with Vite's
 * coloured code frame, a stack and exit code 3, which blamed arhivar for a mistake in src/client/: a name a .ts file
 * declares twice (Rolldown's PARSE_ERROR, at a line of the code with its types and comments taken out, which would
 * send a developer to the wrong line, so none is given), or a JSON file a script imports that does not parse.
 */
function bundleFailureProblem(failure: unknown, root: string): ArhivarError | undefined {
  const { code, message, id, loc, plugin, syscall } = (failure ?? {}) as {
    code?: unknown;
    message?: unknown;
    id?: unknown;
    loc?: { file?: unknown };
    plugin?: unknown;
    syscall?: unknown;
  };
  if (typeof message !== 'string' || typeof syscall === 'string') return undefined;
  const named = [id, loc?.file].find((value): value is string => typeof value === 'string' && path.isAbsolute(value.split('?')[0]!));
  if (named === undefined && code !== 'PLUGIN_ERROR' && typeof plugin !== 'string') return undefined;
  const file = named === undefined ? undefined : toProjectPath(root, named.split('?')[0]!);
  const typed = file !== undefined && /\.[cm]?tsx?$/.test(file);
  const syntax = code === 'PARSE_ERROR';
  return new ArhivarError({
    code: syntax ? 'code/syntax' : 'code/bundle',
    message: bundleReason(message) || 'Vite gave no reason',
    file,
    hint: typed
      ? `run npm run typecheck, which names the line in ${file}${syntax ? '' : ' when TypeScript sees the mistake'} (Rolldown's is one of the code with its types and comments taken out, so none is given here); fix it and run the command again`
      : file !== undefined
        ? 'Vite could not bundle this file for the reason above; fix it and run the command again'
        : 'Vite could not bundle src/client/ or templates/site.css for the reason above (it names the plugin, such as builtin:vite-json for a .json file a script imports); fix that file and run the command again',
  });
}

/**
 * The reason of a message of Vite or Rolldown without its colours, »[PARSE_ERROR]« prefix, code frame and stack:
 * »plugin `builtin:vite-json` threw an error: key must be a string at line 1 column 10« of a plugin's error, whose
 * »Caused by:« is joined to it and whose Rust »Stack backtrace:« is dropped.
 */
function bundleReason(message: string): string {
  const reason: string[] = [];
  for (const line of stripVTControlCharacters(message).split('\n')) {
    // The code frame (»╭─[ src/client/deli.ts:1:7 ]«) shows the code as transformed; a stack says nothing of the file.
    if (/^\s*(?:╭─|Stack backtrace:)|^\s+at\s/.test(line)) break;
    const text = line.trim();
    if (text !== '' && text !== 'Caused by:') reason.push(text);
  }
  return reason.join(': ').replace(/^\[[^\]]*\]\s*/, '');
}

/**
 * A client script's import of a name another module does not export (Rolldown's MISSING_EXPORT: misspelt, or the
 * function written without export) as code/missing-export at the import's file and line, as bin/code.js tells one
 * in the rest of src/, or undefined when the failure is something else. It ended in »arhivar failed unexpectedly«
 * with Vite's coloured code frame and exit code 3.
 */
function missingExportProblem(failure: unknown, root: string, read: (file: string) => string | undefined): ArhivarError | undefined {
  const { code, message, id, exporter } = (failure ?? {}) as { code?: unknown; message?: unknown; id?: unknown; exporter?: unknown };
  if (code !== 'MISSING_EXPORT' || typeof message !== 'string' || typeof id !== 'string' || typeof exporter !== 'string') return undefined;
  // »[MISSING_EXPORT] "gumb" is not exported by "../src/client/drugo.ts".«, then the code frame.
  const name = /"([^"]+)" is not exported by /.exec(stripVTControlCharacters(message))?.[1];
  if (name === undefined) return undefined;
  const source = toProjectPath(root, exporter);
  const places = importedNames(read(id) ?? '', name);
  // The import of that name from the module that lacks it; any import of the name when the module is a package's.
  const from = places.find(({ specifier }) => specifier.startsWith('.') && sameModule(path.resolve(path.dirname(id), specifier), exporter)) ?? places[0];
  return new ArhivarError({
    code: 'code/missing-export',
    message: `No matching export in "${source}" for import "${name}"`,
    file: toProjectPath(root, id),
    line: from?.line,
    hint:
      name === 'default'
        ? `${source} has no default export; import one of its names in braces ({ … }), or write export default in ${source}`
        : `${source} has no export named ${name}; correct the name this line imports, or write export before ${name}'s declaration in ${source}`,
  });
}

/** Whether an import's path names `file`, written with its extension, without it, as .js for a .ts file, or as its folder. */
function sameModule(written: string, file: string): boolean {
  const bare = (module: string) => module.replace(/\.[cm]?[jt]sx?$/, '').replace(/[\\/]index$/, '');
  return bare(written) === bare(file);
}

/** The names in a folder, or undefined when it cannot be read (not there): for a near name in a hint. */
function listFolder(folder: string): string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    return undefined;
  }
}

/** A file's text, or undefined when it cannot be read (Vite then reports it, as before). */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * missingStylesheetFiles and unmatchedBraces of `entry` and of every stylesheet beside it that it @imports, and they
 * in turn, once each (an import loop ends at a file already read). Vite inlines such a file and resolves its url()s against
 * its own folder, so a font named there and missing was published as a broken address with only Vite's
 * warning, as one in site.css was. An @import of no file beside the stylesheet (a package's, another
 * host's, one missing) is left to Vite, which resolves packages and fails on a missing file itself.
 */
export function themeProblems(
  entry: string,
  root: string,
  read: (file: string) => string | undefined,
  exists: (file: string) => boolean,
  list: (folder: string) => readonly string[] | undefined = () => undefined,
): ArhivarError[] {
  const problems: ArhivarError[] = [];
  for (const { file, css } of stylesheetsFrom(entry, read, exists)) {
    const comment = unclosedComment(css, file, root);
    const own = [...missingStylesheetFiles(css, file, root, exists, list), ...unmatchedBraces(css, file, root), ...(comment ? [comment] : [])];
    const text = withoutComments(css);
    for (const match of text.matchAll(IMPORT)) {
      const address = (match[1] ?? match[2] ?? match[3] ?? '').trim();
      const target = importedFile(address, file, exists);
      // Missing, Vite fails on it with »ENOENT … open './deli/glava.css'«, no line, and a hint about an unclosed
      // block. Only ./ and ../ are surely files (a bare name may be a package's), and `@import url(…)` has been
      // named by missingStylesheetFiles already.
      if (target !== undefined && !exists(target) && /^\.\.?\//.test(address) && !/^@import\s+url\(/i.test(match[0])) {
        own.push(
          new ArhivarError({
            code: 'template/missing-file',
            message: `@import "${address}" names ${toProjectPath(root, target)}, which does not exist`,
            file: toProjectPath(root, file),
            line: text.slice(0, match.index).split('\n').length,
            hint: 'put the stylesheet there, or correct its name in @import (it is read from the folder of the stylesheet that imports it)',
          }),
        );
      }
    }
    // This file's problems in the order of its lines, then those of the files it imports.
    problems.push(...own.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  return problems;
}

/**
 * `entry` and the stylesheets beside it that it @imports, each once, in the order a reader meets them: a file, then
 * the files it imports (and theirs) in the order of its @import lines. Files that cannot be read are left out.
 */
function stylesheetsFrom(entry: string, read: (file: string) => string | undefined, exists: (file: string) => boolean): { file: string; css: string }[] {
  const found: { file: string; css: string }[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const css = read(file);
    if (css === undefined) return;
    found.push({ file, css });
    for (const match of withoutComments(css).matchAll(IMPORT)) {
      const target = importedFile((match[1] ?? match[2] ?? match[3] ?? '').trim(), file, exists);
      if (target !== undefined && exists(target)) visit(target);
    }
  };
  visit(entry);
  return found;
}

/** An `@import` and the address it names, quoted, unquoted or in url(). */
const IMPORT = /@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^)'"\s;]+))/gi;

/**
 * A template/root-url warning at each url() of `entry`, and of the stylesheets beside it that it @imports, written
 * from the host's root (`url('/fonts/serif.woff2')`, a file of public/). The stylesheet is the same for every site
 * and keeps such an address as written, so a site published under a path (`/arhiv/`) loads nothing from it. Vite
 * says so only as it bundles (»didn't resolve at build time«, naming no line), and a build whose bundle came from
 * .cache/ (made by the build before, or by `npm run dev`) said nothing. `//host/…` is another host's, left alone.
 */
export function themeWarnings(
  entry: string,
  root: string,
  read: (file: string) => string | undefined,
  exists: (file: string) => boolean,
): ArhivarError[] {
  const warnings: ArhivarError[] = [];
  for (const { file, css } of stylesheetsFrom(entry, read, exists)) {
    const text = withoutComments(css);
    for (const match of text.matchAll(/(@import\s+)?\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) {
      const address = (match[2] ?? match[3] ?? match[4] ?? '').trim();
      if (match[1] || !/^\/(?!\/)/.test(address)) continue;
      const local = path.join(root, 'templates', address.replace(/[?#].*$/, ''));
      let relative = path.relative(path.dirname(file), local).split(path.sep).join('/');
      if (!relative.startsWith('../')) relative = `./${relative}`;
      warnings.push(
        new ArhivarError({
          code: 'template/root-url',
          message: `url("${address}") is an address from the host's root, which the stylesheet keeps as written: a site published under a path (/arhiv/) loads nothing from it`,
          file: toProjectPath(root, file),
          line: text.slice(0, match.index).split('\n').length,
          hint: `put the file in ${toProjectPath(root, local)} and write url("${relative}"): a url() is read from the folder of the stylesheet that names it, and its file is published under dist/assets/ with the stylesheet, which finds it under any path`,
        }),
      );
    }
    warnings.push(...unendedDeclarations(css, file, root));
  }
  return warnings;
}

/** A line that starts as a declaration does: `--muted:` or `color:`. */
const DECLARATION_LINE = /^[ \t]*(--[\w-]+|-?[a-z][\w-]*)[ \t]*:/i;

/**
 * A template/unended-property warning where a declaration's value runs on into a line that starts as a declaration,
 * its `;` forgotten. A custom property's value is everything up to the next `;` or the `}` of its block (CSS
 * Variables 1, §2), colons and line breaks included, so `--accent: #c00` above `--muted: #666;` is valid CSS: nothing
 * refuses it, --muted is never set and --accent is no colour, and the page silently falls back to other colours.
 * `color: red` above `margin: 0;` is one declaration too, `color: red margin: 0`, which Lightning CSS publishes as it
 * is and a browser drops as invalid (CSS Syntax 3, »consume a declaration«): neither is set.
 * Text in brackets and strings belongs to the value (`(min-width:\n 30em)`); comments are blanked first, keeping lines.
 * An ordinary property's »value« with a `{` in it is a selector (`a:hover,\na:focus {`, also nested in a rule), not a
 * declaration, and is left alone; a value of several lines that are not declarations (a font stack,
 * grid-template-areas) is no mistake.
 */
export function unendedDeclarations(css: string, file: string, root: string): ArhivarError[] {
  const text = withoutComments(css);
  const lines = text.split('\n');
  const warnings: ArhivarError[] = [];
  const declaration = /(^|[{;])(\s*)(--[\w-]+|-?[a-z][\w-]*)\s*:/gi;
  let from = 0;
  for (let match = declaration.exec(text); match; match = declaration.exec(text)) {
    if (match.index < from || insideString(text, from, match.index)) continue;
    const name = match[3]!;
    const custom = name.startsWith('--');
    const value = match.index + match[0].length;
    const end = custom ? valueEnd(text, value) : declarationEnd(text, value);
    if (end === undefined) {
      // A selector: look for declarations inside its block.
      declaration.lastIndex = value;
      continue;
    }
    from = end;
    declaration.lastIndex = end;
    // Each line break at the value's own level (not in brackets or a string) before a line that starts a declaration.
    const swallowed = lineBreaksOutside(text, value, end).filter((index) => DECLARATION_LINE.test(lines[lineOf(text, index + 1) - 1]!));
    if (swallowed.length === 0) continue;
    const own = lineOf(text, match.index + match[1]!.length + match[2]!.length);
    const set = text.slice(value, swallowed[0]).replace(/\s+/g, ' ').trim();
    const whole = `${name}: ${text.slice(value, end).replace(/\s+/g, ' ').trim()}`;
    for (const index of swallowed) {
      const line = lineOf(text, index);
      const next = lines[line]!.split(/[;}]/)[0]!.trim();
      const taken = DECLARATION_LINE.exec(next)![1]!;
      const lost = custom
        ? `${taken} is not set, and ${name} is not ${set.length > 60 ? `${set.slice(0, 59)}…` : set}`
        : `a browser drops the whole declaration (${whole.length > 120 ? `${whole.slice(0, 119)}…` : whole}), so neither ${name} nor ${taken} is set`;
      warnings.push(
        new ArhivarError({
          code: 'template/unended-property',
          message: `no ; ends this line, so line ${line + 1} (${next}) is read as part of the value of ${name}${own === line ? '' : ` (line ${own})`}: ${lost}`,
          file: toProjectPath(root, file),
          line,
          hint: `end the line with a ;: ${lines[line - 1]!.trim()};`,
        }),
      );
    }
  }
  return warnings;
}

/**
 * Where an ordinary declaration's value that starts at `start` ends, at its `;` or the `}` of its block or the end of
 * the text; undefined when a `{` comes first outside brackets and strings, which makes it a selector. Not valueEnd,
 * which reads a custom property's `{…}` as part of its value and, for a selector, ran on to the end of the file.
 */
function declarationEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\\') index++;
    else if (character === '"' || character === "'") index = stringEnd(text, index);
    else if ('(['.includes(character)) depth++;
    else if (')]'.includes(character)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && character === '{') return undefined;
    else if (depth === 0 && (character === ';' || character === '}')) return index;
  }
  return text.length;
}

/** The 1-based line of `index`. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Where a declaration's value that starts at `start` ends: at its `;`, or at the `}` of its block, or the end of the text. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\\') index++;
    else if (character === '"' || character === "'") index = stringEnd(text, index);
    else if ('([{'.includes(character)) depth++;
    else if (')]'.includes(character)) depth = Math.max(0, depth - 1);
    else if (character === '}') {
      if (depth === 0) return index;
      depth--;
    } else if (character === ';' && depth === 0) return index;
  }
  return text.length;
}

/** The line breaks between `start` and `end` that are in no bracket and no string. */
function lineBreaksOutside(text: string, start: number, end: number): number[] {
  const breaks: number[] = [];
  let depth = 0;
  for (let index = start; index < end; index++) {
    const character = text[index]!;
    if (character === '\\') index++;
    else if (character === '"' || character === "'") index = stringEnd(text, index);
    else if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character)) depth = Math.max(0, depth - 1);
    else if (character === '\n' && depth === 0) breaks.push(index);
  }
  return breaks;
}

/** The index of the quote that closes the string opening at `start`; a line break not escaped ends it too (CSS Syntax, »bad string«). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote || text[index] === '\n') return index;
  }
  return text.length;
}

/** Whether `index` lies inside a string that starts after `from` (a declaration's start is never in one). */
function insideString(text: string, from: number, index: number): boolean {
  for (let at = from; at < index; at++) {
    const character = text[at]!;
    if (character === '\\') at++;
    else if (character === '"' || character === "'") {
      at = stringEnd(text, at);
      if (at >= index) return true;
    }
  }
  return false;
}

/** themeWarnings of arhivar's own stylesheet, read now: given by every build, also when the bundle comes from .cache/. */
export function stylesheetWarnings(): ArhivarError[] {
  return themeWarnings(STYLESHEET, PROJECT_ROOT, readText, existsSync);
}

/**
 * A template/bad-stylesheet at each `{` of the stylesheet that no `}` closes, and at each `}` that closes no block.
 * Lightning CSS, which minifies site.css, closes a block left open at the end of the file as a browser does, so
 * `.x { color: red;` there was published without a word, though a `}` was surely forgotten (one left open above other
 * rules fails at the next rule, and PostCSS refuses it in an @imported file, at the `{`'s line as here). A `}` too many
 * was refused for a reason that names no brace (»Unexpected end of input« at the end of site.css, »Invalid empty
 * selector« above a rule). Braces in comments and strings, and escaped ones (`\{` in a selector), are not counted.
 */
export function unmatchedBraces(css: string, file: string, root: string): ArhivarError[] {
  const text = withoutComments(css);
  const open: number[] = [];
  const extra: number[] = [];
  let line = 1;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\n') {
      line++;
      // A string is ended by a line break too (CSS Syntax, »bad string«).
      quote = undefined;
    } else if (character === '\\') {
      if (text[index + 1] === '\n') line++;
      index++;
    } else if (quote) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '{') open.push(line);
    else if (character === '}' && open.pop() === undefined) extra.push(line);
  }
  const closing = extra.map(
    (at) =>
      new ArhivarError({
        code: 'template/bad-stylesheet',
        message: 'the stylesheet cannot be read: a } that closes no block',
        file: toProjectPath(root, file),
        line: at,
        hint: 'remove the }, or add the { it was meant to close above it; a browser drops the rule after such a }, with the } taken as part of its selector',
      }),
  );
  const unclosed = open.map(
    (at) =>
      new ArhivarError({
        code: 'template/bad-stylesheet',
        message: 'the stylesheet cannot be read: Unclosed block (the { at this line has no } to close it)',
        file: toProjectPath(root, file),
        line: at,
        hint: 'add the } where the block ends; a browser closes it only at the end of the file, so every rule after it would sit inside it',
      }),
  );
  return [...unclosed, ...closing].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The stylesheet an @import names beside `file` (see localFile), found as Vite's CSS resolver finds it: as written,
 * or else with .css added (createCSSResolvers, `extensions: ['.css']`), so `@import './deli/glava'` is
 * deli/glava.css. Without that, a stylesheet Vite inlines was told as missing and stopped the build.
 */
function importedFile(written: string, file: string, exists: (file: string) => boolean): string | undefined {
  const target = localFile(written, file);
  if (target === undefined || exists(target) || !exists(`${target}.css`)) return target;
  return `${target}.css`;
}

/**
 * A comment, or a string or unquoted url(), which is matched too (in group 1) since a /* inside one starts no comment
 * (CSS Syntax reads them as one token). A comment never closed runs to the end of the text (CSS Syntax 3, »consume
 * comments«).
 */
const COMMENT = /("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'|\burl\(\s*(?:[^\s'"()\\]|\\[\s\S])+\s*\))|\/\*[\s\S]*?(?:\*\/|$)/gi;

/**
 * The CSS with its comments blanked, keeping every line where it was; strings and url()s are kept: `content: "/*"`
 * hid every brace up to the next comment's end, and valid CSS was refused as an unclosed block. A comment never
 * closed is blanked to the end, as a browser skips it: the declarations in it were read as CSS and warned of.
 */
function withoutComments(css: string): string {
  return css.replace(COMMENT, (match, kept: string | undefined) => kept ?? match.replace(/[^\n]/g, ' '));
}

/**
 * A template/bad-stylesheet at the `/*` of a comment that no `*\/` closes. Lightning CSS reads the rest of the file
 * as the comment, as a browser does, so every rule below it was dropped without a word; PostCSS, which Vite runs for
 * a stylesheet with an @import or a url() and for one @imported, refuses it (»Unclosed comment«) at this line.
 */
function unclosedComment(css: string, file: string, root: string): ArhivarError | undefined {
  for (const match of css.matchAll(COMMENT)) {
    if (match[1] !== undefined || (match[0].length >= 4 && match[0].endsWith('*/'))) continue;
    return new ArhivarError({
      code: 'template/bad-stylesheet',
      message: 'the stylesheet cannot be read: Unclosed comment (the /* at this line has no */ to close it)',
      file: toProjectPath(root, file),
      line: css.slice(0, match.index).split('\n').length,
      hint: 'close the comment with */ where it ends; a browser reads everything below the /* as part of the comment and skips it',
    });
  }
  return undefined;
}

/**
 * The file an address in the stylesheet `file` names beside it, or undefined for an address from the host's
 * root (`/slike/x.png`, see README "Changing the look"), of another host, `data:` or `#fragment`.
 */
function localFile(written: string, file: string): string | undefined {
  const address = written.trim();
  if (address === '' || /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(address)) return undefined;
  const name = address.replace(/[?#].*$/, '');
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A lone % is left for Vite to report, as before.
  }
  return path.resolve(path.dirname(file), decoded);
}

/**
 * Each url() of the stylesheet that names a file beside it (`./fonts/serif.woff2`) that does not exist. Vite
 * only warns of such a file ("didn't resolve at build time", naming neither the stylesheet nor the line) and
 * publishes the address as written, which points into dist/assets/ where nothing is: the font or picture
 * silently never loads. Addresses that are no file beside it (localFile) are left to Vite as before.
 * Comments are blanked first, keeping lines.
 */
export function missingStylesheetFiles(
  css: string,
  file: string,
  root: string,
  exists: (file: string) => boolean,
  list: (folder: string) => readonly string[] | undefined = () => undefined,
): ArhivarError[] {
  const text = withoutComments(css);
  const problems: ArhivarError[] = [];
  for (const match of text.matchAll(/(@import\s+)?\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) {
    const address = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    // `@import url(…)` names a stylesheet, which Vite resolves as one (importedFile).
    const target = match[1] ? importedFile(address, file, exists) : localFile(address, file);
    if (target === undefined || exists(target)) continue;
    problems.push(
      new ArhivarError({
        code: 'template/missing-file',
        message: `url("${address}") names ${toProjectPath(root, target)}, which does not exist`,
        file: toProjectPath(root, file),
        line: text.slice(0, match.index).split('\n').length,
        hint: missingFileHint(address, target, root, list),
      }),
    );
  }
  return problems;
}

/**
 * What to do about a url() whose file `target` is not there: the folder it is read from, which is that of the
 * stylesheet naming it, not site.css's (»beside the stylesheet« sent the editor of `url('../slike/logo.pgn')` in
 * templates/deli/glava.css to templates/deli/), and the one name there a few typos from it, as the link check
 * offers one (links.ts nearSibling: `logo.png`), with the address to write.
 */
function missingFileHint(address: string, target: string, root: string, list: (folder: string) => readonly string[] | undefined): string {
  const folder = `${toProjectPath(root, path.dirname(target))}/`;
  const name = path.basename(target);
  const read = '(a url() is read from the folder of the stylesheet that names it)';
  const published = 'it is published under dist/assets/ with the stylesheet';
  const near = nearSibling(name, (list(path.dirname(target)) ?? []).filter((candidate) => candidate !== name));
  if (near === undefined) return `put ${name} in ${folder} ${read}, or correct its name in url(); ${published}`;
  // The address as written with its last name replaced; a ?query or #fragment after it is kept.
  const [, written = '', rest = ''] = /^([^?#]*)(.*)$/s.exec(address) ?? [];
  const meant = `${written.slice(0, written.lastIndexOf('/') + 1)}${near}${rest}`;
  return `${folder} has ${near}: write url("${meant}") if that is the file meant, or put ${name} in ${folder} ${read}; ${published}`;
}
