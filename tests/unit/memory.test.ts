import { describe, expect, it } from 'vitest';
import { releaseBytes } from '../../src/memory.ts';

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
