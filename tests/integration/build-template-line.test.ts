import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyFixture, copyPackage, PROJECT_ROOT, temporaryFolders } from '../helpers.ts';

const temporaryFolder = temporaryFolders();

/** A copy of arhivar, so a test may break a template: the build bundles the copy's own. */
const copyArhivar = async () => copyPackage(await temporaryFolder());

/** person.tsx with `replace` applied, and the 1-based line of the text `marker` in it. */
async function breakPersonTemplate(copy: string, replace: (source: string) => string, marker: string): Promise<number> {
  const file = path.join(copy, 'templates', 'person.tsx');
  const source = replace(await readFile(path.join(PROJECT_ROOT, 'templates', 'person.tsx'), 'utf8'));
  expect(source).toContain(marker);
  await writeFile(file, source);
  return source.slice(0, source.indexOf(marker)).split('\n').length;
}

/** `arhivar build` of `root` by the copy's command, as `npm run build` runs it: its exit code and stderr. */
async function build(copy: string, root: string): Promise<{ code?: number; signal?: string | null; stderr?: string }> {
  return run(copy, 'build', root);
}

/** `arhivar <command>` of `root` by the copy's command, as npm runs it: its exit code (or the signal that ended it) and stderr. */
async function run(copy: string, command: string, root: string): Promise<{ code?: number; signal?: string | null; stderr?: string }> {
  return promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), command, '--root', root], { timeout: 60_000 }).then(
    () => ({ code: 0 }),
    (error: { code?: number; stderr?: string }) => error,
  );
}

describe('npm run build with a template that throws', () => {
  it('names the template file and line that threw, through the bundle’s source maps, and the hint of the dev server without them', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const line = await breakPersonTemplate(
      copy,
      // After PersonPage's first line that takes the entry apart, whatever else it takes from it.
      (source) => source.replace(/^( {2}const \{ person, articles\b[^}]*\} = entry;\n)/m, "$1  if (person.id) throw new TypeError('osebi manjka vloga');\n"),
      "throw new TypeError('osebi manjka vloga')",
    );
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^templates/person\\.tsx:${line}  template/failed\\n  /osebe/[a-z-]+/: TypeError: osebi manjka vloga \\(in PersonPage\\)\\n  hint: a template threw at this line`, 'm'));

    // Without the maps (a bundle made by an older arhivar), the problem is still named, with no line.
    const bundles = path.join(copy, '.cache', 'code');
    for (const folder of (await readdir(bundles)).filter((name) => name.startsWith('cli-ts-'))) {
      for (const name of await readdir(path.join(bundles, folder))) if (name.endsWith('.map')) await rm(path.join(bundles, folder, name));
    }
    const unmapped = await build(copy, root);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toMatch(/^template\/failed\n  \/osebe\/[a-z-]+\/: TypeError: osebi manjka vloga \(in PersonPage\)\n  hint: .*open \/osebe\/[a-z-]+\/ in npm run dev to see the template's file and line/m);
  }, 90_000);

  it('prints the warnings of the content and of the stylesheet after the problem, as a build failing on the content does', async () => {
    const copy = await copyArhivar();
    // Two warnings in opozorila.md once its two problems are fixed (warnings-with-errors.test.ts).
    const root = await copyFixture('warnings-with-errors');
    const article = path.join(root, 'content/articles/2025/slab-datum.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('2025-13-01', '2025-12-01'));
    const person = path.join(root, 'content/people/ana-novak.md');
    await writeFile(person, (await readFile(person, 'utf8')).replace('vloga:', 'role:'));
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const css = (await readFile(stylesheet, 'utf8')).replace('  --accent: #a1201a;\n', '  --accent: #a1201a\n');
    await writeFile(stylesheet, css);
    const cssLine = css.split('\n').indexOf('  --accent: #a1201a') + 1;
    const line = await breakPersonTemplate(
      copy,
      (source) => source.replace(/^( {2}const \{ person, articles\b[^}]*\} = entry;\n)/m, "$1  if (person.id) throw new TypeError('osebi manjka vloga');\n"),
      "throw new TypeError('osebi manjka vloga')",
    );
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    const stderr = failed.stderr ?? '';
    const problem = stderr.indexOf(`templates/person.tsx:${line}  template/failed`);
    expect(problem).toBeGreaterThanOrEqual(0);
    expect([...stderr.matchAll(/^warning: (\S+)  (\S+)$/gm)].map((match) => `${match[1]}  ${match[2]}`)).toEqual([
      'content/articles/2025/opozorila.md:4  article/summary-html',
      'content/articles/2025/opozorila.md:9  article/image-without-alt',
      `templates/site.css:${cssLine}  template/unended-property`,
    ]);
    expect(stderr.indexOf('warning: ')).toBeGreaterThan(problem);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('refuses an element given both class and className at its line, where Preact published class and dropped className without a word', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const marker = '<h1 class="ime" className={heading ? \'oseba\' : undefined}>{heading}</h1>';
    const line = await breakPersonTemplate(copy, (source) => source.replace('<h1>{heading}</h1>', marker), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^templates/person\\.tsx:${line}  template/failed\\n  /osebe/[a-z-]+/: TypeError: this <h1> is given both class and className: Preact writes class alone and drops className without a word; write one class attribute with all the names \\(in PersonPage\\)`, 'm'),
    );
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('refuses a page template that returns nothing (a body in braces without return), naming its declaration, instead of publishing pages of <!DOCTYPE html> alone', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    expect((await build(copy, root)).code).toBe(0);
    const person = (await readdir(path.join(root, 'dist', 'osebe'))).find((name) => !name.endsWith('.html') && name !== 'stran')!;
    const before = await readFile(path.join(root, 'dist', 'osebe', person, 'index.html'), 'utf8');
    // The JSX is an expression statement of its own: the function returns undefined, and Preact renders it as ''.
    const line = await breakPersonTemplate(copy, (source) => source.replace(/^( {2}const overview = [^\n]*\n) {2}return \(\n/m, '$1  (\n'), 'export function PersonPage(');
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^templates/person\\.tsx:${line}  template/empty\\n  /osebe/[a-z-]+/: PersonPage returned nothing, so the page would be empty\\n  hint: .*return`, 'm'));
    expect(await readFile(path.join(root, 'dist', 'osebe', person, 'index.html'), 'utf8')).toBe(before);
  }, 90_000);

  it('names the template line that called arhivar’s code where the exception was thrown', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // personStats (src/site/person-stats.ts) reads entry.articles first: the exception is thrown there.
    const marker = 'personStats(undefined as never, context.people)';
    const line = await breakPersonTemplate(copy, (source) => source.replace('personStats(entry, context.people)', marker), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^templates/person\\.tsx:${line}  template/failed\\n  /osebe/[a-z-]+/: TypeError: `, 'm'));
  }, 90_000);
});

