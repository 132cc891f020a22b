import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeOp } from '../../../src/output/tree-ops.ts';
import { SharedRing, TreeWriter } from '../../../src/output/tree-writer.ts';
import fc from 'fast-check';
import { temporaryFolders } from '../../helpers.ts';

const tempRoot = temporaryFolders();

const text = (value: string) => new TextEncoder().encode(value);

/** Every mode: all on the main thread, all on the writer thread, and the first two inline, the rest on the thread. */
const MODES: Array<[string, number]> = [
  ['inline', 1000],
  ['thread', 0],
  ['inline, then thread', 2],
];

describe('TreeWriter (the staging tree writes of publish.ts)', () => {
  it.each(MODES)('%s: writes, links, replaces and unlinks in the order given', async (_mode, inlineOperations) => {
    const root = await tempRoot();
    const source = path.join(root, 'dist');
    const tree = path.join(root, 'staging');
    await mkdir(path.join(source, 'clanki', 'a'), { recursive: true });
    await writeFile(path.join(source, 'clanki', 'a', 'index.html'), 'objavljeno');
    await writeFile(path.join(source, 'stara.html'), 'stara');

    // A view into a larger buffer: only its own bytes may be written.
    const large = text('xxxxNOVOyyyy');
    const view = large.subarray(4, 8);
    const ops: TreeOp[] = [
      { kind: 'write', file: path.join(tree, 'index.html'), bytes: text('prva'), replace: false },
      { kind: 'write', file: path.join(tree, 'osebe', 'janez-novak', 'index.html'), bytes: view, replace: false },
      { kind: 'link', file: path.join(tree, 'clanki', 'a', 'index.html'), from: path.join(source, 'clanki', 'a', 'index.html') },
      { kind: 'link', file: path.join(tree, 'stara.html'), from: path.join(source, 'stara.html') },
      // A later write of a linked file replaces the link, so the published file keeps its bytes.
      { kind: 'write', file: path.join(tree, 'clanki', 'a', 'index.html'), bytes: text('popravljeno'), replace: true },
      { kind: 'write', file: path.join(tree, 'index.html'), bytes: text('druga'), replace: true },
      { kind: 'unlink', file: path.join(tree, 'stara.html') },
      { kind: 'unlink', file: path.join(tree, 'ni-je.html') },
    ];
    const writer = new TreeWriter(root, inlineOperations);
    try {
      for (const op of ops) writer.add(op);
      await writer.drain();
    } finally {
      await writer.close();
    }
    expect(await readFile(path.join(tree, 'index.html'), 'utf8')).toBe('druga');
    expect(await readFile(path.join(tree, 'osebe', 'janez-novak', 'index.html'), 'utf8')).toBe('NOVO');
    expect(await readFile(path.join(tree, 'clanki', 'a', 'index.html'), 'utf8')).toBe('popravljeno');
    expect(await readFile(path.join(source, 'clanki', 'a', 'index.html'), 'utf8')).toBe('objavljeno');
    expect(existsSync(path.join(tree, 'stara.html'))).toBe(false);
    expect(existsSync(path.join(source, 'stara.html'))).toBe(true);
  });

  it.each(MODES)('%s: a link op makes a hard link that shares the file', async (_mode, inlineOperations) => {
    const root = await tempRoot();
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist', 'a.html'), 'a');
    const writer = new TreeWriter(root, inlineOperations);
    try {
      writer.add({ kind: 'link', file: path.join(root, 'nova', 'a.html'), from: path.join(root, 'dist', 'a.html') });
      writer.add({ kind: 'write', file: path.join(root, 'nova', 'c.html'), bytes: text('c'), replace: false });
      await writer.drain();
    } finally {
      await writer.close();
    }
    expect((await stat(path.join(root, 'nova', 'a.html'))).ino).toBe((await stat(path.join(root, 'dist', 'a.html'))).ino);
  });

  it.each(MODES)('%s: the first failure comes out of drain() with its code; later operations are skipped', async (_mode, inlineOperations) => {
    const root = await tempRoot();
    await writeFile(path.join(root, 'datoteka'), 'not a folder');
    const writer = new TreeWriter(root, inlineOperations);
    try {
      writer.add({ kind: 'write', file: path.join(root, 'drevo', 'a.html'), bytes: text('a'), replace: false });
      writer.add({ kind: 'write', file: path.join(root, 'drevo', 'b.html'), bytes: text('b'), replace: false });
      writer.add({ kind: 'write', file: path.join(root, 'datoteka', 'c.html'), bytes: text('c'), replace: false });
      writer.add({ kind: 'write', file: path.join(root, 'drevo', 'd.html'), bytes: text('d'), replace: false });
      // Waiting for room never hangs on a failed write.
      await writer.roomFor(0);
      await expect(writer.drain()).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    } finally {
      await writer.close();
    }
    expect(await readFile(path.join(root, 'drevo', 'b.html'), 'utf8')).toBe('b');
    expect(existsSync(path.join(root, 'drevo', 'd.html'))).toBe(false);
  });

  it('roomFor resolves once the writer thread has caught up to the limit', async () => {
    const root = await tempRoot();
    const writer = new TreeWriter(root, 0);
    try {
      for (let n = 0; n < 200; n++) writer.add({ kind: 'write', file: path.join(root, 'drevo', String(n), 'index.html'), bytes: text(String(n)), replace: false });
      await writer.roomFor(0);
      // Nothing is pending any more: every file is on disk before drain() is called.
      for (let n = 0; n < 200; n++) expect(existsSync(path.join(root, 'drevo', String(n), 'index.html'))).toBe(true);
      await writer.drain();
    } finally {
      await writer.close();
    }
  });

  it('writes a file larger than the shared buffer as a buffer of its own', async () => {
    const root = await tempRoot();
    const large = new Uint8Array(9 * 1024 * 1024).fill(0x61);
    const writer = new TreeWriter(root, 0);
    try {
      writer.add({ kind: 'write', file: path.join(root, 'drevo', 'mala.html'), bytes: text('mala'), replace: false });
      writer.add({ kind: 'write', file: path.join(root, 'drevo', 'velika.html'), bytes: large, replace: false });
      writer.add({ kind: 'write', file: path.join(root, 'drevo', 'za-njo.html'), bytes: text('za njo'), replace: false });
      await writer.drain();
    } finally {
      await writer.close();
    }
    expect((await readFile(path.join(root, 'drevo', 'velika.html'))).equals(Buffer.from(large))).toBe(true);
    expect(await readFile(path.join(root, 'drevo', 'za-njo.html'), 'utf8')).toBe('za njo');
    // The caller's bytes are left as they were.
    expect(large[0]).toBe(0x61);
  });
});

