import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAssets, bundleProblems, missingStylesheetFiles, stylesheetProblem, themeFiles, themeProblems, themeWarnings, unmatchedBraces } from '../../../src/output/assets.ts';
import { sortErrors } from '../../../src/errors.ts';
import { makeTempDir, viteFailure } from '../../helpers.ts';
import { PROJECT_ROOT_FOR_TESTS } from '../../search-helpers.ts';

const sha256 = async (file: string) => createHash('sha256').update(await readFile(path.join(PROJECT_ROOT_FOR_TESTS, file))).digest('hex');

describe('buildAssets', () => {
  it('bundles the stylesheet and every client script under content-hashed names', async () => {
    const { urls, files } = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    expect(urls.stylesheet).toMatch(/^\/assets\/site-[\w-]{8}\.css$/);
    expect(urls.scripts.search).toMatch(/^\/assets\/search-[\w-]{8}\.js$/);
    const paths = files.map((file) => `/${file.path}`);
    expect(paths).toContain(urls.stylesheet);
    expect(paths).toContain(urls.scripts.search);
  });

  it('minifies: the CSS loses comments and whitespace, the script its types and line breaks', async () => {
    const { urls, files } = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    const text = (url: string) => String(files.find((file) => `/${file.path}` === url)!.bytes);
    const css = text(urls.stylesheet);
    const source = await readFile(path.join(PROJECT_ROOT_FOR_TESTS, 'templates', 'site.css'), 'utf8');
    expect(css).not.toContain('/*');
    expect(css.length).toBeLessThan(source.length * 0.9);
    const js = text(urls.scripts.search!);
    expect(js.split('\n').length).toBeLessThan(5);
    expect(js).not.toMatch(/as HTML\w+Element/);
  });

  it('is the same on a second run, and records every bundled file with its hash for the cache', async () => {
    const first = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    const second = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    expect(second.urls).toEqual(first.urls);
    const cache = JSON.parse(await readFile(path.join(PROJECT_ROOT_FOR_TESTS, '.cache', 'assets', 'build.json'), 'utf8')) as { inputs: Record<string, string> };
    for (const file of ['templates/site.css', 'src/client/search.ts', 'src/search/query.ts', 'src/search/text.ts']) {
      expect(cache.inputs[file], file).toBe(await sha256(file));
    }
  });
});

describe('themeFiles', () => {
  it('keys the bundle on every font, picture and stylesheet of the theme folder, not on the templates', async () => {
    const dir = await makeTempDir();
    const files = { 'site.css': 'body{}', 'parts.css': 'a{}', 'fonts/serif.woff2': 'font', 'slike/logo.svg': '<svg/>', 'layout.tsx': '', 'parts.ts': '' };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    const found = (await themeFiles(dir)).map((file) => path.relative(dir, file).split(path.sep).join('/'));
    expect(found).toEqual(['fonts/serif.woff2', 'parts.css', 'site.css', 'slike/logo.svg']);
  });
});

describe('stylesheetProblem', () => {
  /** What Vite throws for a theme folder holding these stylesheets, built as the assets are (site.css the entry). */
  async function failureOf(files: Record<string, string>): Promise<{ error: unknown; root: string }> {
    const root = await makeTempDir('arhivar-css-');
    await mkdir(path.join(root, 'templates'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, 'templates', name), text);
    const error = await viteFailure(root, { site: path.join(root, 'templates', 'site.css') }, { cssMinify: true });
    if (error === undefined) throw new Error('the stylesheet was built');
    return { error, root };
  }

  it('names the file and line of a block never closed, in the stylesheet or in one it imports', async () => {
    const unclosed = await failureOf({ 'site.css': '@import "./parts.css";\nbody { color: red; }\n', 'parts.css': 'a { color: blue; }\n\n.b { margin: 0;\n' });
    const problem = stylesheetProblem(unclosed.error, unclosed.root)!;
    expect([problem.code, problem.file, problem.line, problem.message]).toEqual(['template/bad-stylesheet', 'templates/parts.css', 3, 'the stylesheet cannot be read: Unclosed block']);
    expect(problem.hint).toContain('at that line');

    const minified = await failureOf({ 'site.css': 'body { color: red; }\n\n@media ( { a { color: blue } }\n' });
    const other = stylesheetProblem(minified.error, minified.root)!;
    expect([other.code, other.file]).toEqual(['template/bad-stylesheet', 'templates/site.css']);
    expect(other.line).toBeGreaterThanOrEqual(3);
    expect(other.message).toMatch(/^the stylesheet cannot be read: \S/);
  });

  it('leaves other failures alone', () => {
    expect(stylesheetProblem(new Error('disk full'))).toBeUndefined();
    expect(stylesheetProblem({ errors: [{ plugin: 'vite:esbuild', message: 'x' }] })).toBeUndefined();
    expect(stylesheetProblem(undefined)).toBeUndefined();
  });
});

