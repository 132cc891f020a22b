// arhivar's own code as Node runs it. Plain JavaScript (typed by code.d.ts) because it runs before any
// TypeScript can be loaded: the command-line entry points use it to start from a compiled bundle.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_ROOT = path.join(PACKAGE_ROOT, 'src');
const TSCONFIG = path.join(PACKAGE_ROOT, 'tsconfig.json');
const THIS_FILE = fileURLToPath(import.meta.url);
const STALE_BUNDLE_MS = 60 * 60 * 1000;

/**
 * The options Node runs arhivar's commands with: the bin's first line and the npm scripts pass them, and the
 * benchmark starts its builds with them (tests/unit/bin/node-flags.test.ts keeps the three the same).
 * `--max-semi-space-size=4` caps V8's young generation at 4 MB per semi-space instead of 16. The main
 * thread of a build allocates quickly and keeps little of it, and with the larger young generation a
 * 10,000-article cold build peaked about 90 MB higher (500-550 MiB against 420-460) for the same CPU time.
 * A build from a kept .cache/ with no dist/, which mostly renders pages on this thread, is 0.5-1.7 s slower
 * with it (7-13 s in all; 3 alternating pairs): kept for the cold build's peak.
 * It also applies to the worker threads; there it made no measurable difference. The dev server's warm
 * start is about 9 % slower with it (it loads many long-lived records); kept there as well, because at
 * 100,000 articles it is what keeps a fresh dev start under 2 GB. The one cost we know of that matters: at
 * 100,000 articles a one-article rebuild takes about 20 % longer than with 32 MB, and V8 sets the size once per
 * process, for every thread (README, "Tried and not kept").
 */
export const NODE_FLAGS = ['--max-semi-space-size=4'];

/** @type {Promise<string> | undefined} */
let version;
/** @type {Promise<string> | undefined} */
let bundleKey;

/**
 * Bundles being made now, by every copy of this module in the process (a test runner may load a second copy
 * beside Node's, and both use the one esbuild): its service process is stopped when the last one is done.
 */
const BUNDLES_IN_PROGRESS = Symbol.for('arhivar.bundlesInProgress');
/** @type {{ [BUNDLES_IN_PROGRESS]?: number }} */
const processWide = globalThis;

/**
 * A hash of arhivar itself: package.json, the lock file and every file under src/ and templates/ of the
 * installed package. Compiled bundles and everything cached under a site's .cache/ are keyed by it, so
 * upgrading arhivar (or editing its code in a checkout) never serves output made by other code.
 */
export function codeVersion() {
  version ??= computeCodeVersion();
  return version;
}

async function computeCodeVersion() {
  const hash = createHash('sha256');
  const files = ['package.json', 'package-lock.json'];
  for (const directory of ['src', 'templates']) {
    const entries = await readdir(path.join(PACKAGE_ROOT, directory), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile()) files.push(path.relative(PACKAGE_ROOT, path.join(entry.parentPath, entry.name)));
    }
  }
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(path.join(PACKAGE_ROOT, file)).catch(() => undefined)));
  files.forEach((file, index) => {
    const bytes = contents[index];
    if (!bytes) return;
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  });
  return hash.digest('hex').slice(0, 16);
}

/**
 * What compiled bundles are named by: the code version and the package's real path. A bundle holds that
 * path (each file's import.meta.url, code.js and the packages it imports by absolute URL), so one made in
 * another folder must not be used: a checkout copied or moved with its .cache/ (a CI runner that restores
 * .cache/ into a checkout at another path) published the old folder's stylesheet and ran the old folder's
 * code.js, which made and started its workers there, or it failed at once with ERR_MODULE_NOT_FOUND when
 * that folder was gone. The real path, because Node resolves links in the URLs it gives modules, and those
 * are the paths the bundle holds.
 */
export function bundleVersion() {
  bundleKey ??= computeBundleVersion();
  return bundleKey;
}

async function computeBundleVersion() {
  const [code, root] = await Promise.all([codeVersion(), realpath(PACKAGE_ROOT)]);
  return createHash('sha256').update(`${code}\0${root}`).digest('hex').slice(0, 16);
}

