import type { Article } from '../src/content/article.ts';
import type { Page } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { Layout } from './layout.tsx';
import { ArticleList, pageHeading, Pagination } from './parts.tsx';

export function HomePage({ context, page }: { context: SiteContext; page: Page<Article> }) {
  const { site } = context;
  // The first page's h1 says what it shows; the later ones only which page of the articles they are.
  const heading = page.number === 1 ? 'Najnovejši članki' : pageHeading('Članki', page.number);
  return (
    <Layout
      context={context}
      meta={{
        title: page.number === 1 ? site.title : heading,
        description: site.description,
        url: urls.home(page.number),
        page,
        // /stran/2/ is not under / by its URL as /oznake/x/stran/2/ is under /oznake/, but it is Domov's list all the same.
        section: urls.home(),
        prev: page.number > 1 ? urls.home(page.number - 1) : undefined,
        next: page.number < page.total ? urls.home(page.number + 1) : undefined,
      }}
    >
      <h1>{heading}</h1>
      {page.items.length === 0 ? <p>V arhivu še ni člankov.</p> : <ArticleList articles={page.items} context={context} />}
      <Pagination page={page} urlFor={urls.home} />
    </Layout>
  );
}
