import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { copyFixture, waitFor } from '../helpers.ts';

// Only V8's flag setter is replaced: setting a flag would change this test process's heap for good.
const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString }));

it('arhivar dev holds V8’s heap growing factor at 1.5 once its first load is done, and sets it once (README, “The dev server’s memory over many reloads”)', async () => {
  const root = await copyFixture('archive-basic');
  const stdout: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const io: Io = { out: (line) => stdout.push(line), err: () => {}, untilStopped: () => stopped };
  const running = main(['dev', '--root', root, '--port', '0'], io);
  const loads = () => stdout.filter((line) => line.startsWith('loaded ')).length;
  await waitFor(() => loads() === 1, 'the first load');
  expect(setFlagsFromString.mock.calls).toEqual([['--heap-growing-percent=50']]);
  // A reload after an edit keeps the factor: it is not set again.
  const articles = path.join(root, 'content', 'articles');
  const [first] = (await readdir(articles, { recursive: true })).filter((file) => file.endsWith('.md'));
  await appendFile(path.join(articles, first!), '\nDodan stavek.\n');
  await waitFor(() => loads() === 2, 'the reload after an edit');
  expect(setFlagsFromString).toHaveBeenCalledTimes(1);
  stop();
  expect(await running).toBe(0);
});
