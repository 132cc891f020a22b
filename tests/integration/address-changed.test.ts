import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import type { ArhivarError } from '../../src/errors.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { outputPathFor } from '../../src/site/urls.ts';
import { copyFixture, makeTempDir } from '../helpers.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const PRVI = 'content/articles/2025/prvi.md';
const DRUGI = 'content/articles/2025/drugi.md';
const TYPO = '/2025/01/10/obcinski-svet-o-proarcunu/';
const FIXED = '/2025/01/10/obcinski-svet-o-proracunu/';

async function site(fixture = 'archive-basic') {
  const root = await copyFixture(fixture);
  const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
  return {
    root,
    outDir,
    run: () => buildUnlessUnchanged({ root, outDir, now: NOW }),
    edit: async (file: string, change: (text: string) => string) => {
      const full = path.join(root, file);
      await writeFile(full, change(await readFile(full, 'utf8')));
    },
    page: (address: string) => readFile(path.join(outDir, outputPathFor(address)), 'utf8'),
  };
}

const moved = (warnings: readonly ArhivarError[]) => warnings.filter((warning) => warning.code === 'article/address-changed');

/** The line the hint asks to add, as the editor would copy it. */
function hintedLine(warning: ArhivarError, key: 'redirectFrom' | 'slug'): string {
  const match = key === 'redirectFrom' ? /redirectFrom: \[[^\]]*\]/.exec(warning.hint ?? '') : /slug: [a-z0-9-]+/.exec(warning.hint ?? '');
  if (!match) throw new Error(`no ${key}: line in the hint: ${warning.hint}`);
  return match[0];
}

/** archive-basic with prvi.md published under a headline with a typo in it. */
async function publishedWithTypo(fixture?: string) {
  const s = await site(fixture);
  await s.edit(PRVI, (text) => text.replace('title: "Prvi članek o občini"', 'title: "Občinski svet o proarčunu"'));
  expect(moved((await s.run()).warnings)).toEqual([]);
  await s.page(TYPO);
  return s;
}

const fixTypo = (text: string) => text.replace('proarčunu', 'proračunu');

