import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tidyAfterKilledBuilds } from '../../../src/output/side-trees.ts';
import { makeTempDir } from '../../helpers.ts';

/** The id of a process that has ended, as a killed build's is. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

/** The id of a process that runs until the test ends, as a build in progress does. */
function runningPid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
  running.push(child);
  return child.pid!;
}

async function tree(root: string, name: string, text: string): Promise<void> {
  await mkdir(path.join(root, name, 'osebe'), { recursive: true });
  await writeFile(path.join(root, name, 'osebe/index.html'), text);
}

/** The folder's entries once the detached deletions have ended (trash names gone), at most 5 s later. */
async function settled(root: string): Promise<string[]> {
  for (let tries = 0; tries < 100 && (await readdir(root)).some((name) => name.includes('-trash-')); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  return (await readdir(root)).sort();
}

describe('tidyAfterKilledBuilds', () => {
  it('deletes the staging and old trees of builds whose process is gone, and keeps those of running ones', async () => {
    const root = await makeTempDir('arhivar-side-');
    const dead = await endedPid();
    const alive = runningPid();
    await tree(root, 'dist', '<p>objavljeno</p>');
    const kept = [`.dist-staging-${alive}`, `.dist-old-${alive}`, '.dist-staging-preimenovan', `.splet-staging-${dead}`, '.dist-spare'];
    for (const name of [`.dist-staging-${dead}`, `.dist-old-${dead}`, ...kept]) await tree(root, name, '<p>pol strani</p>');
    await tidyAfterKilledBuilds(path.join(root, 'dist'));
    expect(await settled(root)).toEqual([...kept, 'dist'].sort());
    expect(await readFile(path.join(root, 'dist/osebe/index.html'), 'utf8')).toBe('<p>objavljeno</p>');
  });

  it('deletes again a tree moved aside an hour ago or more, whose deletion was lost, and leaves a recent one to its rm', async () => {
    const root = await makeTempDir('arhivar-side-');
    const forgotten = `.dist-spare-trash-${await endedPid()}-${Date.now() - 2 * 60 * 60 * 1000}`;
    const recent = `.dist-spare-trash-${process.pid}-${Date.now()}`;
    await tree(root, forgotten, '<p>stara</p>');
    await tree(root, recent, '<p>pravkar odmaknjena</p>');
    await tidyAfterKilledBuilds(path.join(root, 'dist'));
    for (let tries = 0; tries < 100 && (await readdir(root)).includes(forgotten); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(root)).toEqual([recent]);
  });

  it('puts back the published site when a build was killed between taking it away and putting the new one in', async () => {
    const root = await makeTempDir('arhivar-side-');
    const dead = await endedPid();
    await tree(root, `.dist-old-${dead}`, '<p>objavljeno</p>');
    await tree(root, `.dist-staging-${dead}`, '<p>nova, a nedokončana</p>');
    await tidyAfterKilledBuilds(path.join(root, 'dist'));
    expect(await settled(root)).toEqual(['dist']);
    expect(await readFile(path.join(root, 'dist/osebe/index.html'), 'utf8')).toBe('<p>objavljeno</p>');
  });
});
