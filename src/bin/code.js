// arhivar's own code as Node runs it. Plain JavaScript (typed by code.d.ts) because it runs before any
// TypeScript can be loaded: the command-line entry points use it to start from a compiled bundle.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { uptime } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { jsxSyntaxProblem, parseTsx } from './jsx-syntax.js';
import { madeByRunningProcess } from './process-table.js';

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
 * `--no-allocation-site-pretenuring` keeps V8 from allocating an allocation site's objects straight in the old
 * generation once most of them have outlived a young collection, which the small young generation lets a page's
 * short-lived objects do more often: in about one cold build in 40 at 10,000 articles, V8 pretenured a hundred of
 * the page phase's sites and the main thread's heap then filled with their garbage, a peak of 602-624 MiB instead of
 * 370-440. No cost was measured with it, in cold builds, one-article rebuilds, dev sessions or at 100,000 articles
 * (README, "Figures").
 */
export const NODE_FLAGS = ['--max-semi-space-size=4', '--no-allocation-site-pretenuring'];

/** @type {Promise<{ code: string; content: string }> | undefined} */
let versions;
/** @type {Promise<{ code: string; templateFree: string }> | undefined} */
let bundleKeys;

/**
 * Bundles being made now, by every copy of this module in the process (a test runner may load a second copy
 * beside Node's, and both use the one esbuild): its service process is stopped when the last one is done.
 */
const BUNDLES_IN_PROGRESS = Symbol.for('arhivar.bundlesInProgress');
/** @type {{ [BUNDLES_IN_PROGRESS]?: number }} */
const processWide = globalThis;

/**
 * A hash of arhivar itself: package.json, the lock file, tsconfig.json and every file under src/ and templates/
 * of the installed package. Compiled bundles, page fingerprints and the no-change check are keyed by it, so upgrading
 * arhivar (or editing its code or templates in a checkout) never serves pages made by other code.
 */
export async function codeVersion() {
  return (await computedVersions()).code;
}

/**
 * codeVersion less templates/: what the records of content under .cache/ are keyed by (validated front matter,
 * rendered Markdown, people found, search terms, related lists, person files). Those are made by src/ alone, and
 * no template shapes them (tests/unit/pipeline/version.test.ts holds the pipeline's modules to importing none), so a
 * template or stylesheet changed in a 10,000-article archive renders its pages again but none of its Markdown:
 * keyed by codeVersion, every such save cost a build from nothing.
 */
export async function contentCacheVersion() {
  return (await computedVersions()).content;
}

function computedVersions() {
  versions ??= computeVersions();
  return versions;
}

