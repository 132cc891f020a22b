import { spawn } from 'node:child_process';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, copyFixture, listFiles, startDevProcess, temporaryFolders, waitFor } from '../helpers.ts';
import { loadSite } from '../../src/build.ts';
import { createLoadCache } from '../../src/load-cache.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';

const folder = temporaryFolders();
const FLORIDA = 'content/articles/2025/florida.md';

/** The files under `tree` whose text holds `word`. */
async function filesHolding(tree: string, word: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await listFiles(tree)) if ((await readFile(path.join(tree, file), 'utf8')).includes(word)) found.push(file);
  return found;
}

describe('an article taken down (deleted, or made a draft) or corrected', () => {
  // A legal takedown: the tree kept beside dist/ for the next incremental build (.dist-spare) held the whole
  // site as it was before, the article's page, feeds and search files included, until a later build changed
  // something; a build with nothing else changed never touched it. A corrected article's old text likewise.
  it.each([
    ['deleted', (root: string) => rm(path.join(root, FLORIDA))],
    ['made a draft', async (root: string) => writeFile(path.join(root, FLORIDA), (await readFile(path.join(root, FLORIDA), 'utf8')).replace('date:', 'draft: true\ndate:'))],
    ['corrected', async (root: string) => writeFile(path.join(root, FLORIDA), (await readFile(path.join(root, FLORIDA), 'utf8')).replace('produktivne', 'koristne'))],
  ])('leaves no trace of the old text in dist/ or beside it once %s', async (_case, takeDown) => {
    const root = await copyFixture('search');
    const outDir = path.join(await folder(), 'dist');
    // Two builds first, so that a spare tree exists, as on any site built more than once.
    await buildSite(root, { outDir });
    await writeFile(path.join(root, 'content/articles/2025/vreme.md'), `${await readFile(path.join(root, 'content/articles/2025/vreme.md'), 'utf8')}\nDodatek.\n`);
    await buildSite(root, { outDir });
    expect(await filesHolding(outDir, 'produktivne')).not.toEqual([]);

    await takeDown(root);
    await buildSite(root, { outDir });
    expect(await filesHolding(outDir, 'produktivne')).toEqual([]);
    expect(await filesHolding(path.join(path.dirname(outDir), '.dist-spare'), 'produktivne')).toEqual([]);

    // The next edit still publishes the site a fresh build makes.
    await writeFile(path.join(root, 'content/articles/2025/kremelj.md'), `${await readFile(path.join(root, 'content/articles/2025/kremelj.md'), 'utf8')}\nDodatek.\n`);
    await buildSite(root, { outDir });
    const fresh = await buildSite(root, { cache: false });
    const files = await listFiles(outDir);
    expect(files).toEqual(await fresh.files());
    for (const file of files) expect(await readFile(path.join(outDir, file), 'utf8'), file).toBe(await readFile(path.join(fresh.outDir, file), 'utf8'));
  });
});

/**
 * The files under `tree` whose bytes hold one of `words` (in any letter case): as UTF-8 (and Latin-1, which v8
 * keeps a string of no č, š or ž in) and as UTF-16 (which it keeps one with them in), at either byte alignment.
 */
async function filesHoldingBytes(tree: string, words: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of await listFiles(tree)) {
    // A file gone since it was listed (a running dev session's temporary file, renamed into place) holds nothing.
    const bytes = await readFile(path.join(tree, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    // No file of .cache/ is compressed: one that were would hide its text from this search.
    expect(bytes.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])), `${file} is gzipped`).toBe(false);
    const readings = [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].map((text) => text.toLowerCase());
    if (words.some((word) => readings.some((text) => text.includes(word.toLowerCase())))) found.push(file);
  }
  return found;
}

// Its file's name is taken down with it: a slug may itself be what was taken down (a person's name).
const STORY = 'content/articles/2025/kvarkoplet-v-dolini.md';
const NOW = new Date('2026-01-01T00:00:00Z');
// Made up, so that no other article, person or template holds them; »kvarkoplet« is in the title, the summary and
// the body, »zmrzlinovod« in one sentence of the body (with a č, so v8 keeps the text as UTF-16).
const STORY_TEXT = `---
title: "Kvarkoplet v Zlatorogovi dolini"
date: 2025-03-02
summary: "Ana Cankar o kvarkopletu v dolini."
tags: [preizkus]
---

Ana Cankar je predstavila kvarkoplet, ki ga gradijo v dolini.

Zmrzlinovod čez Savo bo po njenih besedah zgrajen do jeseni.
`;

