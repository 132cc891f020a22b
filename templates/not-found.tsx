import type { ContentDate } from '../src/content/dates.ts';
import type { SiteContext } from '../src/render/context.ts';
import { MAX_QUERY_LENGTH } from '../src/search/query.ts';
import { urls } from '../src/site/urls.ts';
import { formatDateTime } from '../src/text/sl.ts';
import { Layout } from './layout.tsx';

/**
 * `heldBack` is given only by the dev server, at the address of an article held back for its date: an editor
 * previewing an embargoed story is told when it comes, not that it may have been withdrawn.
 */
export function NotFoundPage({ context, heldBack }: { context: SiteContext; heldBack?: ContentDate }) {
  const title = heldBack ? 'Članek še ni objavljen' : 'Strani ni mogoče najti';
  // Sends a reader at a listing's `…/stran/1/` on to the listing, and fills the search field (src/client/not-found.ts). A file, not an inline
  // script, as every script of the site is: a Content-Security-Policy of `script-src 'self'` lets it run.
  const script = heldBack ? undefined : context.assets.scripts['not-found'];
  return (
    <Layout context={context} meta={{ title, description: 'Strani, ki ste jo iskali, v arhivu ni.', url: urls.notFound(), noindex: true }}>
      <h1>{title}</h1>
      {heldBack ? (
        <p>
          Članek na tem naslovu ima datum {formatDateTime(heldBack.instant, heldBack.hasTime)} (po ljubljanskem času) in bo objavljen šele takrat. Že
          zdaj ga prikaže <code>npm run dev -- --future</code>.
        </p>
      ) : (
        <>
          <p>Strani, ki ste jo iskali, v arhivu ni. Morda je bil naslov napačno vpisan ali pa je bil članek umaknjen.</p>
          {/* The script fills the field with the words of the address (an old link names what the reader was after). */}
          <form class="search-form" role="search" method="get" action={urls.search()}>
            <label for="search-q">Poiščite v arhivu</label>
            <div class="search-row">
              <input id="search-q" type="search" name="q" maxlength={MAX_QUERY_LENGTH} autocomplete="off" spellcheck={false} />
              <button type="submit">Išči</button>
            </div>
          </form>
        </>
      )}
      <ul>
        <li>
          <a href={urls.home()}>Najnovejši članki</a>
        </li>
        <li>
          <a href={urls.people()}>Vse osebe v arhivu</a>
        </li>
      </ul>
      {script ? <script type="module" src={script} data-root={urls.home()}></script> : null}
    </Layout>
  );
}
