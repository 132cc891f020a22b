import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { startDevServer } from '../../src/dev/server.ts';
import { copyFixture, removeDir } from '../helpers.ts';

/**
 * The fixture same-mistake has three articles imported with the date written »22. 12. 2025« (the same problem
 * and hint each), one with month 13 between them (a hint of its own), and three that name a person with no file
 * (the same warning and hint each). A build or check prints a hint in full once, then »as for <file> above«, and
 * the dev server's problems page shows them so.
 */
const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

const DATE_HINT = '  hint: write 2025-12-22: the same date, year first (Europe/Ljubljana is assumed)';
const MONTH_13_HINT = '  hint: write 2025-01-13 if the day and the month are swapped: the month comes second, from 01 to 12 (Europe/Ljubljana is assumed)';
const PERSON_HINT =
  '  hint: if "Janez Nepoznani" is the name in the nominative (kdo?), spelt right, add content/people/janez-nepoznani.md with name: Janez Nepoznani and a role; if it is another case (koga?, s kom? …) or misspelt, write the nominative in its place in the list';

/** Each problem or warning printed: its place and code, then its hint line. */
const placesAndHints = (printed: readonly string[]) =>
  printed.filter((entry) => entry.includes('\n  hint: ')).map((entry) => [entry.split('\n')[0], entry.split('\n').find((line) => line.startsWith('  hint: '))]);

const PROBLEMS = [
  ['content/articles/2025/uvoz-a.md:3  article/bad-date', DATE_HINT],
  ['content/articles/2025/uvoz-b.md:3  article/bad-date', '  hint: as for content/articles/2025/uvoz-a.md above'],
  ['content/articles/2025/uvoz-c.md:3  article/bad-date', MONTH_13_HINT],
  // A different hint between them does not make the first one's be printed again.
  ['content/articles/2025/uvoz-d.md:3  article/bad-date', '  hint: as for content/articles/2025/uvoz-a.md above'],
];
const WARNINGS = [
  ['warning: content/articles/2025/oseba-a.md:4  article/unknown-person', PERSON_HINT],
  ['warning: content/articles/2025/oseba-b.md:4  article/unknown-person', '  hint: as for content/articles/2025/oseba-a.md above'],
  ['warning: content/articles/2025/oseba-c.md:4  article/unknown-person', '  hint: as for content/articles/2025/oseba-a.md above'],
];

describe('several files with the same mistake: the hint in full once, then »as for <file> above«', () => {
  it('build and check, problems and the warnings after them; the message of each is printed as before', async () => {
    const root = await copyFixture('same-mistake');
    roots.push(root);
    const built = captureIo();
    expect(await main(['build', '--root', root], built)).toBe(1);
    expect(placesAndHints(built.stderr)).toEqual([...PROBLEMS, ...WARNINGS]);
    expect(built.stderr.filter((entry) => entry.includes('uvoz-b.md'))).toEqual([
      'content/articles/2025/uvoz-b.md:3  article/bad-date\n  date "22. 12. 2025" is not a date\n  hint: as for content/articles/2025/uvoz-a.md above\n',
    ]);
    const checked = captureIo();
    expect(await main(['check', '--root', root], checked)).toBe(1);
    expect(placesAndHints(checked.stderr)).toEqual([...PROBLEMS, ...WARNINGS]);
  });

  it('a build that succeeds prints its warnings so too', async () => {
    const root = await copyFixture('same-mistake');
    roots.push(root);
    for (const name of ['uvoz-a', 'uvoz-b', 'uvoz-c', 'uvoz-d']) {
      const file = path.join(root, 'content/articles/2025', `${name}.md`);
      await writeFile(file, (await readFile(file, 'utf8')).replace('22. 12. 2025', '2025-12-22').replace('2025-13-01', '2025-12-01'));
    }
    const io = captureIo();
    expect(await main(['build', '--root', root], io)).toBe(0);
    expect(placesAndHints(io.stderr)).toEqual(WARNINGS);
  });
});

/** Each problem or warning on the dev server's page, as build prints it: its place and code, then its hint line. */
function pagePlacesAndHints(page: string): string[][] {
  const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const warningsAt = page.indexOf('warnings as well</h2>');
  return [...page.matchAll(/<li><div><code class="where">([^<]*)<\/code> <code>([^<]*)<\/code><\/div>.*?<div class="hint">([^<]*)<\/div><\/li>/g)].map((item) => [
    `${warningsAt !== -1 && item.index > warningsAt ? 'warning: ' : ''}${unescape(item[1]!)}  ${unescape(item[2]!)}`,
    `  ${unescape(item[3]!)}`,
  ]);
}

describe("the dev server's problems page: the hint in full once, then »as for <file> above«", () => {
  it('problems and the warnings after them, as build prints them', async () => {
    const root = await copyFixture('same-mistake');
    roots.push(root);
    const server = await startDevServer({ root, port: 0, logLevel: 'silent' });
    try {
      const response = await fetch(new URL('/', server.url));
      expect(response.status).toBe(500);
      const page = await response.text();
      expect(pagePlacesAndHints(page)).toEqual([...PROBLEMS, ...WARNINGS]);
      // Each keeps its own message.
      expect(page).toContain('<code class="where">content/articles/2025/uvoz-b.md:3</code> <code>article/bad-date</code></div><div class="message">date &quot;22. 12. 2025&quot; is not a date</div>');
    } finally {
      await server.close();
    }
  });
});
