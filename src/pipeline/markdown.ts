import type { ArticleSource } from '../content/article.ts';
import { renderMarkdown, type RenderedMarkdown } from '../markdown/render.ts';

/** Renders every article body, in the order given. */
export async function renderArticleBodies(articles: readonly ArticleSource[]): Promise<RenderedMarkdown[]> {
  return articles.map((article) => renderMarkdown(article.body));
}
