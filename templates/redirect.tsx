import type { Article } from '../src/content/article.ts';
import { relativeAddress } from '../src/content/redirects.ts';
import type { SiteContext } from '../src/render/context.ts';
import { absoluteUrl } from '../src/site/urls.ts';

export interface RedirectPageProps {
  context: SiteContext;
  /** Only the fields the page shows, so an edit to the article's text does not render its redirects again. */
  article: Pick<Article, 'title' | 'url'>;
  /** The earlier address this page stands at. */
  from: string;
}

/**
 * The page at an article's earlier address (`redirectFrom:`). A static host cannot answer 301, so the page
 * sends the browser on at once (refresh after 0 s, which search engines treat as a permanent redirect), names
 * the new address as canonical and is kept out of search results and the sitemap. The link is relative, so
 * it works under any host and path, in the dev server and in preview too. For a reader whose browser does
 * not follow the refresh, it says where the article went.
 */
export function RedirectPage({ context, article, from }: RedirectPageProps) {
  const to = relativeAddress(from, article.url);
  return (
    <html lang="sl">
      <head>
        <meta charset="utf-8" />
        {/* A reader whose browser does not follow the refresh (Firefox's accessibility.blockautorefresh) reads this
            page: without a viewport, a phone drew it 980 px wide, its sentence tiny. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${article.title} – ${context.site.title}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={absoluteUrl(context.site.baseUrl, article.url)} />
        <meta http-equiv="refresh" content={`0; url=${to}`} />
      </head>
      <body>
        <main>
          <p>
            Članek je na novem naslovu: <a href={to}>{article.title}</a>
            {endsSentence(article.title) ? null : '.'}
          </p>
        </main>
      </body>
    </html>
  );
}

/**
 * A headline that ends with its own ? ! … or full stop takes no second one ("Kdo bo plačal?", not "plačal?."),
 * nor does one ending in a quotation that ends so: Slovenian lets the quotation's mark end the whole sentence
 * (»Golob: »Kdo bo plačal?««, not »…?«.«; Slovenski pravopis 2001, on direct speech, premi govor).
 */
function endsSentence(title: string): boolean {
  return /[.?!…]["'»«“”„‘’)]*$/u.test(title.trimEnd());
}