describe('npm run build with a template whose top-level code throws as it loads', () => {
  it('names the template file and line, exits 1 and leaves dist/ as it was, instead of »arhivar failed unexpectedly« with a stack', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    expect((await build(copy, root)).code).toBe(0);
    const before = await readFile(path.join(root, 'dist', 'index.html'), 'utf8');
    // A logo read into the masthead whose file name is mistyped: the read runs once, as the command loads the templates.
    const file = path.join(copy, 'templates', 'layout.tsx');
    const marker = "const LOGO = readFileSync(new URL('./logotip.svg', import.meta.url), 'utf8');";
    const source = `import { readFileSync } from 'node:fs';\n${marker}\n${await readFile(file, 'utf8')}`.replace('{site.title}</a>', '{site.title}{LOGO}</a>');
    await writeFile(file, source);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^templates\/layout\.tsx:2  template\/failed\n  Error: ENOENT: no such file or directory, open '[^']*logotip\.svg' \(while the templates were loaded\)\n  hint: /m);
    expect(failed.stderr).not.toMatch(/failed unexpectedly|    at /);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe(before);
  }, 90_000);

  it('ends on a first build, whose Markdown workers start before the templates load, instead of running until killed', async () => {
    const copy = await copyArhivar();
    // No .cache/ and no dist/: the workers start at once (pipeline/unchanged.ts), and the failed import left them running.
    const root = await copyFixture('archive-basic');
    const file = path.join(copy, 'templates', 'layout.tsx');
    await writeFile(file, `import { readFileSync } from 'node:fs';\nconst LOGO = readFileSync(new URL('./logotip.svg', import.meta.url), 'utf8');\n${await readFile(file, 'utf8')}`);
    const failed = await build(copy, root);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^templates\/layout\.tsx:2  template\/failed\n/m) });
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names the line of an await at the top of a template whose error has only async frames there (a fetch refused)', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const file = path.join(copy, 'templates', 'layout.tsx');
    // Port 1 refuses at once: no network is needed. The error is made in Node's fetch, so the template's only
    // frame is the one that awaits it, »at async file:///…«.
    const marker = "const WEATHER = await fetch('http://127.0.0.1:1/vreme.json').then((response) => response.text());";
    await writeFile(file, `${marker}\n${(await readFile(file, 'utf8')).replace('{site.title}</a>', '{site.title}{WEATHER}</a>')}`);
    const failed = await build(copy, root);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^templates\/layout\.tsx:1  template\/failed\n  TypeError: fetch failed \(cause: bad port\) \(while the templates were loaded\)\n/m) });
  }, 90_000);
});

