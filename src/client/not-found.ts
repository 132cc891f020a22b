import { firstPageListing, searchWordsOf } from '../site/path-names.ts';

/**
 * The 404 page of a static host, at a listing's page 1 asked for by its number (`/oznake/ukrajina/stran/1/`, an
 * address edited by hand or linked from elsewhere): sends the reader on to the listing's own address, where its
 * first page is. Hosts (GitHub Pages, Netlify, Cloudflare Pages) serve the one 404.html at every missing
 * address, so this does what one redirect page per listing would do, without a file for each. `data-root` is
 * the site's root as the page links it (`/arhiv/` under a path). The query and fragment go along, as a
 * server's redirect keeps the query. A listing that does not exist either gets this page again, at its address.
 * At any other address it fills the page's search field with the address's words (searchWordsOf): an old or
 * mistyped link still names what the reader was after.
 */
const root = document.querySelector<HTMLScriptElement>('script[data-root]')?.dataset.root;
if (root !== undefined && location.pathname.startsWith(root)) {
  const names = location.pathname.slice(root.length).split('/').filter(Boolean);
  const listing = firstPageListing(names);
  const field = document.querySelector<HTMLInputElement>('#search-q');
  if (listing) location.replace(`${root}${listing.map((name) => `${name}/`).join('')}${location.search}${location.hash}`);
  // Not over what the reader typed before going on and coming Back.
  else if (field && field.value === '') field.value = searchWordsOf(names, field.maxLength);
}
