import type { SiteContext } from '../src/render/context.ts';
import { MAX_QUERY_LENGTH } from '../src/search/query.ts';
import { urls } from '../src/site/urls.ts';
import { Layout } from './layout.tsx';

/**
 * /iskanje/: the form works as a plain GET form (?q=) and the script searches the static index in the
 * browser. Without JavaScript the page says so instead of pretending to search.
 */
export function SearchPage({ context }: { context: SiteContext }) {
  const script = context.assets.scripts.search;
  return (
    <Layout context={context} meta={{ title: 'Iskanje', description: `${context.site.title}: iskanje po vseh člankih.`, url: urls.search() }}>
      <h1>Iskanje po arhivu</h1>
      <form id="search-form" class="search-form" role="search" method="get" action={urls.search()} data-index={urls.searchIndex()}>
        <label for="search-q">Iskani izraz</label>
        <div class="search-row">
          <input id="search-q" type="search" name="q" maxlength={MAX_QUERY_LENGTH} autocomplete="off" spellcheck={false} aria-describedby="search-help" aria-controls="search-results" />
          <button type="submit">Išči</button>
        </div>
        {/* Examples any Slovenian newsroom's archive is likely to hold; tests/integration/search.test.ts checks they work. */}
        <p id="search-help" class="search-help">
          Šumniki niso obvezni (»zupan« najde »župan«), iskanje najde tudi druge sklone (»občina« najde »občine« in »občini«). S puščico navzdol se premaknete na zadetke.
        </p>
      </form>
      <noscript>
        <p class="search-noscript">Iskanje deluje v brskalniku in potrebuje JavaScript, ki je v vašem brskalniku izklopljen. Po člankih lahko brskate na <a href={urls.home()}>naslovnici</a> in po <a href={urls.people()}>osebah</a>.</p>
      </noscript>
      <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
      <ol id="search-results" class="article-list search-results"></ol>
      <button id="search-more" class="search-more" type="button" hidden>
        Več zadetkov
      </button>
      {script ? <script type="module" src={script}></script> : null}
    </Layout>
  );
}
