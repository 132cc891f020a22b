import type { Article } from '../src/content/article.ts';
import type { Page, TagEntry } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { countArticles } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';
import { ArticleList, pageHeading, Pagination, SEPARATOR } from './parts.tsx';

export function TagPage({ context, entry, page }: { context: SiteContext; entry: TagEntry; page: Page<Article> }) {
  const { tag, articles } = entry;
  const urlFor = (n: number) => urls.tag(tag.slug, n);
  const heading = pageHeading(tag.name, page.number);
  return (
    <Layout
      context={context}
      meta={{
        title: heading,
        description: `Članki z oznako ${tag.name}: ${countArticles(articles.length)}.`,
        url: urlFor(page.number),
        page,
        feeds: [{ title: `${tag.name} – ${context.site.title}`, url: urls.tagFeed(tag.slug) }],
        breadcrumbs: [
          { label: 'Domov', url: urls.home() },
          { label: 'Oznake', url: urls.tags() },
        ],
        prev: page.number > 1 ? urlFor(page.number - 1) : undefined,
        next: page.number < page.total ? urlFor(page.number + 1) : undefined,
      }}
    >
      <h1>{heading}</h1>
      <p class="lead">
        {countArticles(articles.length)}
        {/* One piece with its dot, so print can leave it out: on paper »· vir Atom« reads as the articles' source. */}
        <span class="screen-only">
          {SEPARATOR}
          <a href={urls.tagFeed(tag.slug)}>vir Atom</a>
        </span>
      </p>
      <ArticleList articles={page.items} context={context} />
      <Pagination page={page} urlFor={urlFor} />
    </Layout>
  );
}
