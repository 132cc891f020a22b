import type { Article } from '../src/content/article.ts';
import type { Page, PersonEntry } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { countArticles } from '../src/text/sl.ts';
import { personJsonLd } from '../src/render/structured-data.ts';
import { Layout } from './layout.tsx';
import { ArticleList, Pagination } from './parts.tsx';

export interface PersonPageProps {
  context: SiteContext;
  entry: PersonEntry;
  page: Page<Article>;
  /** The person's bio rendered from Markdown. */
  bioHtml: string;
}

export function PersonPage({ context, entry, page, bioHtml }: PersonPageProps) {
  const { person, articles } = entry;
  const description = person.role ? `${person.name}, ${person.role}: ${countArticles(articles.length)} v arhivu` : `${person.name}: ${countArticles(articles.length)} v arhivu`;
  return (
    <Layout
      context={context}
      meta={{
        title: page.number === 1 ? person.name : `${person.name}, stran ${page.number}`,
        description,
        url: urls.person(person.id, page.number),
        kind: 'profile',
        feeds: [{ title: `${person.name} – ${context.site.title}`, url: urls.personFeed(person.id) }],
        jsonLd: [personJsonLd(person, context)],
        breadcrumbs: [
          { label: 'Domov', url: urls.home() },
          { label: 'Osebe', url: urls.people() },
        ],
        prev: page.number > 1 ? urls.person(person.id, page.number - 1) : undefined,
        next: page.number < page.total ? urls.person(person.id, page.number + 1) : undefined,
      }}
    >
      <header class="person-header">
        <h1>{person.name}</h1>
        {person.role ? <p class="role">{person.role}</p> : null}
        <p class="count">{countArticles(articles.length)}</p>
      </header>
      {bioHtml && page.number === 1 ? <div class="bio" dangerouslySetInnerHTML={{ __html: bioHtml }} /> : null}
      <h2>Članki</h2>
      <ArticleList articles={page.items} context={context} />
      <Pagination page={page} urlFor={(n) => urls.person(person.id, n)} />
      <p>
        <a href={urls.people()}>← Vse osebe</a>
      </p>
    </Layout>
  );
}
