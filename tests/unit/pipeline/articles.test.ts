import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';
import { validateArticles } from '../../../src/pipeline/articles.ts';
import { makeTempDir } from '../../helpers.ts';

const good = { file: 'content/articles/a.md', text: '---\ntitle: "Župan o mostu"\ndate: 2025-03-01T10:15\ntags: [Občine]\npeople: [Ana Cankar]\n---\n\nBesedilo članka.\n', mtimeMs: 0 };
const bad = { file: 'content/articles/b.md', text: '---\ntitle: Slab\ndate: 2025-02-30\n---\n\nBesedilo.\n', mtimeMs: 0 };

describe('validateArticles', () => {
  it('gives from .cache/ exactly what validateArticle gives, and reports errors again on every run', async () => {
    const root = await makeTempDir();
    const first = await validateArticles([good, bad], { root });
    const second = await validateArticles([good, bad], { root });
    const direct = [validateArticle(good), validateArticle(bad)];
    expect(first).toEqual(direct);
    expect(second).toEqual(direct);
    expect(second[0]!.article!.body).toContain('Besedilo članka.');
    expect(second[0]!.article!.frontMatter.date.instant).toBeInstanceOf(Date);
    expect(second[1]!.errors.map((error) => error.code)).toEqual(['article/bad-date']);

    // The same path with other text is validated again.
    const edited = { ...good, text: good.text.replace('Župan o mostu', 'Županja o mostu') };
    expect((await validateArticles([edited], { root }))[0]!.article!.title).toBe('Županja o mostu');
  });
});
