import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishSite, readPublishedTree } from '../../../src/output/publish.ts';
import { makeTempDir } from '../../helpers.ts';

const hashOf = async (file: string) => createHash('sha1').update(await readFile(file)).digest('base64url');

describe('publishSite with files given by hash only', () => {
  it('keeps a file dist/ already holds, and refuses one it does not, leaving dist/ as it was', async () => {
    const root = await makeTempDir('arhivar-publish-');
    const target = path.join(root, 'dist');
    const options = { codeKey: 'test' };
    await publishSite(root, target, [], [{ path: 'a.json', bytes: '[1]' }], options);
    const hash = await hashOf(path.join(target, 'a.json'));

    // The same file by name and hash: published again from the tree that holds it.
    const published = await readPublishedTree(root, target);
    expect(published.has('a.json', hash)).toBe(true);
    await publishSite(root, target, [], [{ path: 'a.json', hash }, { path: 'b.json', bytes: '[2]' }], { ...options, published });
    expect(await readFile(path.join(target, 'a.json'), 'utf8')).toBe('[1]');
    expect(await readFile(path.join(target, 'b.json'), 'utf8')).toBe('[2]');

    // A file by hash that dist/ does not hold cannot be written: the build fails and dist/ is untouched.
    await expect(publishSite(root, target, [], [{ path: 'c.json', hash }], options)).rejects.toThrow(/c\.json came without bytes/);
    expect(await readFile(path.join(target, 'b.json'), 'utf8')).toBe('[2]');
  });
});
