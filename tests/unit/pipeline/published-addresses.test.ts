import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentDate } from '../../../src/content/dates.ts';
import { checkAddresses, lastPublishedAddresses, movedAddressWarnings, nextPublishedAddresses, readPublishedAddresses, recordPublishedAddresses, sameAddresses, writePublishedAddresses } from '../../../src/pipeline/published-addresses.ts';
import type { Draft } from '../../../src/pipeline/records.ts';
import { makeTempDir } from '../../helpers.ts';

/** A validated article as loadSite has it, with only what the check reads filled in. */
function draft(file: string, date: string, slug: string, extra: { redirectFrom?: string[]; slugLine?: boolean } = {}): Draft {
  const parsed = parseContentDate(date);
  if (!parsed.ok) throw new Error(date);
  const keyLines = new Map([
    ['title', 2],
    ['date', 3],
  ]);
  if (extra.slugLine) keyLines.set('slug', 4);
  return {
    file,
    title: slug,
    slug,
    bodyLine: 6,
    keyLines,
    frontMatter: { date: parsed.value, redirectFrom: extra.redirectFrom ?? [], slug: extra.slugLine ? slug : undefined } as unknown as Draft['frontMatter'],
  };
}

const A = 'content/articles/a.md';
const B = 'content/articles/b.md';

describe('nextPublishedAddresses', () => {
  it('adds an article’s new address after its earlier ones and drops a file no longer published', () => {
    const last = new Map([
      [A, ['/2025/01/10/staro/']],
      [B, ['/2025/01/11/b/']],
    ]);
    const next = nextPublishedAddresses(last, [{ file: A, url: '/2025/01/10/novo/' }]);
    expect([...next]).toEqual([[A, ['/2025/01/10/staro/', '/2025/01/10/novo/']]]);
    expect(sameAddresses(last, next)).toBe(false);
    expect(sameAddresses(next, nextPublishedAddresses(next, [{ file: A, url: '/2025/01/10/staro/' }]))).toBe(true);
  });

  it('is kept per output folder, and another folder’s record is not read for it', async () => {
    const root = await makeTempDir();
    await writePublishedAddresses(root, '/site/dist', new Map([[A, ['/2025/01/10/a/']]]));
    expect([...(await readPublishedAddresses(root, '/site/dist'))!]).toEqual([[A, ['/2025/01/10/a/']]]);
    expect(await readPublishedAddresses(root, '/site/staging')).toBeUndefined();
  });
});

describe('movedAddressWarnings', () => {
  const last = new Map([[A, ['/2025/01/10/staro/']]]);

  it('says nothing when slug: takes a title back to the address earlier versions made, after an upgrade build published it at today’s', () => {
    // article/slug-changed told the editor to add this slug: line; the address given up is only the upgrade's.
    const upgraded = new Map([[A, ['/2025/12/20/intervju-putin-o-ukrajini/']]]);
    const kept = { ...draft(A, '2025-12-20', 'intervju-o-ukrajini', { slugLine: true }), title: 'Intervju: Путин o Ukrajini' };
    expect(movedAddressWarnings(upgraded, [kept], [kept])).toEqual([]);
    // Another slug: is the editor's own choice, and the address it gives up is told as before.
    const other = { ...draft(A, '2025-12-20', 'intervju', { slugLine: true }), title: 'Intervju: Путин o Ukrajini' };
    expect(movedAddressWarnings(upgraded, [other], [other]).map((warning) => warning.code)).toEqual(['article/address-changed']);
  });

  it('says nothing without a record, or when the old address is redirected from or taken', () => {
    const moved = draft(A, '2025-01-10', 'novo');
    expect(movedAddressWarnings(undefined, [moved], [moved])).toEqual([]);
    const redirected = draft(A, '2025-01-10', 'novo', { redirectFrom: ['/2025/01/10/staro/'] });
    expect(movedAddressWarnings(last, [redirected], [redirected])).toEqual([]);
    // Held back for its date: published only later, yet its address is no place for a redirect (article/redirect-taken).
    const waiting = draft(B, '2025-01-10', 'staro');
    expect(movedAddressWarnings(last, [moved], [moved, waiting])).toEqual([]);
  });

  it('points at the slug: line of an article that has one, and offers to change it back', () => {
    const [warning] = movedAddressWarnings(last, [draft(A, '2025-01-10', 'novo', { slugLine: true })], [draft(A, '2025-01-10', 'novo', { slugLine: true })]);
    expect(warning).toMatchObject({ code: 'article/address-changed', file: A, line: 4 });
    expect(warning!.hint).toBe(
      'add redirectFrom: [/2025/01/10/staro/], which sends readers and search engines from the old address on to the new one, or change the slug: line to slug: staro to keep the article at the old address',
    );
  });
});