describe('bundleProblems', () => {
  /** What Vite throws for a project whose src/client/ holds these scripts, each an entry beside site.css as the assets are, and the `imported` files. */
  async function failureOf(scripts: Record<string, string>, imported: Record<string, string> = {}): Promise<{ error: unknown; root: string }> {
    const root = await makeTempDir('arhivar-scripts-');
    await mkdir(path.join(root, 'src', 'client'), { recursive: true });
    await mkdir(path.join(root, 'templates'));
    await writeFile(path.join(root, 'templates', 'site.css'), 'body { color: red; }\n');
    // Files of src/client/ that are no entry, named with their extension (stari.mjs), for the scripts to import.
    for (const [name, text] of Object.entries(imported)) await writeFile(path.join(root, 'src', 'client', name), text);
    const input: Record<string, string> = { site: path.join(root, 'templates', 'site.css') };
    for (const [name, text] of Object.entries(scripts)) {
      await writeFile(path.join(root, 'src', 'client', `${name}.ts`), text);
      input[name] = path.join(root, 'src', 'client', `${name}.ts`);
    }
    const error = await viteFailure(root, input);
    if (error === undefined) throw new Error('the scripts were built');
    return { error, root };
  }

  it('tells every failure of the bundle, not only the first, whose Vite message was dropped with it', async () => {
    const { error, root } = await failureOf({
      deli: "import { gumb } from './nikjer.ts';\nvoid gumb;\n",
      iskanje: "// iskanje\nimport { polje } from './tudi-ne.ts';\nvoid polje;\n",
      tabele: 'export const x = ;\n',
    });
    const problems = bundleProblems(error, root)!;
    expect(sortErrors(problems.errors).map((problem) => [problem.file, problem.line, problem.code])).toEqual([
      ['src/client/deli.ts', 1, 'code/missing-import'],
      ['src/client/iskanje.ts', 2, 'code/missing-import'],
      ['src/client/tabele.ts', 1, 'code/syntax'],
    ]);
  });

  it('tells a plain JavaScript file that does not parse at its line as written, and a .ts file\'s PARSE_ERROR, at a line of the code without its types, without a line', async () => {
    const { error, root } = await failureOf(
      { deli: "import stari from './stari.mjs';\nconsole.log(stari);\n" },
      { 'stari.mjs': '// stari gumb\n/* iz leta\n 2019 */\nfunction f() { await 1; }\nexport default f;\n' },
    );
    expect(bundleProblems(error, root)?.errors.map((problem) => [problem.file, problem.line, problem.code, problem.message])).toEqual([
      ['src/client/stari.mjs', 4, 'code/syntax', '`await` is only allowed within async functions and at the top levels of modules'],
    ]);
    // Rolldown says line 1 here, where the interface was: a line arhivar would only send a developer to wrongly.
    const typed = await failureOf({ deli: 'interface Gumb {\n  id: number;\n}\nlet gumb: Gumb | 1 = 1;\nlet gumb = 2;\nconsole.log(gumb);\n' });
    const [problem, ...others] = bundleProblems(typed.error, typed.root)?.errors ?? [];
    expect(others).toEqual([]);
    expect([problem?.file, problem?.line, problem?.code, problem?.message]).toEqual(['src/client/deli.ts', undefined, 'code/syntax', 'Identifier `gumb` has already been declared']);
    expect(problem?.hint).toMatch(/^run npm run typecheck, which names the line in src\/client\/deli\.ts /);
  });

  it('tells any other failure in a file Vite names, or of a plugin, as code/bundle with the reason alone: no colours, code frame or stack', () => {
    const frame = '\u001b[31m[CIRCULAR_REEXPORT] \u001b[0m"gumb" re-exports itself\n   ╭─[ src/client/deli.mjs:1:10 ]\n 1 │ export { gumb } from "./deli.mjs";\n───╯\n';
    const circular = { code: 'CIRCULAR_REEXPORT', message: frame, id: '/arhivar/src/client/deli.mjs' };
    const json = { code: 'PLUGIN_ERROR', message: '[builtin:vite-json] plugin `builtin:vite-json` threw an error\n\nCaused by:\n    key must be a string at line 1 column 10\n\nStack backtrace:\n   0: <unknown>\n' };
    expect(bundleProblems({ errors: [circular, json] }, '/arhivar', () => undefined)?.errors.map((problem) => [problem.file, problem.line, problem.code, problem.message])).toEqual([
      ['src/client/deli.mjs', undefined, 'code/bundle', '"gumb" re-exports itself'],
      [undefined, undefined, 'code/bundle', 'plugin `builtin:vite-json` threw an error: key must be a string at line 1 column 10'],
    ]);
  });

  it('tells none when one of the failures is not one arhivar places, so that Vite\'s message, which names them all, is printed', () => {
    const unresolved = { code: 'UNRESOLVED_IMPORT', message: "[UNRESOLVED_IMPORT] Could not resolve './nikjer.ts' in src/client/deli.ts", id: '/arhivar/src/client/deli.ts' };
    expect(bundleProblems({ errors: [unresolved] }, '/arhivar', () => undefined)?.errors.map((problem) => problem.code)).toEqual(['code/missing-import']);
    expect(bundleProblems({ errors: [unresolved, { message: 'out of memory' }] }, '/arhivar', () => undefined)).toBeUndefined();
    // An option arhivar gave Vite wrong names no file: arhivar's bug. A file the system would not let Vite read is the system's.
    expect(bundleProblems({ errors: [{ code: 'INVALID_OPTION', message: '[INVALID_OPTION] Invalid value for option "output.format"' }] })).toBeUndefined();
    const refused = { code: 'EACCES', syscall: 'open', message: "EACCES: permission denied, open '/arhivar/src/client/deli.ts'", id: '/arhivar/src/client/deli.ts' };
    expect(bundleProblems({ errors: [refused] }, '/arhivar', () => undefined)).toBeUndefined();
  });
});

