import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { findBrokenLinks } from '../../src/output/links.ts';
import { chunkUrl, shardUrl, type SearchManifest } from '../../src/search/manifest.ts';
import { matchesTerms, parseQuery } from '../../src/search/query.ts';
import { tokenize } from '../../src/search/text.ts';
import { PROJECT_ROOT_FOR_TESTS, engineOver, marked, runQuery } from '../search-helpers.ts';

const FIXTURE = path.join(PROJECT_ROOT_FOR_TESTS, 'tests', 'fixtures', 'search');

describe('search in a built site', () => {
  let dist: string;
  const read = (sitePath: string) => readFile(path.join(dist, sitePath), 'utf8');

  beforeAll(async () => {
    dist = path.join(await mkdtemp(path.join(tmpdir(), 'arhivar-search-site-')), 'dist');
    await build({ root: FIXTURE, outDir: dist, now: new Date('2026-01-01T00:00:00Z'), cache: false });
  });

  it('has a search page whose form works without JavaScript and says what needs it', async () => {
    const html = await read('iskanje/index.html');
    expect(html).toMatch(/<form id="search-form"[^>]* role="search" method="get" action="\/iskanje\/"/);
    expect(html).toContain('<label for="search-q">');
    expect(html).toMatch(/<input id="search-q" type="search" name="q"/);
    // A pasted wall of text is cut by the field (and by parseQuery for a ?q= link).
    expect(html).toMatch(/<input id="search-q"[^>]* maxlength="100"/);
    expect(html).toMatch(/<noscript><p[^>]*>Iskanje deluje v brskalniku in potrebuje JavaScript/);
    expect(html).toContain('role="status" aria-live="polite"');
  });

  it('gives help examples that are ordinary Slovenian words, not the names of one newsroom\'s stories, and that work', async () => {
    const html = await read('iskanje/index.html');
    const help = /<p id="search-help"[^>]*>([^<]*)<\/p>/.exec(html)![1]!;
    // The help is the same on every newsroom's site: the seed's people mean nothing on another.
    for (const name of ['Ušakov', 'Witkoff', 'Putin', 'Dmitrijev', 'Kushner']) expect(help).not.toContain(name);
    // A word named as a word is in Slovenian quotes: bare, »zupan najde župan« reads as a sentence about a mayor.
    const examples = [...help.matchAll(/\(»(\p{L}+)« najde »(\p{L}+)«(?: in »(\p{L}+)«)?\)/gu)];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const [example, query, ...found] of examples) {
      const terms = parseQuery(`${query} `);
      for (const word of found.filter(Boolean)) expect(matchesTerms(tokenize(word!)[0]!, terms), example).toBe(true);
    }
  });

  it('links search from the navigation of every page', async () => {
    for (const page of ['index.html', 'osebe/index.html', 'iskanje/index.html']) {
      expect(await read(page)).toMatch(/<nav aria-label="Glavna navigacija">.*<a href="\/iskanje\/"[^>]*>Iskanje<\/a>/s);
    }
  });

  it('references a script and a stylesheet that exist under content-hashed names', async () => {
    const html = await read('iskanje/index.html');
    const script = /<script type="module" src="(\/assets\/search-[\w-]+\.js)">/.exec(html)?.[1];
    const stylesheet = /<link rel="stylesheet" href="(\/assets\/site-[\w-]+\.css)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expect(stylesheet).toBeTruthy();
    const js = await read(script!.slice(1));
    expect(js).toContain('/iskanje/indeks.json');
    expect(js).not.toMatch(/^\s*import\b|: HTMLElement/m);
    const css = await read(stylesheet!.slice(1));
    const source = await readFile(path.join(PROJECT_ROOT_FOR_TESTS, 'templates', 'site.css'), 'utf8');
    expect(css.length).toBeLessThan(source.length);
    expect(css).not.toContain('/*');
    expect(css).toContain('.search-form');
  });

  it('leaves no internal link or asset unresolved', async () => {
    expect(await findBrokenLinks(dist)).toEqual([]);
  });

  it('writes every shard and chunk the manifest names', async () => {
    const manifest = JSON.parse(await read('iskanje/indeks.json')) as SearchManifest;
    expect(manifest.documents).toBe(3);
    for (let n = 0; n < manifest.shards.length; n++) await access(path.join(dist, shardUrl(manifest, n)));
    for (let n = 0; n < manifest.chunks.length; n++) await access(path.join(dist, chunkUrl(manifest, n)));
  });

  it('finds articles by folded and inflected names and marks the hit', async () => {
    const { engine } = engineOver(dist);
    const usakov = await runQuery(engine, 'usakov');
    expect(usakov.results.map((result) => result.url)).toEqual(['/2025/12/23/kremelj-caka-na-porocilo/']);
    expect(marked(usakov.results[0]!)).toEqual(['Ušakov']);
    expect(usakov.results[0]!.date).toBe('23.\u00a0decembra 2025');

    const witkoff = await runQuery(engine, 'Witkoff');
    // The Florida article names Witkoff in its text and its people, so it ranks first.
    expect(witkoff.results.map((result) => result.url)).toEqual(['/2025/12/22/pogovori-na-floridi-s-putinovim-odposlancem/', '/2025/12/23/kremelj-caka-na-porocilo/']);
    expect(marked(witkoff.results[1]!)).toEqual(['Witkoffa']);

    const dmitrijev = await runQuery(engine, 'Dmitrijev');
    expect(marked(dmitrijev.results[0]!)).toEqual(['Dmitrijevim', 'Dmitrijevim']);
  });

  it('finds an article by the people and tags of its front matter, though its text names neither', async () => {
    const { engine } = engineOver(dist);
    for (const query of ['Umerov', 'vremenska napoved']) {
      const { results } = await runQuery(engine, query);
      expect(results.map((result) => result.url), query).toEqual(['/2025/12/20/vreme-b-nevihte-b/']);
      expect(marked(results[0]!)).toEqual([]);
    }
  });

  it('finds an article by its byline, which its page shows and its text does not write', async () => {
    const { engine } = engineOver(dist);
    // vreme.md: author: Špela Vidic, STA. A reader looks for what a journalist wrote. (»sta« itself is a verb
    // search leaves out, as it does »je«.)
    for (const query of ['Vidic', 'spela vidic', 'Špeli Vidic']) {
      const { results } = await runQuery(engine, query);
      expect(results.map((result) => result.url), query).toEqual(['/2025/12/20/vreme-b-nevihte-b/']);
      expect(marked(results[0]!)).toEqual([]);
    }
  });

  it('finds an article by the source its page names, which its text does not write', async () => {
    const { engine } = engineOver(dist);
    // kremelj.md: source: Reuters, shown as »Vir: Reuters«.
    const { results } = await runQuery(engine, 'reuters');
    expect(results.map((result) => result.url)).toEqual(['/2025/12/23/kremelj-caka-na-porocilo/']);
    expect(marked(results[0]!)).toEqual([]);
  });

  it('finds the articles tagged with a person by an alias of the person file, which no text writes', async () => {
    const { engine } = engineOver(dist);
    // kiril-dmitrijev.md: aliases: [Kirill Dmitriev], as English-language news spells him.
    for (const query of ['Kirill Dmitriev', 'dmitriev', 'Kirilla Dmitrieva']) {
      const { results } = await runQuery(engine, query);
      expect(results.map((result) => result.url), query).toEqual(['/2025/12/22/pogovori-na-floridi-s-putinovim-odposlancem/']);
    }
  });

  it('carries markup in a title as text', async () => {
    const { engine } = engineOver(dist);
    const { results } = await runQuery(engine, 'nevihte');
    expect(results.map((result) => result.title.map((segment) => segment.text).join(''))).toEqual(['Vreme & <b>nevihte</b>']);
  });
});
