import { h, type FunctionComponent } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Archive } from '../site/archive.ts';
import { paginate } from '../site/archive.ts';
import { urls } from '../site/urls.ts';
import type { SiteContext } from './context.ts';
import { HomePage } from '../../templates/home.tsx';
import { ArticlePage } from '../../templates/article.tsx';
import { PeoplePage } from '../../templates/people.tsx';
import { PersonPage } from '../../templates/person.tsx';
import { NotFoundPage } from '../../templates/not-found.tsx';
import { SearchPage } from '../../templates/search.tsx';

/** One file of the built site. Rendering is deferred so pages can be streamed to disk one at a time. */
export interface PageSpec {
  /** Root-relative URL ("/osebe/steve-witkoff/"); the output path follows from it. */
  url: string;
  render: () => string;
}

export function renderHtml<P extends object>(component: FunctionComponent<P>, props: P): string {
  return `<!DOCTYPE html>\n${renderToString(h(component, props))}\n`;
}

export interface PageInputs {
  context: SiteContext;
  archive: Archive;
  /** Rendered bios by person id. */
  bios: ReadonlyMap<string, string>;
}

/** Every page of the site, in a stable order. */
export function* listPages({ context, archive, bios }: PageInputs): Generator<PageSpec> {
  const { pageSize } = context.site;
  for (const page of paginate(archive.articles, pageSize)) {
    yield { url: urls.home(page.number), render: () => renderHtml(HomePage, { context, page }) };
  }
  for (const article of archive.articles) {
    yield { url: article.url, render: () => renderHtml(ArticlePage, { context, article }) };
  }
  yield { url: urls.people(), render: () => renderHtml(PeoplePage, { context, entries: archive.people }) };
  for (const entry of archive.people) {
    const bioHtml = bios.get(entry.person.id) ?? '';
    for (const page of paginate(entry.articles, pageSize)) {
      yield { url: urls.person(entry.person.id, page.number), render: () => renderHtml(PersonPage, { context, entry, page, bioHtml }) };
    }
  }
  yield { url: urls.search(), render: () => renderHtml(SearchPage, { context }) };
  yield { url: urls.notFound(), render: () => renderHtml(NotFoundPage, { context }) };
}
