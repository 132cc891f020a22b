import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeJoin } from '../../../src/output/write.ts';
import { outputPathFor, urls } from '../../../src/site/urls.ts';
import { slugify } from '../../../src/site/slug.ts';

const out = path.resolve('/tmp/arhivar-out/dist');

describe('safeJoin writes only inside the output folder (issue 7)', () => {
  it.each([
    ['../escape.html'],
    ['a/../../escape.html'],
    ['..\\escape.html'],
    ['a\\..\\..\\escape.html'],
    ['/etc/passwd'],
    ['index.html\0.png'],
    [''],
    ['.'],
  ])('refuses %j', (relative) => {
    expect(() => safeJoin(out, relative)).toThrow(/outside the output folder/);
  });

  it.each([
    ['index.html', 'index.html'],
    ['osebe/steve-witkoff/index.html', 'osebe/steve-witkoff/index.html'],
    ['a..b/index.html', 'a..b/index.html'],
  ])('accepts %j', (relative, expected) => {
    expect(safeJoin(out, relative)).toBe(path.join(out, expected));
  });
});

describe('names from content become paths that stay in dist/ (issue 7)', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\win.ini', 'windows-win-ini'],
    ['/absolute/path', 'absolute-path'],
    ['a\0b', 'a-b'],
    ['C:\\Users', 'c-users'],
    ['..', ''],
    ['Đuro Đaković', 'djuro-djakovic'],
  ])('slugify(%j) → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts slugs at 200 characters without a trailing hyphen', () => {
    const slug = slugify('beseda '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('maps every slugged URL to a path safeJoin accepts', () => {
    for (const name of ['../../x', '\\\\server\\share', '/', '\0', 'ok']) {
      const slug = slugify(name) || 'x';
      for (const url of [urls.person(slug), urls.person(slug, 3), urls.tag(slug)]) {
        expect(safeJoin(out, outputPathFor(url)).startsWith(out + path.sep)).toBe(true);
      }
    }
  });
});
