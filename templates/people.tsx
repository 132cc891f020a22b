import type { PersonEntry } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { countArticles, plural, PERSON_FORMS } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';

export function PeoplePage({ context, entries }: { context: SiteContext; entries: readonly PersonEntry[] }) {
  return (
    <Layout context={context} meta={{ title: 'Osebe', description: `${plural(entries.length, PERSON_FORMS)} v arhivu ${context.site.title}`, url: urls.people() }}>
      <h1>Osebe</h1>
      <p class="lead">{plural(entries.length, PERSON_FORMS)}, razvrščenih po priimku.</p>
      <ul class="people-index">
        {entries.map(({ person, articles }) => (
          <li>
            <a href={urls.person(person.id)}>{person.name}</a> <span class="count">{countArticles(articles.length)}</span>
            {person.role ? <span class="role"> – {person.role}</span> : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
