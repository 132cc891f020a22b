import type { ComponentChildren } from 'preact';
import type { Article, TagRef } from '../src/content/article.ts';
import type { Page } from '../src/site/archive.ts';
import type { Breadcrumb, SiteContext } from '../src/render/context.ts';
import { NBSP, formatDate, formatDateTime, formatMachineDate } from '../src/text/sl.ts';
import { urls } from '../src/site/urls.ts';
import { bylineAuthors } from '../src/render/byline.ts';
import { hasTableScroll } from '../src/markdown/table-scroll.ts';
import { hasRightToLeft } from '../src/text/direction.ts';

/**
 * The dot between the parts of a line (date · author · reading time). The space before it does not break: a
 * line never starts with a separator, as Slovenian typesetting keeps a dash or dot at the end of the line.
 */
export const SEPARATOR = '\u00a0· ';

/** The machine-readable date plus its Slovenian form ("22. decembra 2025"). */
export function DateLine({ article, withTime = false }: { article: Article; withTime?: boolean }) {
  return <time dateTime={formatMachineDate(article.date.instant, article.date.hasTime)}>{withTime ? formatDateTime(article.date.instant, article.date.hasTime) : formatDate(article.date.instant)}</time>;
}

/**
 * A name or tag as written, in a <bdi> when it holds right-to-left text: on a line that goes on with its count,
 * Unicode's bidirectional algorithm took the count's number into the name's run, and »محمود عباس 2 članka« showed
 * as »2 محمود عباس članka«. HTML's own example of <bdi> is user names with counts. A Latin or Cyrillic name cannot
 * move the number, and goes without, so /osebe/ does not carry 53 KB of <bdi> for it (the bench's 5,000 people).
 */
export function Isolated({ text }: { text: string }) {
  return hasRightToLeft(text) ? <bdi>{text}</bdi> : <>{text}</>;
}

/** `label` names the list for screen readers where no heading introduces it (a teaser); under a heading, leave it out. */
export function PeopleLinks({ ids, context, label }: { ids: readonly string[]; context: SiteContext; label?: string }) {
  const people = ids.map((id) => context.people.get(id)).filter((person) => person !== undefined);
  if (people.length === 0) return null;
  return (
    <ul class="people-links" aria-label={label}>
      {people.map((person) => (
        <li>
          <a href={urls.person(person.id)}>{person.name}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The byline exactly as the editor wrote it, with each name that is a registry person with a page linked to
 * that page (»Ana Novak in Bor Kos«: Ana Novak's page, so a reader can follow the journalist).
 */
export function Byline({ byline, context }: { byline: string; context: SiteContext }) {
  const parts: ComponentChildren[] = [];
  let from = 0;
  for (const author of bylineAuthors(byline, context.people)) {
    if (!author.person) continue;
    parts.push(byline.slice(from, author.start), <a href={urls.person(author.person.id)}>{byline.slice(author.start, author.end)}</a>);
    from = author.end;
  }
  parts.push(byline.slice(from));
  return <>{parts}</>;
}

/**
 * Teasers newest first; their titles are h2 under the page's h1, or h3 where the list sits under an h2 of its
 * own (a person page's "Članki"), h4 under an h3 (a journalist's page: »Omembe v člankih« › »Članki«), so a
 * screen reader's heading list keeps the articles inside that section.
 * `meta` adds to the date line what one kind of list says of each article (a person page: how often it names
 * the person). `leaveOut` is the person whose page the list is on: their name in every teaser's people was a link
 * to the page the reader is on, one tab stop and one »link« more per article for keyboard and screen-reader users.
 */
export function ArticleList({
  articles,
  context,
  meta,
  headingLevel = 2,
  leaveOut,
}: {
  articles: readonly Article[];
  context: SiteContext;
  meta?: (article: Article) => ComponentChildren;
  headingLevel?: 2 | 3 | 4;
  leaveOut?: string;
}) {
  const Title = headingLevel === 4 ? 'h4' : headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ol class="article-list">
      {articles.map((article) => (
        <li>
          <article class="teaser">
            <Title class="teaser-title">
              <a href={article.url}>{article.title}</a>
            </Title>
            <p class="teaser-meta">
              <DateLine article={article} />
              {meta ? (
                <>
                  {SEPARATOR}
                  {meta(article)}
                </>
              ) : null}
            </p>
            {article.summary ? <p class="teaser-summary">{article.summary}</p> : null}
            <PeopleLinks ids={leaveOut ? article.people.filter((id) => id !== leaveOut) : article.people} context={context} label="Osebe" />
          </article>
        </li>
      ))}
    </ol>
  );
}

/**
 * The h1 and title of a list's page: the list's name on its first page, »Ukrajina, stran 2« on a later one, so a
 * screen-reader user, who hears the h1 first, and a reader from a search result know which page they are on.
 * Every list (home, tag, month, person, a person's avtor/) names its pages so, in the same words, and a month
 * its last breadcrumb (»december, stran 2«). The number stays on the line of »stran«, as every count does (sl.ts
 * NBSP): a long h1 on a phone left the 2 alone on its last line.
 */
export function pageHeading(title: string, pageNumber: number): string {
  return pageNumber === 1 ? title : `${title}, stran${NBSP}${pageNumber}`;
}

/** Previous/next links for a paginated list; `urlFor` builds the URL of page n. Arrows are decoration, hidden from screen readers. */
export function Pagination<T>({ page, urlFor }: { page: Page<T>; urlFor: (n: number) => string }) {
  if (page.total <= 1) return null;
  return (
    <nav class="pagination" aria-label="Strani seznama">
      {page.number > 1 ? (
        <a rel="prev" href={urlFor(page.number - 1)}>
          <span aria-hidden="true">← </span>Novejši članki
        </a>
      ) : null}
      <span class="pagination-position">
        Stran {page.number} od {page.total}
      </span>
      {page.number < page.total ? (
        <a rel="next" href={urlFor(page.number + 1)}>
          Starejši članki<span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </nav>
  );
}

/** Domov › Arhiv › 2025 › december: the page's ancestors, each linked. */
export function Breadcrumbs({ trail }: { trail: readonly Breadcrumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Drobtinice">
      <ol>
        {trail.map((crumb) => (
          <li>
            <a href={crumb.url}>{crumb.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function TagLinks({ tags }: { tags: readonly TagRef[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tag-links">
      {tags.map((tag) => (
        <li>
          <a href={urls.tag(tag.slug)} rel="tag">
            {tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The script that leaves a table's box a tab stop only while its table is wider than it (src/client/tables.ts),
 * on a page whose body or bio has a table, or whose template writes such a box of its own (`box`, a person chart's
 * table); nothing on the others.
 */
export function TableScript({ html, context, box = false }: { html: string; context: SiteContext; box?: boolean }) {
  const script = context.assets.scripts.tables;
  return script && (box || hasTableScroll(html)) ? <script type="module" src={script}></script> : null;
}
