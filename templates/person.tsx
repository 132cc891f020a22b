import type { Article } from '../src/content/article.ts';
import type { Person } from '../src/content/person.ts';
import type { Page, PersonEntry } from '../src/site/archive.ts';
import type { SiteContext } from '../src/render/context.ts';
import { chartGeometry, mentionsCounted, personStats, type PersonStats, type Timeline, type TimelineBar } from '../src/site/person-stats.ts';
import { basePathOf, urls } from '../src/site/urls.ts';
import { withPictureSizes, type PictureSize } from '../src/site/pictures.ts';
import { AUTHORED_FORMS, MENTION_FORMS, MONTHS_GENITIVE, NBSP, countArticles, formatDate, formatNumber, monthName, plural } from '../src/text/sl.ts';
import { personJsonLd } from '../src/render/structured-data.ts';
import { TABLE_SCROLL } from '../src/markdown/table-scroll.ts';
import { Layout } from './layout.tsx';
import { ArticleList, DateLine, Isolated, pageHeading, Pagination, TableScript } from './parts.tsx';

export interface PersonPageProps {
  context: SiteContext;
  entry: PersonEntry;
  page: Page<Article>;
  /** The person's bio rendered from Markdown. */
  bioHtml: string;
  /** The width and height of the bio's pictures in public/, by their path there (site/pictures.ts pageSizes). */
  pictureSizes?: ReadonlyMap<string, PictureSize> | undefined;
}

/** How many of the articles a person wrote their page shows above the mentions; the rest are a link away. */
export const AUTHORED_PREVIEW = 5;

/**
 * »Članki, ki jih je napisala« for a woman, »napisal« for a man (the participle agrees with the person's gender,
 * as the person file gives it); »Avtorski članki« when the file does not say.
 */
function authoredHeading(person: Person): string {
  if (person.gender === 'f') return 'Članki, ki jih je napisala';
  if (person.gender === 'm') return 'Članki, ki jih je napisal';
  return 'Avtorski članki';
}

/**
 * The heading of the articles naming the person, on a page that also lists what they wrote: »Omembe v člankih« when
 * the texts were searched for them (mentionsCounted). Otherwise the articles are only those whose people: lists name
 * them, so »Članki o njej«, »o njem« (the person file's gender), »Članki o osebi« when the file does not say.
 */
function mentionedHeading(person: Person, counted: boolean): string {
  if (counted) return 'Omembe v člankih';
  if (person.gender === 'f') return 'Članki o njej';
  if (person.gender === 'm') return 'Članki o njem';
  return 'Članki o osebi';
}

/**
 * The link to /osebe/<id>/avtor/, named as that page's heading names the list: »Vsi članki, ki jih je napisala Ana
 * Novak«, »… napisal …« for a man, »Vsi avtorski članki« when the file does not say. The name is Isolated: the count
 * in brackets follows it, and »napisal محمود عباس (3)« showed as »napisal (3) محمود عباس«.
 */
function AuthoredLinkText({ person }: { person: Person }) {
  return person.gender ? (
    <>
      Vsi {authoredHeading(person).toLowerCase()} <Isolated text={person.name} />
    </>
  ) : (
    <>Vsi avtorski članki</>
  );
}

/** The page's one-sentence description: what the archive holds about the person and by them. */
export function personDescription(person: Person, mentioned: number, authored: number): string {
  const counts = [mentioned > 0 || authored === 0 ? `${countArticles(mentioned)} v arhivu` : undefined, authored > 0 ? plural(authored, AUTHORED_FORMS) : undefined].filter(Boolean).join(', ');
  if (!person.role) return `${person.name}: ${counts}.`;
  // A role an editor ended with a full stop (or an abbreviation: d. d.) took the colon too: »zadeve.: 3 članki«.
  return `${person.name}, ${person.role}${person.role.endsWith('.') ? '' : ':'} ${counts}.`;
}