describe('missingStylesheetFiles', () => {
  const file = path.join('/arhivar', 'templates', 'site.css');
  const present = new Set([path.join('/arhivar', 'templates', 'fonts', 'serif.woff2')]);
  const exists = (candidate: string) => present.has(candidate);

  it('names the line of a url() whose file beside the stylesheet does not exist, which Vite only warned of and published as a broken address', () => {
    const css = [
      "@font-face { font-family: 'Časopis'; src: url('./fonts/serif.woff2') format('woff2'); }",
      "@font-face { font-family: 'Naslovi'; src: url(\"./fonts/naslovi.woff2\") format('woff2'); }",
      '/* url(./fonts/commented-out.woff2) */',
      '.masthead { background: url(slike/glava.png?v=2#x); }',
    ].join('\n');
    const problems = missingStylesheetFiles(css, file, '/arhivar', exists);
    expect(problems.map((problem) => [problem.code, problem.file, problem.line, problem.message])).toEqual([
      ['template/missing-file', 'templates/site.css', 2, 'url("./fonts/naslovi.woff2") names templates/fonts/naslovi.woff2, which does not exist'],
      ['template/missing-file', 'templates/site.css', 4, 'url("slike/glava.png?v=2#x") names templates/slike/glava.png, which does not exist'],
    ]);
    expect(problems.map((problem) => problem.hint)).toEqual([
      'put naslovi.woff2 in templates/fonts/ (a url() is read from the folder of the stylesheet that names it), or correct its name in url(); it is published under dist/assets/ with the stylesheet',
      'put glava.png in templates/slike/ (a url() is read from the folder of the stylesheet that names it), or correct its name in url(); it is published under dist/assets/ with the stylesheet',
    ]);
  });

  it('names the near name in the folder a url() is read from, as the link check does, and keeps the rest of the address', () => {
    const folders = new Map([[path.join('/arhivar', 'templates', 'fonts'), ['serif.woff2', 'naslovi.woff2']]]);
    const css = "@font-face { src: url('./fonts/naslvoi.woff2?v=2') format('woff2'); }\n@font-face { src: url('./fonts/tisk.woff2'); }\n";
    const problems = missingStylesheetFiles(css, file, '/arhivar', exists, (folder) => folders.get(folder));
    expect(problems.map((problem) => problem.hint)).toEqual([
      'templates/fonts/ has naslovi.woff2: write url("./fonts/naslovi.woff2?v=2") if that is the file meant, or put naslvoi.woff2 in templates/fonts/ (a url() is read from the folder of the stylesheet that names it); it is published under dist/assets/ with the stylesheet',
      'put tisk.woff2 in templates/fonts/ (a url() is read from the folder of the stylesheet that names it), or correct its name in url(); it is published under dist/assets/ with the stylesheet',
    ]);
  });

  it('leaves addresses alone that are not files beside the stylesheet', () => {
    const css = "a { background: url(data:image/png;base64,AAAA); }\nb { background: url('https://example.si/x.png'); }\nc { background: url(/slike/x.png); }\nd { filter: url(#senca); }\ne { background: url(//cdn.si/x.png); }\n";
    expect(missingStylesheetFiles(css, file, '/arhivar', exists)).toEqual([]);
  });
});

