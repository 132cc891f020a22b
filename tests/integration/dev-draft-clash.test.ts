import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { build, loadSite } from '../../src/build.ts';
import { startDevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { ContentErrors } from '../../src/errors.ts';
import { copyFixture, devSession, makeTempDir, waitFor } from '../helpers.ts';

const session = devSession();

const get = async (url: string) => {
  const response = await fetch(new URL(url, session.server!.url), { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
};

const codes = (problems: readonly { code: string; file?: string | undefined }[]) => problems.filter((problem) => problem.code.startsWith('article/')).map((problem) => [problem.code, problem.file]);

async function startOn(root: string): Promise<DevLoadReport[]> {
  const loads: DevLoadReport[] = [];
  session.server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  await waitFor(() => loads.length > 0, 'the first load');
  return loads;
}

it('arhivar dev shows the site when a published article redirects from the address of a draft, leaving the draft out, as the build does', async () => {
  // dev shows drafts and counted them in the address check: every page was an article/redirect-taken error
  // (500), while the build, which publishes no draft, published the site with the redirect.
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const articles = path.join(root, 'content', 'articles', '2025');
  const prvi = path.join(articles, 'prvi.md');
  const original = await readFile(prvi, 'utf8');
  await writeFile(prvi, original.replace('tags: [preizkus]', 'tags: [preizkus]\nredirectFrom: [/2025/06/01/osnutek/]'));
  const draft = path.join(articles, 'osnutek.md');
  await writeFile(draft, '---\ntitle: "Osnutek"\ndate: 2025-06-01\ndraft: true\n---\n\nBesedilo osnutka.\n');

  const loads = await startOn(root);
  expect(loads[0]!.errors).toEqual([]);
  expect(codes(loads[0]!.warnings)).toEqual([['article/draft-clash', 'content/articles/2025/prvi.md']]);
  const warning = loads[0]!.warnings.find((problem) => problem.code === 'article/draft-clash')!;
  expect(warning.message).toBe('once content/articles/2025/osnutek.md is published, redirectFrom names /2025/06/01/osnutek/, the address of content/articles/2025/osnutek.md (article/redirect-taken)');
  expect(warning.line).toBe(6);
  expect((await get('/')).status).toBe(200);
  // The published article's redirect wins, as in the build.
  const redirect = await get('/2025/06/01/osnutek/');
  expect(redirect.body).toContain('/2025/01/10/prvi-clanek-o-obcini/');
  expect(redirect.body).not.toContain('Besedilo osnutka');

  const outDir = path.join(await makeTempDir(), 'dist');
  session.folders.push(path.dirname(outDir));
  const built = await build({ root, outDir, cache: false });
  expect(codes(built.model.warnings)).toEqual([]);
  expect(await readFile(path.join(outDir, '2025', '06', '01', 'osnutek', 'index.html'), 'utf8')).toBe(redirect.body.replace(/\s*<script type="module" src="\/@vite\/client"><\/script>\s*/, ''));

  // Without the redirect the draft is shown again: nothing kept from the loads before hides it.
  await writeFile(prvi, original);
  await waitFor(() => codes(loads.at(-1)!.warnings).length === 0 && loads.at(-1)!.errors.length === 0, 'the load without the redirect');
  expect((await get('/2025/06/01/osnutek/')).body).toContain('Besedilo osnutka');

  // Published, the clash is the build's error again.
  await writeFile(prvi, original.replace('tags: [preizkus]', 'tags: [preizkus]\nredirectFrom: [/2025/06/01/osnutek/]'));
  await writeFile(draft, (await readFile(draft, 'utf8')).replace('draft: true', 'draft: false'));
  await waitFor(() => loads.at(-1)!.errors.length > 0, 'the load of the published draft');
  expect(codes(loads.at(-1)!.errors)).toEqual([['article/redirect-taken', 'content/articles/2025/prvi.md']]);
});

it('arhivar dev shows the published article at an address a draft has too, and a draft redirecting from a published address without that redirect', async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const articles = path.join(root, 'content', 'articles', '2025');
  // The same date and slug as tretji.md: a copy being rewritten.
  const copy = path.join(articles, 'tretji-kopija.md');
  await writeFile(copy, '---\ntitle: "Tretji članek"\ndate: 2025-03-12\ndraft: true\n---\n\nNovo besedilo kopije.\n');
  // A draft that names a published article's address as its own earlier one.
  const redirecting = path.join(articles, 'nova.md');
  await writeFile(redirecting, '---\ntitle: "Nova"\ndate: 2025-06-02\ndraft: true\nredirectFrom: [/2025/04/13/cetrti-clanek/]\n---\n\nNovo besedilo.\n');

  const loads = await startOn(root);
  expect(loads[0]!.errors).toEqual([]);
  expect(codes(loads[0]!.warnings)).toEqual([
    ['article/draft-clash', 'content/articles/2025/nova.md'],
    ['article/draft-clash', 'content/articles/2025/tretji.md'],
  ]);
  // Told as the build will tell it, of the later file of the two.
  expect(loads[0]!.warnings.find((problem) => problem.file === 'content/articles/2025/tretji.md')!.message).toBe(
    'once content/articles/2025/tretji-kopija.md is published, this article and content/articles/2025/tretji-kopija.md both have the date and slug of /2025/03/12/tretji-clanek/ (article/duplicate-url)',
  );
  expect(loads[0]!.warnings.find((problem) => problem.file === 'content/articles/2025/nova.md')!.message).toBe(
    'once this draft is published, redirectFrom names /2025/04/13/cetrti-clanek/, the address of content/articles/2025/cetrti.md (article/redirect-taken)',
  );
  expect((await get('/')).status).toBe(200);
  const third = await get('/2025/03/12/tretji-clanek/');
  expect(third.body).toContain('Tretje besedilo');
  expect(third.body).not.toContain('Novo besedilo kopije');
  const fourth = await get('/2025/04/13/cetrti-clanek/');
  expect(fourth.status).toBe(200);
  expect(fourth.body).toContain('Četrto besedilo');
  // The draft itself is shown.
  expect((await get('/2025/06/02/nova/')).body).toContain('Novo besedilo.');

  // A slug of its own brings the copy back; the draft's redirect is back once the published article leaves its
  // address, though the draft's file is unchanged: nothing kept from the loads before hides it.
  await writeFile(copy, (await readFile(copy, 'utf8')).replace('draft: true', 'draft: true\nslug: tretji-clanek-2'));
  const fourthFile = path.join(articles, 'cetrti.md');
  await writeFile(fourthFile, (await readFile(fourthFile, 'utf8')).replace('tags: [preizkus]', 'tags: [preizkus]\nslug: cetrti'));
  await waitFor(() => codes(loads.at(-1)!.warnings).length === 0 && loads.at(-1)!.errors.length === 0, 'the load without the clashes');
  expect((await get('/2025/03/12/tretji-clanek-2/')).body).toContain('Novo besedilo kopije');
  const redirect = await get('/2025/04/13/cetrti-clanek/');
  expect(redirect.body).toContain('/2025/06/02/nova/');
  expect(redirect.body).not.toContain('Četrto besedilo');
});

it('arhivar dev still tells the build\'s clash of two published articles redirecting from one address when it is a draft\'s address too', async () => {
  // Counted with the drafts, both redirects are taken by the draft's page and neither by the other: the clash the
  // build tells (only one page can stand at the address) is found only among the articles that are no drafts.
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  const articles = path.join(root, 'content', 'articles', '2025');
  for (const name of ['prvi.md', 'drugi.md']) {
    const file = path.join(articles, name);
    await writeFile(file, (await readFile(file, 'utf8')).replace('tags: [preizkus]', 'tags: [preizkus]\nredirectFrom: [/2025/06/01/osnutek/]'));
  }
  await writeFile(path.join(articles, 'osnutek.md'), '---\ntitle: "Osnutek"\ndate: 2025-06-01\ndraft: true\n---\n\nBesedilo osnutka.\n');

  const failure = await loadSite({ root, includeDrafts: true, cache: false }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(ContentErrors);
  const { errors, warnings } = failure as ContentErrors;
  expect(errors.map((error) => [error.code, error.file, error.message])).toEqual([
    ['article/redirect-taken', 'content/articles/2025/prvi.md', 'redirectFrom names /2025/06/01/osnutek/, which content/articles/2025/drugi.md also redirects from'],
  ]);
  expect(codes(warnings)).toEqual([
    ['article/draft-clash', 'content/articles/2025/drugi.md'],
    ['article/draft-clash', 'content/articles/2025/prvi.md'],
  ]);
});