export function PersonPage({ context, entry, page, bioHtml: bioSource, pictureSizes }: PersonPageProps) {
  const bioHtml = withPictureSizes(bioSource, pictureSizes, urls.person(entry.person.id), basePathOf(context.site.baseUrl));
  const { person, articles, authored } = entry;
  const description = personDescription(person, articles.length, authored.length);
  const stats = page.number === 1 ? personStats(entry, context.people) : undefined;
  // Someone only bylines name has no mentions to list, count or follow in a feed.
  const mentioned = articles.length > 0;
  const counted = mentionsCounted(person, context.site.detectPeople);
  const heading = pageHeading(person.name, page.number);
  // The chart's table of counts sits in a scrolling box (MentionChart).
  const overview = stats !== undefined && stats.articleCount > 0;
  return (
    <Layout
      context={context}
      meta={{
        title: heading,
        description,
        url: urls.person(person.id, page.number),
        page,
        kind: 'profile',
        feeds: mentioned ? [{ title: `${person.name} – ${context.site.title}`, url: urls.personFeed(person.id) }] : [],
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
        <h1>{heading}</h1>
        {person.role ? <p class="role">{person.role}</p> : null}
        {mentioned ? <p class="count">{countArticles(articles.length)}</p> : null}
        {authored.length > 0 ? <p class="count">{plural(authored.length, AUTHORED_FORMS)}</p> : null}
      </header>
      {bioHtml && page.number === 1 ? <div class="bio" dangerouslySetInnerHTML={{ __html: bioHtml }} /> : null}
      {page.number === 1 ? <TableScript html={bioHtml} context={context} box={overview} /> : null}
      {page.number === 1 && authored.length > 0 ? <AuthoredPreview person={person} authored={authored} context={context} /> : null}
      {/* With a list of what the person wrote above, the mentions' heading comes before their overview: under the
          authored list's heading, the chart read as a count of the person's own articles. */}
      {mentioned && authored.length > 0 ? <h2>{mentionedHeading(person, counted)}</h2> : null}
      {/* Under »Omembe v člankih« (»Članki o njej«) the people named alongside and the list are its parts, h3 (the teasers h4): as h2,
          »Največkrat v istih člankih« took the list that followed it, its teasers read as part of that section. */}
      {overview ? <PersonOverview stats={stats} name={person.name} counted={counted} nested={authored.length > 0} /> : null}
      {mentioned ? (
        <>
          {authored.length > 0 ? <h3>Članki</h3> : <h2>Članki</h2>}
          <PersonArticleList articles={page.items} personId={person.id} counted={counted} context={context} headingLevel={authored.length > 0 ? 4 : 3} />
          <Pagination page={page} urlFor={(n) => urls.person(person.id, n)} />
        </>
      ) : null}
      <p class="screen-only">
        <a href={urls.people()}>
          <span aria-hidden="true">← </span>Vse osebe
        </a>
      </p>
    </Layout>
  );
}

/**
 * The newest articles the person wrote, and a link to all of them (their own paginated list). The link is there
 * even when the preview already shows them all: /osebe/<id>/avtor/ is made and in the sitemap for anyone who wrote
 * one article, and an address linked from outside should stay reachable from the site however many there are.
 */
function AuthoredPreview({ person, authored, context }: { person: Person; authored: readonly Article[]; context: SiteContext }) {
  return (
    <section class="authored" aria-labelledby="avtorski-clanki">
      <h2 id="avtorski-clanki">{authoredHeading(person)}</h2>
      <ArticleList articles={authored.slice(0, AUTHORED_PREVIEW)} context={context} headingLevel={3} leaveOut={person.id} />
      <p>
        <a href={urls.personAuthored(person.id)}>
          <AuthoredLinkText person={person} /> ({formatNumber(authored.length)})<span aria-hidden="true"> →</span>
        </a>
      </p>
    </section>
  );
}

export interface PersonAuthoredPageProps {
  context: SiteContext;
  entry: PersonEntry;
  page: Page<Article>;
}

/** »Članki, ki jih je napisala Ana Novak«; without a gender »Ana Novak: avtorski članki«: the heading of /osebe/<id>/avtor/. */
export function authoredListName(person: Person): string {
  return person.gender ? `${authoredHeading(person)} ${person.name}` : `${person.name}: avtorski članki`;
}

/** /osebe/<id>/avtor/: every article whose byline names the person, newest first. */
export function PersonAuthoredPage({ context, entry, page }: PersonAuthoredPageProps) {
  const { person, authored } = entry;
  const urlFor = (n: number) => urls.personAuthored(person.id, n);
  const listName = authoredListName(person);
  const heading = pageHeading(listName, page.number);
  return (
    <Layout
      context={context}
      meta={{
        title: heading,
        // Without a gender the heading already ends in »avtorski članki«: the count is the description's second part, not a third.
        description: person.gender ? `${listName}: ${countArticles(authored.length)}.` : `${person.name}: ${plural(authored.length, AUTHORED_FORMS)}.`,
        url: urlFor(page.number),
        page,
        breadcrumbs: [
          { label: 'Domov', url: urls.home() },
          { label: 'Osebe', url: urls.people() },
          { label: person.name, url: urls.person(person.id) },
        ],
        prev: page.number > 1 ? urlFor(page.number - 1) : undefined,
        next: page.number < page.total ? urlFor(page.number + 1) : undefined,
      }}
    >
      <h1>{heading}</h1>
      <p class="lead">{plural(authored.length, AUTHORED_FORMS)}</p>
      <ArticleList articles={page.items} context={context} />
      <Pagination page={page} urlFor={urlFor} />
      <p>
        <a href={urls.person(person.id)}>
          <span aria-hidden="true">← </span>
          {person.name}
        </a>
      </p>
    </Layout>
  );
}

/**
 * A term of the overview naming one article by its date, linked; nothing when there is no such article. With
 * `byTitle`, the link names the article by its title, and the date (with the time, when it has one) follows in
 * brackets, which read well after a title ending in »?«, where a comma would not.
 */
function MentionFact({ label, article, byTitle = false }: { label: string; article: PersonStats['first']; byTitle?: boolean }) {
  if (!article) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {byTitle ? (
          <>
            <a href={article.url}>{article.title}</a> (<DateLine article={article} withTime />)
          </>
        ) : (
          <a href={article.url}>
            <DateLine article={article} />
          </a>
        )}
      </dd>
    </>
  );
}

/** Whether the two articles' dates read the same (the Ljubljana day), as their date links would. */
function sameDay(a: Article | undefined, b: Article | undefined): boolean {
  return a !== undefined && b !== undefined && formatDate(a.date.instant) === formatDate(b.date.instant);
}

/**
 * `counted`: whether the texts were searched for the person (mentionsCounted); without it, nothing is said of their
 * mentions, and the section is »Pregled člankov«, not »Pregled omemb«. `nested`: the overview stands under the page's
 * »Omembe v člankih« (mentionedHeading), so its heading is an h3.
 */
function PersonOverview({ stats, name, counted, nested }: { stats: PersonStats; name: string; counted: boolean; nested: boolean }) {
  const Heading = nested ? 'h3' : 'h2';
  return (
    <section class="person-overview" aria-label={counted ? 'Pregled omemb' : 'Pregled člankov'}>
      <dl class="person-facts">
        {/* One article is both the first and the last: the same linked date twice read as two articles. »Edini
            članek«, not »Edina omemba«, which the count under it contradicts when that article names the person twice. */}
        {stats.first === stats.last ? (
          <MentionFact label="Edini članek" article={stats.first} />
        ) : (
          <>
            {/* Two articles of one day: the same date twice, linked to different articles, read as a mistake. Not
                counted, the articles are those whose people: lists name the person, and a text that names them
                unlisted, later or earlier, was never searched: »Zadnja omemba« could be untrue, »Zadnji članek« is not. */}
            <MentionFact label={counted ? 'Prva omemba' : 'Prvi članek'} article={stats.first} byTitle={sameDay(stats.first, stats.last)} />
            <MentionFact label={counted ? 'Zadnja omemba' : 'Zadnji članek'} article={stats.last} byTitle={sameDay(stats.first, stats.last)} />
          </>
        )}
        {counted ? (
          <>
            <dt>Omembe v besedilih</dt>
            {/* »0 omemb« beside a first mention read as a contradiction: the articles list the person in people: and their
                texts never name them. Said as each article in the list below says it, in the plural for several
                articles, each with its own list (»na seznamih oseb«). */}
            <dd>{stats.mentionCount > 0 ? plural(stats.mentionCount, MENTION_FORMS) : `nobene (le na ${stats.articleCount === 1 ? 'seznamu' : 'seznamih'} oseb)`}</dd>
          </>
        ) : null}
      </dl>
      <MentionChart timeline={stats.timeline} name={name} />
      {stats.coMentions.length > 0 ? (
        <>
          {/* The »v« stays with »istih«: Slovenian typesetting leaves no one-letter word at the end of a line, and the
              heading wraps after it on a phone. */}
          <Heading>{`Največkrat v${NBSP}istih člankih`}</Heading>
          <ol class="co-mentions">
            {stats.coMentions.map(({ person, count }) => (
              <li>
                <a href={urls.person(person.id)}><Isolated text={person.name} /></a> <span class="co-count">{countArticles(count)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function periodName(year: number, month: number | undefined): string {
  return month === undefined ? String(year) : `${monthName(month)} ${year}`;
}

function periodGenitive(year: number, month: number | undefined): string {
  return month === undefined ? `leta ${year}` : `${MONTHS_GENITIVE[month - 1]} ${year}`;
}

/** Where a chart's span starts: the month alone when the span ends in its year (»od januarja do marca 2025«, as the busiest months say the year once). */
function spanStart(first: TimelineBar, last: TimelineBar): string {
  return first.month !== undefined && first.year === last.year ? MONTHS_GENITIVE[first.month - 1]! : periodGenitive(first.year, first.month);
}

/**
 * The chart's busiest periods, all of them: naming only the first (»Največ: 1 članek (marec 2025)«) read as if no
 * other had as many. Up to three are listed, a year said once for months of one year (»marec in julij 2025«);
 * more are counted, with the last of them (»v 5 mesecih, nazadnje aprila 2025«). »V … mesecih/letih« is the
 * locative plural, which the dual shares (v dveh mesecih), and every count here is at least 4.
 */
function describePeaks(timeline: Timeline): string {
  const most = Math.max(...timeline.bars.map((bar) => bar.count));
  const peaks = timeline.bars.filter((bar) => bar.count === most);
  const last = peaks.at(-1)!;
  let when: string;
  if (peaks.length > MAX_NAMED_PEAKS) {
    when = `v ${formatNumber(peaks.length)}${NBSP}${timeline.unit === 'month' ? 'mesecih' : 'letih'}, nazadnje ${periodGenitive(last.year, last.month)}`;
  } else if (timeline.unit === 'month' && peaks.every((bar) => bar.year === last.year)) {
    when = `${CONJUNCTION.format(peaks.map((bar) => monthName(bar.month!)))} ${last.year}`;
  } else {
    when = CONJUNCTION.format(peaks.map((bar) => periodName(bar.year, bar.month)));
  }
  return `Največ: ${countArticles(most)} (${when}).`;
}

const MAX_NAMED_PEAKS = 3;
// »marec, julij in oktober«: a comma between the items, »in« before the last (CLDR sl).
const CONJUNCTION = new Intl.ListFormat('sl', { type: 'conjunction' });

/** From this many bars on, a chart fills its column (site.css has a .bars-N rule for each count below it). */
const MAX_CAPPED_BARS = 12;

/**
 * Articles per month or year, drawn at build time with no script: the caption names the chart, the SVG bars carry a
 * short name and a description, the axis labels are HTML text (so they keep their size when the chart shrinks on a
 * phone), and a table under it gives every reader each period's count.
 */
export function MentionChart({ timeline, name }: { timeline: Timeline; name: string }) {
  if (timeline.bars.length === 0) return null;
  const geometry = chartGeometry(timeline);
  const first = timeline.bars[0]!;
  const last = timeline.bars.at(-1)!;
  const byMonth = timeline.unit === 'month';
  const caption = `${name}: članki po ${byMonth ? 'mesecih' : 'letih'}`;
  const tableName = `Število člankov po ${byMonth ? 'mesecih' : 'letih'}`;
  const span = first === last ? periodName(first.year, first.month) : `od ${spanStart(first, last)} do ${periodGenitive(last.year, last.month)}`;
  const desc = `${describePeaks(timeline)} Število za vsako obdobje je v preglednici pod diagramom.`;
  const id = `chart-${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
  return (
    <figure class="mention-chart">
      <figcaption>{caption}</figcaption>
      {/* The bar count caps the plot's width (site.css), so a person named in one month gets one bar, not a slab.
          A class, not a style attribute: a site's Content-Security-Policy may forbid inline styles. */}
      <div class={geometry.bars.length < MAX_CAPPED_BARS ? `chart-plot bars-${geometry.bars.length}` : 'chart-plot'}>
        {/* Named apart from the caption, which already names the figure, and described rather than named by the desc. */}
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          width={geometry.width}
          height={geometry.height}
          preserveAspectRatio="none"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${id}-title`}>{`Stolpčni diagram, ${span}`}</title>
          <desc id={`${id}-desc`}>{desc}</desc>
          <line class="axis" x1={0} y1={geometry.height} x2={geometry.width} y2={geometry.height} />
          {geometry.bars.map((bar) => (
            <rect class="bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
              <title>{`${periodName(bar.year, bar.month)}: ${countArticles(bar.count)}`}</title>
            </rect>
          ))}
        </svg>
        <div class="chart-axis" aria-hidden="true">
          {geometry.bars.map((bar) => (
            <span>{bar.label ? <span class={bar.labelWhenNarrow ? undefined : 'wide-only'}>{bar.label}</span> : null}</span>
          ))}
        </div>
      </div>
      <details class="chart-data">
        <summary>{tableName}</summary>
        {/* »december« beside »Članki« is wider than a 320 px column with text at 200 %, and no gap makes them fit: the
            table scrolls in a box of its own, as a body's does (render.ts, wrapTables), not the page. A tab stop and a
            region, named as the summary names it, only while the table is wider than it (src/client/tables.ts). */}
        <div class={TABLE_SCROLL} tabIndex={0} role="region" aria-label={tableName}>
          <table>
            <thead>
              <tr>
                <th scope="col">{byMonth ? 'Mesec' : 'Leto'}</th>
                <th scope="col">Članki</th>
              </tr>
            </thead>
            <tbody>
              {timeline.bars.map((bar) => (
                <tr>
                  <th scope="row">{periodName(bar.year, bar.month)}</th>
                  <td>{formatNumber(bar.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function PersonArticleList({
  articles,
  personId,
  counted,
  context,
  headingLevel,
}: {
  articles: readonly Article[];
  personId: string;
  counted: boolean;
  context: SiteContext;
  headingLevel: 3 | 4;
}) {
  const mentions = (article: Article) => {
    const count = article.mentionCounts.get(personId) ?? 0;
    return <span class="mention-count">{count > 0 ? plural(count, MENTION_FORMS) : 'na seznamu oseb'}</span>;
  };
  return <ArticleList articles={articles} context={context} meta={counted ? mentions : undefined} headingLevel={headingLevel} leaveOut={personId} />;
}
