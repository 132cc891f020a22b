import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { heldBackMessage, main, type Io } from '../../src/cli.ts';
import { copyFixture } from '../helpers.ts';

// Only V8's flag setter is replaced: arhivar dev sets the heap growing factor, which would change this test process's heap for good.
const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString }));

const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

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
    await until(() => loaded() !== -1, 'the first load');
    stop();
    expect(await running).toBe(0);
    const after = stdout.slice(loaded() + 1).filter((line) => !line.startsWith('arhivar dev: serving'));
    expect(after, future ? '--future' : 'without --future').toEqual(
      future ? [] : ['1 article is dated in the future and not shown: content/articles/2025/kasneje.md, due 2099-01-10 08:15 Ljubljana time. arhivar dev --future shows it.'],
    );
  }
});

it('names how many wait, and the first due, when there are more', () => {
  expect(heldBackMessage({ count: 3, next: new Date('2099-01-10T07:15:00Z'), nextFile: 'content/articles/2025/prej.md' }, 'dev')).toBe(
    '3 articles are dated in the future and not shown; the first, content/articles/2025/prej.md, is due 2099-01-10 08:15 Ljubljana time. arhivar dev --future shows them.',
  );
});
