import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAssets } from '../../../src/output/assets.ts';
import { PROJECT_ROOT_FOR_TESTS } from '../../search-helpers.ts';

const sha256 = async (file: string) => createHash('sha256').update(await readFile(path.join(PROJECT_ROOT_FOR_TESTS, file))).digest('hex');

describe('buildAssets', () => {
  it('bundles the stylesheet and every client script under content-hashed names', async () => {
    const { urls, files } = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    expect(urls.stylesheet).toMatch(/^\/assets\/site-[\w-]{8}\.css$/);
    expect(urls.scripts.search).toMatch(/^\/assets\/search-[\w-]{8}\.js$/);
    const paths = files.map((file) => `/${file.path}`);
    expect(paths).toContain(urls.stylesheet);
    expect(paths).toContain(urls.scripts.search);
  });

  it('minifies: the CSS loses comments and whitespace, the script its types and line breaks', async () => {
    const { urls, files } = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    const text = (url: string) => String(files.find((file) => `/${file.path}` === url)!.bytes);
    const css = text(urls.stylesheet);
    const source = await readFile(path.join(PROJECT_ROOT_FOR_TESTS, 'templates', 'site.css'), 'utf8');
    expect(css).not.toContain('/*');
    expect(css.length).toBeLessThan(source.length * 0.9);
    const js = text(urls.scripts.search!);
    expect(js.split('\n').length).toBeLessThan(5);
    expect(js).not.toMatch(/as HTML\w+Element/);
  });

  it('is the same on a second run, and records every bundled file with its hash for the cache', async () => {
    const first = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    const second = await buildAssets(PROJECT_ROOT_FOR_TESTS);
    expect(second.urls).toEqual(first.urls);
    const cache = JSON.parse(await readFile(path.join(PROJECT_ROOT_FOR_TESTS, '.cache', 'assets', 'build.json'), 'utf8')) as { inputs: Record<string, string> };
    for (const file of ['templates/site.css', 'src/client/search.ts', 'src/search/query.ts', 'src/search/text.ts']) {
      expect(cache.inputs[file], file).toBe(await sha256(file));
    }
  });
});