describe('npm run build with a template that does not parse', () => {
  it('names the template file and line and esbuild’s reason, exits 1 and writes nothing, instead of »arhivar failed unexpectedly« with a stack', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // A closing tag typed wrong, as a developer adding a field to a page does.
    const marker = '<h1>{heading}</spa>';
    const line = await breakPersonTemplate(copy, (source) => source.replace('<h1>{heading}</h1>', marker), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^templates/person\\.tsx:${line}  template/syntax\\n  Unexpected closing "spa" tag does not match opening "h1" tag\\n  hint: `, 'm'),
    );
    expect(failed.stderr).not.toMatch(/failed unexpectedly|    at /);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build and npm run check with a template tag or brace left open', () => {
  /** A copy of arhivar whose `template` has `replace` applied, and the 1-based line of `marker` in it. */
  async function breakTemplate(template: string, replace: (source: string) => string, marker: string): Promise<{ copy: string; line: number }> {
    const copy = await copyArhivar();
    const source = replace(await readFile(path.join(PROJECT_ROOT, 'templates', template), 'utf8'));
    expect(source).toContain(marker);
    await writeFile(path.join(copy, 'templates', template), source);
    return { copy, line: source.slice(0, source.indexOf(marker)).split('\n').length };
  }

  it('names the line of a <p> whose </p> is missing, not that of the </Layout> esbuild met first, and tells that one problem alone', async () => {
    const { copy, line } = await breakTemplate('person.tsx', (source) => source.replace(/(<p class="screen-only">\n[^]*?)<\/p>\n/, '$1\n'), '<p class="screen-only">');
    const root = await copyFixture('archive-basic');
    const hint = 'hint: close it with </p> where its content ends, or write it as <p … /> if it has none';
    for (const command of ['build', 'check']) {
      const failed = await run(copy, command, root);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(new RegExp(`^templates/person\\.tsx:${line}  template/syntax\\n  the <p> at this line is never closed \\(</Layout> at line \\d+ comes first\\): <p class="screen-only">\\n  ${hint}\\n\\n1 problem found`, 'm'));
      // Before the command line loads: check, which never writes, says so, as it does under content problems.
      expect(failed.stderr?.trimEnd().split('\n').at(-1)).toBe(command === 'check' ? '1 problem found; check changes no file: content/ and the built site are as they were.' : '1 problem found; nothing was written.');
    }
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names the line of a page\u2019s outermost tag left open, where esbuild told the end of the file or the } that ends the function', async () => {
    // The last function of not-found.tsx: esbuild reads on to the end of the file.
    const last = await breakTemplate('not-found.tsx', (source) => source.replace('    </Layout>\n', ''), '<Layout context');
    const root = await copyFixture('archive-basic');
    const atEnd = await run(last.copy, 'build', root);
    expect(atEnd.stderr).toMatch(new RegExp(`^templates/not-found\\.tsx:${last.line}  template/syntax\\n  the <Layout> at this line is never closed \\(.*\\): <Layout context=\\{context\\}.*\\n  hint: close it with </Layout> where`, 'm'));
    expect(atEnd.stderr).toMatch(/\n1 problem found/);
    // Not the last: esbuild stopped at the } of PersonPage, saying to escape it.
    const inside = await breakTemplate('person.tsx', (source) => source.replace('    </Layout>\n  );\n}\n', '  );\n}\n'), '    <Layout\n');
    const failed = await run(inside.copy, 'build', root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^templates/person\\.tsx:${inside.line}  template/syntax\\n  the <Layout> at this line is never closed \\(what follows it was read as its text, up to the \\} at line \\d+\\): <Layout\\n`, 'm'));
    expect(failed.stderr).not.toMatch(/escape|\{'\}'\}/);
  }, 90_000);

  it('names the line of a { never closed, where esbuild told »Unterminated regular expression« at the closing tag after it', async () => {
    const marker = '<p class="role">{person.role</p>';
    const { copy, line } = await breakTemplate('person.tsx', (source) => source.replace('<p class="role">{person.role}</p>', marker), marker);
    const failed = await run(copy, 'build', await copyFixture('archive-basic'));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^templates/person\\.tsx:${line}  template/syntax\\n  the \\{ at this line is never closed: esbuild read the </p> at line ${line} as part of its expression\\n  hint: close it with \\} where the expression ends, before </p>\\n`, 'm'),
    );
  }, 90_000);
});

describe('npm run build with a template that imports a package that is not installed', () => {
  it('names the template line of the import and says to install the package, not esbuild\u2019s own file as arhivar\u2019s code that is no TypeScript', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // A date library a developer means to use in the person page, before running npm install for it.
    const marker = "import dayjs from 'dayjs-ni-namescen';";
    const line = await breakPersonTemplate(copy, (source) => `// datumi\n${marker}\n${source}`.replace('<h1>{heading}</h1>', '<h1>{heading}{dayjs().year()}</h1>'), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^templates/person\\.tsx:${line}  template/missing-import\\n  Could not resolve "dayjs-ni-namescen"\\n  hint: the package dayjs-ni-namescen is not installed: install it with npm install dayjs-ni-namescen, or correct its name$`, 'm'),
    );
    expect(failed.stderr).not.toMatch(/esbuild|code\/syntax|failed unexpectedly|    at /);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build with a template that imports a path an installed package does not export', () => {
  it('names the template line of the import, the path and the package, and says to check the spelling or its entry points, not to add a file', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // preact is installed (the templates' JSX needs it); its package.json "exports" has no ./nope.
    const marker = "import { nope } from 'preact/nope';";
    const line = await breakPersonTemplate(copy, (source) => `// dodatek\n${marker}\n${source}`.replace('<h1>{heading}</h1>', '<h1>{heading}{String(nope)}</h1>'), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(
        `^templates/person\\.tsx:${line}  template/missing-import\\n  Could not resolve "preact/nope"\\n  hint: the package preact is installed but does not export preact/nope \\(its package\\.json "exports"\\): check the spelling, or import one of the entry points its documentation names$`,
        'm',
      ),
    );
    expect(failed.stderr).not.toMatch(/relative to the template|esbuild|code\/syntax|failed unexpectedly|    at /);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build with a template that imports a file an installed package without "exports" does not have', () => {
  it('names the template line of the import, the path and the package, instead of »arhivar failed unexpectedly« and exit code 3', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // An older package, with no "exports" in its package.json: any of its files may be imported, but nikjer.js is not one.
    // The copy's node_modules/ is a link to arhivar's: made a folder of links instead, so the package is the copy's alone.
    const modules = path.join(copy, 'node_modules');
    await rm(modules);
    await mkdir(modules);
    for (const name of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) await symlink(path.join(PROJECT_ROOT, 'node_modules', name), path.join(modules, name));
    const installed = path.join(modules, 'stari-paket');
    await mkdir(installed);
    await writeFile(path.join(installed, 'package.json'), JSON.stringify({ name: 'stari-paket', version: '1.0.0', main: 'index.js' }));
    await writeFile(path.join(installed, 'index.js'), 'export default 1;\n');
    const marker = "import stari from 'stari-paket/nikjer.js';";
    const line = await breakPersonTemplate(copy, (source) => `// dodatek\n${marker}\n${source}`.replace('<h1>{heading}</h1>', '<h1>{heading}{stari}</h1>'), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(
        `^templates/person\\.tsx:${line}  template/missing-import\\n  Could not resolve "stari-paket/nikjer\\.js"\\n  hint: the package stari-paket is installed but has no file nikjer\\.js: check the spelling, or import one of the entry points its documentation names$`,
        'm',
      ),
    );
    expect(failed.stderr).not.toMatch(/failed unexpectedly|    at /);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build with a template that imports a stylesheet', () => {
  it('names the template line of the import and says to @import it from site.css, where the build published the pages without it and exit code 0', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    await mkdir(path.join(copy, 'templates', 'deli'));
    await writeFile(path.join(copy, 'templates', 'deli', 'kolofon.css'), '.kolofon{color:green}\n');
    const marker = "import './deli/kolofon.css';";
    const line = await breakPersonTemplate(copy, (source) => `// kolofon\n${marker}\n${source}`, marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(
        `^templates/person\\.tsx:${line}  template/stylesheet-import\\n  "\\./deli/kolofon\\.css" is a stylesheet, which a template cannot import: its rules would be published nowhere\\n  hint: delete this line and add @import './deli/kolofon\\.css'; at the top of templates/site\\.css \\(above its first rule\\), which Vite bundles into the site's stylesheet$`,
        'm',
      ),
    );
    expect(failed.stderr).not.toMatch(/failed unexpectedly|    at /);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
    // esbuild's own chunk of the stylesheet, which nothing used, is no longer made.
    const code = path.join(copy, '.cache', 'code');
    const made = await readdir(code, { recursive: true }).catch(() => [] as string[]);
    expect(made.filter((name) => name.endsWith('.css'))).toEqual([]);
  }, 90_000);
});