describe('unmatchedBraces', () => {
  const lines = (css: string) => unmatchedBraces(css, '/arhivar/templates/site.css', '/arhivar').map((problem) => [problem.code, problem.file, problem.line]);

  it.each([
    ['a block left open at the very end, which the minifier closed without a word', 'body { margin: 0; }\n\n.x { color: red;\n', [3]],
    ['one left open above other rules, at its own line, not at the rule it runs into', '.x { color: red;\n.y { color: blue; }\n.z { margin: 0; }\n', [1]],
    ['an @media whose own } was forgotten', '@media print {\n  .x { color: red; }\n', [1]],
    ['each of two', '.a {\n.b {\n', [1, 2]],
  ])('refuses %s', (_what, css, expected) => {
    expect(lines(css)).toEqual(expected.map((line) => ['template/bad-stylesheet', 'templates/site.css', line]));
  });

  it.each([
    ['at the end of site.css, refused as »Unexpected end of input«', 'body { margin: 0; }\n.x { color: red; }\n}\n', [3]],
    ['above a rule, refused as »Invalid empty selector«', '.x { color: red; }\n}\n.y { color: blue; }\n', [2]],
    ['where a rule lost its {', '.x color: red; }\n.y { color: blue; }\n', [1]],
  ])('names the line of a } that closes no block %s', (_what, css, expected) => {
    expect(unmatchedBraces(css, '/arhivar/templates/site.css', '/arhivar').map((problem) => [problem.line, problem.message])).toEqual(
      expected.map((line) => [line, 'the stylesheet cannot be read: a } that closes no block']),
    );
  });

  it('tells a } too many and a { left open below it apart, in the order of their lines', () => {
    expect(unmatchedBraces('.a { b: c; } }\n.d {\n', '/arhivar/templates/site.css', '/arhivar').map((problem) => [problem.line, problem.message])).toEqual([
      [1, 'the stylesheet cannot be read: a } that closes no block'],
      [2, 'the stylesheet cannot be read: Unclosed block (the { at this line has no } to close it)'],
    ]);
  });

  it('counts no brace in a comment, a string or escaped, and none in a balanced stylesheet', () => {
    expect(lines('/* .x { } } */\n.a::before { content: "{"; }\n.b::after { content: \'}{\'; }\n.c::after { content: "}"; }\n.\\} { color: red; }\n.\\{ { color: red; }\n@media (min-width: 40em) { .c { d: e; } }\n')).toEqual([]);
  });

  it('takes no /* in a string or an unquoted url() for a comment, which hid the braces after it up to the next */', () => {
    expect(lines('.crumb + .crumb::before { content: "/*"; }\n.a { color: red; }\n/* opomba */\n')).toEqual([]);
    expect(lines(".b { background: url(/slike/*.png); }\n.c { color: red; } /* opomba */\n")).toEqual([]);
    expect(lines("/* a string's quote in a comment */\n.d { color: red; }\n")).toEqual([]);
  });

  it('is checked in site.css and in the stylesheets it imports, with the file named', () => {
    const texts = new Map([
      ['/arhivar/templates/site.css', "@import './deli.css';\nbody { margin: 0;\n"],
      ['/arhivar/templates/deli.css', '.a { color: red; }\n.b {\n'],
    ]);
    const problems = themeProblems('/arhivar/templates/site.css', '/arhivar', (file) => texts.get(file), (file) => texts.has(file));
    expect(problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
      ['templates/site.css', 2, 'the stylesheet cannot be read: Unclosed block (the { at this line has no } to close it)'],
      ['templates/deli.css', 2, 'the stylesheet cannot be read: Unclosed block (the { at this line has no } to close it)'],
    ]);
  });
});