describe('SharedRing', () => {
  it('never hands out room that is still in use, and keeps each region\'s bytes until released', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ put: fc.integer({ min: 0, max: 40 }) }), fc.record({ release: fc.integer({ min: 0, max: 4 }) })), { maxLength: 200 }),
        (steps) => {
          const ring = new SharedRing(64);
          const view = new Uint8Array(ring.buffer);
          const live: { start: number; bytes: Uint8Array }[] = [];
          let mark = 0;
          for (const step of steps) {
            if ('put' in step) {
              const bytes = new Uint8Array(step.put).fill(++mark % 251);
              const start = ring.put(bytes);
              if (start === undefined) {
                // Refused only when no placement could be free: never with nothing in use.
                expect(live.length > 0 || step.put > 64).toBe(true);
                continue;
              }
              expect(start + step.put).toBeLessThanOrEqual(64);
              live.push({ start, bytes });
            } else {
              const count = Math.min(step.release, live.length);
              ring.release(count);
              live.splice(0, count);
            }
            for (const region of live) expect(view.subarray(region.start, region.start + region.bytes.length)).toEqual(region.bytes);
          }
        },
      ),
    );
  });

  it('takes a region at the start again once the oldest ones are released', () => {
    const ring = new SharedRing(10);
    expect(ring.put(new Uint8Array(6))).toBe(0);
    expect(ring.put(new Uint8Array(3))).toBe(6);
    expect(ring.put(new Uint8Array(2))).toBeUndefined();
    ring.release(1);
    expect(ring.put(new Uint8Array(2))).toBe(0);
    expect(ring.put(new Uint8Array(4))).toBe(2);
    expect(ring.put(new Uint8Array(1))).toBeUndefined();
    // With the region at 6 released, 6–9 is free again, and the regions in use no longer wrap.
    ring.release(1);
    expect(ring.put(new Uint8Array(4))).toBe(6);
    expect(ring.put(new Uint8Array(1))).toBeUndefined();
    ring.release(3);
    expect(ring.put(new Uint8Array(10))).toBe(0);
  });
});
