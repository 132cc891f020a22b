import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, realpath, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { stop, transformSync } from 'esbuild';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bundleSource, bundleVersion, compiledPath, nodeOptionsArgs, resolvePackageImport, stylesheetImportHint, syntaxProblems, templateFreeBundleVersion, userConditions } from '../../../src/bin/code.js';
import { copyPackage, makeTempDir, PROJECT_ROOT, removeDir } from '../../helpers.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

describe('compiled bundles of arhivar’s own code (src/bin/code.js)', () => {
  it('bundles an entry once per code version and folder, and removes bundles made by older code once an hour old', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    // Stale: a bundle folder of older code, a one-file bundle of an earlier arhivar, a crashed writer's folder.
    const staleFolder = path.join(folder, 'output-assets-ts-0123456789abcdef');
    await mkdir(staleFolder);
    await writeFile(path.join(staleFolder, 'index.mjs'), 'export {};\n');
    const staleFile = path.join(folder, 'output-assets-ts-1123456789abcdef.mjs');
    await writeFile(staleFile, 'export {};\n');
    const staleTemporary = path.join(folder, 'output-assets-ts-2123456789abcdef.123-abc.tmp');
    await mkdir(staleTemporary);
    for (const stale of [staleFolder, staleFile, staleTemporary]) await utimes(stale, twoHoursAgo, twoHoursAgo);
    // A bundle of other code made a minute ago may still be in use by a running process: it stays.
    const recent = path.join(folder, 'output-assets-ts-fedcba9876543210');
    await mkdir(recent);
    // So does an old bundle of another entry whose name starts the same way.
    const otherEntry = path.join(folder, 'output-assets-ts-extra-0123456789abcdef');
    await mkdir(otherEntry);
    await utimes(otherEntry, twoHoursAgo, twoHoursAgo);

    const first = await compiledPath('output/assets.ts', folder);
    // It imports no template (its stylesheet is read as it runs): named by the version without templates/.
    expect(path.relative(folder, first)).toBe(path.join(`output-assets-ts-${await templateFreeBundleVersion()}`, 'index.mjs'));
    const written = (await stat(first)).mtimeMs;
    expect(await compiledPath('output/assets.ts', folder)).toBe(first);
    expect((await stat(first)).mtimeMs).toBe(written);
    expect((await readdir(folder)).sort()).toEqual([path.basename(path.dirname(first)), path.basename(recent), path.basename(otherEntry)].sort());
  });

  it('names a bundle none of whose modules is a template by a version without templates/, and one that imports a template by the code version', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    expect(await templateFreeBundleVersion()).not.toBe(await bundleVersion());
    const worker = await compiledPath('workers/tree-writer-worker.ts', folder, { packages: 'bundle' });
    expect(path.relative(folder, worker)).toBe(path.join(`workers-tree-writer-worker-ts-${await templateFreeBundleVersion()}`, 'index.mjs'));
    // render/pages.ts imports every page template.
    const pages = await compiledPath('render/pages.ts', folder);
    expect(path.relative(folder, pages)).toBe(path.join(`render-pages-ts-${await bundleVersion()}`, 'index.mjs'));
    // Each is found again where it was put, not made a second time beside it.
    expect(await compiledPath('render/pages.ts', folder)).toBe(pages);
    expect(await compiledPath('workers/tree-writer-worker.ts', folder, { packages: 'bundle' })).toBe(worker);
    expect((await readdir(folder)).sort()).toEqual([path.basename(path.dirname(pages)), path.basename(path.dirname(worker))].sort());
  });

  it.skipIf(!existsSync('/proc/self/stat'))('removes a marked bundle of other code that no running process holds, keeping the one used last', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ended.on('exit', resolve));
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await new Promise((resolve) => running.on('spawn', resolve));
      const bundle = async (version: string, readers: readonly number[], usedAt: Date, markedAt = usedAt) => {
        const file = path.join(folder, `output-assets-ts-${version}`);
        await mkdir(path.join(file, '.readers'), { recursive: true });
        for (const pid of readers) {
          await writeFile(path.join(file, '.readers', String(pid)), '');
          await utimes(path.join(file, '.readers', String(pid)), markedAt, markedAt);
        }
        await utimes(path.join(file, '.readers'), usedAt, usedAt);
        return path.basename(file);
      };
      const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
      const held = await bundle('0000000000000001', [running.pid!], minutesAgo(120), new Date());
      const lastUsed = await bundle('0000000000000002', [], minutesAgo(3));
      const usedBefore = await bundle('0000000000000003', [], minutesAgo(5));
      // Killed, or ended: a mark nothing removed.
      const ofEnded = await bundle('0000000000000004', [ended.pid!], minutesAgo(4));
      // Marked before the process that has that id now started: left by another (a cache restored from an earlier job).
      const ofIdTaken = await bundle('0000000000000005', [running.pid!], minutesAgo(4), minutesAgo(10));
      // This process's id, but not a bundle it holds: a killed process with the same id left it.
      const ofThisId = await bundle('0000000000000006', [process.pid], minutesAgo(4));

      const made = path.dirname(await compiledPath('output/assets.ts', folder));
      expect((await readdir(folder)).sort()).toEqual([held, lastUsed, path.basename(made)].sort());
      expect(await readdir(path.join(made, '.readers'))).toEqual([String(process.pid)]);
      for (const gone of [usedBefore, ofEnded, ofIdTaken, ofThisId]) expect(existsSync(path.join(folder, gone)), gone).toBe(false);
    } finally {
      running.kill();
    }
  });

  it('keeps code reached only by import() out of what a command loads first, with the packages it imports', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const entry = await compiledPath('cli.ts', folder);
    // Everything the command line loads before running a command: the entry and the chunks it imports.
    const loaded = await staticallyLoaded(entry);
    // No package at all: the dev server's Vite, remark, and the pipeline's YAML, zod and Preact are loaded
    // by the commands that use them, so `arhivar build` with nothing changed loads none of them.
    expect([...loaded].filter((specifier) => specifier.includes('/node_modules/'))).toEqual([]);
    // They are in the bundle, in chunks of their own. (YAML is not: content/front-matter.ts requires it when
    // a block first needs it, which a rebuild after an edit seldom does.)
    const modules = (await readdir(path.dirname(entry))).filter((name) => name.endsWith('.mjs'));
    const chunks = await Promise.all(modules.map((name) => readFile(path.join(path.dirname(entry), name), 'utf8')));
    for (const name of ['vite', 'remark-parse', 'zod', 'preact']) expect(chunks.some((text) => text.includes(`/node_modules/${name}/`)), name).toBe(true);
  });

  it('writes a source map beside each module that renders pages, which the module does not point to, and none for a worker', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const bundle = path.dirname(await compiledPath('cli.ts', folder));
    const names = await readdir(bundle);
    const modules = names.filter((name) => name.endsWith('.mjs'));
    expect(names.filter((name) => name.endsWith('.map')).sort()).toEqual(modules.map((name) => `${name}.map`).sort());
    // Node would read a map named in the module when source maps are enabled; a failed build reads it itself.
    for (const name of modules) expect(await readFile(path.join(bundle, name), 'utf8')).not.toContain('sourceMappingURL');
    // The map names templates/ relative to where it was written (output/template-line.ts resolves it so).
    const maps = await Promise.all(modules.map(async (name) => JSON.parse(await readFile(path.join(bundle, `${name}.map`), 'utf8')) as { sources: string[] }));
    const person = maps.flatMap((map) => map.sources).find((source) => source.endsWith('templates/person.tsx'));
    expect(path.resolve(bundle, person!)).toBe(path.join(PROJECT_ROOT, 'templates', 'person.tsx'));
    const worker = path.dirname(await compiledPath('workers/markdown-worker.ts', folder, { packages: 'bundle' }));
    expect((await readdir(worker)).filter((name) => name.endsWith('.map'))).toEqual([]);
  });

  it('keeps remark out of what the build pipeline loads first: a build whose bodies all come from .cache/ never loads it on the main thread', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const entry = await compiledPath('build.ts', folder);
    const loaded = await staticallyLoaded(entry);
    const packages = [...loaded].filter((specifier) => specifier.includes('/node_modules/'));
    // The pipeline's own packages are there (the check would prove nothing if nothing were found) …
    expect(packages.some((specifier) => specifier.includes('/node_modules/zod/'))).toBe(true);
    // … and the Markdown renderer's are not: about 90 ms of a one-article rebuild (bios too are rendered on the workers).
    expect(packages.filter((specifier) => /\/node_modules\/(unified|remark-[a-z]+|micromark[a-z-]*|mdast-[a-z-]+|hast-[a-z-]+)\//.test(specifier))).toEqual([]);
  });

  it('keeps each bundled file’s import.meta.url, so paths computed from it point into the package, not .cache/', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const bundle = (await import(pathToFileURL(await compiledPath('output/assets.ts', folder)).href)) as typeof import('../../../src/output/assets.ts');
    expect(bundle.STYLESHEET).toBe(path.join(PROJECT_ROOT, 'templates', 'site.css'));
    expect(bundle.CLIENT_DIR).toBe(path.join(PROJECT_ROOT, 'src', 'client'));
  });

  it('leaves code.js itself outside the bundle, so the entry point and the bundled code share it', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const text = await readFile(await compiledPath('pipeline/version.ts', folder), 'utf8');
    expect(text).toContain(`from "${pathToFileURL(path.join(PROJECT_ROOT, 'src', 'bin', 'code.js')).href}"`);
    expect(text).not.toContain('computeCodeVersion');
  });

  it('makes the same bundle whichever folder arhivar runs in', async () => {
    const index = (files: Awaited<ReturnType<typeof bundleSource>>) => new TextDecoder().decode(files.find((file) => file.name === 'index.mjs')!.contents);
    const here = index(await bundleSource('text/sl.ts'));
    // A process started in another folder (esbuild takes its working folder when its service starts).
    const elsewhere = await makeTempDir();
    roots.push(elsewhere);
    const script = `const { bundleSource } = await import(${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'src', 'bin', 'code.js')).href)});
      const files = await bundleSource('text/sl.ts');
      process.stdout.write(new TextDecoder().decode(files.find((file) => file.name === 'index.mjs').contents));`;
    const { stdout: there } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: elsewhere, maxBuffer: 16 * 1024 * 1024 });
    // esbuild names each bundled file in a comment, relative to its working folder.
    expect(there).toContain('// src/text/sl.ts');
    expect(there).toBe(here);
  }, 30_000);

  it('names a bundle made after arhivar\u2019s code was edited by the code it holds, not by the version the process started with', async () => {
    // A command knows its code version from its start; a bundle it makes later (a worker's, once content was read)
    // holds the source as it is then. Named by the start's version, it held other code under that name: once the
    // edit was undone, every command of that version ran it. Since a bundle no running process holds goes at once,
    // not after an hour, a later command makes again the bundles of a version it finds gone.
    const checkout = await makeTempDir();
    const folder = await makeTempDir();
    roots.push(checkout, folder);
    await copyPackage(checkout);
    const codeJs = JSON.stringify(pathToFileURL(path.join(checkout, 'src', 'bin', 'code.js')).href);
    const source = path.join(checkout, 'src', 'output', 'assets.ts');
    const script = `const { bundleVersion, compiledPath } = await import(${codeJs});
      const { appendFile } = await import('node:fs/promises');
      await bundleVersion();
      await appendFile(${JSON.stringify(source)}, "export const EDITED = 'urejeno po zagonu';\\n");
      const made = await compiledPath('output/assets.ts', ${JSON.stringify(folder)});
      // Asked again (a worker started again), the process takes the bundle it made, as its other workers run it,
      // though the file was edited once more.
      await appendFile(${JSON.stringify(source)}, "export const EDITED_AGAIN = 1;\\n");
      const again = await compiledPath('output/assets.ts', ${JSON.stringify(folder)});
      process.stdout.write(again === made ? made : 'made again: ' + again);`;
    const made = (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: checkout })).stdout;
    expect(made).not.toMatch(/^made again/);
    expect(await readFile(made, 'utf8')).toContain('urejeno po zagonu');
    // The version of the files as the bundle was made: the second edit undone.
    await writeFile(source, (await readFile(source, 'utf8')).replace('export const EDITED_AGAIN = 1;\n', ''));
    // output/assets.ts imports no template, so its bundle is named by templateFreeBundleVersion.
    const versionNow = `const { templateFreeBundleVersion } = await import(${codeJs}); process.stdout.write(await templateFreeBundleVersion());`;
    const edited = (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', versionNow], { cwd: checkout })).stdout;
    expect(path.basename(path.dirname(made))).toBe(`output-assets-ts-${edited}`);
  }, 60_000);

  it('makes the bundles again in a copy of arhivar made with its .cache/, instead of running those of the original folder', async () => {
    // The stylesheet's path as the command's bundled code computes it (from its import.meta.url), in a process of its own.
    const stylesheetOf = async (checkout: string) => {
      const script = `const { importSource } = await import(${JSON.stringify(pathToFileURL(path.join(checkout, 'src', 'bin', 'code.js')).href)});
        process.stdout.write((await importSource('output/assets.ts')).STYLESHEET);`;
      return (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: checkout })).stdout;
    };
    const original = await makeTempDir();
    const moved = await makeTempDir();
    roots.push(original, moved);
    await copyPackage(original);
    expect(await stylesheetOf(original)).toBe(path.join(await realpath(original), 'templates', 'site.css'));
    // As a CI runner restores .cache/ into a checkout at another path (GitLab's /builds/<runner>/<n>/…): the
    // same code, so the same codeVersion, but the bundles in .cache/code/ hold the original's absolute paths.
    await cp(original, moved, { recursive: true, verbatimSymlinks: true });
    expect((await readdir(path.join(moved, '.cache', 'code'))).some((name) => name.startsWith('output-assets-ts-'))).toBe(true);
    expect(await stylesheetOf(moved)).toBe(path.join(await realpath(moved), 'templates', 'site.css'));
  }, 60_000);

  it('stops esbuild’s service process once no bundle is being made, and makes bundles again after that', async () => {
    // Two at once: the first to finish must not stop the service under the other.
    const [one, two] = await Promise.all([bundleSource('pipeline/version.ts'), bundleSource('text/sl.ts')]);
    expect(one.some((file) => file.name === 'index.mjs')).toBe(true);
    expect(two.some((file) => file.name === 'index.mjs')).toBe(true);
    expect(await esbuildChildrenAfterAWhile()).toEqual([]);
    expect((await bundleSource('pipeline/version.ts')).length).toBe(one.length);
    expect(await esbuildChildrenAfterAWhile()).toEqual([]);
    // Stopping the service under a bundle in progress makes that bundle wait for ever, not fail.
  }, 20_000);

  it('keeps esbuild’s service while a second copy of code.js in the process is still bundling', async () => {
    // A test runner and Node may each load code.js; both use the one esbuild. The small bundle finishes first.
    const secondCopy = (await import(`${pathToFileURL(path.join(PROJECT_ROOT, 'src/bin/code.js')).href}?second-copy`)) as typeof import('../../../src/bin/code.js');
    const [small, large] = await Promise.all([bundleSource('pipeline/version.ts'), secondCopy.bundleSource('cli.ts')]);
    expect(small.some((file) => file.name === 'index.mjs')).toBe(true);
    expect(large.some((file) => file.name === 'index.mjs')).toBe(true);
    expect(await esbuildChildrenAfterAWhile()).toEqual([]);
  }, 20_000);
});

