import type { Article } from '../src/content/article.ts';
import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { formatDateTime } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';
import { DateLine, PeopleLinks } from './parts.tsx';

export function ArticlePage({ context, article }: { context: SiteContext; article: Article }) {
  return (
    <Layout context={context} meta={{ title: article.title, description: article.summary, url: article.url, kind: 'article' }}>
      <article class="article" lang="sl">
        <header class="article-header">
          <h1>{article.title}</h1>
          <p class="article-meta">
            <DateLine article={article} withTime />
            {article.updated ? (
              <>
                {' · posodobljeno '}
                <time dateTime={article.updated.instant.toISOString()}>{formatDateTime(article.updated.instant, article.updated.hasTime)}</time>
              </>
            ) : null}
            {article.author ? <span class="article-author"> · {article.author}</span> : null}
          </p>
          {article.people.length > 0 ? (
            <section class="article-people" aria-label="Osebe v članku">
              <h2 class="label">Osebe v članku</h2>
              <PeopleLinks ids={article.people} context={context} />
            </section>
          ) : null}
        </header>
        <div class="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
        <footer class="article-footer">
          {article.source ? <p class="article-source">Vir: {article.source}</p> : null}
          {article.tags.length > 0 ? (
            <p class="article-tags">
              Oznake:{' '}
              {article.tags.map((tag, index) => (
                <>
                  {index > 0 ? ', ' : ''}
                  <span class="tag">{tag.name}</span>
                </>
              ))}
            </p>
          ) : null}
        </footer>
      </article>
      <p>
        <a href={urls.home()}>← Vsi članki</a>
      </p>
    </Layout>
  );
}
