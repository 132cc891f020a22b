import { firstPageListing } from '../site/path-names.ts';

/**
 * The 404 page of a static host, at a listing's page 1 asked for by its number (`/oznake/ukrajina/stran/1/`, an
 * address edited by hand or linked from elsewhere): sends the reader on to the listing's own address, where its
 * first page is. Hosts (GitHub Pages, Netlify, Cloudflare Pages) serve the one 404.html at every missing
 * address, so this does what one redirect page per listing would do, without a file for each. `data-root` is
 * the site's root as the page links it (`/arhiv/` under a path). The query and fragment go along, as a
 * server's redirect keeps the query. A listing that does not exist either gets this page again, at its address.
 */
const root = document.querySelector<HTMLScriptElement>('script[data-root]')?.dataset.root;
if (root !== undefined && location.pathname.startsWith(root)) {
  const listing = firstPageListing(location.pathname.slice(root.length).split('/').filter(Boolean));
  if (listing) location.replace(`${root}${listing.map((name) => `${name}/`).join('')}${location.search}${location.hash}`);
}