describe('checkAddresses and recordPublishedAddresses', () => {
  const published = [draft(A, '2025-01-10', 'novo'), draft(B, '2025-01-11', 'b')];
  const articles = [
    { file: A, url: '/2025/01/10/novo/' },
    { file: B, url: '/2025/01/11/b/' },
  ];

  it('reads the record only when the articles or their redirects changed since a check that found nothing lost', async () => {
    const root = await makeTempDir();
    const target = path.join(root, 'dist');
    const first = await checkAddresses(await lastPublishedAddresses(root, target), published, published);
    expect(first).toMatchObject({ warnings: [], unchanged: false });
    await recordPublishedAddresses(root, target, first, articles);

    let reads = 0;
    const counted = async () => {
      const last = await lastPublishedAddresses(root, target);
      return { ...last, read: () => (reads++, last.read()) };
    };
    // The same articles at the same addresses: nothing read, nothing to write.
    expect(await checkAddresses(await counted(), published, published)).toMatchObject({ warnings: [], unchanged: true });
    expect(reads).toBe(0);
    // A redirect removed from an article could leave an address lost: read and checked again.
    const redirecting = [draft(A, '2025-01-10', 'novo', { redirectFrom: ['/2024/05/05/x/'] }), published[1]!];
    expect(await checkAddresses(await counted(), redirecting, redirecting)).toMatchObject({ warnings: [], unchanged: false });
    expect(reads).toBe(1);
  });

  it('keeps checking, and warning, after a check that found an address lost, until it is dealt with', async () => {
    const root = await makeTempDir();
    const target = path.join(root, 'dist');
    const before = [draft(A, '2025-01-10', 'staro'), published[1]!];
    await recordPublishedAddresses(root, target, await checkAddresses(await lastPublishedAddresses(root, target), before, before), [
      { file: A, url: '/2025/01/10/staro/' },
      articles[1]!,
    ]);
    for (let build = 0; build < 2; build++) {
      const check = await checkAddresses(await lastPublishedAddresses(root, target), published, published);
      expect(check.warnings.map((warning) => warning.code)).toEqual(['article/address-changed']);
      await recordPublishedAddresses(root, target, check, articles);
    }
    const redirected = [draft(A, '2025-01-10', 'novo', { redirectFrom: ['/2025/01/10/staro/'] }), published[1]!];
    const fixed = await checkAddresses(await lastPublishedAddresses(root, target), redirected, redirected);
    expect(fixed.warnings).toEqual([]);
    await recordPublishedAddresses(root, target, fixed, articles);
    expect((await checkAddresses(await lastPublishedAddresses(root, target), redirected, redirected)).unchanged).toBe(true);
  });
});

describe('the record deleted on its own', () => {
  it('is made again by the next build, so an address that build published is warned about when it is lost', async () => {
    const { readdir, rm } = await import('node:fs/promises');
    const root = await makeTempDir();
    const target = path.join(root, 'dist');
    const before = [draft(A, '2025-01-10', 'staro'), draft(B, '2025-01-11', 'b')];
    const published = [
      { file: A, url: '/2025/01/10/staro/' },
      { file: B, url: '/2025/01/11/b/' },
    ];
    await recordPublishedAddresses(root, target, await checkAddresses(await lastPublishedAddresses(root, target), before, before), published);
    // The README's way to let every address go: delete the addresses-*.bin record of the output folder.
    const records = (await readdir(path.join(root, '.cache'))).filter((name) => /^addresses-[0-9a-f]+\.bin$/.test(name));
    expect(records).toHaveLength(1);
    await rm(path.join(root, '.cache', records[0]!));

    // A build with the same articles publishes them at the same addresses, and records them again.
    const again = await checkAddresses(await lastPublishedAddresses(root, target), before, before);
    expect(again.warnings).toEqual([]);
    await recordPublishedAddresses(root, target, again, published);
    expect(await readPublishedAddresses(root, target)).toEqual(new Map([[A, ['/2025/01/10/staro/']], [B, ['/2025/01/11/b/']]]));

    // Then the title changes: the address that build published is lost.
    const retitled = [draft(A, '2025-01-10', 'novo'), before[1]!];
    const check = await checkAddresses(await lastPublishedAddresses(root, target), retitled, retitled);
    expect(check.warnings.map((warning) => warning.code)).toEqual(['article/address-changed']);
  });
});