/**
 * Bundles `entry` (a path under src/) and the TypeScript it imports from src/ and templates/ into plain ES
 * modules, with packages left as imports by absolute URL. Each file's `import.meta.url` keeps meaning that
 * file's own place in the package, so paths computed from it stay right inside the bundle.
 *
 * Code reached only through `await import()` goes into a chunk of its own and is loaded when first asked
 * for, with the packages it imports: in one file, esbuild would hoist those imports to the top, and every
 * command would load Vite (100-150 ms) and remark (about 90 ms) before doing anything.
 *
 * With `options.packages` set to 'bundle', the packages go into the bundle too (for a worker thread: it
 * imports few, and resolving and loading remark's 90-odd modules one by one took a starting worker about
 * 100 ms of its 160). They must then be ES modules that do not `require()` Node's own modules.
 *
 * Code that renders pages (packages left as imports) gets a source map beside each module, `<name>.map`,
 * with no comment in the module that points to it: Node reads no map while the code runs (there is no
 * `--enable-source-maps`), and only a build that fails in a template reads one, to name the template's line
 * (output/template-line.ts). A worker's bundle renders no template and gets none.
 * @param {string} entry
 * @param {{ packages?: 'external' | 'bundle' }} [options]
 * @param {string} [outdir] the folder the files will be written to: the maps name their sources relative to it
 * @returns {Promise<{ name: string; contents: Uint8Array }[]>} The entry module is `index.mjs`; the others are its chunks and their maps.
 */
export async function bundleSource(entry, options = {}, outdir = path.join(PACKAGE_ROOT, '.cache', 'code', 'out')) {
  const bundlePackages = options.packages === 'bundle';
  const esbuild = await import('esbuild');
  processWide[BUNDLES_IN_PROGRESS] = (processWide[BUNDLES_IN_PROGRESS] ?? 0) + 1;
  try {
    return await bundleWith(esbuild.build, entry, bundlePackages, outdir);
  } finally {
    // esbuild keeps its service process (about 40 MB) until Node exits; a command makes its bundles at the
    // start, so without this the process would hold it through the whole build. A later call starts it again.
    const left = (processWide[BUNDLES_IN_PROGRESS] ?? 1) - 1;
    processWide[BUNDLES_IN_PROGRESS] = left;
    if (left === 0) await esbuild.stop();
  }
}

/**
 * @param {typeof import('esbuild').build} build
 * @param {string} entry
 * @param {boolean} bundlePackages
 * @param {string} outdir
 */
async function bundleWith(build, entry, bundlePackages, outdir) {
  const result = await build({
    entryPoints: [path.join(SOURCE_ROOT, entry)],
    // The path comments esbuild writes are relative to this: the same bundle whichever folder arhivar runs in.
    absWorkingDir: PACKAGE_ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: TSCONFIG,
    write: false,
    outdir,
    entryNames: 'index',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    sourcemap: bundlePackages ? false : 'external',
    // Lines are all a failed build needs from the map; the sources are in the package beside it.
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'arhivar-package-layout',
        setup(builder) {
          // This module stays outside the bundle, so the entry point and the bundled code share one instance
          // (and compute the code version once).
          builder.onResolve({ filter: /code\.js$/ }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            return file === THIS_FILE ? { path: pathToFileURL(file).href, external: true } : undefined;
          });
          builder.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith('node:')) return { path: args.path, external: true };
            if (bundlePackages) return undefined;
            const resolved = resolvePackageImport(args.path, args.importer);
            if ('url' in resolved) return { path: resolved.url, external: true };
            // Told at the line of the import, as esbuild tells a file that is not there: thrown from here, the
            // error was placed in esbuild's own main.js and called arhivar's code no valid TypeScript.
            return { errors: [{ text: `Could not resolve "${args.path}"`, detail: resolved }] };
          });
          builder.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const extension = path.extname(args.path).slice(1);
            const loader = extension.endsWith('tsx') ? 'tsx' : extension.endsWith('ts') ? 'ts' : 'js';
            return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
          });
        },
      },
    ],
  });
  const files = result.outputFiles.map((file) => ({ name: path.relative(outdir, file.path), contents: file.contents }));
  if (!files.some((file) => file.name === ENTRY_NAME)) throw new Error(`esbuild produced no entry module for ${entry}`);
  return files;
}

