import { describe, expect, it } from 'vitest';
import { PageIndex } from '../../../src/dev/page-index.ts';
import type { PageSpec } from '../../../src/render/pages.ts';

/** Pages /0/ … /(count-1)/, counting how many were listed. */
function listing(count: number, failAt?: number) {
  const listed: string[] = [];
  function* pages(): Generator<PageSpec> {
    for (let n = 0; n < count; n++) {
      if (n === failAt) throw new Error(`template failed at /${n}/`);
      const url = `/${n}/`;
      listed.push(url);
      yield { url, render: () => `page ${n}` };
    }
  }
  return { listed, index: new PageIndex(pages()) };
}

describe('PageIndex: the dev server lists pages only as far as a request needs', () => {
  it('finds a page near the start without listing the rest, and one listed earlier without listing again', () => {
    const { listed, index } = listing(1000);
    expect(index.get('/2/')?.render()).toBe('page 2');
    expect(listed).toHaveLength(3);
    expect(index.get('/0/')?.render()).toBe('page 0');
    expect(index.has('/1/')).toBe(true);
    expect(listed).toHaveLength(3);
    expect(index.get('/500/')?.render()).toBe('page 500');
    expect(listed).toHaveLength(501);
  });

  it('lists every page, once, for a URL that is not a page', () => {
    const { listed, index } = listing(1000);
    expect(index.get('/favicon.ico')).toBeUndefined();
    expect(index.has('/nowhere/')).toBe(false);
    expect(listed).toHaveLength(1000);
    expect(index.get('/999/')?.render()).toBe('page 999');
    expect(listed).toHaveLength(1000);
  });

  it('reports a failed listing on every lookup past the pages listed before it failed', () => {
    const { index } = listing(10, 5);
    expect(index.get('/3/')?.render()).toBe('page 3');
    expect(() => index.get('/7/')).toThrow('template failed at /5/');
    expect(() => index.get('/8/')).toThrow('template failed at /5/');
    expect(index.get('/4/')?.render()).toBe('page 4');
  });
});