describe('a published article whose address changes (article/address-changed)', () => {
  it('is warned about at its title line with both addresses and the line to add, which makes the warning go and the old address redirect', async () => {
    const s = await publishedWithTypo();
    await s.edit(PRVI, fixTypo);
    const built = await s.run();
    const [warning, ...others] = moved(built.warnings);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ file: PRVI, line: 2 });
    expect(warning!.message).toContain(`published at ${TYPO} and is now at ${FIXED}`);
    expect(warning!.hint).toContain(`add redirectFrom: [${TYPO}]`);
    expect(warning!.hint).toContain('slug: obcinski-svet-o-proarcunu');
    // Published all the same: a warning, not an error.
    expect(await s.page(FIXED)).toContain('Občinski svet o proračunu');

    await s.edit(PRVI, (text) => text.replace(/^date: .*$/m, (line) => `${line}\n${hintedLine(warning!, 'redirectFrom')}`));
    const redirected = await s.run();
    expect(redirected.unchanged).toBe(false);
    expect(moved(redirected.warnings)).toEqual([]);
    expect(await s.page(TYPO)).toContain('<meta http-equiv="refresh" content="0; url=/2025/01/10/obcinski-svet-o-proracunu/"/>');
    // And it stays gone.
    expect(moved((await s.run()).warnings)).toEqual([]);
  });

  it('is given again by a build with nothing changed, and by later builds until the address is taken care of', async () => {
    const s = await publishedWithTypo();
    await s.edit(PRVI, fixTypo);
    const first = moved((await s.run()).warnings);
    expect(first).toHaveLength(1);
    const again = await s.run();
    expect(again.unchanged).toBe(true);
    expect(moved(again.warnings).map((warning) => [warning.file, warning.line, warning.message, warning.hint])).toEqual(
      first.map((warning) => [warning.file, warning.line, warning.message, warning.hint]),
    );
    // Another article edited: this build published nothing at the old address either.
    await s.edit(DRUGI, (text) => `${text}\nDodan odstavek.\n`);
    const later = await s.run();
    expect(later.unchanged).toBe(false);
    expect(moved(later.warnings).map((warning) => [warning.file, warning.message])).toEqual(first.map((warning) => [PRVI, warning.message]));
  });

  it('goes with slug: as the hint gives it before a build, which keeps the article at its old address', async () => {
    const s = await publishedWithTypo();
    await s.edit(PRVI, fixTypo);
    const printed: string[] = [];
    expect(await main(['check', '--root', s.root, '--out', s.outDir], { out: () => {}, err: (line) => printed.push(line) })).toBe(0);
    const slug = /slug: [a-z0-9-]+/.exec(printed.join(''))?.[0];
    expect(slug).toBe('slug: obcinski-svet-o-proarcunu');
    await s.edit(PRVI, (text) => text.replace(/^date: .*$/m, (line) => `${line}\n${slug}`));
    expect(moved((await s.run()).warnings)).toEqual([]);
    expect(await s.page(TYPO)).toContain('Občinski svet o proračunu');
  });

  it('after a build published the new address, asks for that one in redirectFrom: when slug: takes the article back', async () => {
    const s = await publishedWithTypo();
    await s.edit(PRVI, fixTypo);
    const [warning] = moved((await s.run()).warnings);
    await s.edit(PRVI, (text) => text.replace(/^date: .*$/m, (line) => `${line}\n${hintedLine(warning!, 'slug')}`));
    const [back, ...others] = moved((await s.run()).warnings);
    expect(others).toEqual([]);
    expect(back).toMatchObject({ file: PRVI, line: 4 });
    expect(back!.hint).toContain(`add redirectFrom: [${FIXED}]`);
    await s.edit(PRVI, (text) => text.replace(/^date: .*$/m, (line) => `${line}\n${hintedLine(back!, 'redirectFrom')}`));
    expect(moved((await s.run()).warnings)).toEqual([]);
    expect(await s.page(TYPO)).toContain('Občinski svet o proračunu');
    expect(await s.page(FIXED)).toContain('url=/2025/01/10/obcinski-svet-o-proarcunu/');
  });

  it('merges the hint with the redirectFrom entries the article has, and names every address it was published at', async () => {
    const s = await publishedWithTypo();
    await s.edit(PRVI, (text) => text.replace(/^date: .*$/m, (line) => `${line}\nredirectFrom: [/2024/12/31/stari-naslov/]`));
    expect(moved((await s.run()).warnings)).toEqual([]);
    await s.edit(PRVI, fixTypo);
    expect(moved((await s.run()).warnings)).toHaveLength(1);
    // Corrected once more before the redirect was added: both earlier addresses were published.
    await s.edit(PRVI, (text) => text.replace('o proračunu', 'o proračunu za leto 2025'));
    const [warning, ...others] = moved((await s.run()).warnings);
    expect(others).toEqual([]);
    expect(warning!.hint).toContain(`change redirectFrom to redirectFrom: [/2024/12/31/stari-naslov/, ${TYPO}, ${FIXED}]`);
    expect(warning!.hint).not.toContain('slug:');
    await s.edit(PRVI, (text) => text.replace(/^redirectFrom: .*$/m, hintedLine(warning!, 'redirectFrom')));
    expect(moved((await s.run()).warnings)).toEqual([]);
  });

  it('is told at the date line when the date changed, with no slug: to offer', async () => {
    const s = await publishedWithTypo();
    await s.edit(PRVI, (text) => text.replace('date: 2025-01-10', 'date: 2025-01-11'));
    const [warning] = moved((await s.run()).warnings);
    expect(warning).toMatchObject({ file: PRVI, line: 3 });
    expect(warning!.message).toContain(`is now at /2025/01/11/obcinski-svet-o-proarcunu/`);
    expect(warning!.hint).toContain(`add redirectFrom: [${TYPO}]`);
    expect(warning!.hint).not.toContain('slug:');
  });

  it('says nothing when the article was made a draft or deleted, or another article stands at the old address', async () => {
    const drafted = await publishedWithTypo();
    await drafted.edit(PRVI, (text) => text.replace(/^date: .*$/m, (line) => `${line}\ndraft: true`));
    expect(moved((await drafted.run()).warnings)).toEqual([]);
    // Published again later under another title: the draft's addresses were forgotten.
    await drafted.edit(PRVI, (text) => fixTypo(text).replace('draft: true\n', ''));
    expect(moved((await drafted.run()).warnings)).toEqual([]);

    const deleted = await publishedWithTypo();
    await rm(path.join(deleted.root, PRVI));
    expect(moved((await deleted.run()).warnings)).toEqual([]);

    const replaced = await publishedWithTypo();
    await replaced.edit(PRVI, fixTypo);
    await replaced.edit(DRUGI, (text) => text.replace('title: "Drugi članek"', 'title: "Občinski svet o proarčunu"').replace(/^date: .*$/m, 'date: 2025-01-10'));
    // drugi.md is told about its own old address, and prvi.md about nothing.
    expect(moved((await replaced.run()).warnings).map((warning) => warning.file)).toEqual([DRUGI]);
  });

  it('gives the redirectFrom: address without the base path of a site published under one', async () => {
    const s = await site('base-path');
    const file = 'content/articles/2025/witkoff-berlin.md';
    await s.run();
    await s.edit(file, (text) => text.replace('title: Witkoff v Berlinu', 'title: Witkoff v Berlinu z evropskimi svetovalci'));
    const [warning] = moved((await s.run()).warnings);
    expect(warning!.hint).toContain('add redirectFrom: [/2025/11/03/witkoff-v-berlinu/]');
    await s.edit(file, (text) => text.replace(/^date: .*$/m, (line) => `${line}\n${hintedLine(warning!, 'redirectFrom')}`));
    expect(moved((await s.run()).warnings)).toEqual([]);
    // dist/ holds the site as at the root of its host (see README, Publishing under a path).
    expect(await s.page('/2025/11/03/witkoff-v-berlinu/')).toContain('url=/arhiv/2025/11/03/witkoff-v-berlinu-z-evropskimi-svetovalci/');
  });

  it('is reported by npm run check before the build, and by the build of the CLI', async () => {
    const root = await copyFixture('archive-basic');
    const quiet = { out: () => {}, err: () => {} };
    const file = path.join(root, PRVI);
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: "Prvi članek o občini"', 'title: "Občinski svet o proarčunu"'));
    expect(await main(['build', '--root', root], quiet)).toBe(0);
    await writeFile(file, fixTypo(await readFile(file, 'utf8')));
    for (const command of ['check', 'build']) {
      const printed: string[] = [];
      expect(await main([command, '--root', root], { out: () => {}, err: (line) => printed.push(line) })).toBe(0);
      const text = printed.join('');
      expect(text).toContain(`${PRVI}:2  article/address-changed`);
      expect(text).toContain(`add redirectFrom: [${TYPO}]`);
    }
  });
});