async function computeVersions() {
  const code = createHash('sha256');
  const content = createHash('sha256');
  // tsconfig.json too: it tells esbuild how to compile JSX (jsxImportSource) in src/ and templates/ alike.
  const files = ['package.json', 'package-lock.json', 'tsconfig.json'];
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
    const hashes = file.startsWith(`templates${path.sep}`) ? [code] : [code, content];
    for (const hash of hashes) {
      hash.update(`${file}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  });
  return { code: code.digest('hex').slice(0, 16), content: content.digest('hex').slice(0, 16) };
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
export async function bundleVersion() {
  return (await bundleVersions()).code;
}

/**
 * What the bundle of an entry whose modules import nothing from templates/ is named by (every worker's): as
 * bundleVersion, with contentCacheVersion for codeVersion. Its bytes are made from those modules alone, so a
 * template edited and built made a new bundle of each worker for nothing, the same code under a new name: the
 * Markdown worker and the render watchdog took 0.3 s of esbuild (0.4-0.9 s on a loaded 2-core machine), and a
 * 1,000-article build after the save 2.26 s against 2.04 s now (README, "Start-up"). compiledPath decides by the
 * bundle's own modules.
 */
export async function templateFreeBundleVersion() {
  return (await bundleVersions()).templateFree;
}

function bundleVersions() {
  bundleKeys ??= computeBundleVersions();
  return bundleKeys;
}

function computeBundleVersions() {
  return bundleVersionsOf(computedVersions());
}

/**
 * bundleVersion and templateFreeBundleVersion of arhivar's files as they are now, not as this process found them
 * when it started (compiledPath).
 */
function currentBundleVersions() {
  return bundleVersionsOf(computeVersions());
}

/** @param {Promise<{ code: string; content: string }>} computing */
async function bundleVersionsOf(computing) {
  const [{ code, content }, root] = await Promise.all([computing, realpath(PACKAGE_ROOT)]);
  const named = (/** @type {string} */ version) => createHash('sha256').update(`${version}\0${root}`).digest('hex').slice(0, 16);
  return { code: named(code), templateFree: named(content) };
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
  return (await bundled(entry, options, outdir)).files;
}

/**
 * bundleSource's files, and whether any module in them is a file of templates/.
 * @param {string} entry
 * @param {{ packages?: 'external' | 'bundle' }} options
 * @param {string} outdir
 * @returns {Promise<{ files: { name: string; contents: Uint8Array }[]; importsTemplates: boolean }>}
 */
async function bundled(entry, options, outdir) {
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
    // The modules the bundle holds, by path relative to absWorkingDir: whether it may be named without templates/.
    metafile: true,
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
          // Before the packages' resolver: `import 'normalize.css'` is a stylesheet too. A package's own import of
          // one (in a worker's bundle, which takes the packages in) is the package's affair, as in the dev server.
          builder.onResolve({ filter: STYLESHEET_IMPORT }, (args) =>
            args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { errors: [{ text: stylesheetImportMessage(args.path) }] },
          );
          builder.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith('node:')) return { path: args.path, external: true };
            if (bundlePackages) return undefined;
            const resolved = await resolvePackageImport(args.path, args.importer);
            if ('url' in resolved) return { path: resolved.url, external: true };
            // Told at the line of the import, as esbuild tells a file that is not there: thrown from here, the
            // error was placed in esbuild's own main.js and called arhivar's code no valid TypeScript.
            return { errors: [{ text: `Could not resolve "${args.path}"`, detail: resolved }] };
          });
          builder.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const extension = path.extname(args.path).slice(1);
            const loader = extension.endsWith('tsx') ? 'tsx' : extension.endsWith('ts') ? 'ts' : 'js';
            return { contents: loadedText(text, args.path), loader };
          });
        },
      },
    ],
  });
  const files = result.outputFiles.map((file) => ({ name: path.relative(outdir, file.path), contents: file.contents }));
  if (!files.some((file) => file.name === ENTRY_NAME)) throw new Error(`esbuild produced no entry module for ${entry}`);
  const importsTemplates = Object.keys(result.metafile.inputs).some((input) => input.startsWith('templates/'));
  return { files, importsTemplates };
}

const ENTRY_NAME = 'index.mjs';

/**
 * An import of a stylesheet, as Vite names its kinds (vite/src/node/constants.ts, CSS_LANGS_RE), with no query:
 * `import './kolofon.css'` in a template. Pages are rendered to HTML on the server and link only the bundle Vite
 * makes from templates/site.css, so its rules were published nowhere without a word: esbuild wrote them into a
 * chunk-*.css of .cache/code/ that nothing reads, and Vite's SSR loader of `npm run dev` drops them. Refused at the
 * import's line in both (the dev server's arhivar-stylesheet-imports plugin), not gathered into site.css: `npm run
 * check` loads this bundle but renders no page and bundles no stylesheet, and the dev server's loader meets a
 * template's imports only as it runs the template, after the stylesheet is made.
 */
export const STYLESHEET_IMPORT = /\.(?:css|less|sass|scss|styl|stylus|pcss|postcss|sss)$/;

/**
 * What the build and the dev server say of an import of the stylesheet `specifier`.
 * @param {string} specifier as written
 */
export function stylesheetImportMessage(specifier) {
  return `"${specifier}" is a stylesheet, which a template cannot import: its rules would be published nowhere`;
}

/**
 * The hint for an import of a stylesheet, the build's and the dev server's alike: the @import line to write in
 * templates/site.css, whose address is relative to site.css (`./deli/kolofon.css`), and a package's as written.
 * @param {string} specifier as written
 * @param {string} importer the absolute path of the file that imports it
 */
export function stylesheetImportHint(specifier, importer) {
  const relative = /^\.\.?\//.test(specifier) || path.isAbsolute(specifier);
  let address = specifier;
  if (relative) {
    address = path.relative(path.join(PACKAGE_ROOT, 'templates'), path.resolve(path.dirname(importer), specifier)).split(path.sep).join('/');
    if (!address.startsWith('../')) address = `./${address}`;
  }
  return `delete this line and add @import '${address}'; at the top of templates/site.css (above its first rule), which Vite bundles into the site's stylesheet`;
}

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
 * tell one import two ways. Node 20 has this as import.meta.resolve(specifier, parent), but it ignores `parent`
 * unless Node runs with --experimental-import-meta-resolve and resolves from this file instead: a package in
 * templates/node_modules/ was told »not installed«, and one in src/node_modules/ was bundled for a template that
 * Node itself would not give it to. import-meta-resolve is Node's own resolver ported, kept by the unified
 * collective: a package's "exports" and "imports", conditions, links and the old "main" are Node's rules, not ours.
 * Imported when first needed: loading it takes 20-60 ms, which every command would pay at start-up otherwise.
 * @param {string} specifier the import as written: neither relative (`./x`) nor an absolute path
 * @param {string} importer the path of the file that imports it
 * @returns {Promise<PackageImport>}
 */
export async function resolvePackageImport(specifier, importer) {
  const { moduleResolve } = await import('import-meta-resolve');
  try {
    return fileImport(moduleResolve(specifier, pathToFileURL(importer), CONDITIONS).href, specifier);
  } catch (error) {
    const { code, url, message } = /** @type {import('import-meta-resolve').ErrnoException} */ (error);
    // A file of a package that is not there: Node's import.meta.resolve gives its URL all the same (as the
    // library's resolve() does), and only loading it fails.
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNSUPPORTED_DIR_IMPORT') && typeof url === 'string') return fileImport(url, specifier);
    if (code === 'ERR_MODULE_NOT_FOUND' && message.startsWith('Cannot find package ')) return { notInstalled: packageName(specifier) };
    // The package is there, but its package.json "exports" has no such path (`preact/nope`).
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return { notExported: specifier };
    return { unresolved: specifier };
  }
}

/** @typedef {import('./code.d.ts').PackageImport} PackageImport */
/** @typedef {import('./code.d.ts').SourceProblem} SourceProblem */
/** @typedef {import('./jsx-syntax.d.ts').EsbuildMessage} EsbuildMessage */
/** @typedef {import('./jsx-syntax.d.ts').EsbuildLocation} EsbuildLocation */

/** The options Node runs with: its command line's, then those of NODE_OPTIONS. */
const NODE_ARGS = [...process.execArgv, ...nodeOptionsArgs(process.env.NODE_OPTIONS ?? '')];

/**
 * Conditions Node matches in "exports" and "imports" for an import, besides "default": "module-sync" where
 * require() of ES modules is on (Node 20.19 and later, unless turned off), "node-addons" unless Node runs
 * with --no-addons, and the user's own (--conditions, -C), as Node's own resolver has them
 * (lib/internal/modules/esm/utils.js); import-meta-resolve's defaults are "node" and "import" alone, and a
 * package's "node-addons" file, or the file of a condition the user gave, was passed over for its fallback.
 */
const CONDITIONS = new Set([
  'node',
  'import',
  ...(process.features.require_module ? ['module-sync'] : []),
  ...(NODE_ARGS.includes('--no-addons') ? [] : ['node-addons']),
  ...userConditions(NODE_ARGS),
]);

/**
 * The conditions Node's options give: `--conditions=name`, `--conditions name` and `-C name`, each as often as given.
 * @param {readonly string[]} args
 * @returns {string[]}
 */
export function userConditions(args) {
  /** @type {string[]} */
  const conditions = [];
  for (let index = 0; index < args.length; index++) {
    const arg = /** @type {string} */ (args[index]);
    if (arg.startsWith('--conditions=')) conditions.push(arg.slice('--conditions='.length));
    else if ((arg === '--conditions' || arg === '-C') && index + 1 < args.length) conditions.push(/** @type {string} */ (args[++index]));
  }
  return conditions;
}

/**
 * NODE_OPTIONS as Node splits it into options (ParseNodeOptionsEnvVar in src/node_options.cc): at spaces, not
 * other white space; a double quote starts or ends a stretch where spaces are kept, and inside one a backslash
 * takes the next character as it is. The quotes are dropped: `--conditions="a b"` is the option `--conditions=a b`.
 * @param {string} text
 * @returns {string[]}
 */
export function nodeOptionsArgs(text) {
  /** @type {string[]} */
  const args = [];
  let quoted = false;
  let startsArg = true;
  for (let index = 0; index < text.length; index++) {
    let character = /** @type {string} */ (text[index]);
    if (character === '\\' && quoted && index + 1 < text.length) character = /** @type {string} */ (text[++index]);
    else if (character === ' ' && !quoted) {
      startsArg = true;
      continue;
    } else if (character === '"') {
      quoted = !quoted;
      continue;
    }
    if (startsArg) args.push(character);
    else args[args.length - 1] += character;
    startsArg = false;
  }
  return args;
}

/**
 * The file an import comes to. A package without "exports" lets any of its files be imported, and Node finds
 * one missing only when the bundle runs (»arhivar failed unexpectedly«, exit code 3): told at the line of the
 * import instead. A main entry its "exports" names but that is not there is left to Node to tell when loaded.
 * @param {string} url
 * @param {string} specifier
 * @returns {PackageImport}
 */
function fileImport(url, specifier) {
  if (!url.startsWith('file:') || specifier === packageName(specifier) || specifier.startsWith('#')) return { url };
  return statSync(new URL(url), { throwIfNoEntry: false })?.isFile() ? { url } : { noPackageFile: specifier };
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
 * Writes the bundle of `entry` to `folder` as the folder <entry>-<version>/ (index.mjs and its chunks) unless it
 * is there already, and returns the path of its index.mjs. The version is templateFreeBundleVersion when no module
 * of the bundle is a file of templates/ (the workers'), so an edited template leaves it as it was, and
 * bundleVersion otherwise (the command's). The process is marked as a reader of the bundle for as long as it runs
 * (holdBundle), and a call that makes a bundle removes those of the same entry made by other code (or in another
 * folder) that no running process holds, but for the one used last before it (removeUnusedBundles). Concurrent
 * callers each write a temporary folder of their own; the rename makes the bundle appear whole, and a caller that
 * loses the race uses the winner's.
 * @param {string} entry
 * @param {string} folder
 * @param {{ packages?: 'external' | 'bundle' }} [options] as for bundleSource; the same for every call with this entry
 * @returns {Promise<string>}
 */
export async function compiledPath(entry, folder, options = {}) {
  const prefix = `${entry.replace(/[^a-z0-9]+/gi, '-')}-`;
  const templateFree = path.join(folder, `${prefix}${await templateFreeBundleVersion()}`);
  const withTemplates = path.join(folder, `${prefix}${await bundleVersion()}`);
  // Either is this code's bundle of the entry. Whether its modules import a template is decided by src/ and the
  // packages (a template is reached only through an import in src/), which both versions cover: the template-free
  // one is there only if they import none, and then an edited template finds it still right. One this process
  // made of arhivar's files as edited since it started is used again, not made each time (bundleOfSourceNow).
  const made = bundlesMade.get(path.join(folder, prefix));
  for (const bundle of made ? [made] : [templateFree, withTemplates]) {
    // A worker started again finds its bundle held already. Marked before it is looked for: a process removing the
    // bundle after that finds the mark, and one that removed it before leaves nothing to find, so it is made again.
    const output = path.join(bundle, ENTRY_NAME);
    if ((heldBundles.has(bundle) || (await holdBundle(bundle))) && (await isFile(output))) return output;
  }
  const { files, bundle } = await bundleOfSourceNow(entry, options, folder, prefix, { templateFree, withTemplates });
  const output = path.join(bundle, ENTRY_NAME);
  await mkdir(folder, { recursive: true });
  const temporary = `${bundle}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  for (const file of files) {
    await mkdir(path.dirname(path.join(temporary, file.name)), { recursive: true });
    await writeFile(path.join(temporary, file.name), file.contents);
  }
  // The bundle appears with this process's mark in it, so no other process can take it for unused in between.
  await mkdir(path.join(temporary, READERS));
  await writeFile(path.join(temporary, READERS, String(process.pid)), '');
  try {
    await rename(temporary, bundle);
    holding(bundle);
  } catch (error) {
    // Another process put the same bundle in place first (renaming onto a folder that has files fails).
    await rm(temporary, { recursive: true, force: true });
    if (!(await holdBundle(bundle)) || !(await isFile(output))) throw error;
  }
  if (bundle !== templateFree && bundle !== withTemplates) bundlesMade.set(path.join(folder, prefix), bundle);
  await removeUnusedBundles(folder, prefix, bundle);
  return output;
}

/**
 * The bundle this process made of each entry (by folder and prefix) when it was not of the version the process
 * started with (bundleOfSourceNow).
 * @type {Map<string, string>}
 */
const bundlesMade = new Map();

/**
 * The files of `entry`'s bundle and the folder they go in: one of `names` (this process's versions), unless
 * arhivar's files changed since the process started. The bundle holds the source as it is when it is made, so it
 * is named by that source's version. Named by the version the process started with, a bundle made after an edit
 * of src/ held the edited code under the old name, and once the edit was undone every command of that version ran
 * it. A command makes a bundle late (a worker's, once content/ was read), and the bundles of its version may be
 * gone by then: another command removes those no running process holds.
 * @param {string} entry
 * @param {{ packages?: 'external' | 'bundle' }} options
 * @param {string} folder
 * @param {string} prefix
 * @param {{ templateFree: string; withTemplates: string }} names
 * @returns {Promise<{ bundle: string; files: { name: string; contents: Uint8Array }[] }>}
 */
async function bundleOfSourceNow(entry, options, folder, prefix, names) {
  // A file saved while esbuild reads the source leaves a bundle of neither version: it is made again.
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written for withTemplates' place: the maps name their sources relative to it, and templateFree is beside it.
    const { files, importsTemplates } = await bundled(entry, options, names.withTemplates);
    const bundle = importsTemplates ? names.withTemplates : names.templateFree;
    const now = await currentBundleVersions();
    const current = path.join(folder, `${prefix}${importsTemplates ? now.code : now.templateFree}`);
    if (bundle === current) return { bundle, files };
    names = { templateFree: path.join(folder, `${prefix}${now.templateFree}`), withTemplates: path.join(folder, `${prefix}${now.code}`) };
  }
  throw new Error(`arhivar's own files (src/, templates/) kept changing while the bundle of ${entry} was made: run the command again once they are saved`);
}

/** The folder inside a bundle that holds a file named by the id of each process using it (compiledPath). */
const READERS = '.readers';
/**
 * How many bundles of an entry no running process holds are kept besides the newest, the most recently used
 * first: saving a template and then undoing the change, or going back to the branch before, takes the bundle
 * that was kept instead of making it again (0.35-0.40 s for the command's, 0.6-1.2 s on a loaded machine; a worker's,
 * named without templates/, is the same bundle before and after such an edit).
 */
const UNUSED_BUNDLES_KEPT = 1;
/**
 * The bundles this process has marked as its own (compiledPath), whose marks it removes as it exits.
 * @type {Set<string>}
 */
const heldBundles = new Set();

/**
 * Marks the bundle folder `bundle` as used by this process, if it is there; false when it is not (never made, or
 * removed meanwhile).
 * @param {string} bundle
 */
async function holdBundle(bundle) {
  const readers = path.join(bundle, READERS);
  try {
    // Not recursive: that would make the bundle's folder again, empty, after another process removed it.
    await mkdir(readers).catch((/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code !== 'EEXIST') throw error;
    });
    await writeFile(path.join(readers, String(process.pid)), '');
  } catch {
    return false;
  }
  holding(bundle);
  return true;
}

/** @param {string} bundle */
function holding(bundle) {
  // A worker thread's exit is not the process's: the marks, named by the process, stay until the process ends.
  if (heldBundles.size === 0 && isMainThread) process.once('exit', letGoOfBundles);
  heldBundles.add(bundle);
}

function letGoOfBundles() {
  for (const bundle of heldBundles) rmSync(path.join(bundle, READERS, String(process.pid)), { force: true });
}

/**
 * Removes the bundles of the entry named by `prefix` in `folder`, other than `current`, that no running process holds,
 * keeping the UNUSED_BUNDLES_KEPT used last: one template edit after another, each with a build, left a bundle of
 * the command and one of each worker per edit, for an hour (six edits: 18 folders, 13 MB; with the marks 6, 4.1 MB; now
 * that a worker's bundle is named without templates/, 5 after any number of edits, 3.7 MB). A bundle made by
 * arhivar before bundles were marked (it has no .readers/), a temporary folder and a one-file bundle of older versions
 * are removed once an hour old, as before: a process of older code marks nothing it uses.
 * A process that takes up an unused bundle again just as another removes it can still lose it between the other's
 * look at its marks and the rename that takes it away: it then fails to load a chunk, once.
 * @param {string} folder
 * @param {string} prefix
 * @param {string} current
 */
async function removeUnusedBundles(folder, prefix, current) {
  const staleBefore = Date.now() - STALE_BUNDLE_MS;
  const bootedAt = Date.now() - uptime() * 1000;
  /** @type {{ file: string; usedMs: number }[]} */
  const unused = [];
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    if (!name.startsWith(prefix) || file === current || !isBundleName(name.slice(prefix.length))) continue;
    const readers = path.join(file, READERS);
    const marked = name.endsWith('.tmp') ? undefined : await stat(readers).catch(() => undefined);
    if (!marked?.isDirectory()) {
      const modified = await stat(file).then((info) => info.mtimeMs, () => Date.now());
      if (modified < staleBefore) await rm(file, { recursive: true, force: true });
      continue;
    }
    if (!(await heldByRunningProcess(file, readers, bootedAt))) unused.push({ file, usedMs: marked.mtimeMs });
  }
  unused.sort((a, b) => b.usedMs - a.usedMs);
  for (const { file } of unused.slice(UNUSED_BUNDLES_KEPT)) {
    // Renamed first, at once: a process that marks it after this finds it gone and makes it again, rather than
    // loading from a folder half removed.
    const removed = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    if (await rename(file, removed).then(() => true, () => false)) await rm(removed, { recursive: true, force: true });
  }
}

/**
 * Whether a process that runs marked the bundle `file` as used. Marks of processes that have ended stay (a process
 * removes its own as it exits, a killed one cannot): removing them here would date the folder's last use to now.
 * A mark named by this process's id is its own only if it holds the bundle: otherwise a killed process that had
 * the same id left it (a CI job's container numbers its processes alike each run, and .cache/ may be restored from
 * an earlier job). Any other is judged as pipeline/blob-log.ts judges its reader files (madeByRunningProcess).
 * @param {string} file
 * @param {string} readers
 * @param {number} bootedAt
 */
async function heldByRunningProcess(file, readers, bootedAt) {
  for (const name of await readdir(readers).catch(() => [])) {
    const pid = /^\d+$/.test(name) ? Number(name) : 0;
    const made = (await stat(path.join(readers, name)).catch(() => undefined))?.mtimeMs ?? 0;
    if (pid === process.pid ? heldBundles.has(file) : madeByRunningProcess(pid, made, bootedAt)) return true;
  }
  return false;
}

/** @param {string} file */
function isFile(file) {
  return stat(file).then((info) => info.isFile(), () => false);
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
 * @param {(file: string) => string | undefined} [readSource] the text of a file of the package, for a hint
 * @param {(text: string) => EsbuildMessage[]} [parse] esbuild's errors for a text of TSX (jsx-syntax.js)
 * @returns {string[] | undefined}
 */
export function syntaxProblems(error, readSource = readPackageFile, parse = parseTsx) {
  return sourceProblems(error, readSource, parse)?.map(formatSourceProblem);
}

/**
 * syntaxProblems' problems as records, which the dev server makes its problems of (a template saved while it runs).
 * @param {unknown} error
 * @param {(file: string) => string | undefined} [readSource]
 * @param {(text: string) => EsbuildMessage[]} [parse]
 * @returns {SourceProblem[] | undefined}
 */
export function sourceProblems(error, readSource = readPackageFile, parse = parseTsx) {
  const errors = /** @type {{ errors?: (EsbuildMessage & { detail?: PackageImport })[] }} */ (error)?.errors;
  const located = (errors ?? []).filter((message) => message.location);
  if (located.length === 0) return undefined;
  /** @type {SourceProblem[]} */
  const problems = [];
  /** @type {Set<string>} */
  const toldWhole = new Set();
  for (const message of located) {
    const file = /** @type {EsbuildLocation} */ (message.location).file.split(path.sep).join('/');
    if (toldWhole.has(file)) continue;
    const jsx = /\.[jt]sx$/.test(file) ? jsxProblemOf(message, file, readSource, parse) : undefined;
    if (jsx) {
      // After a tag left open esbuild reads on in a way of its own: what it says of the rest of the file (a `}` not
      // valid in JSX, an `Unexpected "return"`) would only send the editor to lines that are right.
      toldWhole.add(file);
      problems.push(jsx);
      continue;
    }
    problems.push(sourceProblem(message, file, readSource));
  }
  return problems;
}

/**
 * The problems esbuild finds in one file of the package (relative to it) parsed alone, as a bundle would tell them;
 * undefined when it parses, or cannot be read. The dev server loads templates through Vite, whose parser (Oxc) told
 * a tag left open at the } after it with the advice to escape that }: it shows the build's problems instead. esbuild's
 * thread is stopped after, unless a bundle is being made, so a dev server keeps no esbuild process of its own.
 * @param {string} file
 * @param {(file: string) => string | undefined} [readSource]
 * @returns {SourceProblem[] | undefined}
 */
export function fileSyntaxProblems(file, readSource = readPackageFile) {
  const text = readSource(file);
  if (text === undefined) return undefined;
  const esbuild = /** @type {typeof import('esbuild')} */ (createRequire(import.meta.url)('esbuild'));
  const extension = path.extname(file).slice(1);
  const loader = extension.endsWith('tsx') ? 'tsx' : extension.endsWith('ts') ? 'ts' : extension.endsWith('jsx') ? 'jsx' : 'js';
  try {
    esbuild.transformSync(loadedText(text, path.join(PACKAGE_ROOT, file)), { loader, sourcefile: file, logLevel: 'silent' });
    return undefined;
  } catch (error) {
    return sourceProblems(error, readSource);
  } finally {
    if (!processWide[BUNDLES_IN_PROGRESS]) void esbuild.stop();
  }
}

/**
 * The problem of one esbuild error at `file`.
 * @param {EsbuildMessage & { detail?: PackageImport }} message
 * @param {string} file
 * @param {(file: string) => string | undefined} readSource
 * @returns {SourceProblem}
 */
function sourceProblem({ text, location, detail }, file, readSource) {
  const inTemplates = file.startsWith('templates/');
  const line = /** @type {EsbuildLocation} */ (location).line;
  // An import of a file that is not there is no mistake of syntax: the hint would send the editor looking for one.
  if (text.startsWith('Could not resolve')) {
    const folder = inTemplates ? "the template's folder" : 'the file';
    const hint =
      (detail && packageImportHint(detail)) ??
      `the file or package this line imports is not there; correct the path (relative to ${folder}) or add the file`;
    return { code: inTemplates ? 'template/missing-import' : 'code/missing-import', message: text, file, line, hint };
  }
  const stylesheet = /^"([^"]+)" is a stylesheet, which a template cannot import/.exec(text);
  if (stylesheet) {
    const specifier = /** @type {string} */ (stylesheet[1]);
    return { code: inTemplates ? 'template/stylesheet-import' : 'code/stylesheet-import', message: text, file, line, hint: stylesheetImportHint(specifier, path.join(PACKAGE_ROOT, file)) };
  }
  // Nor is an import of a name the file does not export (misspelt, or its function written without export).
  const unexported = /^No matching export in "([^"]+)" for import "([^"]+)"$/.exec(text);
  if (unexported) {
    const source = /** @type {string} */ (unexported[1]);
    const name = /** @type {string} */ (unexported[2]);
    return { code: inTemplates ? 'template/missing-export' : 'code/missing-export', message: text, file, line, hint: missingExportHint(source, name, readSource(source)) };
  }
  return { code: inTemplates ? 'template/syntax' : 'code/syntax', message: text, file, line, hint: syntaxHint(inTemplates) };
}

/** @param {boolean} inTemplates */
function syntaxHint(inTemplates) {
  return `${inTemplates ? 'the template is not valid TSX at this line' : "arhivar's code is not valid TypeScript at this line"}; fix it and run the command again (npm run typecheck lists every such mistake at once)`;
}

/**
 * The problem of a JSX mistake that esbuild tells at a line other than the one to mend (jsx-syntax.js), or
 * undefined when esbuild's place and reason are the ones to tell. The file's text is read as the bundle loaded it.
 * @param {EsbuildMessage} message
 * @param {string} file
 * @param {(file: string) => string | undefined} readSource
 * @param {(text: string) => EsbuildMessage[]} parse
 * @returns {SourceProblem | undefined}
 */
function jsxProblemOf(message, file, readSource, parse) {
  const text = readSource(file);
  if (text === undefined) return undefined;
  const found = jsxSyntaxProblem(message, loadedText(text, path.join(PACKAGE_ROOT, file)), parse);
  if (!found) return undefined;
  const inTemplates = file.startsWith('templates/');
  return { code: inTemplates ? 'template/syntax' : 'code/syntax', file, ...found };
}

/**
 * A problem as the command line prints it, as formatError in src/errors.ts does.
 * @param {SourceProblem} problem
 */
export function formatSourceProblem({ code, message, file, line, hint }) {
  return [`${file}:${line}  ${code}`, `  ${message}`, `  hint: ${hint}`].join('\n');
}

/**
 * The text of a file of the package as the bundle loads it: each `import.meta.url` is the file's own URL, so paths
 * computed from it stay right inside the bundle. The replacement adds no line, so esbuild's lines are the file's.
 * @param {string} text
 * @param {string} file absolute
 */
function loadedText(text, file) {
  return text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href));
}

