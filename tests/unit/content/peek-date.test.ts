import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';
import { peekDateAndDraft } from '../../../src/content/front-matter.ts';

const text = (frontMatter: string) => `---\n${frontMatter}\n---\n\nBesedilo.\n`;
const validated = (source: string) => validateArticle({ file: 'content/articles/a.md', text: source, mtimeMs: 0 }).article;

describe('peekDateAndDraft', () => {
  it.each([
    ['title: A\ndate: 2025-12-22', false],
    ['title: A\ndate: 2025-12-22T18:30\ndraft: true', true],
    ["date: '2025-12-22 18:30'\ntitle: A\ndraft: false", false],
    ['title: A\ntags:\n  - a\ndate: "2025-06-01T10:00:00+02:00"', false],
  ])('reads the date and draft flag of %j as validation does', (frontMatter, draft) => {
    const article = validated(text(frontMatter))!;
    expect(article.frontMatter.draft).toBe(draft);
    expect(peekDateAndDraft(text(frontMatter))).toEqual({ time: article.frontMatter.date.instant.getTime(), draft });
  });

  it.each([
    ['a comment after the date', 'title: A\ndate: 2025-12-22 # popravljeno'],
    ['two date lines', 'title: A\ndate: 2025-12-22\ndate: 2025-12-23'],
    ['a draft flag that is not true or false', 'title: A\ndate: 2025-12-22\ndraft: yes'],
    ['no date', 'title: A'],
    ['a date that is not one', 'title: A\ndate: včeraj'],
  ])('leaves %s to validation', (_, frontMatter) => {
    expect(peekDateAndDraft(text(frontMatter))).toBeUndefined();
  });

  it('leaves files without a plain front-matter block to validation', () => {
    expect(peekDateAndDraft('Besedilo brez glave.\n')).toBeUndefined();
    expect(peekDateAndDraft('---yaml\ntitle: A\ndate: 2025-12-22\n---\n')).toBeUndefined();
    expect(peekDateAndDraft('---\ntitle: A\ndate: 2025-12-22\n')).toBeUndefined();
  });

  it('never reads a date or draft flag other than the one validation accepts', () => {
    // Front matter put together from lines that are ordinary, odd and wrong in turn.
    const line = fc.constantFrom(
      'title: A',
      'title: "Naslov: z dvopičjem"',
      'date: 2025-12-22',
      'date: 2025-12-22T23:30',
      "date: '2026-03-29 02:30'",
      'date: 2025-12-22 # opomba',
      'date: [2025-12-22]',
      'date:',
      '  date: 2024-01-01',
      'draft: true',
      'draft: false',
      'draft: "true"',
      'draft: yes',
      'summary: |',
      '  date: 2020-01-01',
      'tags:',
      '  - a',
      '# date: 2019-01-01',
      '',
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const source = text(lines.join('\n'));
        const peeked = peekDateAndDraft(source);
        const article = validated(source);
        if (!peeked || !article) return;
        expect(peeked).toEqual({ time: article.frontMatter.date.instant.getTime(), draft: article.frontMatter.draft });
      }),
      { numRuns: 3000 },
    );
  });
});