const ENTRY_NAME = 'index.mjs';

/**
 * The package an import names (`dayjs` of `dayjs/plugin/utc`, `@scope/name` of `@scope/name/sub`): what npm install takes.
 * @param {string} specifier
 */
export function packageName(specifier) {
  const names = specifier.split('/');
  return names.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/**
 * What an import of a package from the file `importer` comes to: the URL of the file Node would load (`{ url }`), or
 * why there is none. The bundler of `build` and the problem page of `dev` both decide with this, so they cannot
 * tell one import two ways. It follows Node's ES module resolver (nodejs.org/api/esm.html, "Resolution Algorithm
 * Specification"; lib/internal/modules/esm/resolve.js): a URL or a built-in module as it is, `#name` through the
 * "imports" of the importer's package.json, a package by its own name through its "exports", and any other package
 * from the first node_modules/<name>/ folder at or above the importer's, through its "exports" or, without them,
 * any of its files. Node 20 has this as import.meta.resolve(specifier, parent), but it ignores `parent` unless
 * Node runs with --experimental-import-meta-resolve and resolves from this file instead: a package in
 * templates/node_modules/ was told »not installed«, and one in src/node_modules/ was bundled for a template
 * that Node itself would not give it to.
 * @param {string} specifier the import as written: neither relative (`./x`) nor an absolute path
 * @param {string} importer the path of the file that imports it
 * @returns {PackageImport}
 */
export function resolvePackageImport(specifier, importer) {
  const base = pathToFileURL(importer);
  if (specifier.startsWith('#')) return resolvePackageImports(specifier, base);
  // Node takes what parses as a URL (`node:fs`, `data:…`) as it is, before any package.
  if (URL.canParse(specifier)) return { url: new URL(specifier).href };
  return resolvePackage(specifier, base);
}

/** @typedef {import('./code.d.ts').PackageImport} PackageImport */

/**
 * Conditions Node matches in "exports" and "imports" for an import, besides "default": "module-sync" where
 * require() of ES modules is on (Node 20.19 and later, unless turned off), as Node's own resolver has it.
 */
const CONDITIONS = new Set(['node', 'import', ...(process.features.require_module ? ['module-sync'] : [])]);

/** A target in "exports" or "imports" that Node refuses (ERR_INVALID_PACKAGE_TARGET): outside the package, or not `./…`. */
const INVALID_TARGET = Symbol('invalid package target');

/** A `.`, `..` or `node_modules` segment, which no target nor `*` match may hold (Node's invalidSegmentRegEx). */
const INVALID_SEGMENT = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;

/**
 * @param {string} specifier
 * @param {URL} base
 * @returns {PackageImport}
 */
function resolvePackage(specifier, base) {
  if (isBuiltin(specifier)) return { url: `node:${specifier}` };
  const name = packageName(specifier);
  // Names Node refuses (ERR_INVALID_MODULE_SPECIFIER): a scope alone, or one that starts with a dot or holds % or \.
  if ((specifier.startsWith('@') && !specifier.includes('/')) || /^\.|%|\\/.test(name)) return { unresolved: specifier };
  const subpath = `.${specifier.slice(name.length)}`;
  const scope = packageScope(base);
  if (scope && scope.config.name === name && scope.config.exports != null) return resolvePackageExports(scope.url, subpath, scope.config.exports, specifier);
  for (let folder = new URL('./', base); ; ) {
    const packageUrl = new URL(`node_modules/${name}/`, folder);
    if (statSync(packageUrl, { throwIfNoEntry: false })?.isDirectory()) return resolveInPackage(packageUrl, name, subpath, specifier);
    const parent = new URL('../', folder);
    if (parent.href === folder.href) return { notInstalled: name };
    folder = parent;
  }
}

/**
 * @param {URL} packageUrl the package's folder
 * @param {string} name
 * @param {string} subpath `.` or `./…`
 * @param {string} specifier
 * @returns {PackageImport}
 */
function resolveInPackage(packageUrl, name, subpath, specifier) {
  const config = readPackageConfig(new URL('package.json', packageUrl)) ?? {};
  if (config.exports != null) return resolvePackageExports(packageUrl, subpath, config.exports, specifier);
  if (subpath === '.') {
    // Node's legacyMainResolve: "main", with the endings CommonJS would try, then index.js.
    const main = typeof config.main === 'string' ? ['', '.js', '.json', '.node', '/index.js', '/index.json', '/index.node'].map((ending) => `./${config.main}${ending}`) : [];
    for (const candidate of [...main, './index.js', './index.json', './index.node']) {
      const file = existingFile(new URL(candidate, packageUrl));
      if (file) return { url: file };
    }
    // Node says »Cannot find package«: an install that lost its files, which installing again mends.
    return { notInstalled: name };
  }
  // A package without "exports" lets any of its files be imported, and Node finds one missing only when the
  // bundle runs (»arhivar failed unexpectedly«, exit code 3): told here, at the line of the import, instead.
  return fileImport(new URL(subpath, packageUrl), subpath, specifier);
}

/**
 * @param {URL} packageUrl
 * @param {string} subpath
 * @param {unknown} exports the package.json's "exports"
 * @param {string} specifier
 * @returns {PackageImport}
 */
function resolvePackageExports(packageUrl, subpath, exports, specifier) {
  // A string, an array or an object of conditions stands for the package's main entry alone.
  const keys = exports !== null && typeof exports === 'object' && !Array.isArray(exports) ? Object.keys(exports) : [];
  const entries = keys.some((key) => key.startsWith('.')) ? /** @type {Record<string, unknown>} */ (exports) : { '.': exports };
  // Keys of both kinds are refused by Node (ERR_INVALID_PACKAGE_CONFIG).
  if (keys.some((key) => key.startsWith('.')) && !keys.every((key) => key.startsWith('.'))) return { unresolved: specifier };
  const target = matchPackageTarget(packageUrl, subpath, entries, false);
  if (target === INVALID_TARGET || typeof target === 'string') return { unresolved: specifier };
  if (target == null) return { notExported: specifier };
  return fileImport(target, subpath, specifier);
}

/**
 * @param {string} specifier `#…`
 * @param {URL} base
 * @returns {PackageImport}
 */
function resolvePackageImports(specifier, base) {
  const scope = packageScope(base);
  const imports = scope?.config.imports;
  if (specifier === '#' || specifier.startsWith('#/') || specifier.endsWith('/') || !scope || imports === null || typeof imports !== 'object' || Array.isArray(imports)) {
    return { unresolved: specifier };
  }
  const target = matchPackageTarget(scope.url, specifier, /** @type {Record<string, unknown>} */ (imports), true);
  // "imports" may map to a package (`"#datum": "dayjs"`), found as if the package.json imported it.
  if (typeof target === 'string') return resolvePackage(target, new URL('package.json', scope.url));
  if (target == null || target === INVALID_TARGET) return { unresolved: specifier };
  return fileImport(target, specifier, specifier);
}

/**
 * The target of `key` in "exports" or "imports": its own entry, or the `*` pattern that matches it best (Node's
 * PACKAGE_IMPORTS_EXPORTS_RESOLVE). A string is a package an "imports" target names; null and undefined are no target.
 * @param {URL} packageUrl
 * @param {string} key
 * @param {Record<string, unknown>} entries
 * @param {boolean} internal whether these are "imports", whose targets may name packages
 * @returns {URL | string | null | undefined | typeof INVALID_TARGET}
 */
function matchPackageTarget(packageUrl, key, entries, internal) {
  if (Object.hasOwn(entries, key) && !key.includes('*') && !key.endsWith('/')) return resolvePackageTarget(packageUrl, entries[key], '', false, internal);
  let best = '';
  let match = '';
  for (const candidate of Object.getOwnPropertyNames(entries)) {
    const star = candidate.indexOf('*');
    if (star === -1 || candidate.lastIndexOf('*') !== star || !key.startsWith(candidate.slice(0, star))) continue;
    const trailer = candidate.slice(star + 1);
    if (key.length >= candidate.length && key.endsWith(trailer) && comparePatternKeys(best, candidate) === 1) {
      best = candidate;
      match = key.slice(star, key.length - trailer.length);
    }
  }
  return best ? resolvePackageTarget(packageUrl, entries[best], match, true, internal) : null;
}

/**
 * Node's PATTERN_KEY_COMPARE: the key with the longer part before `*` first, then the longer key.
 * @param {string} a
 * @param {string} b
 */
function comparePatternKeys(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase !== bBase) return aBase > bBase ? -1 : 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  return a.length === b.length ? 0 : a.length > b.length ? -1 : 1;
}