/**
 * @param {string} file relative to the package, as esbuild names it
 * @returns {string | undefined}
 */
function readPackageFile(file) {
  try {
    return readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
}

const IDENTIFIER = '[\\p{L}_$][\\p{L}\\p{N}_$]*';

/**
 * The names a module's text exports as values, and whether it has a default export and the name declared with it.
 * Read from the text, not the module, for a hint only: a type or an interface is left out, since an import of one is
 * no value esbuild would look for.
 * @param {string} text
 */
export function exportsOf(text) {
  const named = [...text.matchAll(new RegExp(`^\\s*export\\s+(?:declare\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var|class|enum)\\s+(${IDENTIFIER})`, 'gmu'))].map((match) => /** @type {string} */ (match[1]));
  let hasDefault = /^\s*export\s+default\b/m.test(text);
  for (const list of text.matchAll(/^\s*export\s*\{([^}]*)\}/gm)) {
    for (const item of /** @type {string} */ (list[1]).split(',')) {
      const exported = item.trim().split(/\s+as\s+/).pop()?.trim();
      if (!exported || exported.startsWith('type ')) continue;
      if (exported === 'default') hasDefault = true;
      else named.push(exported);
    }
  }
  const defaultName = new RegExp(`^\\s*export\\s+default\\s+(?:async\\s+)?(?:function\\*?\\s*|class\\s+)?(${IDENTIFIER})`, 'mu').exec(text)?.[1];
  return { named: [...new Set(named)], hasDefault, defaultName: defaultName === 'function' || defaultName === 'class' ? undefined : defaultName };
}

