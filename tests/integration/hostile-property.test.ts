import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { stripControlCharacters } from '../../src/content/schema.ts';
import { toArhivarErrors } from '../../src/errors.ts';
import { documentElements, injectedMarkup } from '../support/html.ts';
import { parseFeed } from '../helpers/parse-feed.ts';

/**
 * Property (issue 7): whatever titles, names, tags and bodies contain, a build either succeeds with every
 * value shown as text and every file inside dist/, or fails with ArhivarErrors; it never crashes.
 */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const fragment = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src=//evil.example>',
    '"',
    "'",
    '&',
    '&amp;',
    '&#x3C;script>',
    '<!--',
    '-->',
    ']]>',
    '</title>',
    '\u2028',
    '\u0000',
    '\u0007',
    '\u0085',
    '../',
    '/',
    '\\',
    'javascript:alert(1)',
    ' onmouseover="alert(1)" ',
    '{{x}}',
    '${x}',
    '`',
    '*',
    '_',
    '[',
    ']',
    '(',
    ')',
    '#',
    '> ',
    '- ',
    '\n',
    ' ',
    'č',
    'Š',
    'đ',
    '🙂',
  ),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
const name = fc.tuple(fc.constantFrom('Ana', 'Bor', 'Čedomir', 'Špela'), text).map(([first, rest]) => `${first} ${rest}`);
const markdownPiece = fc.oneof(
  fragment,
  fc.constantFrom(
    '[klik](javascript:alert(1))',
    '[klik](JAVASCRIPT:alert(1))',
    '[klik](jav&#x61;script:alert(1))',
    '[klik](<java\tscript:alert(1)>)',
    '![slika](data:image/svg+xml,<svg onload=alert(1)>)',
    '[klik](vbscript:msgbox(1))',
    '<a href="javascript:alert(1)">a</a>',
    '<div onclick="alert(1)">',
    '\n\n',
    '\n\n## ',
    '\n\n```\n',
    '`koda`',
    '**krepko**',
    '<https://example.si>',
  ),
);
const body = fc.array(markdownPiece, { maxLength: 16 }).map((parts) => parts.join(''));

const site = fc.record({
  titles: fc.tuple(text, text),
  summary: fc.option(text, { nil: undefined }),
  author: fc.option(text, { nil: undefined }),
  tags: fc.array(name, { maxLength: 3 }),
  people: fc.array(name, { maxLength: 3 }),
  personName: name,
  role: text,
  bodies: fc.tuple(body, body),
  bio: body,
});

const yaml = (value: string) => JSON.stringify(value);
const ALLOWED_CODES = /^(article\/(bad|empty|missing)-[a-z]+|article\/duplicate-url|person\/(bad-[a-z]+|duplicate)|markdown\/too-(deep|complex)|front-matter\/bad-yaml)$/;

let work: string;
let root: string;
let outDir: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'arhivar-property-'));
  root = path.join(work, 'project');
  outDir = path.join(work, 'dist');
  await cp(path.join(projectRoot, 'templates/site.css'), path.join(root, 'templates/site.css'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('random hostile content never yields markup, a path outside dist/ or a crash (issue 7)', () => {
  it('holds for 100 small random sites, pages, feeds, sitemap and search index alike', async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(site, async (input) => {
        await rm(path.join(root, 'content'), { recursive: true, force: true });
        await mkdir(path.join(root, 'content/articles'), { recursive: true });
        await mkdir(path.join(root, 'content/people'), { recursive: true });
        const lines = (index: number) =>
          [
            '---',
            `title: ${yaml(input.titles[index]!)}`,
            `date: 2025-12-0${index + 1}`,
            index === 0 ? 'slug: prvi-clanek' : undefined,
            input.summary === undefined ? undefined : `summary: ${yaml(input.summary)}`,
            input.author === undefined ? undefined : `author: ${yaml(input.author)}`,
            `tags: [${input.tags.map(yaml).join(', ')}]`,
            `people: [${input.people.map(yaml).join(', ')}]`,
            '---',
            '',
            input.bodies[index]!,
          ]
            .filter((line) => line !== undefined)
            .join('\n');
        await writeFile(path.join(root, 'content/articles/a.md'), lines(0));
        await writeFile(path.join(root, 'content/articles/b.md'), lines(1));
        await writeFile(path.join(root, 'content/people/oseba.md'), `---\nname: ${yaml(input.personName)}\nrole: ${yaml(input.role)}\n---\n\n${input.bio}`);

        let result;
        try {
          result = await build({ root, outDir, now: new Date('2026-01-01T00:00:00Z') });
        } catch (error) {
          const errors = toArhivarErrors(error);
          if (!errors) throw error;
          for (const problem of errors) expect(problem.code).toMatch(ALLOWED_CODES);
          return;
        }
        built++;
        // Beside dist/ only the build's own spare tree (the previous dist/, kept for the next incremental
        // publish): nothing named by content.
        expect((await readdir(work)).filter((name) => name !== '.dist-spare').sort()).toEqual(['dist', 'project']);
        for (const article of result.model.archive.articles) expect(article.url).toMatch(/^\/2025\/12\/0[12]\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
        for (const entry of result.model.archive.people) expect(entry.person.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        const files = await listFiles(outDir);
        for (const file of files) {
          expect(file.startsWith(outDir + path.sep)).toBe(true);
          if (file.endsWith('.xml')) {
            const xml = await readFile(file, 'utf8');
            // XML 1.0 forbids these characters; a feed reader would refuse the whole feed.
            expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)).toBe(false);
            if (file.endsWith('feed.xml')) await parseFeed(xml);
          }
          if (file.endsWith('.json')) JSON.parse(await readFile(file, 'utf8'));
          if (!file.endsWith('.html')) continue;
          const html = await readFile(file, 'utf8');
          expect(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(html)).toBe(false);
          const problems = injectedMarkup(documentElements(html));
          expect({ file, problems }).toEqual({ file, problems: [] });
        }
        const first = documentElements(await readFile(path.join(outDir, '2025/12/01/prvi-clanek/index.html'), 'utf8'));
        expect(first.find((element) => element.tag === 'h1')?.text).toBe(stripControlCharacters(input.titles[0]));
      }),
      { numRuns: 100 },
    );
    // The property is only worth something if most sites got built.
    expect(built).toBeGreaterThan(30);
  });
});