/**
 * Node's PACKAGE_TARGET_RESOLVE: a path, the first of a list that resolves, or the first of an object's conditions
 * that Node matches (in the package's order) and that resolves.
 * @param {URL} packageUrl
 * @param {unknown} target
 * @param {string} match what `*` stands for, or the rest of the key
 * @param {boolean} pattern
 * @param {boolean} internal
 * @returns {URL | string | null | undefined | typeof INVALID_TARGET}
 */
function resolvePackageTarget(packageUrl, target, match, pattern, internal) {
  if (typeof target === 'string') return resolvePackageTargetString(packageUrl, target, match, pattern, internal);
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    /** @type {null | undefined | typeof INVALID_TARGET} */
    let last;
    for (const item of target) {
      const resolved = resolvePackageTarget(packageUrl, item, match, pattern, internal);
      if (resolved === INVALID_TARGET || resolved === null) last = resolved;
      else if (resolved !== undefined) return resolved;
    }
    return last;
  }
  if (target !== null && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (condition !== 'default' && !CONDITIONS.has(condition)) continue;
      const resolved = resolvePackageTarget(packageUrl, value, match, pattern, internal);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  return target === null ? null : INVALID_TARGET;
}

/**
 * @param {URL} packageUrl
 * @param {string} target
 * @param {string} match
 * @param {boolean} pattern
 * @param {boolean} internal
 * @returns {URL | string | typeof INVALID_TARGET}
 */
