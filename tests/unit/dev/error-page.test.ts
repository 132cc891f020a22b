import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assetsFailureTitle, renderFailurePage, renderProblemsPage } from '../../../src/dev/error-page.ts';
import { ArhivarError } from '../../../src/errors.ts';
import { makeTempDir, viteFailure } from '../../helpers.ts';

describe('renderFailurePage', () => {
  it('shows a message coloured for a terminal as plain text, keeping the file and line', () => {
    const error = new Error(
      "Transform failed with 1 error:\n\n\u001b[31m[PARSE_ERROR] \u001b[0mExpected corresponding JSX closing tag for 'h1'.\n" +
        '   \u001b[38;5;246m╭\u001b[0m\u001b[38;5;246m─\u001b[0m\u001b[38;5;246m[\u001b[0m templates/home.tsx:12:25 \u001b[38;5;246m]\u001b[0m\n' +
        ' \u001b[38;5;246m12 │\u001b[0m \u001b[38;5;249m<\u001b[0mh1\u001b[38;5;249m>\u001b[0m\u001b[38;5;249mN\u001b[0m\u001b[38;5;249ma\u001b[0m</h2>\n' +
        '\u001b]8;;file:///projekt/templates/home.tsx\u0007home.tsx\u001b]8;;\u0007',
    );
    const html = renderFailurePage('a template failed', error);
    expect(html).not.toMatch(/\u001b|\[\d+(;\d+)*m/);
    expect(html).toContain("[PARSE_ERROR] Expected corresponding JSX closing tag for 'h1'.");
    expect(html).toContain('╭─[ templates/home.tsx:12:25 ]');
    expect(html).toContain('12 │ &lt;h1&gt;Na&lt;/h2&gt;');
    expect(html).toContain('\nhome.tsx');
  });

  it("shows below the stack what the error's causes say: fetch's reason is in its cause, not in its stack", () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND vreme.example'), { code: 'ENOTFOUND' }) });
    const html = renderFailurePage('a template failed', error);
    expect(html).toContain('TypeError: fetch failed\n');
    expect(html).toMatch(/\ncause: getaddrinfo ENOTFOUND vreme\.example<\/pre>/);
  });

  it('lists the warnings below the stack, each hint in full once, as after a content problem', () => {
    const problem = new ArhivarError({ code: 'template/failed', message: '/osebe/ana/: TypeError: x', file: 'templates/person.tsx', line: 7, hint: 'fix it' });
    const warning = (line: number) => new ArhivarError({ code: 'article/image-without-alt', message: 'no alt', file: `content/articles/${line}.md`, line, hint: 'describe it' });
    const html = renderFailurePage('a template failed', new TypeError('x'), undefined, problem, [warning(3), warning(4)]);
    const stackEnd = html.indexOf('</pre>');
    expect(html.indexOf('<h2>2 warnings as well</h2>')).toBeGreaterThan(stackEnd);
    expect([...html.matchAll(/<div class="hint">([^<]*)<\/div>/g)].map((match) => match[1])).toEqual(['hint: fix it', 'hint: describe it', 'hint: as for content/articles/3.md above']);
    expect(renderFailurePage('a template failed', new TypeError('x'), undefined, problem)).not.toContain('<h2>');
  });

  it('does the same for a thrown value that is not an Error', () => {
    expect(renderFailurePage('loading the site failed', '\u001b[1mfailed\u001b[22m at content/site.yaml:3')).toContain('<pre>failed at content/site.yaml:3</pre>');
  });
});

describe('renderProblemsPage', () => {
  const problem = (code: string, file?: string) => new ArhivarError({ code, message: 'x', file, line: 1 });
  const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

  it('is titled for the folder its problems are in: a stylesheet problem is not one »in content«', () => {
    expect(title(renderProblemsPage([problem('template/missing-file', 'templates/site.css')]))).toBe('arhivar: 1 problem in templates');
    expect(title(renderProblemsPage([problem('article/bad-date', 'content/articles/a.md'), problem('site/bad-key', 'content/site.yaml')]))).toBe('arhivar: 2 problems in content');
    expect(title(renderProblemsPage([problem('public/outside-link', 'public/passwd.txt')]))).toBe('arhivar: 1 problem in public');
  });

  it('names no folder when the problems are in several, or name no file', () => {
    expect(title(renderProblemsPage([problem('article/bad-date', 'content/a.md'), problem('template/bad-stylesheet', 'templates/site.css')]))).toBe('arhivar: 2 problems');
    expect(title(renderProblemsPage([problem('site/unknown')]))).toBe('arhivar: 1 problem');
  });
});

describe('assetsFailureTitle', () => {
  /** What Vite throws for a project whose src/client/deli.ts holds `script`, bundled beside a stylesheet as the assets are. */
  async function scriptFailure(script: string, other = ''): Promise<unknown> {
    const root = await makeTempDir('arhivar-script-');
    await mkdir(path.join(root, 'src', 'client'), { recursive: true });
    await mkdir(path.join(root, 'templates'));
    await writeFile(path.join(root, 'src', 'client', 'deli.ts'), script);
    await writeFile(path.join(root, 'src', 'client', 'drugo.ts'), other);
    await writeFile(path.join(root, 'templates', 'site.css'), 'body { color: red; }\n');
    const failure = await viteFailure(root, { site: path.join(root, 'templates', 'site.css'), deli: path.join(root, 'src', 'client', 'deli.ts') });
    if (failure === undefined) throw new Error('the script was built');
    return failure;
  }

  it('names a client script, not the stylesheet, when Vite failed on one', async () => {
    // The title is read from Vite's message; the dev server shows this page only for a failure output/assets.ts
    // does not tell as a problem (a missing export, used here, is told as code/missing-export there).
    const failure = await scriptFailure("import { gumb } from './drugo.ts';\nconsole.log(gumb);\n", 'export const gump = 1;\n');
    expect(assetsFailureTitle(failure)).toBe('a client script could not be built');
    expect(renderFailurePage(assetsFailureTitle(failure), failure)).toContain('<title>arhivar: a client script could not be built</title>');
  });

  it('names both when the message names neither (JSON a script imports that does not parse)', async () => {
    const root = await makeTempDir('arhivar-json-');
    await writeFile(path.join(root, 'deli.ts'), "import podatki from './podatki.json';\nconsole.log(podatki);\n");
    await writeFile(path.join(root, 'podatki.json'), '{ "a": 1,, }');
    const failure = await viteFailure(root, { deli: path.join(root, 'deli.ts') });
    expect(assetsFailureTitle(failure)).toBe('the stylesheet and the client scripts could not be built');
  });

  it('names the stylesheet when the message names a CSS file, and both when it names neither', () => {
    expect(assetsFailureTitle(new Error("[vite:css] ENOENT: no such file or directory, open '/projekt/templates/deli/glava.css'"))).toBe('the stylesheet could not be built');
    expect(assetsFailureTitle(new Error('out of memory'))).toBe('the stylesheet and the client scripts could not be built');
  });
});