describe('themeProblems: a comment never closed', () => {
  const templates = path.join('/arhivar', 'templates');
  const problemsOf = (css: string, imported = '') => {
    const texts = new Map([
      [path.join(templates, 'site.css'), css],
      [path.join(templates, 'deli', 'glava.css'), imported],
    ]);
    return themeProblems(path.join(templates, 'site.css'), '/arhivar', (file) => texts.get(file), (file) => texts.has(file)).map((problem) => [problem.code, problem.file, problem.line, problem.message]);
  };
  const unclosed = 'the stylesheet cannot be read: Unclosed comment (the /* at this line has no */ to close it)';

  it('refuses it at the line of its /*, in site.css, where the minifier dropped every rule below it without a word, and in a file it @imports', () => {
    expect(problemsOf('a { margin: 0; }\n/* stari del\n.x { color: red; }\n')).toEqual([['template/bad-stylesheet', 'templates/site.css', 2, unclosed]]);
    expect(problemsOf("@import './deli/glava.css';\n", '.glava { margin: 0; }\n\n.y { color: red; } /*/\n')).toEqual([['template/bad-stylesheet', 'templates/deli/glava.css', 3, unclosed]]);
  });

  it('counts no brace inside it, and none of a closed comment, nor a /* in a string', () => {
    expect(problemsOf('.a::before { content: "/*"; }\n/* } */\n/* {\n')).toEqual([['template/bad-stylesheet', 'templates/site.css', 3, unclosed]]);
    expect(problemsOf('/* a */ .b { c: d; } /* e\n*/\n')).toEqual([]);
  });
});

