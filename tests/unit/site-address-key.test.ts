import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadSite, sameAddressKey, siteAddressKey, siteWrittenPaths } from '../../src/build.ts';
import { copyFixture, removeDir } from '../helpers.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await removeDir(folder);
});

/**
 * The dev server lists where a build writes again only when siteAddressKey changes (src/dev/vite-plugin.ts
 * publicConflictsOf): a change to the content that moves, adds or removes a page must change the key, and an
 * edit to a body must not, or every save would list every page again.
 */
it('siteAddressKey changes when the paths a build writes change, and not after an edit to a body', async () => {
  const root = await copyFixture('archive-basic');
  folders.push(root);
  const article = path.join(root, 'content', 'articles', '2025', 'prvi.md');
  const siteYaml = path.join(root, 'content', 'site.yaml');
  const person = path.join(root, 'content', 'people', 'darja-zagar.md');
  const original = { article: await readFile(article, 'utf8'), site: await readFile(siteYaml, 'utf8'), person: await readFile(person, 'utf8') };
  const now = new Date('2026-06-01T00:00:00Z');
  const load = async () => {
    const model = await loadSite({ root, now, cache: false });
    const result = { key: siteAddressKey(model), paths: [...siteWrittenPaths(model).files].sort() };
    model.close();
    return result;
  };
  const before = await load();
  const edits: { what: string; article?: string; site?: string; person?: string; moves: boolean }[] = [
    { what: 'a body edited', article: original.article.replace('sprejel proračun', 'sprejel nov proračun'), moves: false },
    { what: 'a title edited, and with it the address', article: original.article.replace('Prvi članek o občini', 'Prvi članek o mestni občini'), moves: true },
    { what: 'a tag added', article: original.article.replace('tags: [preizkus]', 'tags: [preizkus, proracun]'), moves: true },
    { what: 'an earlier address', article: original.article.replace('tags: [preizkus]', 'tags: [preizkus]\nredirectFrom: [/2024/12/22/stari-naslov/]'), moves: true },
    { what: 'a person named by no article before', article: original.article.replace('people: [Darja Žagar, Boris Čok, Cene Zupan]', 'people: [Darja Žagar, Boris Čok, Cene Zupan, Goran Car]'), moves: true },
    { what: 'the date moved to another month', article: original.article.replace('date: 2025-01-10', 'date: 2025-02-10'), moves: true },
    { what: 'a smaller page size', site: original.site.replace('pageSize: 3', 'pageSize: 1'), moves: true },
    { what: "a person's earlier address", person: original.person.replace('gender: f', 'gender: f\nredirectFrom: [darja-zagar-novak]'), moves: true },
  ];
  for (const edit of edits) {
    await writeFile(article, edit.article ?? original.article);
    await writeFile(siteYaml, edit.site ?? original.site);
    await writeFile(person, edit.person ?? original.person);
    const after = await load();
    // The key may change where the paths do not (a count that leaves the number of pages as it was), never the other way.
    expect(after.paths.join('\n') !== before.paths.join('\n'), edit.what).toBe(edit.moves);
    expect(!sameAddressKey(after.key, before.key), edit.what).toBe(edit.moves);
  }
});
