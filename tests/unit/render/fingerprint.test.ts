import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fingerprinter, setContentKey, setRecordKey } from '../../../src/render/fingerprint.ts';

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

  it('hashes a content key in place of html and text, and still every other field (issue 6)', () => {
    const key = (item: object) => new Fingerprinter('v1').page('/', { page: { items: [item] } });
    const keyed = (html: string, contentKey: string, title = 'A') => {
      const item = { ...article(html), title };
      setContentKey(item, contentKey);
      return item;
    };
    expect(key(keyed('<p>a</p>', 'k1'))).toBe(key(keyed('<p>b</p>', 'k1')));
    expect(key(keyed('<p>a</p>', 'k1'))).not.toBe(key(keyed('<p>a</p>', 'k2')));
    expect(key(keyed('<p>a</p>', 'k1'))).not.toBe(key(keyed('<p>a</p>', 'k1', 'B')));
    expect(key(keyed('<p>a</p>', 'k1'))).not.toBe(key(article('<p>a</p>')));
  });

  it('sees html and text held behind getters (as the articles of loadSite hold them) when there is no content key', () => {
    class Lazy {
      file = 'content/articles/a.md';
      url = '/2025/01/01/a/';
      title = 'A';
      constructor(private readonly body: string) {}
      get html() {
        return `<p>${this.body}</p>`.repeat(100);
      }
      get text() {
        return this.body.repeat(300);
      }
    }
    const key = (item: object) => new Fingerprinter('v1').page('/', { page: { items: [item] } });
    expect(key(new Lazy('a'))).toBe(key(new Lazy('a')));
    expect(key(new Lazy('a'))).not.toBe(key(new Lazy('b')));
    // With a content key the getters are not read at all (a body from .cache/ stays undecoded).
    const keyed = new Lazy('a');
    let reads = 0;
    Object.defineProperty(keyed, 'html', { get: () => (reads++, '') });
    setContentKey(keyed as unknown as { html: string; text: string }, 'k1');
    key(keyed);
    expect(reads).toBe(0);
  });

  it('hashes an entry with its articles once, and sees a change in any of them (issue 6)', () => {
    const entry = (html: string) => ({ tag: { name: 'T', slug: 't' }, articles: [article('<p>a</p>'), article(html)] });
    const key = (item: object, number = 1) => new Fingerprinter('v1').page('/oznake/t/', { entry: item, page: { number } });
    expect(key(entry('<p>b</p>'))).toBe(key(entry('<p>b</p>')));
    expect(key(entry('<p>b</p>'))).not.toBe(key(entry('<p>c</p>')));
    expect(key(entry('<p>b</p>'))).not.toBe(key(entry('<p>b</p>'), 2));
  });

  it('stands a record met again in by its digest without looking at it (issue 6)', () => {
    // A person page lists hundreds of articles, each met before on other pages: telling what each one is again
    // (a Date? an article? an entry?) cost more than the lookup of its digest.
    let looks = 0;
    const watched = <T extends object>(record: T): T => new Proxy(record, { has: (target, key) => (looks++, key in target), get: (target, key) => (looks++, Reflect.get(target, key)) });
    const entry = watched({ tag: { name: 'T', slug: 't' }, articles: [article('<p>a</p>')] });
    const one = watched(article('<p>b</p>'));
    const fingerprints = new Fingerprinter('v1');
    const first = fingerprints.page('/oznake/t/', { entry, items: [one] });
    looks = 0;
    expect(fingerprints.page('/oznake/t/', { entry, items: [one] })).toBe(first);
    expect(looks).toBe(0);
  });

  it('tells two plain values apart exactly when their JSON differs', () => {
    const key = (value: unknown) => new Fingerprinter('v1').page('/', { value });
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(key(a) === key(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(key(a)).toBe(key(structuredClone(a)));
      }),
      { numRuns: 300 },
    );
  });

  it('sees dates by their instant and sets and maps by their entries', () => {
    const key = (value: unknown) => new Fingerprinter('v1').page('/', { value });
    expect(key(new Date('2025-01-01T00:00:00Z'))).toBe(key(new Date('2025-01-01T00:00:00Z')));
    expect(key(new Date('2025-01-01T00:00:00Z'))).not.toBe(key(new Date('2025-01-01T00:00:01Z')));
    expect(key(new Set(['a', 'b']))).not.toBe(key(new Set(['a', 'c'])));
    expect(key(new Map([['a', 1]]))).not.toBe(key(new Map([['a', 2]])));
    expect(key(new Map([['a', 1]]))).not.toBe(key({ a: 1 }));
    expect(key({ a: 1, b: undefined })).toBe(key({ a: 1 }));
  });

  it('stands a record with a record key in by that key, without reading its fields', () => {
    const key = (item: object) => new Fingerprinter('v1').page('/', { page: { items: [item] } });
    const keyed = (title: string, recordKey: string) => {
      const item = { ...article('<p>a</p>'), title };
      setRecordKey(item, recordKey);
      return item;
    };
    expect(key(keyed('A', 'r1'))).toBe(key(keyed('B', 'r1')));
    expect(key(keyed('A', 'r1'))).not.toBe(key(keyed('A', 'r2')));
    expect(key(keyed('A', 'r1'))).not.toBe(key(article('<p>a</p>')));
    const watched = keyed('A', 'r1');
    let reads = 0;
    Object.defineProperty(watched, 'title', { get: () => (reads++, 'A'), enumerable: true });
    key(watched);
    expect(reads).toBe(0);
  });
});