describe('themeProblems', () => {
  const templates = path.join('/arhivar', 'templates');
  /** A theme folder in memory: stylesheets by name, and the other files that exist. */
  function theme(stylesheets: Record<string, string>, others: string[]) {
    const texts = new Map(Object.entries(stylesheets).map(([name, text]) => [path.join(templates, name), text]));
    const present = new Set([...texts.keys(), ...others.map((name) => path.join(templates, name))]);
    const reads: string[] = [];
    const read = (file: string) => {
      reads.push(path.relative(templates, file));
      return texts.get(file);
    };
    return { read, reads, exists: (file: string) => present.has(file) };
  }
  const found = (problems: ReturnType<typeof themeProblems>) => problems.map((problem) => [problem.file, problem.line, problem.message]);

  it('follows the stylesheets site.css @imports, and checks their url()s against their own folder, as Vite resolves them', () => {
    const { read, exists } = theme(
      {
        'site.css': "@import './deli/glava.css';\n@import url(\"tisk.css\") print;\nbody { margin: 0; }\n",
        'deli/glava.css': ".glava { background: url('../slike/glava.png'); }\n.noga { background: url('../slike/noga.png'); }\n",
        'tisk.css': "@font-face { src: url('./fonts/tisk.woff2'); }\n",
      },
      ['slike/noga.png'],
    );
    expect(found(themeProblems(path.join(templates, 'site.css'), '/arhivar', read, exists))).toEqual([
      ['templates/deli/glava.css', 1, 'url("../slike/glava.png") names templates/slike/glava.png, which does not exist'],
      ['templates/tisk.css', 1, 'url("./fonts/tisk.woff2") names templates/fonts/tisk.woff2, which does not exist'],
    ]);
  });

  it('reads each stylesheet once, however often and in whatever loop it is imported', () => {
    const { read, reads, exists } = theme(
      {
        'site.css': "@import 'a.css';\n@import 'b.css';\n@import 'a.css';\n",
        'a.css': "@import './b.css';\n@import 'site.css';\na { background: url(a.png); }\n",
        'b.css': "@import 'a.css';\n",
      },
      [],
    );
    expect(found(themeProblems(path.join(templates, 'site.css'), '/arhivar', read, exists))).toEqual([['templates/a.css', 3, 'url("a.png") names templates/a.png, which does not exist']]);
    expect(reads.sort()).toEqual(['a.css', 'b.css', 'site.css']);
  });

  it('names the line of an @import whose stylesheet is not there, which Vite told without a line, as an unclosed block', () => {
    const { read, exists } = theme({ 'site.css': "body { margin: 0; }\n@import './deli/glava.css';\n@import url('./deli/noga.css');\n" }, []);
    expect(found(themeProblems(path.join(templates, 'site.css'), '/arhivar', read, exists))).toEqual([
      ['templates/site.css', 2, '@import "./deli/glava.css" names templates/deli/glava.css, which does not exist'],
      ['templates/site.css', 3, 'url("./deli/noga.css") names templates/deli/noga.css, which does not exist'],
    ]);
  });

  it('finds an @import written without .css as Vite does, and follows it instead of calling it missing', () => {
    // Vite's CSS resolver adds .css to a name it cannot find as written (createCSSResolvers, extensions ['.css']),
    // so both stylesheets below are inlined into the bundle: neither may stop the build as missing.
    const { read, reads, exists } = theme(
      {
        'site.css': "@import './deli/glava';\n@import url('./deli/noga');\n",
        'deli/glava.css': ".glava { background: url('../slike/glava.png'); }\n",
        'deli/noga.css': '.noga { color: red; }\n',
      },
      [],
    );
    expect(found(themeProblems(path.join(templates, 'site.css'), '/arhivar', read, exists))).toEqual([
      ['templates/deli/glava.css', 1, 'url("../slike/glava.png") names templates/slike/glava.png, which does not exist'],
    ]);
    expect(reads.sort()).toEqual(['deli/glava.css', 'deli/noga.css', 'site.css']);
  });

  it('leaves to Vite an @import of no file beside the stylesheet, and one in a comment', () => {
    const { read, reads, exists } = theme(
      {
        'site.css': "@import 'normalize.css';\n@import 'https://fonts.example/x.css';\n@import '/tema.css';\n/* @import 'staro.css'; */\n",
        'staro.css': 'a { background: url(manjka.png); }\n',
      },
      [],
    );
    expect(themeProblems(path.join(templates, 'site.css'), '/arhivar', read, exists)).toEqual([]);
    expect(reads).toEqual(['site.css']);
  });
});

describe('themeWarnings', () => {
  const templates = path.join('/arhivar', 'templates');
  const texts = new Map([
    [
      path.join(templates, 'site.css'),
      [
        "@import './deli/glava.css';",
        "@import url('/tema.css');",
        '/* .staro { background: url(/staro.png); } */',
        "@font-face { font-family: 'Casopis'; src: url('/fonts/serif.woff2?v=2') format('woff2'); }",
        ".ikona { background: url(//cdn.example.si/ikona.png), url('./ikona.png'), url(data:image/gif;base64,R0lGOD), url(#senca); }",
      ].join('\n'),
    ],
    [path.join(templates, 'deli', 'glava.css'), '.glava {\n  background: url("/slike/glava.png");\n}\n'],
  ]);
  const warnings = themeWarnings(path.join(templates, 'site.css'), '/arhivar', (file) => texts.get(file), (file) => texts.has(file));

  it('warns at each url() from the host\'s root, in site.css and in what it @imports, with the url() to write from that file\'s folder', () => {
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line, warning.hint?.split(':')[0]])).toEqual([
      ['template/root-url', 'templates/site.css', 4, 'put the file in templates/fonts/serif.woff2 and write url("./fonts/serif.woff2")'],
      ['template/root-url', 'templates/deli/glava.css', 2, 'put the file in templates/slike/glava.png and write url("../slike/glava.png")'],
    ]);
  });

  it('leaves alone another host\'s (//…), a relative address, data:, a #fragment, an @import and a url() in a comment', () => {
    expect(warnings.map((warning) => warning.message.split(' ')[0])).toEqual(['url("/fonts/serif.woff2?v=2")', 'url("/slike/glava.png")']);
  });
});

