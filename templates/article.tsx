import type { Article } from '../src/content/article.ts';
import { articleModified, shownUpdate } from '../src/site/archive.ts';
import type { Breadcrumb, SiteContext } from '../src/render/context.ts';
import { articleSharedImage, newsArticleJsonLd } from '../src/render/structured-data.ts';
import { publicPathOf, withPictureSizes, type PictureSize } from '../src/site/pictures.ts';
import { basePathOf } from '../src/site/urls.ts';
import { formatDate, formatDateTime, formatIsoDateTime, formatMachineDate, ljubljanaCalendar } from '../src/text/sl.ts';
import { formatReadingTime } from '../src/text/reading-time.ts';
import { dateTrail } from './archive.tsx';
import { Layout } from './layout.tsx';
import { Byline, DateLine, PeopleLinks, SEPARATOR, TableScript, TagLinks } from './parts.tsx';

export interface ArticlePageProps {
  context: SiteContext;
  article: Article;
  /** The five most related articles, most related first. */
  related?: readonly Article[];
  /** The next article published after this one, and the one before it. */
  newer?: Article | undefined;
  older?: Article | undefined;
  /** The width and height of the body's pictures in public/, by their path there (site/pictures.ts pageSizes). */
  pictureSizes?: ReadonlyMap<string, PictureSize> | undefined;
}

/** Domov › Arhiv › 2025 › december */
export function articleBreadcrumbs(article: Article): Breadcrumb[] {
  const { year, month } = ljubljanaCalendar(article.date.instant);
  return dateTrail(year, month);
}

export function ArticlePage({ context, article, related = [], newer, older, pictureSizes }: ArticlePageProps) {
  const modified = formatIsoDateTime(articleModified(article));
  const updated = shownUpdate(article);
  // Read once: a body kept in .cache/ is decoded, or read from the disk, on every read (pipeline/markdown.ts).
  const basePath = basePathOf(context.site.baseUrl);
  const body = withPictureSizes(article.html, pictureSizes, article.url, basePath);
  const image = articleSharedImage(article, context);
  const imageFile = article.sharedImage && publicPathOf(article.sharedImage.url, article.url, basePath);
  const imageSize = imageFile === undefined ? undefined : pictureSizes?.get(imageFile);
  return (
    <Layout
      context={context}
      meta={{
        title: article.title,
        description: article.summary || article.title,
        url: article.url,
        kind: 'article',
        breadcrumbs: articleBreadcrumbs(article),
        jsonLd: [newsArticleJsonLd(article, context)],
        image: image && imageSize ? { ...image, ...imageSize } : image,
        article: { published: formatIsoDateTime(article.date.instant), modified, tags: article.tags.map((tag) => tag.name) },
      }}
    >
      <article class="article" lang="sl">
        <header class="article-header">
          <h1>{article.title}</h1>
          <p class="article-meta">
            <DateLine article={article} withTime />
            {updated ? (
              <>
                {`${SEPARATOR}posodobljeno `}
                <time dateTime={formatMachineDate(updated.instant, updated.hasTime)}>{formatDateTime(updated.instant, updated.hasTime)}</time>
              </>
            ) : null}
            {article.author ? (
              <span class="article-author">
                {SEPARATOR}
                <Byline byline={article.author} context={context} />
              </span>
            ) : null}
            {SEPARATOR}
            <span class="reading-time">{formatReadingTime(article.wordCount)}</span>
          </p>
          {article.people.length > 0 ? (
            <section class="article-people">
              <h2 class="label">Osebe v članku</h2>
              <PeopleLinks ids={article.people} context={context} />
            </section>
          ) : null}
        </header>
        <div class="article-body" dangerouslySetInnerHTML={{ __html: body }} />
        <TableScript html={body} context={context} />
        <footer class="article-footer">
          {article.source ? <p class="article-source">Vir: {article.source}</p> : null}
          {article.tags.length > 0 ? (
            <section class="article-tags">
              <h2 class="label">Oznake</h2>
              <TagLinks tags={article.tags} />
            </section>
          ) : null}
        </footer>
      </article>
      {related.length > 0 ? (
        <section class="related" aria-labelledby="sorodni-clanki">
          <h2 id="sorodni-clanki">Sorodni članki</h2>
          <ul class="related-list">
            {related.map((other) => (
              <li>
                <a href={other.url}>{other.title}</a>{' '}
                <time class="count" dateTime={formatMachineDate(other.date.instant, other.date.hasTime)}>
                  {formatDate(other.date.instant)}
                </time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {newer || older ? (
        // The dual names two links; the newest and the oldest article have one neighbour.
        <nav class="article-neighbours" aria-label={newer && older ? 'Sosednja članka' : 'Sosednji članek'}>
          {older ? (
            <a rel="prev" href={older.url}>
              <span class="label">Prejšnji članek</span> {older.title}
            </a>
          ) : (
            <span />
          )}
          {newer ? (
            <a rel="next" href={newer.url}>
              <span class="label">Naslednji članek</span> {newer.title}
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
