import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { ContentErrors } from '../../src/errors.ts';
import { makeTempDir } from '../helpers.ts';
import { renderArticleBodies } from '../../src/pipeline/markdown.ts';
import type { ArticleSource } from '../../src/content/article.ts';

describe('the per-article time limit for Markdown (issue 6)', () => {
  it('stops an article that renders too slowly and names it in an article/too-slow error', async () => {
    const root = await makeTempDir();
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/site.css'), 'body{}');
    await writeFile(path.join(root, 'content/articles/kratek.md'), '---\ntitle: Kratek\ndate: 2025-01-01\n---\n\nKratko besedilo.\n');
    // About 150 KB of emphasis and links: well beyond a 1 ms limit on any machine.
    const heavy = Array.from({ length: 1500 }, (_, i) => `*Odstavek ${i}* z [povezavo](https://example.si/${i}) in **krepkim** besedilom.`).join('\n\n');
    await writeFile(path.join(root, 'content/articles/dolg.md'), `---\ntitle: Dolg\ndate: 2025-01-02\n---\n\n${heavy}\n`);
    const outDir = path.join(root, 'dist');

    const error = await build({ root, outDir, now: new Date('2026-01-01T00:00:00Z'), markdownTimeLimitMs: 1, cache: false }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContentErrors);
    const slow = (error as ContentErrors).errors.find((entry) => entry.file === 'content/articles/dolg.md');
    expect(slow?.code).toBe('article/too-slow');
    expect(slow?.line).toBe(5);
    expect(slow?.hint).toBeTruthy();
    expect(existsSync(outDir)).toBe(false);

    // With the default limit the same site builds.
    const result = await build({ root, outDir, now: new Date('2026-01-01T00:00:00Z'), cache: false });
    expect(result.model.archive.articles.map((article) => article.file).sort()).toEqual(['content/articles/dolg.md', 'content/articles/kratek.md']);
  });

  it('reports Markdown nested too deeply as an error of its own file and carries on with the others', async () => {
    const root = await makeTempDir();
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/site.css'), 'body{}');
    await writeFile(path.join(root, 'content/articles/globok.md'), `---\ntitle: Globok\ndate: 2025-01-02\n---\n\n${'>'.repeat(5000)} x\n`);
    await writeFile(path.join(root, 'content/articles/zlomljen.md'), '---\ntitle: Zlomljen\ndate: 2025-13-02\n---\n\nBesedilo.\n');
    const error = await build({ root, outDir: path.join(root, 'dist'), now: new Date('2026-01-01T00:00:00Z'), cache: false }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContentErrors);
    // Both problems in one run: the nesting (found before parsing, on its own line) and the other file's bad date.
    expect((error as ContentErrors).errors.map((entry) => `${entry.file}:${entry.line} ${entry.code}`)).toEqual([
      'content/articles/globok.md:6 markdown/too-deep',
      'content/articles/zlomljen.md:3 article/bad-date',
    ]);
  });

  it('turns a stack overflow inside a Markdown worker into markdown/too-complex for that article alone', async () => {
    // The shape check in validation refuses this body first; here the renderer meets it directly, as it
    // would meet any deep shape the check does not know.
    const root = await makeTempDir();
    const source = (file: string, body: string) => ({ file, body, bodyLine: 5 }) as unknown as ArticleSource;
    const result = await renderArticleBodies([source('content/articles/globok.md', `${'>'.repeat(20000)} x\n`), source('content/articles/plitev.md', 'Kratko.\n')], {
      root,
      cache: false,
    });
    expect(result.errors.map((entry) => `${entry.file}:${entry.line} ${entry.code}`)).toEqual(['content/articles/globok.md:5 markdown/too-complex']);
    expect(result.bodies[0]).toBeUndefined();
    expect(result.bodies[1]?.html).toContain('Kratko.');
  });
});
