import type { Article } from '../src/content/article.ts';
import type { MonthEntry, Page, YearEntry } from '../src/site/archive.ts';
import type { Breadcrumb, SiteContext } from '../src/render/context.ts';
import { urls } from '../src/site/urls.ts';
import { MONTHS_GENITIVE, countArticles, monthName } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';
import { ArticleList, pageHeading, Pagination } from './parts.tsx';

/** The date archive: /arhiv/ lists the years, /2025/ its months, /2025/12/ the month's articles. */
const home: Breadcrumb = { label: 'Domov', url: urls.home() };
const archive: Breadcrumb = { label: 'Arhiv', url: urls.archive() };

/**
 * The ancestors of a page of the date archive, each page's trail being its parent's plus the parent: a year
 * is under Arhiv, a month under its year, an article under its month (Domov › Arhiv › 2025 › december), so
 * a reader climbs back the way they came and no level is skipped.
 */
export function dateTrail(year?: number, month?: number): Breadcrumb[] {
  const trail = [home, archive];
  if (year !== undefined) trail.push({ label: yearCrumb(year), url: urls.year(year) });
  if (year !== undefined && month !== undefined) trail.push({ label: monthCrumb(month), url: urls.month(year, month) });
  return trail;
}

// A year and a month as trails name them, and as their own pages' BreadcrumbList does too (PageMeta.crumb), so that
// search engines, which show the structured trail, and readers see each level named one way.
const yearCrumb = (year: number): string => String(year);
const monthCrumb = (month: number): string => monthName(month);

export function ArchivePage({ context, years }: { context: SiteContext; years: readonly YearEntry[] }) {
  const total = years.reduce((sum, year) => sum + year.count, 0);
  return (
    <Layout
      context={context}
      meta={{ title: 'Arhiv', description: `${context.site.title}: vsi članki po letih in mesecih (${countArticles(total)}).`, url: urls.archive(), breadcrumbs: [home] }}
    >
      <h1>Arhiv</h1>
      {years.length === 0 ? (
        <p>V arhivu še ni člankov.</p>
      ) : (
        <ul class="count-index">
          {years.map((year) => (
            <li>
              <a href={urls.year(year.year)}>{year.year}</a> <span class="count">{countArticles(year.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function YearPage({ context, year }: { context: SiteContext; year: YearEntry }) {
  return (
    <Layout
      context={context}
      meta={{
        title: `Leto ${year.year}`,
        description: `Članki iz leta ${year.year} po mesecih: ${countArticles(year.count)}.`,
        url: urls.year(year.year),
        section: urls.archive(),
        breadcrumbs: dateTrail(),
        crumb: yearCrumb(year.year),
      }}
    >
      <h1>Leto {year.year}</h1>
      <p class="lead">{countArticles(year.count)}</p>
      <ul class="count-index">
        {year.months.map((month) => (
          <li>
            <a href={urls.month(month.year, month.month)}>{monthName(month.month)}</a> <span class="count">{countArticles(month.articles.length)}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function MonthPage({ context, month, page }: { context: SiteContext; month: MonthEntry; page: Page<Article> }) {
  const name = `${monthName(month.month)} ${month.year}`;
  const urlFor = (n: number) => urls.month(month.year, month.month, n);
  const heading = pageHeading(capitalise(name), page.number);
  return (
    <Layout
      context={context}
      meta={{
        title: heading,
        // »iz« takes the genitive: »iz decembra 2025«, not »iz meseca december 2025«.
        description: `Članki iz ${MONTHS_GENITIVE[month.month - 1]} ${month.year}: ${countArticles(month.articles.length)}.`,
        url: urlFor(page.number),
        page,
        section: urls.archive(),
        breadcrumbs: dateTrail(month.year),
        crumb: pageHeading(monthCrumb(month.month), page.number),
        prev: page.number > 1 ? urlFor(page.number - 1) : undefined,
        next: page.number < page.total ? urlFor(page.number + 1) : undefined,
      }}
    >
      <h1>{heading}</h1>
      <p class="lead">{countArticles(month.articles.length)}</p>
      <ArticleList articles={page.items} context={context} />
      <Pagination page={page} urlFor={urlFor} />
    </Layout>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
