import { renameSync } from 'node:fs';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import { copyFixture, removeDir } from '../helpers.ts';

const FIRST_URL = '/2025/01/10/prvi-clanek-o-obcini/';
const FIRST_FILE = 'content/articles/2025/prvi.md';
const FIRST_TEXT = 'Občinski svet je sprejel proračun.';

interface Fetched {
  status: number;
  body: string;
}

/** Polls until `accept` holds (the watcher and the reload are asynchronous), at most ~15 s. */
async function fetchUntil(server: DevServer, url: string, accept: (page: Fetched) => boolean): Promise<Fetched> {
  let last: Fetched | undefined;
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(new URL(url, server.url), { redirect: 'manual' });
    last = { status: response.status, body: await response.text() };
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never reached the expected state; last status ${last?.status}:\n${last?.body.slice(0, 600)}`);
}

/** The first article's file under `content` (a folder beside content/ too), its body sentence replaced by `sentence`. */
async function writeFirst(root: string, sentence: string, content = 'content'): Promise<void> {
  const file = path.join(root, content, path.relative('content', FIRST_FILE));
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^Občinski svet .*$/m, sentence));
}

describe('arhivar dev when content/ or a folder in it is removed or replaced', () => {
  let root: string;
  let server: DevServer;

  beforeEach(async () => {
    root = await copyFixture('archive-basic');
    server = await startDevServer({ root, port: 0, logLevel: 'silent' });
    await fetchUntil(server, FIRST_URL, (page) => page.status === 200 && page.body.includes(FIRST_TEXT));
  });

  afterEach(async () => {
    await server?.close();
    await removeDir(root);
  });

  it('says content/ is missing once it is deleted, and shows the site again once it is put back', async () => {
    await cp(path.join(root, 'content'), path.join(root, 'kopija'), { recursive: true });
    await rm(path.join(root, 'content'), { recursive: true });
    const missing = await fetchUntil(server, FIRST_URL, (page) => page.status === 500);
    expect(missing.body).toContain('content/missing');

    await rename(path.join(root, 'kopija'), path.join(root, 'content'));
    await fetchUntil(server, FIRST_URL, (page) => page.status === 200 && page.body.includes(FIRST_TEXT));
    await writeFirst(root, 'Občinski svet je zavrnil rebalans.');
    await fetchUntil(server, FIRST_URL, (page) => page.body.includes('zavrnil rebalans'));
  });

  it('shows a copy of content/ moved into its place, and the edits made in it afterwards', async () => {
    await cp(path.join(root, 'content'), path.join(root, 'nova'), { recursive: true });
    await writeFirst(root, 'Občinski svet je potrdil novo vsebino.', 'nova');
    // One folder takes the other's place, as a restore from a backup or a sync that swaps folders does: at once,
    // before the watcher hears of the first move.
    renameSync(path.join(root, 'content'), path.join(root, 'stara'));
    renameSync(path.join(root, 'nova'), path.join(root, 'content'));
    await fetchUntil(server, FIRST_URL, (page) => page.body.includes('potrdil novo vsebino'));

    await writeFirst(root, 'Občinski svet je zavrnil rebalans.');
    await fetchUntil(server, FIRST_URL, (page) => page.body.includes('zavrnil rebalans'));
  });

  it('shows the edits made in a folder of articles that took the place of another', async () => {
    const year = path.join(root, 'content', 'articles', '2025');
    // Made outside content/, so no watch knew the folder before it took the other's place.
    await cp(year, path.join(root, 'nova-2025'), { recursive: true });
    const copied = path.join(root, 'nova-2025', path.basename(FIRST_FILE));
    await writeFile(copied, (await readFile(copied, 'utf8')).replace(FIRST_TEXT, 'Občinski svet je potrdil novo vsebino.'));
    renameSync(year, path.join(root, 'stara-2025'));
    renameSync(path.join(root, 'nova-2025'), year);
    await fetchUntil(server, FIRST_URL, (page) => page.body.includes('potrdil novo vsebino'));

    await writeFirst(root, 'Občinski svet je zavrnil rebalans.');
    await fetchUntil(server, FIRST_URL, (page) => page.body.includes('zavrnil rebalans'));
  });
});
