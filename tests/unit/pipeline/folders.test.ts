import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArhivarError } from '../../../src/errors.ts';
import { outputStateName, type OutputState } from '../../../src/output/output-record.ts';
import { writeCacheFile } from '../../../src/pipeline/cache.ts';
import { checkCacheFolder, checkOutputContents, checkOutputLocation } from '../../../src/pipeline/folders.ts';
import { FEED_GENERATOR } from '../../../src/render/generator-lines.ts';
import { makeTempDir } from '../../helpers.ts';

describe('checkCacheFolder, checkOutputLocation and checkOutputContents', () => {
  it('accepts a missing .cache, a folder and a link to a folder', async () => {
    const root = await makeTempDir();
    await expect(checkCacheFolder(root)).resolves.toBeUndefined();
    await mkdir(path.join(root, '.cache'));
    await expect(checkCacheFolder(root)).resolves.toBeUndefined();

    const linked = await makeTempDir();
    await mkdir(path.join(linked, 'elsewhere'));
    await symlink(path.join(linked, 'elsewhere'), path.join(linked, '.cache'));
    await expect(checkCacheFolder(linked)).resolves.toBeUndefined();
  });

  it('rejects a file and a link to nothing, naming .cache and the fix', async () => {
    const withFile = await makeTempDir();
    await writeFile(path.join(withFile, '.cache'), 'x');
    const fileError = await checkCacheFolder(withFile).catch((error: unknown) => error);
    expect(fileError).toBeInstanceOf(ArhivarError);
    expect(fileError).toMatchObject({ code: 'cache/not-a-folder', file: '.cache', message: '.cache is not a folder' });
    expect((fileError as ArhivarError).hint).toContain('rename or delete .cache');

    const dangling = await makeTempDir();
    await symlink(path.join(dangling, 'gone'), path.join(dangling, '.cache'));
    await expect(checkCacheFolder(dangling)).rejects.toMatchObject({ code: 'cache/not-a-folder', message: '.cache is a link to nothing' });
  });

  it('names the output folder as given, relative to the project, with its own code', async () => {
    const root = await makeTempDir();
    await checkOutputLocation(root, 'dist');
    await mkdir(path.join(root, 'objava'));
    await writeFile(path.join(root, 'objava', 'splet'), 'x');
    await expect(checkOutputLocation(root, path.join(root, 'objava', 'splet'))).rejects.toMatchObject({
      code: 'output/not-a-folder',
      file: path.join('objava', 'splet'),
      message: `${path.join('objava', 'splet')} is not a folder`,
    });
    // A folder inside public/ is refused whatever it holds.
    await expect(checkOutputLocation(root, 'public/splet')).rejects.toMatchObject({ code: 'output/inside-project', file: path.join('public', 'splet') });
  });

  it('refuses a folder holding files it did not publish, naming a few; takes an empty one and its own site', async () => {
    const root = await makeTempDir();
    const dist = path.join(root, 'dist');
    await mkdir(dist);
    await writeFile(path.join(dist, 'Thumbs.db'), '');
    await expect(checkOutputContents(root, 'dist')).resolves.toBeUndefined();
    // The same litter as public/'s (output/left-out.ts): macOS on a USB stick or network share writes a ._ twin of
    // the .DS_Store, and Windows keeps a name's case but does not tell names apart by it. Hidden in the file
    // manager, they were named as files to move away.
    for (const name of ['.DS_Store', '._.DS_Store', 'thumbs.db', 'Desktop.ini']) await writeFile(path.join(dist, name), '');
    await expect(checkOutputContents(root, 'dist')).resolves.toBeUndefined();
    for (const name of ['a.html', 'b.html', 'c.html', 'd.html', 'e.html']) await writeFile(path.join(dist, name), 'x');
    await expect(checkOutputContents(root, 'dist')).rejects.toMatchObject({
      code: 'output/not-ours',
      file: 'dist',
      message: expect.stringContaining('(a.html, b.html, c.html and 2 more)'),
    });
    // A folder named feed.xml, or a feed by someone else, is not arhivar's.
    await mkdir(path.join(dist, 'feed.xml'));
    await expect(checkOutputContents(root, 'dist')).rejects.toMatchObject({ code: 'output/not-ours' });
    await rm(path.join(dist, 'feed.xml'), { recursive: true });
    await writeFile(path.join(dist, 'feed.xml'), '<feed><generator>Eleventy</generator></feed>');
    await expect(checkOutputContents(root, 'dist')).rejects.toMatchObject({ code: 'output/not-ours' });
    await writeFile(path.join(dist, 'feed.xml'), `<feed>\n  <title>Arhiv</title>\n  ${FEED_GENERATOR}\n</feed>`);
    await expect(checkOutputContents(root, 'dist')).resolves.toBeUndefined();
  });

  it('takes a folder without feed.xml for its own site only when it holds mostly the files its record names, and no others', async () => {
    const root = await makeTempDir();
    const dist = path.join(root, 'dist');
    const published = ['index.html', 'feed.xml', '2025/index.html', '2025/06/index.html', 'osebe/index.html'];
    const record: OutputState = {
      version: 2,
      target: dist,
      current: { ino: 1, files: new Map(published.map((file) => [file, { hash: 'a'.repeat(40) }])) },
      spare: undefined,
    };
    await writeCacheFile(root, outputStateName(dist), record);
    // A new folder of someone's with an index.html: the record names it, but the folder holds one of five.
    await mkdir(dist);
    await writeFile(path.join(dist, 'index.html'), '<p>naše</p>');
    await expect(checkOutputContents(root, 'dist')).rejects.toMatchObject({ code: 'output/not-ours', message: expect.stringContaining('there is no feed.xml') });
    // The site with its feed.xml deleted (and a file manager's litter in a folder of it).
    for (const file of published.slice(2)) {
      await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
      await writeFile(path.join(dist, file), 'x');
    }
    await writeFile(path.join(dist, '2025', '.DS_Store'), '');
    await expect(checkOutputContents(root, 'dist')).resolves.toBeUndefined();
    // A file the record does not name is told by its path.
    await writeFile(path.join(dist, '2025', 'opombe.txt'), 'x');
    await expect(checkOutputContents(root, 'dist')).rejects.toMatchObject({ code: 'output/not-ours', message: expect.stringContaining('(2025/opombe.txt)') });
  });
});
