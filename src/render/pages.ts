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

/** One file of the built site. Rendering is deferred so pages can be streamed to disk one at a time. */
export interface PageSpec {
  /** Root-relative URL ("/osebe/steve-witkoff/"); the output path follows from it. */
  url: string;
  render: () => string;
  /**
   * Everything the page is rendered from (the template's props). When given, a rebuild whose props hash
   * the same as last time skips rendering the page (see render/fingerprint.ts). Leave it out for pages
   * that read anything besides their props.
   */
  inputs?: object;
}

/** A page rendered from a template and its props alone. */
export function templatePage<P extends object>(url: string, component: FunctionComponent<P>, props: P): PageSpec {
  return { url, render: () => renderHtml(component, props), inputs: props };
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
    yield templatePage(urls.home(page.number), HomePage, { context, page });
  }
  for (const article of archive.articles) {
    yield templatePage(article.url, ArticlePage, { context, article });
  }
  yield templatePage(urls.people(), PeoplePage, { context, entries: archive.people });
  for (const entry of archive.people) {
    const bioHtml = bios.get(entry.person.id) ?? '';
    for (const page of paginate(entry.articles, pageSize)) {
      yield templatePage(urls.person(entry.person.id, page.number), PersonPage, { context, entry, page, bioHtml });
    }
  }
  yield templatePage(urls.notFound(), NotFoundPage, { context });
}