/** A package with an ES module and a CommonJS entry that say which one was loaded, in `folder` (a node_modules/). */
async function writePackage(folder: string, name: string, exports: unknown = { '.': { import: './index.js', require: './index.cjs' } }): Promise<void> {
  const installed = path.join(folder, name);
  await mkdir(installed, { recursive: true });
  await writeFile(path.join(installed, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', exports }));
  await writeFile(path.join(installed, 'index.js'), `export const pozdrav = 'pozdrav iz modula ${name}';\n`);
  await writeFile(path.join(installed, 'index.cjs'), `exports.pozdrav = 'pozdrav iz CommonJS ${name}';\n`);
}

describe('npm run build with a template that imports a package installed beside the templates', () => {
  it('finds it in templates/node_modules/, as Node does from the template, and loads its ES module entry, instead of »not installed«', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    await writePackage(path.join(copy, 'templates', 'node_modules'), 'pozdrav-predlog');
    const marker = "import { pozdrav } from 'pozdrav-predlog';";
    await breakPersonTemplate(copy, (source) => `${marker}\n${source}`.replace('<h1>{heading}</h1>', '<h1>{heading}</h1><p class="pozdrav">{pozdrav}</p>'), marker);
    const built = await build(copy, root);
    expect(built.stderr).toBeUndefined();
    expect(built.code).toBe(0);
    expect(await readFile(path.join(root, 'dist', 'osebe', 'boris-cok', 'index.html'), 'utf8')).toContain('<p class="pozdrav">pozdrav iz modula pozdrav-predlog</p>');
  }, 90_000);

  it('tells a package only arhivar\u2019s src/ can reach as not installed, as the dev server does, instead of bundling it', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // Node looks for a template's packages from templates/ upward: src/node_modules/ is not on that way.
    await writePackage(path.join(copy, 'src', 'node_modules'), 'pozdrav-koda');
    const marker = "import { pozdrav } from 'pozdrav-koda';";
    const line = await breakPersonTemplate(copy, (source) => `${marker}\n${source}`.replace('<h1>{heading}</h1>', '<h1>{heading}</h1><p>{pozdrav}</p>'), marker);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(`^templates/person\\.tsx:${line}  template/missing-import\\n  Could not resolve "pozdrav-koda"\\n  hint: the package pozdrav-koda is not installed: install it with npm install pozdrav-koda, or correct its name$`, 'm'),
    );
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build with a client script that does not parse', () => {
  it('names the script file and line, exits 1 and writes nothing, instead of »arhivar failed unexpectedly« with Vite’s coloured stack', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // A script a page needs, added as README says (src/client/<name>.ts), with a value left out on line 2.
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "const gumb = document.querySelector('.kopiraj');\nconst naslov = ;\nvoid gumb;\n");
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^src\/client\/deli\.ts:2  code\/syntax\n  Unexpected token\n  hint: /m);
    expect(failed.stderr).not.toMatch(/failed unexpectedly|    at |\u001b/);
    // Vite's own »✗ Build failed in 67ms« above it told nothing the problem does not.
    expect(failed.stderr).not.toContain('Build failed');
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names the file and line of a plain .js file a script imports that does not parse, which Rolldown parses as written', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "import stari from './stari.js';\nconsole.log(stari);\n");
    // An older script kept as JavaScript, with a comment above the line: Vite's TypeScript transform does not touch it.
    await writeFile(path.join(copy, 'src', 'client', 'stari.js'), '// stari gumb\nconst gumb = 1;\nexport default = gumb;\n');
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^src\/client\/stari\.js:3  code\/syntax\n  Unexpected token\n  hint: /m);
    expect(failed.stderr).not.toMatch(/failed unexpectedly|Build failed|    at |\u001b/);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names the line of an import of a file that is not there, instead of »arhivar failed unexpectedly« and exit code 3', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "// gumb za kopiranje\nimport { gumb } from './nikjer.ts';\nvoid gumb;\n");
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^src\/client\/deli\.ts:2  code\/missing-import\n  Could not resolve '\.\/nikjer\.ts'\n  hint: the file or package this line imports is not there/);
    expect(failed.stderr).not.toMatch(/failed unexpectedly|Build failed|\u001b/);
  }, 90_000);

  it('names the line of an import of a name the other script does not export, and the file and the name, instead of exit code 3', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // A type import and a comment above: Rolldown's line, of the code with both taken out, would be line 1.
    await writeFile(path.join(copy, 'src', 'client', 'drugo.ts'), 'export type Gumb = HTMLElement;\nexport const gump = 1;\n');
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "import type { Gumb } from './drugo.ts';\n// gumb za kopiranje\nimport { gumb } from './drugo.ts';\nconsole.log(gumb as unknown as Gumb);\n");
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^src\/client\/deli\.ts:3  code\/missing-export\n  No matching export in "src\/client\/drugo\.ts" for import "gumb"\n  hint: src\/client\/drugo\.ts has no export named gumb; /m,
    );
    expect(failed.stderr).not.toMatch(/failed unexpectedly|Build failed|\u001b/);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names a .ts script whose name is declared twice, with Rolldown\'s reason and npm run typecheck for the line, instead of exit code 3', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    // Rolldown's line, of the code with the comment taken out, would be 1 and 2: no line is given rather than a wrong one.
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "// gumb za kopiranje\nconst gumb = document.querySelector('.kopiraj');\nlet gumb = 2;\nvoid gumb;\n");
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^src\/client\/deli\.ts  code\/syntax\n  Identifier `gumb` has already been declared\n  hint: run npm run typecheck, which names the line in src\/client\/deli\.ts /m);
    expect(failed.stderr).not.toMatch(/failed unexpectedly|Build failed|    at |╭─|\u001b/);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('tells any other failure of the bundle as code/bundle with Vite\'s reason (a script importing JSON that does not parse), without colours, stack or exit code 3', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(copy, 'src', 'client', 'podatki.json'), '{ "a": 1,, }');
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "import podatki from './podatki.json';\nconsole.log(podatki);\n");
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    // Rolldown names no file here, only its JSON plugin.
    expect(failed.stderr).toMatch(/^code\/bundle\n  plugin `builtin:vite-json` threw an error: key must be a string at line 1 column 10\n  hint: /m);
    expect(failed.stderr).not.toMatch(/failed unexpectedly|Build failed|Stack backtrace|    at |\u001b/);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build with a stylesheet that does not parse', () => {
  it('prints only its file, line and reason: not Vite\'s »✗ Build failed« above them', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const css = await readFile(stylesheet, 'utf8');
    await writeFile(stylesheet, `${css}\n@media ( { a { color: blue } }\n`);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^templates\/site\.css:\d+  template\/bad-stylesheet\n  the stylesheet cannot be read: /);
    expect(failed.stderr).not.toContain('Build failed');
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names the line of a } that closes no block, which Lightning CSS refused as »Unexpected end of input«', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const css = `${(await readFile(stylesheet, 'utf8')).trimEnd()}\n.kopiraj { cursor: pointer; }\n}\n`;
    await writeFile(stylesheet, css);
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    const line = css.trimEnd().split('\n').length;
    expect(failed.stderr).toMatch(new RegExp(`^templates/site\\.css:${line}  template/bad-stylesheet\\n  the stylesheet cannot be read: a \\} that closes no block\\n  hint: remove the \\}`, 'm'));
    expect(failed.stderr).not.toContain('Unexpected end of input');
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);
});

