import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { checkSite } from '../../src/commands/check.ts';
import { startDevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import type { ArhivarError } from '../../src/errors.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { copyFixture, makeTempDir, removeDir } from '../helpers.ts';

/**
 * A site published with baseUrl left out (http://localhost/) or at an example host sends search engines and
 * feed readers there from every canonical link, feed and the sitemap: build and check warn, the dev server
 * (which serves on 127.0.0.1 by design) does not.
 */
const NOW = new Date('2026-01-01T00:00:00Z');
const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

/** archive-basic with its site.yaml's baseUrl (line 3) left at an example host, as a copied example is. */
async function site(): Promise<{ root: string; outDir: string; siteYaml: string }> {
  const root = await copyFixture('archive-basic');
  const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
  roots.push(root, path.dirname(outDir));
  const siteYaml = path.join(root, 'content/site.yaml');
  const text = await readFile(siteYaml, 'utf8');
  expect(text.split('\n')[2]).toMatch(/^baseUrl: /);
  await writeFile(siteYaml, text.replace(/^baseUrl: .*$/m, 'baseUrl: https://test.example.si/'));
  return { root, outDir, siteYaml };
}

const placeholders = (warnings: readonly ArhivarError[]) =>
  warnings.filter((warning) => warning.code === 'site/placeholder-baseUrl').map((warning) => [warning.file, warning.line, warning.hint]);

const AT_LINE_3 = [['content/site.yaml', 3, 'before publishing, write baseUrl: https://…/, with the address readers will open the site at in place of …']];

describe('baseUrl left at localhost or an example host', () => {
  it('build warns at the baseUrl line, and a build with nothing changed warns again', async () => {
    const { root, outDir } = await site();
    const first = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(first.unchanged).toBe(false);
    expect(placeholders(first.warnings)).toEqual(AT_LINE_3);
    const second = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(second.unchanged).toBe(true);
    expect(placeholders(second.warnings)).toEqual(AT_LINE_3);
  });

  it('build names site.yaml when baseUrl is missing, and warns no more once a real address is written', async () => {
    const { root, outDir, siteYaml } = await site();
    const text = await readFile(siteYaml, 'utf8');
    await writeFile(siteYaml, text.replace(/^baseUrl: .*\n/m, ''));
    const missing = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(placeholders(missing.warnings)).toEqual([
      ['content/site.yaml', undefined, 'before publishing, add the line baseUrl: https://…/, with the address readers will open the site at in place of …'],
    ]);
    await rm(siteYaml);
    const noFile = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(placeholders(noFile.warnings).map(([file, line]) => [file, line])).toEqual([['content/site.yaml', undefined]]);
    await writeFile(siteYaml, text.replace('https://test.example.si/', 'https://arhiv.testni-dnevnik.si/'));
    expect(placeholders((await buildUnlessUnchanged({ root, outDir, now: NOW })).warnings)).toEqual([]);
  });

  it('the CLI build still succeeds and prints the warning', async () => {
    const { root, outDir } = await site();
    const stderr: string[] = [];
    const io: Io = { out: () => undefined, err: (line) => stderr.push(line) };
    expect(await main(['build', '--root', root, '--out', outDir], io)).toBe(0);
    expect(stderr.join('')).toContain('warning: content/site.yaml:3  site/placeholder-baseUrl');
  });

  it('check warns as build does', async () => {
    const { root } = await site();
    const report = await checkSite({ root, now: NOW });
    expect(report.problems).toEqual([]);
    expect(placeholders(report.warnings)).toEqual(AT_LINE_3);
  });

  it('the dev server does not warn: it serves on 127.0.0.1 by design', async () => {
    const { root, siteYaml } = await site();
    await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*\n/m, ''));
    let loaded!: (report: DevLoadReport) => void;
    const load = new Promise<DevLoadReport>((resolve) => (loaded = resolve));
    const server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loaded(report) });
    try {
      expect((await fetch(new URL('/', server.url))).status).toBe(200);
      const report = await load;
      expect(report.errors).toEqual([]);
      expect(report.warnings).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
