import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { copyFixture, removeDir, waitFor } from '../helpers.ts';

// Only V8's flag setter is replaced: arhivar dev sets the heap growing factor, which would change this test process's heap for good.
const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString }));

it('arhivar dev prints its new address when an edit of baseUrl moves the site to another path, and leads / there', async () => {
  const root = await copyFixture('archive-basic');
  const siteYaml = path.join(root, 'content', 'site.yaml');
  const setBaseUrl = async (baseUrl: string) => writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, `baseUrl: ${baseUrl}`));
  const stdout: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const io: Io = { out: (line) => stdout.push(line), err: () => {}, untilStopped: () => stopped };
  const running = main(['dev', '--root', root, '--port', '0'], io);
  try {
    await waitFor(() => stdout.some((line) => line.startsWith('loaded ')), 'the first load');
    const origin = /^arhivar dev: serving (http:\/\/127\.0\.0\.1:\d+)\/ \(Ctrl\+C stops\)$/.exec(stdout.find((line) => line.startsWith('arhivar dev: serving')) ?? '')?.[1];
    expect(origin).toBeDefined();
    const moved = (address: string) => `arhivar dev: baseUrl in content/site.yaml moved the site: serving ${address} (Ctrl+C stops)`;

    // The tab the editor has open (the address printed at start) is outside the path now: the terminal says where to go.
    await setBaseUrl('https://example.si/arhiv/');
    await waitFor(() => stdout.includes(moved(`${origin}/arhiv/`)), 'the new address');
    const home = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/arhiv/');
    expect((await fetch(`${origin}/arhiv/`)).status).toBe(200);

    // Said once per move: a load that keeps the path says nothing of it.
    const article = path.join(root, 'content', 'articles', '2025', 'prvi.md');
    await writeFile(article, `${await readFile(article, 'utf8')}\nŠe en odstavek.\n`);
    await waitFor(() => stdout.filter((line) => line.startsWith('loaded ')).length >= 3, 'the load after the edit');
    expect(stdout.filter((line) => line.startsWith('arhivar dev: baseUrl'))).toHaveLength(1);

    await setBaseUrl('https://example.si/');
    await waitFor(() => stdout.includes(moved(`${origin}/`)), 'the address without the path');
    expect((await fetch(`${origin}/`)).status).toBe(200);
  } finally {
    stop();
    expect(await running).toBe(0);
    await removeDir(root);
  }
});