describe('npm run build with a stylesheet that @imports another', () => {
  it('stops at the line of the imported file whose url() names a file that is not there, instead of publishing a broken address', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    await writeFile(stylesheet, `@import './deli/glava.css';\n${await readFile(stylesheet, 'utf8')}`);
    await mkdir(path.join(copy, 'templates', 'deli'));
    await writeFile(path.join(copy, 'templates', 'deli', 'glava.css'), "/* glava */\n.glava { background: url('../slike/glava.png'); }\n");
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^templates\/deli\/glava\.css:2 {2}template\/missing-file\n {2}url\("\.\.\/slike\/glava\.png"\) names templates\/slike\/glava\.png, which does not exist\n/m);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('names the folder the url() of an imported file is read from, and the near name there, not »beside the stylesheet«', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    await writeFile(stylesheet, `@import './deli/glava.css';\n${await readFile(stylesheet, 'utf8')}`);
    await mkdir(path.join(copy, 'templates', 'deli'));
    await mkdir(path.join(copy, 'templates', 'slike'));
    await writeFile(path.join(copy, 'templates', 'slike', 'logo.png'), 'PNG');
    await writeFile(path.join(copy, 'templates', 'deli', 'glava.css'), '.glava { background: url("../slike/logo.pgn"); }\n');
    const failed = await build(copy, root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      [
        'templates/deli/glava.css:1  template/missing-file',
        '  url("../slike/logo.pgn") names templates/slike/logo.pgn, which does not exist',
        '  hint: templates/slike/ has logo.png: write url("../slike/logo.png") if that is the file meant, or put logo.pgn in templates/slike/ (a url() is read from the folder of the stylesheet that names it); it is published under dist/assets/ with the stylesheet',
      ].join('\n'),
    );
    expect(failed.stderr).not.toContain('beside the stylesheet');
  }, 90_000);
});

