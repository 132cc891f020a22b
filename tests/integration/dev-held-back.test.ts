import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { heldBackMessage, main, type Io } from '../../src/cli.ts';
import { startDevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { buildSite, copyFixture, devSession, waitFor } from '../helpers.ts';

const VITE_CLIENT = /\s*<script type="module" src="\/@vite\/client"><\/script>\s*/;

// Only V8's flag setter is replaced: arhivar dev sets the heap growing factor, which would change this test process's heap for good.
const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString }));

const session = devSession();

it('arhivar dev says which articles it does not show because they are dated in the future, and with --future says nothing', async () => {
  const root = await copyFixture('archive-basic');
  await writeFile(path.join(root, 'content/articles/2025/kasneje.md'), '---\ntitle: Članek za pozneje\ndate: 2099-01-10T08:15\n---\n\nBesedilo.\n');
  for (const future of [false, true]) {
    const stdout: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io: Io = { out: (line) => stdout.push(line), err: () => {}, untilStopped: () => stopped };
    const running = main(['dev', '--root', root, '--port', '0', ...(future ? ['--future'] : [])], io);
    const loaded = () => stdout.findIndex((line) => line.startsWith('loaded '));
    await waitFor(() => loaded() !== -1, 'the first load');
    stop();
    expect(await running).toBe(0);
    const after = stdout.slice(loaded() + 1).filter((line) => !line.startsWith('arhivar dev: serving'));
    expect(after, future ? '--future' : 'without --future').toEqual(
      future ? [] : ['1 article is dated in the future and not shown: content/articles/2025/kasneje.md, due 2099-01-10 08:15 Ljubljana time. npm run dev -- --future shows it.'],
    );
  }
});

it('names how many wait, and the first due, when there are more', () => {
  expect(heldBackMessage({ count: 3, next: new Date('2099-01-10T07:15:00Z'), nextFile: 'content/articles/2025/prej.md' }, 'dev')).toBe(
    '3 articles are dated in the future and not shown; the first, content/articles/2025/prej.md, is due 2099-01-10 08:15 Ljubljana time. npm run dev -- --future shows them.',
  );
});

it("arhivar dev's 404 at a held-back article's address says when it comes out; elsewhere, and in the build, the 404 page is the usual one", async () => {
  const root = await copyFixture('archive-basic');
  session.folders.push(root);
  await writeFile(path.join(root, 'content/articles/2025/kasneje.md'), '---\ntitle: Članek za pozneje\ndate: 2099-01-10T08:15\n---\n\nBesedilo.\n');
  await writeFile(path.join(root, 'content/articles/2025/dan.md'), '---\ntitle: Ves dan\ndate: 2099-02-03\n---\n\nBesedilo.\n');
  const server = (session.server = await startDevServer({ root, port: 0, logLevel: 'silent' }));
  const get = async (url: string) => {
    const response = await fetch(new URL(url.slice(1), server.url), { redirect: 'manual' });
    // Slovenian dates keep "10." with its month and "ob" with its hour by a non-breaking space (text/sl.ts).
    return { status: response.status, body: (await response.text()).replace(/\u00a0/g, ' ') };
  };
  for (const url of ['/2099/01/10/clanek-za-pozneje/', '/2099/01/10/clanek-za-pozneje/index.html', '/2099/01/10/clanek-za-pozneje']) {
    const page = await get(url);
    expect(page.status, url).toBe(404);
    expect(page.body, url).toContain('<h1>Članek še ni objavljen</h1>');
    expect(page.body, url).toContain('ima datum 10. januarja 2099 ob 8.15 (po ljubljanskem času) in bo objavljen šele takrat. Že zdaj ga prikaže <code>npm run dev -- --future</code>.');
    expect(page.body, url).not.toContain('umaknjen');
  }
  // A date alone: the article comes at midnight, and no time is named.
  expect((await get('/2099/02/03/ves-dan/')).body).toContain('ima datum 3. februarja 2099 (po ljubljanskem času)');

  const unknown = await get('/2099/01/10/ni-takega/');
  expect(unknown.status).toBe(404);
  expect(unknown.body).not.toContain('še ni objavljen');
  const built = await buildSite(root, { now: new Date(), includeDrafts: true });
  session.folders.push(path.dirname(built.outDir));
  expect(unknown.body.replace(VITE_CLIENT, '')).toBe((await built.read('/404.html')).replace(/\u00a0/g, ' '));
});

describe('an article held back for its date, once that moment comes', () => {
  const due = Date.parse('2030-03-01T09:00:00Z'); // 10:00 in Ljubljana
  const article = '---\ntitle: Seja ob desetih\ndate: 2030-03-01T10:00\n---\n\nBesedilo.\n';
  const url = '/2030/03/01/seja-ob-desetih/';

  it('is shown by the dev server without a save or a restart, and the browser is reloaded to it', async () => {
    const root = await copyFixture('archive-basic');
    session.folders.push(root);
    await writeFile(path.join(root, 'content/articles/2025/seja.md'), article);
    // A second before the article is due: the server's timer fires then, by the real clock.
    let clock = due - 1000;
    const loads: DevLoadReport[] = [];
    const server = (session.server = await startDevServer({ root, port: 0, logLevel: 'silent', now: () => clock, onLoad: (report) => loads.push(report) }));
    await waitFor(() => loads.length > 0, 'the first load');
    expect(loads[0]).toMatchObject({ articles: 5, heldBack: { count: 1 } });
    const reloads: unknown[] = [];
    const send = server.vite.ws.send.bind(server.vite.ws);
    server.vite.ws.send = ((...args: Parameters<typeof send>) => (reloads.push(args[0]), send(...args))) as typeof send;
    clock = due + 60_000;
    // No request and no save: the load comes by itself.
    await waitFor(() => loads.some((load) => load.articles === 6), 'the load that shows the article');
    expect(loads.at(-1)).toMatchObject({ articles: 6, heldBack: undefined });
    await waitFor(() => reloads.length > 0, 'the browser to be reloaded');
    expect(reloads[0]).toMatchObject({ type: 'full-reload' });
  });

  it('is shown on the next request after its time, when no timer fired (a session longer than setTimeout can wait, a machine that slept)', async () => {
    const root = await copyFixture('archive-basic');
    session.folders.push(root);
    await writeFile(path.join(root, 'content/articles/2025/seja.md'), article);
    // A year before: too far for a timer.
    let clock = due - 365 * 24 * 3600_000;
    const server = (session.server = await startDevServer({ root, port: 0, logLevel: 'silent', now: () => clock }));
    expect((await fetch(new URL(url.slice(1), server.url))).status).toBe(404);
    clock = due;
    const page = await fetch(new URL(url.slice(1), server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Seja ob desetih</h1>');
  });
});
