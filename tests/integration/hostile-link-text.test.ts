import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, PROJECT_ROOT, removeDir, runArhivarBounded } from '../helpers.ts';

/**
 * A link whose text is a long run of punctuation. Telling whether a link text says nothing (»tukaj«) trims the
 * punctuation at its ends, and the trim read the rest of the run again from every position in it: a bio (which
 * has no time limit) with 200,000 hyphens in a link took 41 s, a million some 17 minutes, and an article's body
 * was stopped as too slow. The build runs in a process of its own, and a hang is killed (exit code null).
 */
let work: string | undefined;

afterAll(async () => {
  if (work) await removeDir(work);
});

describe('a link text of a million hyphens', () => {
  it('is published in a bio and an article without hanging', async () => {
    work = await makeTempDir('arhivar-hostile-link-text-');
    const root = path.join(work, 'project');
    const hyphens = '-'.repeat(1_000_000);
    await mkdir(path.join(root, 'content/articles/2025'), { recursive: true });
    await mkdir(path.join(root, 'content/people'));
    await cp(path.join(PROJECT_ROOT, 'templates/site.css'), path.join(root, 'templates/site.css'));
    await writeFile(path.join(root, 'content/site.yaml'), 'baseUrl: https://novice.testni-dnevnik.si/\n');
    await writeFile(path.join(root, 'content/people/ana-kos.md'), `---\nname: Ana Kos\n---\n\nNjena [stran${hyphens}x](https://ana.si/).\n`);
    await writeFile(path.join(root, 'content/articles/2025/clanek.md'), `---\ntitle: Članek\ndate: 2025-12-01\npeople: [Ana Kos]\n---\n\nGlej [tu${hyphens}x](https://kos.si/).\n`);
    const run = runArhivarBounded(['build', '--root', root]);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const person = await readFile(path.join(root, 'dist/osebe/ana-kos/index.html'), 'utf8');
    const article = await readFile(path.join(root, 'dist/2025/12/01/clanek/index.html'), 'utf8');
    expect(person).toContain(`<a href="https://ana.si/">stran${hyphens}x</a>`);
    expect(article).toContain(`<a href="https://kos.si/">tu${hyphens}x</a>`);
  }, 120_000);
});
