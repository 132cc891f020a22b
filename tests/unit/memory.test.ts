import { getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage, exposedCollection, releaseBytes } from '../../src/memory.ts';

const MB = 1024 * 1024;

/** About `megabytes` more of small objects that live through many young collections, then are let go: old-generation garbage. */
function makeOldGarbage(megabytes: number): void {
  const until = getHeapStatistics().used_heap_size + megabytes * MB;
  const kept: { n: number; text: string }[] = [];
  while (getHeapStatistics().used_heap_size < until) kept.push({ n: kept.length, text: `članek ${kept.length}` });
}

describe('collectGarbage', () => {
  it('frees the old generation\'s garbage and gives its pages back, without a gc() of its own left anywhere', () => {
    makeOldGarbage(120);
    const before = getHeapStatistics();
    collectGarbage();
    const after = getHeapStatistics();
    expect(before.used_heap_size - after.used_heap_size).toBeGreaterThan(100 * MB);
    expect(before.total_heap_size - after.total_heap_size).toBeGreaterThan(80 * MB);
    // The flag that gave V8's gc() is cleared again: neither this context nor one made later has one.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('exposedCollection', () => {
  it.each([
    ['a Node that ignores the flag', () => undefined],
    ['a Node that refuses it', () => {
      throw new Error('unknown flag');
    }],
  ])('leaves the collection to V8 on %s, instead of failing the build', (_what, expose) => {
    const collect = exposedCollection(expose);
    expect(collect).toBeTypeOf('function');
    expect(() => collect()).not.toThrow();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('releaseBytes', () => {
  it('detaches the buffers of the views given, once each, and leaves shared memory alone', () => {
    const html = new TextEncoder().encode('<p>Prvi članek.</p>');
    const buffer = new ArrayBuffer(16);
    const [head, tail] = [new Uint8Array(buffer, 0, 8), new Uint8Array(buffer, 8)];
    const shared = new Uint8Array(new SharedArrayBuffer(8)).fill(7);
    releaseBytes(html, head, tail, shared);
    expect([html.byteLength, head.byteLength, tail.byteLength, buffer.byteLength]).toEqual([0, 0, 0, 0]);
    expect([...shared]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
  });
});