describe('npm run build with a url() from the host\'s root in the stylesheet', () => {
  it('warns at its line in every build, also when the bundle comes from .cache/, where Vite, which warned only as it bundled, said nothing', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    await writeFile(stylesheet, `@font-face { font-family: 'Casopis'; src: url('/fonts/serif.woff2') format('woff2'); }\n${await readFile(stylesheet, 'utf8')}`);
    const warning = [
      'warning: templates/site.css:1  template/root-url',
      `  url("/fonts/serif.woff2") is an address from the host's root, which the stylesheet keeps as written: a site published under a path (/arhiv/) loads nothing from it`,
      '  hint: put the file in templates/fonts/serif.woff2 and write url("./fonts/serif.woff2"): a url() is read from the folder of the stylesheet that names it, and its file is published under dist/assets/ with the stylesheet, which finds it under any path',
    ].join('\n');
    // Warnings go to stderr of a build that succeeds (exit code 0, or execFile rejects).
    const warningsOf = async () => (await promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'build', '--root', root], { timeout: 60_000 })).stderr;
    expect(await warningsOf()).toContain(warning);
    // The bundle is in .cache/ now: a build with dist/ deleted takes it from there, without Vite.
    await rm(path.join(root, 'dist'), { recursive: true });
    const second = await warningsOf();
    expect(second).toContain(warning);
    expect(second).not.toContain("didn't resolve at build time");
    // Nothing changed since: the build says so, with the warnings of the last one.
    const third = await promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'build', '--root', root], { timeout: 60_000 });
    expect(third.stdout).toContain('nothing changed since the last build');
    expect(third.stderr).toContain(warning);
  }, 90_000);
});