function resolvePackageTargetString(packageUrl, target, match, pattern, internal) {
  if (match !== '' && !pattern && !target.endsWith('/')) return INVALID_TARGET;
  if (!target.startsWith('./')) {
    if (internal && !target.startsWith('../') && !target.startsWith('/') && !URL.canParse(target)) return pattern ? target.replaceAll('*', match) : target + match;
    return INVALID_TARGET;
  }
  if (INVALID_SEGMENT.test(target.slice(2))) return INVALID_TARGET;
  const resolved = new URL(target, packageUrl);
  if (!resolved.pathname.startsWith(packageUrl.pathname)) return INVALID_TARGET;
  if (match === '') return resolved;
  if (INVALID_SEGMENT.test(match)) return INVALID_TARGET;
  return pattern ? new URL(resolved.href.replaceAll('*', match)) : new URL(match, resolved);
}

/**
 * The file a package's import comes to, by its real path as Node gives it (one module is not loaded twice
 * through two paths of a linked package); a path inside the package that is no file has no URL.
 * @param {URL} url
 * @param {string} subpath
 * @param {string} specifier
 * @returns {PackageImport}
 */
function fileImport(url, subpath, specifier) {
  if (url.protocol !== 'file:') return { url: url.href };
  const file = existingFile(url);
  if (file) return { url: file };
  // A main entry its "exports" names but that is not there: Node tells it when the module is loaded.
  return subpath === '.' ? { url: url.href } : { noPackageFile: specifier };
}

/**
 * @param {URL} url
 * @returns {string | undefined} the URL of the file's real path, if it is a file
 */
function existingFile(url) {
  if (!statSync(url, { throwIfNoEntry: false })?.isFile()) return undefined;
  return pathToFileURL(realpathSync(url)).href;
}

/**
 * The package.json nearest above `base`, not looking past a node_modules/ folder (Node's GET_PACKAGE_SCOPE).
 * @param {URL} base
 * @returns {{ url: URL; config: Record<string, unknown> } | undefined}
 */
function packageScope(base) {
  for (let file = new URL('./package.json', base); !file.pathname.endsWith('/node_modules/package.json'); ) {
    const config = readPackageConfig(file);
    if (config) return { url: new URL('./', file), config };
    const parent = new URL('../package.json', file);
    if (parent.pathname === file.pathname) return undefined;
    file = parent;
  }
  return undefined;
}