describe('themeWarnings: a custom property with no ; before the next declaration', () => {
  const templates = path.join('/arhivar', 'templates');
  const warningsOf = (css: string, imported = '') => {
    const texts = new Map([
      [path.join(templates, 'site.css'), css],
      [path.join(templates, 'deli', 'glava.css'), imported],
    ]);
    return themeWarnings(path.join(templates, 'site.css'), '/arhivar', (file) => texts.get(file), (file) => texts.has(file));
  };

  it('warns at the line that lacks the ;, naming the declaration it swallows, with the line to write', () => {
    const warnings = warningsOf(':root {\n  --accent: #c00\n  --muted: #666;\n  --rule: #ddd;\n}\n');
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line, warning.message, warning.hint])).toEqual([
      [
        'template/unended-property',
        'templates/site.css',
        2,
        'no ; ends this line, so line 3 (--muted: #666) is read as part of the value of --accent: --muted is not set, and --accent is not #c00',
        'end the line with a ;: --accent: #c00;',
      ],
    ]);
  });

  it('finds a swallowed property that is not a custom one, in a stylesheet site.css @imports too, and in a value of several lines', () => {
    const warnings = warningsOf("@import './deli/glava.css';\n", '.glava {\n  --senca: 0 1px 2px #0003,\n    0 2px 8px #0002\n  color: red;\n}\n');
    expect(warnings.map((warning) => [warning.file, warning.line, warning.message, warning.hint])).toEqual([
      [
        'templates/deli/glava.css',
        3,
        'no ; ends this line, so line 4 (color: red) is read as part of the value of --senca (line 2): color is not set, and --senca is not 0 1px 2px #0003, 0 2px 8px #0002',
        'end the line with a ;: 0 2px 8px #0002;',
      ],
    ]);
  });

  it('tells each line without its ; when one value swallows several declarations', () => {
    const warnings = warningsOf(':root{--a: 1\n  --b: 2\n  --c: 3;}\n');
    expect(warnings.map((warning) => [warning.line, warning.message, warning.hint])).toEqual([
      [1, 'no ; ends this line, so line 2 (--b: 2) is read as part of the value of --a: --b is not set, and --a is not 1', 'end the line with a ;: :root{--a: 1;'],
      [2, 'no ; ends this line, so line 3 (--c: 3) is read as part of the value of --a (line 1): --c is not set, and --a is not 1', 'end the line with a ;: --b: 2;'],
    ]);
  });

  it('leaves alone values of several lines, the last declaration of a block, strings, brackets and comments', () => {
    const css = [
      ':root {',
      "  --serif: Charter,",
      "    'Bitstream Charter', serif;",
      '  --content: "a;\\',
      ' b: c";',
      '  --query: (min-width:',
      '    30em);',
      '  --blok: {',
      '    color: red;',
      '  };',
      '  --zadnja: #fff',
      '}',
      '.x { --a: 1 /* ; */',
      '  /* --b: 2; */ }',
      '.y { color: var(--accent) }',
    ].join('\n');
    expect(warningsOf(css)).toEqual([]);
  });
});

describe('themeWarnings: a comment never closed', () => {
  const templates = path.join('/arhivar', 'templates');
  const warningsOf = (css: string) => themeWarnings(path.join(templates, 'site.css'), '/arhivar', (file) => (file === path.join(templates, 'site.css') ? css : undefined), () => true);

  it('finds the declarations without their ; above it, and none in it, which runs to the end of the file (CSS Syntax 3, »consume comments«)', () => {
    const warnings = warningsOf('.x {\n  color: red\n  margin: 0;\n}\n/* stari del\n.y {\n  color: red\n  margin: 0;\n}\n');
    expect(warnings.map((warning) => [warning.code, warning.line])).toEqual([['template/unended-property', 2]]);
  });
});