describe('npm run build with a custom property in the stylesheet that lacks its ;', () => {
  it('warns at that line, naming the declaration it swallows, and builds', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    expect(source).toContain('  --accent: #a1201a;\n  --accent-hover: #741510;\n');
    const broken = source.replace('  --accent: #a1201a;\n', '  --accent: #a1201a\n');
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  --accent: #a1201a') + 1;
    const built = await promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'build', '--root', root], { timeout: 60_000 });
    expect(built.stderr).toContain(
      [
        `warning: templates/site.css:${line}  template/unended-property`,
        `  no ; ends this line, so line ${line + 1} (--accent-hover: #741510) is read as part of the value of --accent: --accent-hover is not set, and --accent is not #a1201a`,
        '  hint: end the line with a ;: --accent: #a1201a;',
      ].join('\n'),
    );
    expect(built.stdout).toMatch(/^built \d+ pages/);
  }, 90_000);
});

describe('npm run check with declarations in the stylesheet that lack their ;', () => {
  it('warns at those lines as the build does, a custom property and an ordinary one, and changes nothing', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    expect(source).toContain('  --accent: #a1201a;\n  --accent-hover: #741510;\n');
    expect(source).toContain('body {\n  margin: 0;\n  background: var(--background);\n');
    const broken = source.replace('  --accent: #a1201a;\n', '  --accent: #a1201a\n').replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n');
    await writeFile(stylesheet, broken);
    const custom = broken.split('\n').indexOf('  --accent: #a1201a') + 1;
    const ordinary = broken.split('\n').indexOf('  margin: 0') + 1;
    // Warnings alone: exit code 0, or execFile rejects.
    const checked = await promisify(execFile)(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'check', '--root', root], { timeout: 60_000 });
    expect(checked.stderr).toContain(
      [
        `warning: templates/site.css:${custom}  template/unended-property`,
        `  no ; ends this line, so line ${custom + 1} (--accent-hover: #741510) is read as part of the value of --accent: --accent-hover is not set, and --accent is not #a1201a`,
        '  hint: end the line with a ;: --accent: #a1201a;',
      ].join('\n'),
    );
    expect(checked.stderr).toContain(
      [
        `warning: templates/site.css:${ordinary}  template/unended-property`,
        `  no ; ends this line, so line ${ordinary + 1} (background: var(--background)) is read as part of the value of margin: a browser drops the whole declaration (margin: 0 background: var(--background)), so neither margin nor background is set`,
        '  hint: end the line with a ;: margin: 0;',
      ].join('\n'),
    );
    expect(checked.stdout).toMatch(/2 warnings \(above\), no problems/);
    expect(await readFile(stylesheet, 'utf8')).toBe(broken);
  }, 90_000);
});

