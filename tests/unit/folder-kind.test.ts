import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderKind } from '../../src/folder-kind.ts';
import { makeTempDir } from '../helpers.ts';

describe('folderKind', () => {
  it('tells a folder, a link to one, nothing, a file and a link to nothing apart', async () => {
    const root = await makeTempDir();
    await mkdir(path.join(root, 'mapa'));
    await symlink(path.join(root, 'mapa'), path.join(root, 'povezava'));
    await writeFile(path.join(root, 'datoteka'), 'x');
    await symlink(path.join(root, 'ni-je'), path.join(root, 'prazna-povezava'));
    expect(await folderKind(path.join(root, 'mapa'))).toBe('folder');
    expect(await folderKind(path.join(root, 'povezava'))).toBe('folder');
    expect(await folderKind(path.join(root, 'ni-je'))).toBe('missing');
    expect(await folderKind(path.join(root, 'datoteka'))).toBe('not-a-folder');
    expect(await folderKind(path.join(root, 'prazna-povezava'))).toBe('link-to-nothing');
  });
});