/**
 * @param {URL} file
 * @returns {Record<string, unknown> | undefined} undefined when there is no such file, or it holds no JSON object
 */
function readPackageConfig(file) {
  try {
    const config = JSON.parse(readFileSync(file, 'utf8'));
    return config !== null && typeof config === 'object' && !Array.isArray(config) ? config : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The hint for an import of a package that resolvePackageImport found no file for, the build's and the dev
 * server's alike; undefined when it found one, or cannot say more than that the import is not there.
 * @param {PackageImport} resolved
 */
export function packageImportHint(resolved) {
  if ('notInstalled' in resolved) return notInstalledHint(resolved.notInstalled);
  if ('notExported' in resolved) return notExportedHint(resolved.notExported);
  if ('noPackageFile' in resolved) return noPackageFileHint(resolved.noPackageFile);
  return undefined;
}

/**
 * The hint for an import of a package that is not installed, the build's and the dev server's alike.
 * @param {string} name the package, as packageName gives it
 */
export function notInstalledHint(name) {
  return `the package ${name} is not installed: install it with npm install ${name}, or correct its name`;
}

/**
 * The hint for an import of a path an installed package does not export (`preact/nope`: its package.json
 * "exports" lists the paths that may be imported), the build's and the dev server's alike.
 * @param {string} specifier the import as written
 */
export function notExportedHint(specifier) {
  const name = packageName(specifier);
  return `the package ${name} is installed but does not export ${specifier} (its package.json "exports"): check the spelling, or import one of the entry points its documentation names`;
}

/**
 * The hint for an import of a file an installed package does not have (`kind-of/nope`, of a package without
 * "exports", whose files may all be imported), the build's and the dev server's alike.
 * @param {string} specifier the import as written
 */
export function noPackageFileHint(specifier) {
  const name = packageName(specifier);
  return `the package ${name} is installed but has no file ${specifier.slice(name.length + 1)}: check the spelling, or import one of the entry points its documentation names`;
}

/**
 * Writes the bundle of `entry` to `folder` as the folder <entry>-<bundleVersion>/ (index.mjs and its chunks)
 * unless it is there already, and returns the path of its index.mjs. Bundles of the same entry made by
 * older code, or in another folder, are removed once an hour old. Concurrent callers each write a temporary
 * folder of their own; the rename makes the bundle appear whole, and a caller that loses the race uses the winner's.
 * @param {string} entry
 * @param {string} folder
 * @param {{ packages?: 'external' | 'bundle' }} [options] as for bundleSource; the same for every call with this entry
 * @returns {Promise<string>}
 */
export async function compiledPath(entry, folder, options = {}) {
  const prefix = `${entry.replace(/[^a-z0-9]+/gi, '-')}-`;
  const bundle = path.join(folder, `${prefix}${await bundleVersion()}`);
  const output = path.join(bundle, ENTRY_NAME);
  if (await stat(output).then(() => true, () => false)) return output;
  const files = await bundleSource(entry, options, bundle);
  await mkdir(folder, { recursive: true });
  const temporary = `${bundle}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  for (const file of files) {
    await mkdir(path.dirname(path.join(temporary, file.name)), { recursive: true });
    await writeFile(path.join(temporary, file.name), file.contents);
  }
  try {
    await rename(temporary, bundle);
  } catch (error) {
    // Another process put the same bundle in place first (renaming onto a folder that has files fails).
    await rm(temporary, { recursive: true, force: true });
    if (!(await stat(output).then(() => true, () => false))) throw error;
  }
  // Bundles of older code are removed once they are an hour old: a process of that code (a dev server left
  // running while arhivar was edited) may still be about to start a worker or load a chunk from one.
  const staleBefore = Date.now() - STALE_BUNDLE_MS;
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    if (!name.startsWith(prefix) || file === bundle || !isBundleName(name.slice(prefix.length))) continue;
    const modified = await stat(file).then((info) => info.mtimeMs, () => Date.now());
    if (modified < staleBefore) await rm(file, { recursive: true, force: true });
  }
  return output;
}

/**
 * A bundle folder (a code version), a temporary folder a crashed process left, or a one-file bundle of
 * earlier arhivar versions (<version>.mjs). Not the bundle of another entry whose name merely starts the
 * same way (the prefix of "bench/main.ts" is not one of "bench/main-x.ts"'s).
 * @param {string} rest
 */
function isBundleName(rest) {
  return /^[0-9a-f]{16}(\.mjs|\.[^/]*\.tmp)?$/.test(rest);
}

/**
 * Imports `entry` (a TypeScript module under src/) the fast way: from its compiled bundle in the package's
 * .cache/code/, made on first use after every change to arhivar's code or to the folder it is in. Loading
 * through tsx instead costs about a second per command, because every one of some 400 modules then passes through tsx's loader thread.
 * When the bundle cannot be made (a read-only install), the TypeScript is loaded through tsx.
 * @param {string} entry
 * @returns {Promise<any>}
 */
export async function importSource(entry) {
  let file;
  try {
    file = await compiledPath(entry, path.join(PACKAGE_ROOT, '.cache', 'code'));
  } catch (error) {
    // Code that does not parse (a tag closed wrong in a template) fails under tsx too, later and with a stack.
    const problems = syntaxProblems(error);
    if (problems) throw new SourceSyntaxError(problems);
    const { register } = await import('tsx/esm/api');
    // arhivar's own tsconfig (JSX through Preact), whatever folder the command runs in.
    register({ tsconfig: TSCONFIG });
    return import(pathToFileURL(path.join(SOURCE_ROOT, entry)).href);
  }
  return import(pathToFileURL(file).href);
}

/**
 * A file of arhivar's that esbuild could not parse, said as the command line says a content problem
 * (file:line, code, message, hint), so that a typo in a template names its line instead of ending in
 * "arhivar failed unexpectedly" with esbuild's stack.
 */
export class SourceSyntaxError extends Error {
  /** @param {string[]} problems each formatted like formatError in src/errors.ts */
  constructor(problems) {
    super(problems.join('\n\n'));
    this.name = 'SourceSyntaxError';
    this.problems = problems;
  }
}

/**
 * The errors of an esbuild build that failed on the source itself, each with the file (relative to the
 * package, as absWorkingDir makes it) and line; undefined for any other failure (a folder that cannot be
 * written to), which falls back to tsx.
 * @param {unknown} error
 * @returns {string[] | undefined}
 */
export function syntaxProblems(error) {
  const errors = /** @type {{ errors?: { text: string; location?: { file: string; line: number } | null; detail?: PackageImport }[] }} */ (error)?.errors;
  const located = (errors ?? []).filter((message) => message.location);
  if (located.length === 0) return undefined;
  return located.map(({ text, location, detail }) => {
    const file = /** @type {{ file: string; line: number }} */ (location).file.split(path.sep).join('/');
    const inTemplates = file.startsWith('templates/');
    const at = `${file}:${/** @type {{ line: number }} */ (location).line}`;
    // An import of a file that is not there is no mistake of syntax: the hint would send the editor looking for one.
    if (text.startsWith('Could not resolve')) {
      const folder = inTemplates ? "the template's folder" : 'the file';
      const hint =
        (detail && packageImportHint(detail)) ??
        `the file or package this line imports is not there; correct the path (relative to ${folder}) or add the file`;
      return [`${at}  ${inTemplates ? 'template/missing-import' : 'code/missing-import'}`, `  ${text}`, `  hint: ${hint}`].join('\n');
    }
    // Nor is an import of a name the file does not export (misspelt, or its function written without export).
    const unexported = /^No matching export in "([^"]+)" for import "([^"]+)"$/.exec(text);
    if (unexported) {
      const [, source, name] = unexported;
      return [
        `${at}  ${inTemplates ? 'template/missing-export' : 'code/missing-export'}`,
        `  ${text}`,
        `  hint: ${source} has no export named ${name}; correct the name this line imports, or write export before ${name}'s declaration in ${source}`,
      ].join('\n');
    }
    return [
      `${at}  ${inTemplates ? 'template/syntax' : 'code/syntax'}`,
      `  ${text}`,
      `  hint: ${inTemplates ? 'the template is not valid TSX at this line' : "arhivar's code is not valid TypeScript at this line"}; fix it and run the command again (npm run typecheck lists every such mistake at once)`,
    ].join('\n');
  });
}