describe('an article taken down (deleted, made a draft, held back) or corrected, in .cache/', () => {
  // A legal takedown: .cache/ (which CI keeps between runs) held the text of the article as it was, its front
  // matter, rendered HTML and search stems, until a compaction that might never come.
  it.each([
    ['deleted', ['kvarkoplet', 'zmrzlinovod', 'zlatorog'], (_text: string) => undefined],
    ['made a draft', ['kvarkoplet', 'zmrzlinovod', 'zlatorog'], (text: string) => text.replace('date:', 'draft: true\ndate:')],
    ['held back for a later date', ['kvarkoplet', 'zmrzlinovod', 'zlatorog'], (text: string) => text.replace('date: 2025-03-02', 'date: 2027-03-02')],
    // With a warning that names its file (article/skipped-time), which a build with nothing changed gives again.
    ['held back to an hour the clocks skip', ['kvarkoplet', 'zmrzlinovod', 'zlatorog'], (text: string) => text.replace('date: 2025-03-02', 'date: 2027-03-28T02:30')],
    ['corrected', ['zmrzlinovod'], (text: string) => text.replace('Zmrzlinovod čez Savo bo po njenih besedah zgrajen do jeseni.', 'Most čez Savo bo po njenih besedah zgrajen do jeseni.')],
  ])('leaves none of the text it no longer publishes in .cache/ once %s', async (_case, words, takeDown) => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await writeFile(path.join(root, STORY), STORY_TEXT);
    // Two builds first, so that a spare tree exists and the logs hold records of an earlier build.
    await buildSite(root, { outDir });
    await writeFile(path.join(root, 'content/articles/2025/drugi.md'), `${await readFile(path.join(root, 'content/articles/2025/drugi.md'), 'utf8')}\nDodatek.\n`);
    await buildSite(root, { outDir });
    const cacheDir = path.join(root, '.cache');
    expect(await filesHoldingBytes(cacheDir, words)).not.toEqual([]);

    const taken = takeDown(STORY_TEXT);
    if (taken === undefined) await rm(path.join(root, STORY));
    else await writeFile(path.join(root, STORY), taken);
    // As `arhivar build` does: its rendered bodies stay in .cache/, open, while the pages are written.
    const built = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(await filesHoldingBytes(cacheDir, words)).toEqual([]);
    expect(await filesHoldingBytes(outDir, words)).toEqual([]);
    // A build with nothing changed tells what it told, the files named, from what .cache/ kept.
    const again = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(again.unchanged).toBe(true);
    expect([again.heldBack, again.warnings.map(({ code, file, line, message }) => ({ code, file, line, message }))]).toEqual([
      built.heldBack,
      built.warnings.map(({ code, file, line, message }) => ({ code, file, line, message })),
    ]);

    // The builds after it still publish the site a fresh build makes, from what .cache/ kept.
    await writeFile(path.join(root, 'content/articles/2025/tretji.md'), `${await readFile(path.join(root, 'content/articles/2025/tretji.md'), 'utf8')}\nDodatek.\n`);
    await buildSite(root, { outDir });
    const fresh = await buildSite(root, { cache: false });
    const files = await listFiles(outDir);
    expect(files).toEqual(await fresh.files());
    for (const file of files) expect(await readFile(path.join(outDir, file), 'utf8'), file).toBe(await readFile(path.join(fresh.outDir, file), 'utf8'));
  });

  it('leaves the rendered text while a dev session reads the same log, builds nothing changed meanwhile, and the next build erases it', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await writeFile(path.join(root, STORY), STORY_TEXT);
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    // An editor's preview: drafts shown, rendered bodies read from .cache/ when a page asks for one.
    const session = createLoadCache();
    await writeFile(path.join(root, STORY), STORY_TEXT.replace('date:', 'draft: true\ndate:'));
    const preview = await loadSite({ root, now: NOW, reuse: session, includeDrafts: true });
    const draft = preview.archive.articles.find((article) => article.file === STORY)!;
    try {
      await buildUnlessUnchanged({ root, outDir, now: NOW });
      // The draft's body is the one the build published before, and the session reads it from the same record.
      expect(draft.html).toContain('Zmrzlinovod');
      expect(await filesHoldingBytes(path.join(root, '.cache'), ['zmrzlinovod'])).toEqual([expect.stringMatching(/^markdown-/)]);
      // With nothing changed, a build while the session still reads the log does no work: the erasure would be left again.
      expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(true);
      expect(await filesHoldingBytes(path.join(root, '.cache'), ['zmrzlinovod'])).toEqual([expect.stringMatching(/^markdown-/)]);
    } finally {
      session.bodies?.close();
    }
    const next = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(next.unchanged).toBe(false);
    expect(await filesHoldingBytes(path.join(root, '.cache'), ['kvarkoplet', 'zmrzlinovod', 'zlatorog'])).toEqual([]);
    expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(true);
  });

  // A draft a session showed and that was deleted before the next build: the content was then what the last build
  // read, so its record let the next build skip, and the draft's front matter and rendered text, which the session
  // had written into the logs, stayed in .cache/. Whether a build ran during the session (it published nothing new,
  // a draft, and left dist/ as it was) or none did (none left an erasure).
  it.each([
    ['a build ran during the session', true],
    ['no build ran while the session did', false],
  ] as const)('erases, once the session ends, a draft it showed and that was then deleted (%s)', async (_when, buildDuring) => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    const session = createLoadCache();
    const draft = 'content/articles/2025/osnutek.md';
    await writeFile(path.join(root, draft), STORY_TEXT.replace('date:', 'draft: true\ndate:'));
    try {
      await loadSite({ root, now: NOW, reuse: session, includeDrafts: true });
      if (buildDuring) await buildUnlessUnchanged({ root, outDir, now: NOW });
      // The session's rendered draft, in the shared log (and in the session's own spill file while it is open).
      expect(await filesHoldingBytes(path.join(root, '.cache'), ['zmrzlinovod'])).toContainEqual(expect.stringMatching(/^markdown-\w+\.log$/));
    } finally {
      session.bodies?.close();
    }
    await rm(path.join(root, draft));
    const next = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(next.unchanged).toBe(false);
    expect(await filesHoldingBytes(path.join(root, '.cache'), ['kvarkoplet', 'zmrzlinovod', 'zlatorog'])).toEqual([]);
    expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(true);
  });
});

