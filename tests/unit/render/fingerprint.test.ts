import { describe, expect, it } from 'vitest';
import { Fingerprinter } from '../../../src/render/fingerprint.ts';

const article = (html: string, counts = new Map([['ana-cankar', 2]])) => ({ file: 'content/articles/a.md', url: '/2025/01/01/a/', title: 'A', html, text: 'x'.repeat(300), mentionCounts: counts });
const context = (title: string) => ({ site: { title }, people: new Map([['ana-cankar', { name: 'Ana Cankar' }]]) });

describe('Fingerprinter', () => {
  it('changes when anything a page is given changes, and only then', () => {
    const key = (props: object, url = '/', code = 'v1') => new Fingerprinter(code).page(url, props);
    const base = { context: context('Arhiv'), page: { items: [article('<p>a</p>'.repeat(100))], number: 1 } };
    expect(key(base)).toBe(key({ context: context('Arhiv'), page: { items: [article('<p>a</p>'.repeat(100))], number: 1 } }));
    expect(key(base)).not.toBe(key(base, '/stran/2/'));
    expect(key(base)).not.toBe(key(base, '/', 'v2'));
    expect(key(base)).not.toBe(key({ ...base, context: context('Drug arhiv') }));
    expect(key(base)).not.toBe(key({ ...base, page: { items: [article('<p>b</p>'.repeat(100))], number: 1 } }));
    expect(key(base)).not.toBe(key({ ...base, page: { items: [article('<p>a</p>'.repeat(100), new Map([['ana-cankar', 3]]))], number: 1 } }));
    expect(key(base)).not.toBe(key({ ...base, page: { ...base.page, number: 2 } }));
  });
});
