import type { Article } from '../src/content/article.ts';
import type { SiteContext } from '../src/render/context.ts';
import { absoluteUrl, basePathOf, withBasePath } from '../src/site/urls.ts';

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
 * the new address as canonical and is kept out of search results and the sitemap. The address it sends to is
 * from the host's root, with the site's path: a relative one (../nov/) leads astray on hosts that serve a
 * folder's page without its final slash too (Netlify with Pretty URLs off, Vercel by default), where
 * /2025/12/22/star resolves it to /2025/12/nov/. For a reader whose browser does not follow the refresh, it is
 * headed by the article's title and says where the article went.
 */
export function RedirectPage({ context, article }: RedirectPageProps) {
  return <SendOn context={context} title={article.title} url={article.url} sentence="Članek je na novem naslovu" />;
}

export interface PersonRedirectPageProps {
  context: SiteContext;
  /** The person's name and the address of their page this one sends on to (the same page of the list: stran/2/ to stran/2/). */
  person: { name: string; url: string };
  /** The address the person's page had before their file was renamed (a person's `redirectFrom:`). */
  from: string;
}

/** The same kind of page at each page of a person's earlier address, sending readers on to the same page under the new one. */
export function PersonRedirectPage({ context, person }: PersonRedirectPageProps) {
  return <SendOn context={context} title={person.name} url={person.url} sentence="Stran osebe je na novem naslovu" />;
}

function SendOn({ context, title, url, sentence }: { context: SiteContext; title: string; url: string; sentence: string }) {
  // The link's href gets the site's path from renderUnderBasePath (src/render/base-path.ts); a meta's content does not.
  const refreshTo = withBasePath(basePathOf(context.site.baseUrl), url);
  return (
    <html lang="sl">
      <head>
        <meta charset="utf-8" />
        {/* A reader whose browser does not follow the refresh (Firefox's accessibility.blockautorefresh) reads this
            page: without a viewport, a phone drew it 980 px wide, its sentence tiny. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${context.site.title}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={absoluteUrl(context.site.baseUrl, url)} />
        <meta http-equiv="refresh" content={`0; url=${refreshTo}`} />
      </head>
      <body>
        <main>
          {/* A reader whose browser did not follow the refresh finds the page by its headings with a screen reader:
              its h1 names it, as <title> does. */}
          <h1>{title}</h1>
          <p>
            {sentence}: <a href={url}>{title}</a>
            {endsSentence(title) ? null : '.'}
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
