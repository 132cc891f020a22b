import type { ComponentChildren } from 'preact';
import type { PageMeta, SiteContext } from '../src/render/context.ts';
import { absoluteUrl, urls } from '../src/site/urls.ts';
import { serializeJsonLd } from '../src/render/json-ld.ts';
import { breadcrumbJsonLd } from '../src/render/structured-data.ts';
import { shortenListDescription } from '../src/text/shorten.ts';
import { Breadcrumbs, SEPARATOR } from './parts.tsx';

interface LayoutProps {
  context: SiteContext;
  meta: PageMeta;
  children: ComponentChildren;
}

const NAVIGATION = [
  { label: 'Domov', url: urls.home() },
  { label: 'Osebe', url: urls.people() },
  { label: 'Oznake', url: urls.tags() },
  { label: 'Arhiv', url: urls.archive() },
  { label: 'Iskanje', url: urls.search() },
];

/**
 * "page" on the section's own page, "true" anywhere below it (a person under Osebe) or on a page that says it
 * belongs there (a year or month under Arhiv); home only counts for itself.
 */
function currentMarker(itemUrl: string, meta: PageMeta): 'page' | 'true' | undefined {
  const pageUrl = meta.url;
  if (itemUrl === pageUrl) return 'page';
  if (itemUrl === meta.section || (itemUrl !== urls.home() && pageUrl.startsWith(itemUrl))) return 'true';
  return undefined;
}

/** The frame around every page: head metadata, masthead, navigation, footer. */
export function Layout({ context, meta, children }: LayoutProps) {
  const { site } = context;
  const title = meta.url === '/' ? site.title : `${meta.title} – ${site.title}`;
  const canonical = absoluteUrl(site.baseUrl, meta.url);
  const description = shortenListDescription(meta.description, meta.page);
  const feeds = [...(meta.feeds ?? []), ...(context.siteFeed === false ? [] : [{ title: site.title, url: urls.feed() }])];
  const jsonLd = [...(meta.jsonLd ?? [])];
  if (meta.breadcrumbs?.length) jsonLd.push(breadcrumbJsonLd(meta.breadcrumbs, { label: meta.crumb ?? meta.title, url: meta.url }, context));
  return (
    <html lang="sl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <meta name="color-scheme" content="light dark" />
        {meta.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        {meta.prev ? <link rel="prev" href={meta.prev} /> : null}
        {meta.next ? <link rel="next" href={meta.next} /> : null}
        <meta property="og:site_name" content={site.title} />
        <meta property="og:locale" content="sl_SI" />
        <meta property="og:type" content={meta.kind ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={canonical} />
        {meta.image ? (
          <>
            <meta property="og:image" content={meta.image.url} />
            {meta.image.alt ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
            {meta.image.width && meta.image.height ? (
              <>
                <meta property="og:image:width" content={String(meta.image.width)} />
                <meta property="og:image:height" content={String(meta.image.height)} />
              </>
            ) : null}
          </>
        ) : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={description} />
        {meta.article ? (
          <>
            <meta property="article:published_time" content={meta.article.published} />
            <meta property="article:modified_time" content={meta.article.modified} />
            {meta.article.tags.map((tag) => (
              <meta property="article:tag" content={tag} />
            ))}
          </>
        ) : null}
        {context.assets.icon ? <link rel="icon" href={context.assets.icon.url} type={context.assets.icon.type} /> : null}
        <link rel="stylesheet" href={context.assets.stylesheet} />
        {feeds.map((feed) => (
          <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.url} />
        ))}
        {jsonLd.map((data) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#vsebina">Skoči na vsebino</a>
        <header class="masthead">
          <div class="wrap masthead-inner">
            <a class="site-title" href={urls.home()}>{site.title}</a>
            {site.description && site.description !== site.title ? <p class="site-tagline">{site.description}</p> : null}
          </div>
          <nav aria-label="Glavna navigacija">
            <ul class="wrap">
              {NAVIGATION.map((item) => (
                <li>
                  <a href={item.url} aria-current={currentMarker(item.url, meta)}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="vsebina" class="wrap">
          {meta.breadcrumbs?.length ? <Breadcrumbs trail={meta.breadcrumbs} /> : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <strong>{site.title}</strong>
              {SEPARATOR}
              {site.description}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
