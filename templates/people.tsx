import type { PersonEntry } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { groupPeopleByLetter } from '../src/site/people-letters.ts';
import { urls } from '../src/site/urls.ts';
import { AUTHORED_FORMS, countArticles, plural, pluralForm, PERSON_FORMS, type PluralForms } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';
import { Isolated } from './parts.tsx';

/** The participle agrees with the number of people: 1 oseba, razvrščena; 2 osebi, razvrščeni; 3 osebe, razvrščene; 5 oseb, razvrščenih. */
const SORTED_FORMS: PluralForms = { one: 'razvrščena', two: 'razvrščeni', few: 'razvrščene', other: 'razvrščenih' };

export function PeoplePage({ context, entries }: { context: SiteContext; entries: readonly PersonEntry[] }) {
  // A new site, or one whose articles name no registry person yet, says so, as /arhiv/ and /oznake/ do, rather
  // than »0 oseb, razvrščenih po priimku« over an empty list.
  const lead = entries.length === 0 ? 'V arhivu še ni oseb.' : `${plural(entries.length, PERSON_FORMS)}, ${pluralForm(entries.length, SORTED_FORMS)} po priimku.`;
  const description = `${context.site.title}: ${lead.charAt(0).toLowerCase()}${lead.slice(1)}`;
  return (
    <Layout context={context} meta={{ title: 'Osebe', description, url: urls.people(), breadcrumbs: [{ label: 'Domov', url: urls.home() }] }}>
      <h1>Osebe</h1>
      {entries.length === 0 ? (
        <p>{lead}</p>
      ) : (
        <>
          <p class="lead">{lead}</p>
          <PeopleIndex entries={entries} />
        </>
      )}
    </Layout>
  );
}

function PeopleIndex({ entries }: { entries: readonly PersonEntry[] }) {
  const groups = groupPeopleByLetter(entries);
  return (
    <>
      {/* A printed index's row of letters: only those with people, so every link leads to a heading. One group needs no row. */}
      {groups.length > 1 ? (
        <nav class="letter-nav" aria-label="Osebe po abecedi">
          <ul>
            {groups.map((group) => (
              <li>
                <a href={`#${group.id}`}>{group.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {groups.map((group) => (
        <section class="people-letter">
          <h2 id={group.id}>{group.label}</h2>
          <ul class="people-index">
            {group.entries.map(({ person, articles, authored }) => (
              <li>
                {/* The count is of the articles naming the person; someone only bylines name is counted by what they wrote. */}
                <a href={urls.person(person.id)}><Isolated text={person.name} /></a> <span class="count">{articles.length > 0 ? countArticles(articles.length) : plural(authored.length, AUTHORED_FORMS)}</span>
                {/* The dash stays at the end of a line, never at the start of the next. */}
                {person.role ? <span class="role">{`\u00a0– ${person.role}`}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