/**
 * This process's running esbuild children, from /proc (Linux), polled for up to 2 s: a stopped child takes
 * a moment to exit. A child that has exited but is not yet reaped (state Z) holds nothing and is not counted.
 */
async function esbuildChildrenAfterAWhile(): Promise<number[]> {
  let found: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    found = [];
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      // pid (comm) state ppid …; comm may hold spaces, so split after its closing parenthesis.
      const close = stat.lastIndexOf(')');
      const [state, parent] = stat.slice(close + 2).split(' ');
      if (Number(parent) === process.pid && state !== 'Z' && stat.slice(stat.indexOf('(') + 1, close) === 'esbuild') found.push(Number(entry));
    }
    if (found.length === 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return found;
}

/** A bundle's entry file, the chunks it imports statically (not by import()), and the packages they import. */
async function staticallyLoaded(entry: string): Promise<Set<string>> {
  const staticImports = (text: string) => [...text.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((match) => match[1]!);
  const loaded = new Set<string>();
  const visit = async (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const specifier of staticImports(await readFile(file, 'utf8'))) {
      if (specifier.startsWith('./')) await visit(path.join(path.dirname(file), specifier));
      else loaded.add(specifier);
    }
  };
  await visit(entry);
  return loaded;
}

describe('syntaxProblems: esbuild errors at a line of the source', () => {
  it('tells an import of a file that is not there as a path to correct, not as a template that is no TSX', () => {
    const [missing] = syntaxProblems({ errors: [{ text: 'Could not resolve "./nikjer.tsx"', location: { file: 'templates/person.tsx', line: 1 } }] })!;
    expect(missing).toBe(
      'templates/person.tsx:1  template/missing-import\n  Could not resolve "./nikjer.tsx"\n  hint: the file or package this line imports is not there; correct the path (relative to the template\'s folder) or add the file',
    );
    const [syntax] = syntaxProblems({ errors: [{ text: 'Unexpected closing "spa" tag does not match opening "h1" tag', location: { file: 'templates/person.tsx', line: 77 } }] })!;
    expect(syntax).toMatch(/^templates\/person\.tsx:77  template\/syntax\n.*\n  hint: the template is not valid TSX at this line/);
  });

  it('tells an import of a name the file does not export as a name to correct, not as a template that is no TSX', () => {
    // esbuild's words for `import { ShareLinks, ShareButton } from './share.tsx'` when share.tsx exports ShareLinks alone.
    const text = 'No matching export in "templates/share.tsx" for import "ShareButton"';
    const [missing] = syntaxProblems({ errors: [{ text, location: { file: 'templates/article.tsx', line: 9 } }] })!;
    expect(missing).toBe(
      `templates/article.tsx:9  template/missing-export\n  ${text}\n  hint: templates/share.tsx has no export named ShareButton; correct the name this line imports, or write export before ShareButton's declaration in templates/share.tsx`,
    );
    const [inCode] = syntaxProblems({ errors: [{ text: 'No matching export in "src/text/sl.ts" for import "formatDatum"', location: { file: 'src/render/feed.ts', line: 3 } }] })!;
    expect(inCode).toMatch(/^src\/render\/feed\.ts:3  code\/missing-export\n/);
  });

  it('tells a default export imported in braces, or a named one imported without, as the import to rewrite, not as a name to export', () => {
    const sources: Record<string, string> = {
      'templates/kolofon.tsx': "import dayjs from 'dayjs';\n\nexport default function Kolofon({ count }: { count: number }) {\n  return <p>{count}</p>;\n}\n",
      'templates/okvir.tsx': 'export interface OkvirProps {\n  naslov: string;\n}\nexport function Okvir() {\n  return <div />;\n}\nconst ROB = 1;\nexport { ROB, ROB as RobOkvirja };\n',
    };
    const read = (file: string) => sources[file];
    const problem = (source: string, name: string) =>
      syntaxProblems({ errors: [{ text: `No matching export in "${source}" for import "${name}"`, location: { file: 'templates/layout.tsx', line: 8 } }] }, read)![0]!;

    // import { Kolofon } from './kolofon.tsx', of export default function Kolofon.
    expect(problem('templates/kolofon.tsx', 'Kolofon')).toMatch(
      /\n  hint: templates\/kolofon\.tsx exports Kolofon as its default export \(export default\), not by name: import it without braces, import Kolofon from '…', or write export function Kolofon in place of export default function Kolofon$/,
    );
    // import Okvir from './okvir.tsx', of export function Okvir.
    expect(problem('templates/okvir.tsx', 'default')).toMatch(
      /\n  hint: templates\/okvir\.tsx has no default export; it exports Okvir, ROB and RobOkvirja by name: import the one this line means in braces \(import \{ Okvir \} from '…'\), or write export default before its declaration in templates\/okvir\.tsx$/,
    );
    // A name the file has neither way keeps the general hint.
    expect(problem('templates/okvir.tsx', 'Okvirr')).toMatch(/hint: templates\/okvir\.tsx has no export named Okvirr; correct the name this line imports/);
  });
});

