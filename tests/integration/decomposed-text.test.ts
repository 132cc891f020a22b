import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeTempDir, type BuiltSite } from '../helpers.ts';
import { engineOver, runQuery } from '../search-helpers.ts';

/**
 * Some editors and systems save č as c + a combining caron (NFD). An article saved so is published exactly as
 * the same article saved composed (NFC): its slug, title, summary, word count, people, tags and search terms.
 */
const article = (date: string) => `---
title: Ušakov o pogovorih v Ženevi
date: ${date}
tags: [Združene države]
---

Svetovalec ruskega predsednika Jurij Ušakov je dejal, da so Američani v Moskvo prinesli nove predloge. Pogovori o
Ukrajini se bodo nadaljevali po božičnih praznikih v Ženevi.
`;

const COMPOSED = { file: 'sestavljeno.md', date: '2025-12-22', url: '/2025/12/22/usakov-o-pogovorih-v-zenevi/' };
const DECOMPOSED = { file: 'razstavljeno.md', date: '2025-12-23', url: '/2025/12/23/usakov-o-pogovorih-v-zenevi/' };

let root: string;
let site: BuiltSite;

beforeAll(async () => {
  root = await makeTempDir('arhivar-nfd-');
  await mkdir(path.join(root, 'content/articles'), { recursive: true });
  await mkdir(path.join(root, 'content/people'), { recursive: true });
  await writeFile(path.join(root, 'content/site.yaml'), 'title: Arhiv\n');
  await writeFile(path.join(root, 'content/people/jurij-usakov.md'), '---\nname: Jurij Ušakov\ngender: m\n---\n');
  await writeFile(path.join(root, 'content/articles', COMPOSED.file), article(COMPOSED.date).normalize('NFC'));
  const decomposed = article(DECOMPOSED.date).normalize('NFD');
  expect(decomposed).not.toBe(article(DECOMPOSED.date));
  await writeFile(path.join(root, 'content/articles', DECOMPOSED.file), decomposed);
  site = await buildSite(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  if (site) await rm(path.dirname(site.outDir), { recursive: true, force: true });
});

/** The parts of an article page that come from its text, with the date taken out. */
async function pageParts(url: string) {
  const html = await site.read(url);
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
  return {
    h1: /<h1>(.*?)<\/h1>/.exec(html)?.[1],
    description: /<meta name="description" content="([^"]*)"/.exec(html)?.[1],
    wordCount: jsonLd.wordCount,
    links: [...html.matchAll(/href="(\/(?:osebe|oznake)\/[^"]+)"/g)].map((match) => match[1]).sort(),
  };
}

describe('an article saved with decomposed letters (NFD)', () => {
  it('gets the slug, title, summary, word count, people and tags of the composed one', async () => {
    const composed = await pageParts(COMPOSED.url);
    expect(composed.h1).toBe('Ušakov o pogovorih v Ženevi');
    expect(composed.wordCount).toBe(26);
    expect(composed.links).toEqual(['/osebe/jurij-usakov/', '/oznake/zdruzene-drzave/']);
    expect(await pageParts(DECOMPOSED.url)).toEqual(composed);
    // One tag page, named as written, that lists both.
    const tag = await site.read('/oznake/zdruzene-drzave/');
    expect(tag).toContain('Združene države');
    expect(tag).not.toContain('Združene države'.normalize('NFD'));
    expect(tag).toContain(`href="${COMPOSED.url}"`);
    expect(tag).toContain(`href="${DECOMPOSED.url}"`);
    expect(await site.read('/osebe/jurij-usakov/')).toContain(`href="${DECOMPOSED.url}"`);
  });

  it('is found by search as the composed one is, whichever way the query is written', async () => {
    const { engine } = engineOver(site.outDir);
    for (const query of ['Američani', 'americani', 'Ušakova', 'usakov', 'Američani'.normalize('NFD'), 'Ženevi ']) {
      const { results } = await runQuery(engine, query);
      expect(results.map((result) => result.url).sort(), query).toEqual([COMPOSED.url, DECOMPOSED.url].sort());
    }
    // No stem of a word cut at its combining mark (Ušakov → "us" and "akov").
    expect((await runQuery(engine, 'akov ')).total).toBe(0);
  });

  it('keeps the text composed in the search documents', async () => {
    const manifest = JSON.parse(await readFile(path.join(site.outDir, 'iskanje/indeks.json'), 'utf8')) as { base: string; chunkFiles: string[] };
    const chunk = await readFile(path.join(site.outDir, manifest.base, 'd', `${manifest.chunkFiles[0]}.json`), 'utf8');
    expect(chunk).toContain('Američani');
    expect(chunk.normalize('NFC')).toBe(chunk);
  });
});