describe('themeWarnings: an ordinary declaration with no ; before the next declaration', () => {
  const templates = path.join('/arhivar', 'templates');
  const warningsOf = (css: string) => themeWarnings(path.join(templates, 'site.css'), '/arhivar', (file) => (file === path.join(templates, 'site.css') ? css : undefined), () => true);

  it('warns at the line that lacks the ;: browsers drop the declaration whole, so neither property is set', () => {
    // Lightning CSS publishes `.x{color:red margin: 0}` as it is, and a browser drops it as no colour.
    const warnings = warningsOf('.x {\n  color: red\n  margin: 0;\n}\n');
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line, warning.message, warning.hint])).toEqual([
      [
        'template/unended-property',
        'templates/site.css',
        2,
        'no ; ends this line, so line 3 (margin: 0) is read as part of the value of color: a browser drops the whole declaration (color: red margin: 0), so neither color nor margin is set',
        'end the line with a ;: color: red;',
      ],
    ]);
  });

  it('in an at-rule\'s block, in a value of several lines, and each line of a value that swallows several', () => {
    const css = [
      '@media (min-width: 40em) {',
      '  .x { display: grid',
      '    gap: 1rem;',
      '  }',
      '}',
      '@font-face {',
      '  font-family: Naslovi',
      "  src: url('./naslovi.woff2');",
      '}',
      '.y {',
      '  font-family: Charter,',
      '    Georgia, serif',
      '  -webkit-font-smoothing: antialiased',
      '  COLOR: red;',
      '}',
    ].join('\n');
    expect(warningsOf(css).map((warning) => [warning.line, warning.message])).toEqual([
      [2, 'no ; ends this line, so line 3 (gap: 1rem) is read as part of the value of display: a browser drops the whole declaration (display: grid gap: 1rem), so neither display nor gap is set'],
      [
        7,
        "no ; ends this line, so line 8 (src: url('./naslovi.woff2')) is read as part of the value of font-family: a browser drops the whole declaration (font-family: Naslovi src: url('./naslovi.woff2')), so neither font-family nor src is set",
      ],
      [
        12,
        'no ; ends this line, so line 13 (-webkit-font-smoothing: antialiased) is read as part of the value of font-family (line 11): a browser drops the whole declaration (font-family: Charter, Georgia, serif -webkit-font-smoothing: antialiased COLOR: red), so neither font-family nor -webkit-font-smoothing is set',
      ],
      [
        13,
        'no ; ends this line, so line 14 (COLOR: red) is read as part of the value of font-family (line 11): a browser drops the whole declaration (font-family: Charter, Georgia, serif -webkit-font-smoothing: antialiased COLOR: red), so neither font-family nor COLOR is set',
      ],
    ]);
  });

  it('leaves alone valid values of several lines, selectors with a colon, brackets, strings, url( across lines and comments', () => {
    const css = [
      '@import url(./deli/glava.css) supports(display:',
      '  grid);',
      'a:hover,',
      'a:focus-visible {',
      '  color: red',
      '}',
      '.mreza {',
      '  display: grid;',
      '  grid-template-areas:',
      '    "glava glava"',
      '    "vsebina stran";',
      '  grid-template-columns:',
      '    [polno-start] minmax(1rem, 1fr)',
      '    [vsebina-start] minmax(0, 40rem);',
      "  font-family: Charter, 'Bitstream Charter',",
      '    Georgia, serif;',
      '  transition:',
      '    color 0.2s,',
      '    background-color 0.2s;',
      '  background: url(',
      '    "data:image/svg+xml;utf8,<svg></svg>"',
      '  ) no-repeat;',
      '  mask: url(data:image/png;base64,iVBOR) luminance',
      '    , none;',
      '  content: "a\\',
      ' b: c";',
      '  margin: 0 /* padding: 0; */',
      '  /* border: 0; */ }',
      '@media (min-width:',
      '  30em) {',
      '  li:not(:last-child),',
      '  li:first-child::after { margin: 0 }',
      '  .x { color: red; }',
      '}',
      '.gnezdo {',
      '  color: red;',
      '  a:hover,',
      '  a:focus { color: blue }',
      '  &:hover { color: green }',
      '}',
    ].join('\n');
    expect(warningsOf(css)).toEqual([]);
  });
});