/** Writes `files` (path under `root` → text, or an object written as JSON) and returns `root`. */
async function writeTree(root: string, files: Record<string, unknown>): Promise<string> {
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), typeof contents === 'string' ? contents : JSON.stringify(contents));
  }
  return root;
}

/** Node's own answer for each import from `importer`: import.meta.resolve with the parent it ignores without the flag. */
async function resolveByNode(specifiers: readonly string[], importer: string): Promise<({ url: string } | { code: string; message: string })[]> {
  const script = `
    const parent = ${JSON.stringify(pathToFileURL(importer).href)};
    const answers = ${JSON.stringify(specifiers)}.map((specifier) => {
      try { return { url: import.meta.resolve(specifier, parent) }; } catch (error) { return { code: error.code, message: error.message }; }
    });
    process.stdout.write(JSON.stringify(answers));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--experimental-import-meta-resolve', '--no-warnings', '--input-type=module', '-e', script]);
  return JSON.parse(stdout);
}

describe('stylesheetImportHint: the @import line to write in templates/site.css', () => {
  it.each([
    ['./kolofon.css', 'templates/layout.tsx', "@import './kolofon.css';"],
    ['./kolofon.css', 'templates/deli/noga.tsx', "@import './deli/kolofon.css';"],
    ['../slogi/kolofon.scss', 'templates/deli/noga.tsx', "@import './slogi/kolofon.scss';"],
    ['../../skupno/kolofon.css', 'templates/deli/noga.tsx', "@import '../skupno/kolofon.css';"],
    ['normalize.css', 'templates/layout.tsx', "@import 'normalize.css';"],
  ])('%s imported by %s is %s', (specifier, importer, line) => {
    expect(stylesheetImportHint(specifier, path.join(PROJECT_ROOT, importer))).toContain(` add ${line} at the top of templates/site.css`);
  });
});

describe('resolvePackageImport: a package a file imports, found from that file as Node finds it', () => {
  it('comes to the URL Node gives, or to the reason Node gives none, for packages near and far, "exports", "imports" and links', async () => {
    const root = await makeTempDir();
    roots.push(root);
    const conditional = { '.': { 'module-sync': './sync.js', require: './index.cjs', import: './index.js' }, './deli/*': './lib/*.js', './deli/skrito.js': null, './nic': null, './seznam': ['ni/pot', './seznam.js'], './tuje': '../zunaj.js' };
    await writeTree(root, {
      'package.json': { name: 'sajt', type: 'module', exports: { './jaz': './jaz.js' }, imports: { '#datum': './datum.js', '#paket': 'blizu', '#deli/*': './deli/*.js', '#vgrajen': 'path' } },
      'jaz.js': '',
      'datum.js': '',
      'deli/a.js': '',
      'node_modules/pogojni/package.json': { name: 'pogojni', exports: conditional },
      ...Object.fromEntries(['sync.js', 'index.cjs', 'index.js', 'lib/a.js', 'lib/b/c.js', 'seznam.js'].map((file) => [`node_modules/pogojni/${file}`, ''])),
      // The nearer one is found: templates/node_modules/ before the one above it.
      'node_modules/blizu/package.json': { name: 'blizu', exports: './dalec.js' },
      'node_modules/blizu/dalec.js': '',
      'templates/node_modules/blizu/package.json': { name: 'blizu', exports: { import: './blizu.js', default: './privzeto.js' } },
      'templates/node_modules/blizu/blizu.js': '',
      // Node matches "node-addons" unless it runs with --no-addons.
      'node_modules/dodatek/package.json': { name: 'dodatek', exports: { 'node-addons': './native.js', default: './plain.js' } },
      'node_modules/dodatek/native.js': '',
      'node_modules/dodatek/plain.js': '',
      'node_modules/star/package.json': { name: 'star', main: 'lib/glavni' },
      'node_modules/star/lib/glavni.js': '',
      'node_modules/star/ostalo.js': '',
      'node_modules/brez-main/index.js': '',
      'node_modules/@obseg/paket/package.json': { name: '@obseg/paket', exports: { '.': './i.js', './*': './*.js' } },
      'node_modules/@obseg/paket/i.js': '',
      'node_modules/@obseg/paket/x.js': '',
      'zunaj/povezan/package.json': { name: 'povezan', exports: './p.js' },
      'zunaj/povezan/p.js': '',
    });
    await symlink(path.join(root, 'zunaj', 'povezan'), path.join(root, 'node_modules', 'povezan'));
    const importer = path.join(root, 'templates', 'person.tsx');
    // What each import comes to: a URL, or why there is none.
    const cases: Record<string, string> = {
      pogojni: 'url',
      'pogojni/deli/a': 'url',
      'pogojni/deli/b/c': 'url',
      'pogojni/deli/skrito.js': 'notExported',
      'pogojni/nic': 'notExported',
      'pogojni/seznam': 'url',
      'pogojni/tuje': 'unresolved',
      'pogojni/nope': 'notExported',
      'pogojni/package.json': 'notExported',
      blizu: 'url',
      dodatek: 'url',
      'blizu/dalec.js': 'notExported',
      star: 'url',
      'star/ostalo.js': 'url',
      'star/nikjer.js': 'noPackageFile',
      'brez-main': 'url',
      '@obseg/paket': 'url',
      '@obseg/paket/x': 'url',
      '@obseg/paket/y': 'noPackageFile',
      '@obseg/drug': 'notInstalled',
      povezan: 'url',
      'sajt/jaz': 'url',
      'sajt/ti': 'notExported',
      '#datum': 'url',
      '#paket': 'url',
      '#deli/a': 'url',
      '#vgrajen': 'url',
      '#nic': 'unresolved',
      fs: 'url',
      'node:fs/promises': 'url',
      'data:text/javascript,1': 'url',
      'ni-namescen': 'notInstalled',
      'ni-namescen/pot': 'notInstalled',
      '@obseg': 'unresolved',
    };
    const specifiers = Object.keys(cases);
    const byNode = await resolveByNode(specifiers, importer);
    const ours = await Promise.all(specifiers.map((specifier) => resolvePackageImport(specifier, importer)));
    specifiers.forEach((specifier, index) => {
      const mine = ours[index]!;
      const node = byNode[index]!;
      expect([specifier, Object.keys(mine)[0]]).toEqual([specifier, cases[specifier]]);
      // Node's reason, as it says it; Node gives a URL for a file that is not there, which only loading it refuses.
      const told =
        'url' in node
          ? node.url.startsWith('file:') && !existsSync(fileURLToPath(node.url))
            ? { noPackageFile: specifier }
            : { url: node.url }
          : node.code === 'ERR_MODULE_NOT_FOUND' && node.message.startsWith('Cannot find package')
            ? { notInstalled: specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/') }
            : node.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED'
              ? { notExported: specifier }
              : { unresolved: specifier };
      expect([specifier, mine]).toEqual([specifier, told]);
    });
    // The ES module entry, not the CommonJS one a require() would get, and by the link's real path.
    expect(ours[specifiers.indexOf('pogojni')]).toEqual({ url: pathToFileURL(path.join(await realpath(root), 'node_modules', 'pogojni', 'sync.js')).href });
    expect(ours[specifiers.indexOf('blizu')]).toEqual({ url: pathToFileURL(path.join(await realpath(root), 'templates', 'node_modules', 'blizu', 'blizu.js')).href });
    expect(ours[specifiers.indexOf('povezan')]).toEqual({ url: pathToFileURL(path.join(await realpath(root), 'zunaj', 'povezan', 'p.js')).href });
  });
});

describe('resolvePackageImport: the conditions a user gives Node', () => {
  it('reads --conditions=name, --conditions name and -C name from the arguments and NODE_OPTIONS as Node splits them', () => {
    expect(userConditions(['--conditions=custom', '-C', 'drugi', '--conditions', 'tretji', '--no-addons', '-e', 'x'])).toEqual(['custom', 'drugi', 'tretji']);
    expect(userConditions(['-C'])).toEqual([]);
    // Node splits NODE_OPTIONS at spaces only; "…" keeps them, and a backslash in it escapes the next character.
    expect(nodeOptionsArgs('--conditions="z presledkom" -C  custom --no-addons')).toEqual(['--conditions=z presledkom', '-C', 'custom', '--no-addons']);
    expect(nodeOptionsArgs('--conditions="a\\"b" "-C" c')).toEqual(['--conditions=a"b', '-C', 'c']);
    expect(nodeOptionsArgs('')).toEqual([]);
  });

  it('matches a condition given with -C or in NODE_OPTIONS, as Node does', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await writeTree(root, {
      'node_modules/pogojni/package.json': { name: 'pogojni', exports: { custom: './custom.js', default: './plain.js' } },
      'node_modules/pogojni/custom.js': '',
      'node_modules/pogojni/plain.js': '',
    });
    const importer = path.join(root, 'templates', 'person.tsx');
    const code = pathToFileURL(path.join(PROJECT_ROOT, 'src', 'bin', 'code.js')).href;
    // Both answers from a Node that runs with the condition: resolvePackageImport reads it as the module loads.
    const script = `
      const { resolvePackageImport } = await import(${JSON.stringify(code)});
      const node = import.meta.resolve('pogojni', ${JSON.stringify(pathToFileURL(importer).href)});
      const ours = await resolvePackageImport('pogojni', ${JSON.stringify(importer)});
      process.stdout.write(JSON.stringify([node, ours.url]));`;
    const answers = async (args: string[], nodeOptions?: string) => {
      const env = { ...process.env, NODE_OPTIONS: nodeOptions ?? '' };
      const { stdout } = await promisify(execFile)(process.execPath, [...args, '--experimental-import-meta-resolve', '--no-warnings', '--input-type=module', '-e', script], { env });
      return JSON.parse(stdout) as [string, string];
    };
    const custom = pathToFileURL(path.join(await realpath(root), 'node_modules', 'pogojni', 'custom.js')).href;
    const plain = pathToFileURL(path.join(await realpath(root), 'node_modules', 'pogojni', 'plain.js')).href;
    expect(await answers(['-C', 'custom'])).toEqual([custom, custom]);
    expect(await answers(['--conditions=custom'])).toEqual([custom, custom]);
    expect(await answers([], '--conditions="custom"')).toEqual([custom, custom]);
    expect(await answers([])).toEqual([plain, plain]);
  });
});

describe('syntaxProblems: a template’s JSX mistake told at the line to mend', () => {
  // transformSync keeps an esbuild process on a thread of its own; the tests above count this process's esbuild children.
  afterAll(() => stop());
  /** The problems of `source` as templates/x.tsx, from esbuild's own errors for it. */
  const problemsOf = (source: string): string[] => {
    let error: unknown;
    try {
      transformSync(source, { loader: 'tsx', sourcefile: 'templates/x.tsx', logLevel: 'silent' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeDefined();
    return syntaxProblems(error, (file) => (file === 'templates/x.tsx' ? source : undefined))!;
  };
  const component = (...lines: string[]) => ['export function X({ a }: { a: boolean }) {', '  return (', ...lines.map((line) => `    ${line}`), '  );', '}', ''].join('\n');

  it.each([
    ['a <div> left open in the last function, told by esbuild at the } that ends it and at the end of the file', component('<div class="x">', '  <p>x</p>'), 3, 'the <div> at this line is never closed (what follows it was read as its text, up to the } at line 6): <div class="x">', '</div>'],
    ['a <div> left open in an arrow function that ends the file, told by esbuild at the end of the file', 'export const X = () => (\n  <div class="x">\n    <p>x</p>\n);\n', 2, 'the <div> at this line is never closed (the file ends first): <div class="x">', '</div>'],
    ['a <p> closed by its parent first', component('<div>', '  <p class="uvod">', '    Uvod', '</div>'), 4, 'the <p> at this line is never closed (</div> at line 6 comes first): <p class="uvod">', '</p>'],
    ['a <p> left open in a branch, told by esbuild at the } after it', component('<div>', '  {a ? (', '    <p class="y">', '      x', '  ) : null}', '</div>'), 5, 'the <p> at this line is never closed (what follows it was read as its text, up to the } at line 7): <p class="y">', '</p>'],
    ['an element left open before another function, told by esbuild at the } that ends this one', `${component('<section>', '  <h2>Naslov</h2>')}export function Y() {\n  return <p>y</p>;\n}\n`, 3, 'the <section> at this line is never closed', '</section>'],
    ['a fragment left open', component('<>', '  <p>x</p>'), 3, 'the <> at this line is never closed', '</>'],
    [
      'a <div> left open in an arrow function another follows, told by esbuild inside that one (»Unexpected "return"«)',
      'export const X = () => (\n  <div>\n    <p>x</p>\n);\nexport function Y() {\n  return <p>y</p>;\n}\n',
      2,
      'the <div> at this line is never closed (what follows it was read as its text, up to line 6): <div>',
      '</div>',
    ],
    [
      'a <div> left open in an arrow function a function with typed parameters follows (»Expected "}" but found ":"«)',
      'export const X = () => (\n  <div class="okvir">\n    <p>x</p>\n);\n\nexport function Y({ a, b = false }: { a: string; b?: boolean }) {\n  return <p>{a}</p>;\n}\n',
      2,
      'the <div> at this line is never closed (what follows it was read as its text, up to line 6): <div class="okvir">',
      '</div>',
    ],
  ])('%s', (_, source, line, message, closing) => {
    const problems = problemsOf(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^templates/x\\.tsx:${line}  template/syntax\\n  ${escapeRegExp(message)}.*\\n  hint: close it with ${escapeRegExp(closing)} where its content ends`));
  });

  it('tells <br> and <img …> written as HTML writes them as elements to close with />', () => {
    const [br] = problemsOf(component('<div>', '  <img src="a.png" alt="">', '  <br>', '  <p>x</p>', '</div>'));
    expect(br).toBe(
      'templates/x.tsx:5  template/syntax\n  the <br> at this line is never closed (</div> at line 7 comes first): <br>\n  hint: JSX closes every element, also those HTML leaves open: write it as <br /> (and so every <br> the file writes the HTML way)',
    );
    const [img] = problemsOf(component('<div>', '  <img src="a.png" alt="">', '  <p>x</p>', '</div>'));
    expect(img).toMatch(/^templates\/x\.tsx:4  template\/syntax\n.*\n  hint: .*write it as <img … \/>/);
  });

  it('keeps a misspelt closing tag at its own line, with the tag it should close', () => {
    // No <spa> is opened before: the closing tag is the mistake, not the <h1>.
    expect(problemsOf(component('<div>', '  <h1>', '    Naslov</spa>', '</div>'))[0]).toBe(
      'templates/x.tsx:5  template/syntax\n  Unexpected closing "spa" tag does not match opening "h1" tag\n  hint: write </h1> here to close the <h1> of line 4, or correct the name',
    );
  });

  it('leaves a mistake in an expression of a tag\u2019s content at esbuild\u2019s line, also after an arrow function with a body', () => {
    expect(problemsOf(component('<div>', '  <p>{[1].map((x) => { void x; return x; })}</p>', '  <p>{a +}</p>', '</div>'))[0]).toMatch(/^templates\/x\.tsx:5  template\/syntax\n  Unexpected "\}"\n/);
  });

  it('tells a { never closed at its line, where esbuild told a regular expression unterminated at the closing tag after it', () => {
    expect(problemsOf(component('<div>', '  <p class="naslov">{a', '  </p>', '</div>'))).toEqual([
      'templates/x.tsx:4  template/syntax\n  the { at this line is never closed: esbuild read the </p> at line 5 as part of its expression\n  hint: close it with } where the expression ends, before </p>',
    ]);
    // The first </p> of the line is no part of it: a } before it mends nothing.
    expect(problemsOf(component('<div>', '  <p>{a}</p><p>{a</p>', '</div>'))[0]).toMatch(/^templates\/x\.tsx:4  template\/syntax\n  the \{ at this line is never closed/);
  });

  it('tells an attribute value whose closing quote is missing at its line, where esbuild told the line below or the end of the file', () => {
    const problem = (line: number, stopped: number) =>
      `templates/x.tsx:${line}  template/syntax\n  an attribute's value at this line is missing its closing ", so what follows was read as a value (esbuild stopped at line ${stopped})\n  hint: end each value of this line with " (class="naslov")`;
    expect(problemsOf(component('<div>', '  <h1 class="naslov>{a}</h1>', '  <p class="y">b</p>', '  <p class="z">c</p>', '</div>'))).toEqual([problem(4, 5)]);
    expect(problemsOf(component('<div>', '  <h1 class="naslov>{a}</h1>', '  <p>b</p>', '</div>'))).toEqual([problem(4, 9)]);
    // The value ends at the " before vse, and the one after vse runs on.
    expect(problemsOf(component('<div>', '  <a href="/osebe/ title="vse">{a}</a>', '  <p class="y">b</p>', '</div>'))).toEqual([problem(4, 4)]);
  });

  it('leaves a value over two lines that closes where JSX goes on alone, when the file ends for another reason', () => {
    // An icon's path written over two lines is valid JSX; the } that ends the function is what is missing.
    const source = component('<svg viewBox="0 0 10 10">', '  <path d="M0 0', '    L10 10" />', '</svg>').replace(/\}\n$/, '');
    const [problem] = problemsOf(source);
    expect(problem).not.toMatch(/missing its closing/);
    expect(problem).toMatch(/^templates\/x\.tsx:8  template\/syntax\n  Unexpected end of file\n/);
  });

  it('tells an attribute value written without quotes with the two ways to write it', () => {
    expect(problemsOf(component('<div class=naslov>', '  <p>b</p>', '</div>'))[0]).toBe(
      'templates/x.tsx:3  template/syntax\n  Expected "{" but found "naslov"\n  hint: an attribute\'s value is a string in quotes or an expression in braces: write "naslov" (or {naslov} for the variable of that name)',
    );
  });

  it('tells an HTML comment as one JSX does not have, with the comment to write in its place', () => {
    expect(problemsOf(component('<div>', '  <!-- glava -->', '  <p>x</p>', '</div>'))).toEqual([
      'templates/x.tsx:4  template/syntax\n  <!-- starts an HTML comment, which JSX does not have\n  hint: a comment in JSX is a JavaScript one in braces: write {/* glava */} in its place, or delete it',
    ]);
    expect(problemsOf(component('<div>', '  <p>x</p>', '  <!-- čez', '       dve vrstici -->', '</div>'))[0]).toMatch(/^templates\/x\.tsx:5  .*\n.*\n  hint: .*write \{\/\* … \*\/\} in its place/);
    // Before the page's first tag, where an expression begins, esbuild reads it as the HTML-like comment of old scripts.
    expect(problemsOf(component('<!-- stran -->', '<div>', '  <p>x</p>', '</div>'))).toEqual([
      'templates/x.tsx:3  template/syntax\n  <!-- starts an HTML comment, which JSX does not have\n  hint: a comment in JSX is a JavaScript one in braces: write {/* stran */} in its place, or delete it',
    ]);
  });

  it('tells a > or a } in a tag’s text at its line, with what to write, and a } after »č« at its column in bytes', () => {
    expect(problemsOf(component('<p>a > b</p>'))[0]).toBe(
      'templates/x.tsx:3  template/syntax\n  The character ">" is not valid inside a JSX element\n  hint: to show a > in the text, write {\'>\'} (or &gt;) in its place',
    );
    expect(problemsOf(component('<p>čšž}</p>'))[0]).toMatch(/^templates\/x\.tsx:3  template\/syntax\n  The character "\}" is not valid inside a JSX element\n  hint: a \} that no \{ opens: .*write \{'\}'\}/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