describe('the temporary files of writes into .cache/ that a killed process left', () => {
  // Each file of .cache/ is written beside itself (`<file>.<pid>.<n>.tmp`) and renamed into place: a process killed
  // in between left the copy for good, with what the file held then (an article's text since taken down).
  it('are removed by the next build, with nothing changed, and those of a process still writing stay', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await writeFile(path.join(root, STORY), STORY_TEXT);
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    const cacheDir = path.join(root, '.cache');
    const written = (await readdir(cacheDir)).filter((name) => name.endsWith('.bin'));
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      // No process id is above Linux's largest, 2^22: that process is gone.
      const killed = written.map((name) => `${name}.4194305.1.tmp`);
      for (const [index, name] of written.entries()) await writeFile(path.join(cacheDir, killed[index]!), `${name}: Zmrzlinovod čez Savo`);
      // Made before the process that has its id now started: a killed process's, whose id was given again.
      const reused = `last-build.bin.${running.pid}.2.tmp`;
      await writeFile(path.join(cacheDir, reused), 'Zmrzlinovod čez Savo');
      const longAgo = new Date(Date.now() - 3_600_000);
      await utimes(path.join(cacheDir, reused), longAgo, longAgo);
      // Being written: by a process that runs, and by this one.
      const writing = [`last-build.bin.${running.pid}.1.tmp`, `last-build.bin.${process.pid}.99999.tmp`];
      for (const name of writing) await writeFile(path.join(cacheDir, name), '');
      expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(true);
      const left = (await readdir(cacheDir)).filter((name) => name.endsWith('.tmp'));
      expect(left.sort()).toEqual(writing.sort());
    } finally {
      running.kill();
    }
  });
});

describe('an article taken down while `arhivar dev` runs on the same folder', () => {
  // Each build while the session ran found the erasure left and did its work with nothing changed (0.63–0.78 s
  // against 0.19–0.24 s at 1,000 articles), until the session ended.
  it.each([
    ['stopped', 'SIGINT'],
    ['killed', 'SIGKILL'],
  ] as const)('builds nothing changed while it runs, and the first build after it is %s erases the text', async (_how, signal) => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await folder(), 'dist');
    await writeFile(path.join(root, STORY), STORY_TEXT);
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    const dev = startDevProcess(root);
    try {
      await waitFor(() => dev.output.stdout.includes('loaded'), 'the session to load the site');
      await writeFile(path.join(root, STORY), STORY_TEXT.replace('date:', 'draft: true\ndate:'));
      expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(false);
      expect(await filesHoldingBytes(path.join(root, '.cache'), ['zmrzlinovod'])).toContainEqual(expect.stringMatching(/^markdown-\w+\.log$/));
      expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(true);
    } finally {
      dev.kill(signal);
      await dev.exited;
    }
    // The session kept what it learned of content/'s files for the next start or build, but not the draft's name.
    expect(await filesHoldingBytes(path.join(root, '.cache'), [path.basename(STORY)])).not.toContain('content-files.bin');
    const after = await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(after.unchanged).toBe(false);
    expect(await filesHoldingBytes(path.join(root, '.cache'), ['kvarkoplet', 'zmrzlinovod', 'zlatorog'])).toEqual([]);
    expect((await buildUnlessUnchanged({ root, outDir, now: NOW })).unchanged).toBe(true);
  });

  it("keeps what it learned of content/'s files for the next start or build, but not the name of a draft it shows", async () => {
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(root, STORY), STORY_TEXT.replace('date:', 'draft: true\ndate:'));
    const dev = startDevProcess(root);
    try {
      await waitFor(() => dev.output.stdout.includes('loaded'), 'the session to load the site');
    } finally {
      dev.kill('SIGINT');
      await dev.exited;
    }
    const known = await readFile(path.join(root, '.cache', 'content-files.bin'));
    expect(known.includes(Buffer.from('content/articles/2025/drugi.md'))).toBe(true);
    expect(known.includes(Buffer.from(path.basename(STORY)))).toBe(false);
  });
});