describe('a failed build with a declaration in the stylesheet that lacks its ;', () => {
  it('prints the warning after the problems, as check does', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    expect(source).toContain('body {\n  margin: 0;\n');
    const broken = source.replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n');
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  margin: 0') + 1;
    const article = path.join(root, 'content/articles/2025/drugi.md');
    const text = await readFile(article, 'utf8');
    expect(text).toMatch(/^date: 2025-/m);
    await writeFile(article, text.replace(/^date: 2025-.*$/m, 'date: 2025-02-30'));
    for (const command of ['build', 'check']) {
      const { code, stderr = '' } = await run(copy, command, root);
      expect(code, command).toBe(1);
      const problem = stderr.indexOf('content/articles/2025/drugi.md:3  article/bad-date');
      const warning = stderr.indexOf(`warning: templates/site.css:${line}  template/unended-property`);
      expect(problem, command).toBeGreaterThanOrEqual(0);
      expect(warning, command).toBeGreaterThan(problem);
    }
  }, 90_000);
});

describe('a build that fails on the stylesheet itself, with a declaration above the bad part that lacks its ;', () => {
  it('prints the warning after the stylesheet\'s problem, as a build failing on the content does', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    expect(source).toContain('body {\n  margin: 0;\n');
    // A block left open at the end: Lightning CSS would close it, arhivar refuses it (unmatchedBraces).
    const broken = `${source.replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n')}\n.zadnji {\n`;
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  margin: 0') + 1;
    const open = broken.split('\n').indexOf('.zadnji {') + 1;
    const { code, signal, stderr = '' } = await build(copy, root);
    expect({ code, signal }, stderr).toEqual({ code: 1, signal: null });
    const problem = stderr.indexOf(`templates/site.css:${open}  template/bad-stylesheet`);
    const warning = stderr.indexOf(`warning: templates/site.css:${line}  template/unended-property`);
    expect(problem).toBeGreaterThanOrEqual(0);
    expect(warning).toBeGreaterThan(problem);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('prints it too when Vite is the one to refuse the stylesheet (a bracket never closed)', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    const broken = `${source.replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n')}\n@media ( { a { color: blue } }\n`;
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  margin: 0') + 1;
    const { code, signal, stderr = '' } = await build(copy, root);
    expect({ code, signal }, stderr).toEqual({ code: 1, signal: null });
    const problem = stderr.search(/^templates\/site\.css:\d+  template\/bad-stylesheet$/m);
    const warning = stderr.indexOf(`warning: templates/site.css:${line}  template/unended-property`);
    expect(problem).toBeGreaterThanOrEqual(0);
    expect(warning).toBeGreaterThan(problem);
  }, 90_000);

  it('refuses a comment never closed at its /*, which the minifier published with every rule below it dropped, and reads no warning in it', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    const broken = `${source.replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n')}\n/* stari del\n.zadnji {\n  color: red\n  margin: 0;\n}\n`;
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  margin: 0') + 1;
    const comment = broken.split('\n').indexOf('/* stari del') + 1;
    const { code, signal, stderr = '' } = await build(copy, root);
    expect({ code, signal }, stderr).toEqual({ code: 1, signal: null });
    const problem = stderr.indexOf(`templates/site.css:${comment}  template/bad-stylesheet\n  the stylesheet cannot be read: Unclosed comment (the /* at this line has no */ to close it)`);
    expect(problem).toBeGreaterThanOrEqual(0);
    expect([...stderr.matchAll(/^warning: (\S+)  template\/unended-property$/gm)].map((match) => match[1])).toEqual([`templates/site.css:${line}`]);
    expect(stderr.indexOf(`warning: templates/site.css:${line}`)).toBeGreaterThan(problem);
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  }, 90_000);

  it('prints it at the line PostCSS refuses as »Missed semicolon«, which Vite runs for a stylesheet with a url()', async () => {
    const copy = await copyArhivar();
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    await mkdir(path.join(copy, 'templates', 'slike'));
    await writeFile(path.join(copy, 'templates', 'slike', 'logo.png'), 'PNG');
    const broken = `.logo { background: url('./slike/logo.png'); }\n${source.replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n')}`;
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  margin: 0') + 1;
    const { code, signal, stderr = '' } = await build(copy, root);
    expect({ code, signal }, stderr).toEqual({ code: 1, signal: null });
    const problem = stderr.indexOf(`templates/site.css:${line}  template/bad-stylesheet\n  the stylesheet cannot be read: Missed semicolon`);
    const warning = stderr.indexOf(`warning: templates/site.css:${line}  template/unended-property`);
    expect(problem).toBeGreaterThanOrEqual(0);
    expect(warning).toBeGreaterThan(problem);
  }, 90_000);
});
