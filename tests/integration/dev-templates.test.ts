import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, copyPackage, removeDir, temporaryFolders, waitFor } from '../helpers.ts';

const temporaryFolder = temporaryFolders();

interface Fetched {
  status: number;
  body: string;
}

/** `arhivar dev` of `root` by the copy's command, as `npm run dev` runs it, and the address it prints. */
async function startDev(copy: string, root: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(copy, 'src/bin/arhivar.js'), 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (address) resolve(address);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`arhivar dev exited with ${code} before serving:\n${output}`)));
  });
  return { child, url, output: () => output };
}

/** Ctrl+C, and waits for the process to end. */
async function stopDev(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/** Polls until `accept` holds (the watcher and the reload are asynchronous), at most ~30 s. */
async function fetchUntil(url: string, accept: (page: Fetched) => boolean): Promise<Fetched> {
  let last: Fetched | undefined;
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await fetch(url);
    last = { status: response.status, body: await response.text() };
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never reached the expected state; last status ${last?.status}:\n${last?.body.slice(0, 600)}`);
}

const title = (page: Fetched) => /<title>([^<]*)<\/title>/.exec(page.body)?.[1];

describe('arhivar dev with a font the stylesheet names', () => {
  it('shows the missing file as a problem in templates, and the site once the file is added, without saving site.css again', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const font = path.join(copy, 'templates', 'fonts', 'naslovi.woff2');
    const css = await readFile(stylesheet, 'utf8');
    await writeFile(stylesheet, `@font-face { font-family: 'Naslovi'; src: url('./fonts/naslovi.woff2') format('woff2'); }\n${css}`);
    const { child, url } = await startDev(copy, root);
    try {
      const missing = await fetchUntil(url, (page) => page.status === 500);
      expect(title(missing)).toBe('arhivar: 1 problem in templates');
      expect(missing.body).toContain('templates/site.css:1</code> <code>template/missing-file');

      await mkdir(path.dirname(font));
      await writeFile(font, 'wOF2 pisava');
      const shown = await fetchUntil(url, (page) => page.status === 200);
      expect(shown.body).toMatch(/href="\/assets\/site-[\w-]+\.css"/);
      const link = /href="(\/assets\/site-[\w-]+\.css)"/.exec(shown.body)![1]!;
      // Under 4 KB, the font is written into the stylesheet.
      expect(await (await fetch(new URL(link, url))).text()).toContain(`url(data:font/woff2;base64,${Buffer.from('wOF2 pisava').toString('base64')})`);

      // And removed again, the problem is back.
      await rm(font);
      expect(title(await fetchUntil(url, (page) => page.status === 500))).toBe('arhivar: 1 problem in templates');
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a template that imports a stylesheet', () => {
  it('shows the import as a problem at its line with the build\'s hint, where it served the page without the rules', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    await mkdir(path.join(copy, 'templates', 'deli'));
    await writeFile(path.join(copy, 'templates', 'deli', 'kolofon.css'), '.kolofon{color:green}\n');
    const { child, url, output } = await startDev(copy, root);
    try {
      const person = new URL('osebe/boris-cok/', url).href;
      await fetchUntil(person, (page) => page.status === 200);
      // Added while the server runs, as an editor would.
      const template = path.join(copy, 'templates', 'person.tsx');
      const source = await readFile(template, 'utf8');
      await writeFile(template, `// kolofon\nimport './deli/kolofon.css';\n${source}`);
      const failed = await fetchUntil(person, (page) => page.status === 500);
      expect(title(failed)).toBe('arhivar: 1 problem in templates');
      expect(failed.body).toContain('<code class="where">templates/person.tsx:2</code> <code>template/stylesheet-import</code>');
      const hint = "delete this line and add @import './deli/kolofon.css'; at the top of templates/site.css (above its first rule), which Vite bundles into the site's stylesheet";
      expect(failed.body).toContain(hint);
      await waitFor(() => output().includes('templates/person.tsx:2  template/stylesheet-import'), 'the problem in the terminal');
      expect(output()).toContain(`hint: ${hint}`);
      expect(output()).not.toMatch(/    at /);
      // The import deleted, the page is back.
      await writeFile(template, source);
      await fetchUntil(person, (page) => page.status === 200);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a template saved with a tag left open', () => {
  it('shows the problem at the opening tag\u2019s line as the build tells it, not Oxc\u2019s place and its advice to escape a }', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const { child, url, output } = await startDev(copy, root);
    try {
      const person = new URL('osebe/boris-cok/', url).href;
      await fetchUntil(person, (page) => page.status === 200);
      const template = path.join(copy, 'templates', 'person.tsx');
      const source = await readFile(template, 'utf8');
      const lineOf = (text: string, marker: string) => text.slice(0, text.indexOf(marker)).split('\n').length;

      // A <p> whose </p> was deleted: Oxc told the </Layout> after it.
      const inner = source.replace(/(<p class="screen-only">\n[^]*?)<\/p>\n/, '$1\n');
      await writeFile(template, inner);
      const line = lineOf(inner, '<p class="screen-only">');
      const failed = await fetchUntil(person, (page) => page.status === 500);
      expect(title(failed)).toBe('arhivar: 1 problem in templates');
      expect(failed.body).toContain(`<code class="where">templates/person.tsx:${line}</code> <code>template/syntax</code>`);
      expect(failed.body).toMatch(/the &lt;p&gt; at this line is never closed \(&lt;\/Layout&gt; at line \d+ comes first\): &lt;p class=&quot;screen-only&quot;&gt;/);
      expect(failed.body).toContain('hint: close it with &lt;/p&gt; where its content ends');
      await waitFor(() => output().includes(`templates/person.tsx:${line}  template/syntax`), 'the problem in the terminal');

      // The page's outermost tag: Oxc told the } that ends PersonPage, and said to write it as {'}'}.
      const outer = source.replace('    </Layout>\n  );\n}\n', '  );\n}\n');
      await writeFile(template, outer);
      const layout = lineOf(outer, '    <Layout\n');
      const open = await fetchUntil(person, (page) => page.status === 500 && page.body.includes(`person.tsx:${layout}<`));
      expect(open.body).toContain('the &lt;Layout&gt; at this line is never closed');
      await waitFor(() => output().includes(`templates/person.tsx:${layout}  template/syntax`), 'the second problem in the terminal');
      expect(open.body + output()).not.toMatch(/rbrace|PARSE_ERROR|    at /);

      await writeFile(template, source);
      await fetchUntil(person, (page) => page.status === 200);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a client script that Vite cannot bundle', () => {
  it('shows a name a .ts script declares twice as a problem at its file, not Vite\'s coloured message under »a client script could not be built«', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(copy, 'src', 'client', 'deli.ts'), "// gumb za kopiranje\nconst gumb = document.querySelector('.kopiraj');\nlet gumb = 2;\nvoid gumb;\n");
    const { child, url } = await startDev(copy, root);
    try {
      const failed = await fetchUntil(url, (page) => page.status === 500);
      expect(title(failed)).toBe('arhivar: 1 problem');
      expect(failed.body).toContain('<code class="where">src/client/deli.ts</code> <code>code/syntax</code></div><div class="message">Identifier `gumb` has already been declared</div>');
      expect(failed.body).toContain('hint: run npm run typecheck, which names the line in src/client/deli.ts');
      expect(failed.body).not.toMatch(/could not be built|╭─|    at /);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a file of src/ the templates import', () => {
  it('renders the pages again when it is saved, and again when the save is undone', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const urlsFile = path.join(copy, 'src', 'site', 'path-names.ts');
    const source = await readFile(urlsFile, 'utf8');
    const renamed = source.replace("export const PEOPLE = 'osebe';", "export const PEOPLE = 'ljudje';");
    expect(renamed).not.toBe(source);
    const { child, url } = await startDev(copy, root);
    try {
      expect((await fetchUntil(new URL('/osebe/', url).href, (page) => page.status === 200)).body).toContain('href="/osebe/');
      // The templates import src/site/path-names.ts (through urls.ts) with Vite, which takes in the save; the pages
      // the server had made were kept, so the save showed only if no page had been asked for yet, and its undoing never did.
      await writeFile(urlsFile, renamed);
      expect((await fetchUntil(new URL('/ljudje/', url).href, (page) => page.status === 200)).body).toContain('href="/ljudje/');
      await writeFile(urlsFile, source);
      expect((await fetchUntil(new URL('/osebe/', url).href, (page) => page.status === 200)).body).toContain('href="/osebe/');
      expect((await fetch(new URL('/ljudje/', url))).status).toBe(404);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a file of src/ that the content loading runs', () => {
  it('says once per file that a save of it needs a restart, and nothing of a file the templates import', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const urlsFile = path.join(copy, 'src', 'site', 'path-names.ts');
    const frontMatterFile = path.join(copy, 'src', 'content', 'front-matter.ts');
    const detectFile = path.join(copy, 'src', 'people', 'detect.ts');
    const [urls, frontMatter, detect] = (await Promise.all([urlsFile, frontMatterFile, detectFile].map((file) => readFile(file, 'utf8')))) as [string, string, string];
    const { child, url, output } = await startDev(copy, root);
    const told = (file: string) => output().split('\n').filter((line) => line.startsWith(`${file} changed:`));
    try {
      expect((await fetchUntil(url, (page) => page.status === 200)).status).toBe(200);
      // The templates import src/site/path-names.ts (through urls.ts) with Vite: its save applies at once, and needs no restart.
      const renamed = urls.replace("export const PEOPLE = 'osebe';", "export const PEOPLE = 'ljudje';");
      expect(renamed).not.toBe(urls);
      await writeFile(urlsFile, renamed);
      await fetchUntil(new URL('/ljudje/', url).href, (page) => page.status === 200);
      // The content is loaded by the code the server started with; the pages reload all the same, so the
      // change looked applied.
      await writeFile(frontMatterFile, `${frontMatter}\n// saved once\n`);
      await waitFor(() => told('src/content/front-matter.ts').length > 0, 'the line about src/content/front-matter.ts');
      await writeFile(frontMatterFile, `${frontMatter}\n// saved twice\n`);
      await writeFile(detectFile, `${detect}\n// saved\n`);
      await waitFor(() => told('src/people/detect.ts').length > 0, 'the line about src/people/detect.ts');
      expect(told('src/content/front-matter.ts')).toEqual([
        'src/content/front-matter.ts changed: npm run dev runs the code it started with, all but the templates and what they import; stop it (Ctrl+C) and start it again to apply the change',
      ]);
      expect(told('src/site/path-names.ts')).toEqual([]);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a declaration in the stylesheet that lacks its ;', () => {
  it('warns in the terminal as the build does, as it starts and after a save of site.css, and beside a problem of the stylesheet on the page', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    expect(source).toContain('  --accent: #a1201a;\n  --accent-hover: #741510;\n');
    expect(source).toContain('body {\n  margin: 0;\n  background: var(--background);\n');
    const custom = source.replace('  --accent: #a1201a;\n', '  --accent: #a1201a\n');
    await writeFile(stylesheet, custom);
    const customLine = custom.split('\n').indexOf('  --accent: #a1201a') + 1;
    const { child, url, output } = await startDev(copy, root);
    try {
      await waitFor(() => output().includes(`warning: templates/site.css:${customLine}  template/unended-property`), 'the warning as the server starts');
      expect(output()).toContain('  hint: end the line with a ;: --accent: #a1201a;');
      await fetchUntil(url, (page) => page.status === 200);

      // Saved while the server runs, with an ordinary declaration's ; forgotten too.
      const ordinary = custom.replace('body {\n  margin: 0;\n', 'body {\n  margin: 0\n');
      const ordinaryLine = ordinary.split('\n').indexOf('  margin: 0') + 1;
      await writeFile(stylesheet, ordinary);
      await waitFor(() => output().includes(`warning: templates/site.css:${ordinaryLine}  template/unended-property`), 'the warning after the save');
      expect(output()).toContain('so neither margin nor background is set\n  hint: end the line with a ;: margin: 0;');

      // A block left open at the end is a problem: the page lists the warnings after it.
      await writeFile(stylesheet, `${ordinary}\n.zadnji {\n`);
      const failed = await fetchUntil(url, (page) => page.status === 500);
      expect(title(failed)).toBe('arhivar: 1 problem in templates');
      expect(failed.body.indexOf('template/bad-stylesheet')).toBeGreaterThan(0);
      expect(failed.body.indexOf('<h2>2 warnings as well</h2>')).toBeGreaterThan(failed.body.indexOf('template/bad-stylesheet'));
      expect(failed.body).toContain(`<code class="where">templates/site.css:${ordinaryLine}</code> <code>template/unended-property</code>`);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with content problems and warnings in the stylesheet', () => {
  it('lists the stylesheet\'s warnings on the content problems page, after the problems, each hint once, as the build prints them', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    expect(source).toContain('  --accent: #a1201a;\n  --accent-hover: #741510;\n');
    // Two url()s from the host's root with the same hint, and a custom property's ; forgotten (an ordinary one's
    // PostCSS refuses as »Missed semicolon« once a url() makes Vite run it).
    const rootUrl = "@font-face { font-family: 'Casopis'; src: url('/fonts/serif.woff2') format('woff2'); }";
    const broken = `${rootUrl}\n${rootUrl}\n${source.replace('  --accent: #a1201a;\n', '  --accent: #a1201a\n')}`;
    await writeFile(stylesheet, broken);
    const line = broken.split('\n').indexOf('  --accent: #a1201a') + 1;
    const article = path.join(root, 'content/articles/2025/drugi.md');
    const text = await readFile(article, 'utf8');
    expect(text).toMatch(/^date: 2025-/m);
    await writeFile(article, text.replace(/^date: 2025-.*$/m, 'date: 2025-02-30'));
    const { child, url } = await startDev(copy, root);
    try {
      const failed = await fetchUntil(url, (page) => page.status === 500);
      expect(title(failed), failed.body).toBe('arhivar: 1 problem in content');
      const problem = failed.body.indexOf('<code class="where">content/articles/2025/drugi.md:3</code> <code>article/bad-date</code>');
      const warnings = failed.body.indexOf('<h2>3 warnings as well</h2>');
      expect(problem).toBeGreaterThan(0);
      expect(warnings).toBeGreaterThan(problem);
      const items = [...failed.body.slice(warnings).matchAll(/<code class="where">([^<]*)<\/code> <code>([^<]*)<\/code><\/div><div class="message">[^<]*<\/div><div class="hint">([^<]*)<\/div>/g)].map(
        (item) => [item[1], item[2], item[3]],
      );
      expect(items).toEqual([
        ['templates/site.css:1', 'template/root-url', expect.stringMatching(/^hint: put the file in templates\/fonts\/serif\.woff2 and write url\(&quot;\.\/fonts\/serif\.woff2&quot;\)/)],
        ['templates/site.css:2', 'template/root-url', 'hint: as for templates/site.css above'],
        [`templates/site.css:${line}`, 'template/unended-property', 'hint: end the line with a ;: --accent: #a1201a;'],
      ]);
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});

describe('arhivar dev with a stylesheet that does not parse, and content with a problem and a warning', () => {
  it('lists the content\'s problem beside the stylesheet\'s, and the content\'s warning beside the stylesheet\'s, as one page', async () => {
    const copy = await copyPackage(await temporaryFolder());
    const root = await copyFixture('archive-basic');
    const stylesheet = path.join(copy, 'templates', 'site.css');
    const source = await readFile(stylesheet, 'utf8');
    const broken = `${source.replace('  --accent: #a1201a;\n', '  --accent: #a1201a\n')}\n.zadnji {\n`;
    await writeFile(stylesheet, broken);
    const unended = broken.split('\n').indexOf('  --accent: #a1201a') + 1;
    const open = broken.split('\n').indexOf('.zadnji {') + 1;
    const dated = path.join(root, 'content/articles/2025/drugi.md');
    await writeFile(dated, (await readFile(dated, 'utf8')).replace(/^date: 2025-.*$/m, 'date: 2025-02-30'));
    const pictured = path.join(root, 'content/articles/2025/tretji.md');
    await writeFile(pictured, `${(await readFile(pictured, 'utf8')).trimEnd()}\n\n![](https://example.si/seja.jpg)\n`);
    const pictureLine = (await readFile(pictured, 'utf8')).trimEnd().split('\n').length;
    const { child, url } = await startDev(copy, root);
    try {
      const failed = await fetchUntil(url, (page) => page.status === 500 && page.body.includes('template/bad-stylesheet'));
      // Problems in two folders: the title names neither.
      expect(title(failed)).toBe('arhivar: 2 problems');
      const items = [...failed.body.matchAll(/<code class="where">([^<]*)<\/code> <code>([^<]*)<\/code>/g)].map((item) => `${item[1]}  ${item[2]}`);
      expect(items).toEqual([
        'content/articles/2025/drugi.md:3  article/bad-date',
        `templates/site.css:${open}  template/bad-stylesheet`,
        `content/articles/2025/tretji.md:${pictureLine}  article/image-without-alt`,
        `templates/site.css:${unended}  template/unended-property`,
      ]);
      expect(failed.body.indexOf('<h2>2 warnings as well</h2>')).toBeGreaterThan(failed.body.indexOf('template/bad-stylesheet'));
    } finally {
      await stopDev(child);
      await removeDir(root);
    }
  }, 120_000);
});
