import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';

const check = (frontMatter: string) => validateArticle({ file: 'content/articles/a.md', text: `---\n${frontMatter}\n---\n\nBesedilo.\n`, mtimeMs: 0 });

describe('validateArticle: a value of the wrong kind', () => {
  it.each([
    ['title: null\ndate: 2025-12-22', 'title must be text, not empty', 2],
    ['title: [a, b]\ndate: 2025-12-22', 'title must be text, not a list', 2],
    ['title: 12\ndate: 2025-12-22', 'title must be text, not a number', 2],
    ['title: A\ndate: 2025-12-22\nauthor: {ime: Ana}', 'author must be text, not keys and values', 4],
  ])('%j', (frontMatter, message, line) => {
    const { article, errors } = check(frontMatter);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.message, error.line])).toEqual([[message, line]]);
    expect(errors[0]!.hint).toMatch(/^write it like /);
  });
});
