import type { Article } from '../content/article.ts';
import { articleModified } from '../site/archive.ts';
import { formatIsoDateTime } from '../text/sl.ts';
import type { Person } from '../content/person.ts';
import { absoluteUrl, urls } from '../site/urls.ts';
import { distinctBylineAuthors } from './byline.ts';
import type { Breadcrumb, SiteContext } from './context.ts';

/**
 * schema.org JSON-LD for search engines (https://schema.org, Google's "Article" and "Breadcrumb" structured
 * data guides). Dates are full ISO 8601 instants; every URL is absolute.
 */
type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

function publisher(context: SiteContext): JsonLd {
  return { '@type': 'NewsMediaOrganization', name: context.site.title, url: context.site.baseUrl };
}

export function personReference(person: Person, context: SiteContext): JsonLd {
  const data: JsonLd = { '@type': 'Person', name: person.name, url: absoluteUrl(context.site.baseUrl, urls.person(person.id)) };
  if (person.role) data.jobTitle = person.role;
  return data;
}

/**
 * The article's first body image as an absolute URL, resolved against the article's page as the browser
 * resolves the body's `<img src>`; undefined when there is none or its URL does not parse.
 */
export function articleImage(article: Pick<Article, 'image' | 'url'>, context: Pick<SiteContext, 'site'>): { url: string; alt: string } | undefined {
  if (!article.image) return undefined;
  try {
    return { url: new URL(article.image.url, absoluteUrl(context.site.baseUrl, article.url)).href, alt: article.image.alt };
  } catch {
    return undefined;
  }
}

/**
 * The picture a shared link to the article shows (Open Graph, X's card): its first image in a format those cards
 * show (no SVG, AVIF …, markdown/render.ts cardsShow), as an absolute URL; undefined when there is none.
 */
export function articleSharedImage(article: Pick<Article, 'sharedImage' | 'url'>, context: Pick<SiteContext, 'site'>): { url: string; alt: string } | undefined {
  return articleImage({ image: article.sharedImage, url: article.url }, context);
}

/**
 * Each author of the byline as an entry of its own, an agency as an Organization (Google's Article guide: "list
 * each author in its own author field", "use the type property to indicate whether the author is a Person or
 * Organization"), a registry person with the URL of their page. »Uredništvo« is the site's own newsroom, and
 * so is an article without a byline. One author stays one object, as before; several are an array.
 */
function authorJsonLd(byline: string | undefined, context: SiteContext): JsonLd | JsonLd[] {
  const authors = byline === undefined ? [] : distinctBylineAuthors(byline, context.people);
  const data = authors.map((author): JsonLd => {
    if (author.person) return personReference(author.person, context);
    if (author.kind === 'newsroom') return publisher(context);
    return { '@type': author.kind === 'organization' ? 'Organization' : 'Person', name: author.name };
  });
  if (data.length === 0) return publisher(context);
  return data.length === 1 ? data[0]! : data;
}

export function newsArticleJsonLd(article: Article, context: SiteContext): JsonLd {
  const url = absoluteUrl(context.site.baseUrl, article.url);
  const people = article.people.map((id) => context.people.get(id)).filter((person) => person !== undefined);
  const data: JsonLd = {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    // The headline as published: Google's Article guide dropped its 110-character limit in 2023 ("long titles
    // may be truncated on some devices"), and a headline cut with "…" is one the page never shows.
    headline: article.title,
    datePublished: formatIsoDateTime(article.date.instant),
    dateModified: formatIsoDateTime(articleModified(article)),
    inLanguage: 'sl',
    author: authorJsonLd(article.author, context),
    publisher: publisher(context),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
  };
  // Google's Article guide recommends an image; the page's own first picture is the one to show.
  const image = articleImage(article, context);
  if (image) data.image = [image.url];
  if (article.summary) data.description = article.summary;
  if (article.tags.length > 0) data.keywords = article.tags.map((tag) => tag.name);
  if (people.length > 0) data.about = people.map((person) => personReference(person, context));
  return data;
}

/**
 * A person page's data is a Person, not Google's ProfilePage: that is for the creators who post on a site
 * ("sites where creators share first-hand perspectives", Google's "Profile page" guide), and a person page
 * is about someone the news names.
 */
export function personJsonLd(person: Person, context: SiteContext): JsonLd {
  const data: JsonLd = { '@context': CONTEXT, ...personReference(person, context) };
  data['@id'] = data.url;
  if (person.aliases.length > 0) data.alternateName = [...person.aliases];
  return data;
}

/** The trail of ancestors plus the page itself as the last item (Google's breadcrumb guide allows it without `item`). */
export function breadcrumbJsonLd(trail: readonly Breadcrumb[], current: Breadcrumb, context: SiteContext): JsonLd {
  const items = [...trail, current];
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.label,
      item: absoluteUrl(context.site.baseUrl, crumb.url),
    })),
  };
}
