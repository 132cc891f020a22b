import type { TagEntry } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { countArticles, plural, TAG_FORMS } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';
import { Isolated } from './parts.tsx';

/** Every tag with its article count, in Slovenian alphabetical order (Č after C, Š after S, Ž after Z). */
export function TagsPage({ context, entries }: { context: SiteContext; entries: readonly TagEntry[] }) {
  return (
    <Layout
      context={context}
      meta={{ title: 'Oznake', description: `${context.site.title}: teme člankov (${plural(entries.length, TAG_FORMS)}).`, url: urls.tags(), breadcrumbs: [{ label: 'Domov', url: urls.home() }] }}
    >
      <h1>Oznake</h1>
      {entries.length === 0 ? (
        <p>Članki še nimajo oznak.</p>
      ) : (
        <ul class="count-index tags-index">
          {entries.map(({ tag, articles }) => (
            <li>
              <a href={urls.tag(tag.slug)}><Isolated text={tag.name} /></a> <span class="count">{countArticles(articles.length)}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