/**
 * What to do about an import of `name` that `source` does not export. A default export and a named one mixed up is
 * the usual cause (`import { Kolofon }` of `export default function Kolofon`, `import Kolofon` of `export function
 * Kolofon`): the general hint, to write export before the name's declaration, named a declaration that had export
 * already, or »default's declaration«.
 * @param {string} source
 * @param {string} name the name imported, `default` for an import without braces
 * @param {string | undefined} text the source's text, when it could be read
 */
export function missingExportHint(source, name, text) {
  const exports = text === undefined ? undefined : exportsOf(text);
  if (exports && name === 'default' && exports.named.length > 0) {
    const names = exports.named.length === 1 ? exports.named[0] : `${exports.named.slice(0, -1).join(', ')} and ${exports.named.at(-1)}`;
    return `${source} has no default export; it exports ${names} by name: import the one this line means in braces (import { ${exports.named[0]} } from '…'), or write export default before its declaration in ${source}`;
  }
  if (exports && name !== 'default' && exports.hasDefault) {
    return exports.defaultName === name
      ? `${source} exports ${name} as its default export (export default), not by name: import it without braces, import ${name} from '…', or write export function ${name} in place of export default function ${name}`
      : `${source} has no export named ${name}, but it has a default export: if that is the one this line means, import it without braces (import ${name} from '…'); otherwise correct the name`;
  }
  if (name === 'default') return `${source} has no default export; import a name it exports in braces (import { Name } from '…'), or write export default before the declaration this line means in ${source}`;
  return `${source} has no export named ${name}; correct the name this line imports, or write export before ${name}'s declaration in ${source}`;
}
