import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../../src/content/read.ts';
import { sourceKey } from '../../../src/pipeline/articles.ts';
import { makeTempDir } from '../../helpers.ts';

describe('readContent', () => {
  it('gives each file the hash of its decoded text, and keys by it as by the text itself', async () => {
    const root = await makeTempDir('arhivar-read-');
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    // Windows line endings and a BOM: the hash is of the text as arhivar reads it, not of the bytes.
    await writeFile(path.join(root, 'content/articles/a.md'), '\ufeff---\r\ntitle: Župan\r\ndate: 2025-01-01\r\n---\r\n\r\nBesedilo.\r\n');
    const { articles } = await readContent(root);
    const [source] = articles;
    expect(source!.text).toBe('---\ntitle: Župan\ndate: 2025-01-01\n---\n\nBesedilo.\n');
    expect(source!.hash).toBe(createHash('sha1').update(source!.text).digest('base64url'));
    // The key changes with the text whether it is made from the hash or from the text.
    const other = { ...source!, text: source!.text.replace('Župan', 'Županja') };
    expect(sourceKey(source!)).not.toBe(sourceKey({ ...other, hash: createHash('sha1').update(other.text).digest('base64url') }));
    expect(sourceKey({ ...source!, hash: undefined })).not.toBe(sourceKey({ ...other, hash: undefined }));
  });
});
