import { describe, expect, it } from 'vitest';
import { parseContentDate } from '../../../src/content/dates.ts';
import { movedAddressWarnings, nextPublishedAddresses, readPublishedAddresses, sameAddresses, writePublishedAddresses } from '../../../src/pipeline/published-addresses.ts';
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
