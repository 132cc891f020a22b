/**
 * The Slovenian words of the site's paths, which live here and only here, and which paths are numbered pages of
 * a paged listing. Nothing is imported: the 404 page's script (src/client/not-found.ts) is bundled with this
 * module alone, while urls.ts brings the date and plural code of text/sl.ts, which Vite then split into a
 * chunk of its own that the search page too had to load.
 */
export const PAGE = 'stran';
export const PEOPLE = 'osebe';
/** Under a person's page: the articles they wrote (»avtor«, as a byline's author). */
export const AUTHOR = 'avtor';
export const TAGS = 'oznake';
export const ARCHIVE = 'arhiv';
export const SEARCH = 'iskanje';

/**
 * The listing and page number that `names` (the names of a path, `oznake/ukrajina/stran/3`) write: the listing's
 * own folder's names (`oznake/ukrajina`, whose page 1 has no number in its address, see urls.ts paged) and 3; undefined
 * for a path that is no numbered page, and for `stran/…` under a folder that is no paged listing (an
 * article's `2025/02/11/clanek/stran/99`, where a relative `stran/99/` written in the article leads).
 */
export function pageOfListing(names: readonly string[]): { listing: readonly string[]; page: number } | undefined {
  if (names.length < 2 || names.at(-2) !== PAGE || !/^\d{1,9}$/.test(names.at(-1)!)) return undefined;
  const listing = names.slice(0, -2);
  return isPagedListing(listing) ? { listing, page: Number(names.at(-1)) } : undefined;
}

/**
 * The listing whose first page `names` ask for by its number (`oznake/ukrajina/stran/1`, also followed by
 * `index.html`): the listing's own folder's names (`oznake/ukrajina`), since page 1 is at the listing's address
 * and the build writes nothing at `…/stran/1/` (urls.ts paged); undefined for every other path. No page the
 * build makes has such a path: an article's ends in its day and slug (`2025/12/22/stran`), and a tag or person
 * named »stran« is `oznake/stran/`, with pages at `oznake/stran/stran/2/`. An article's `redirectFrom:` or a
 * file of public/ may stand there, and is served before any redirect is looked for.
 */
export function firstPageListing(names: readonly string[]): readonly string[] | undefined {
  const numbered = pageOfListing(names.at(-1) === 'index.html' ? names.slice(0, -1) : names);
  return numbered?.page === 1 ? numbered.listing : undefined;
}

/** Whether the folder of these names is one paged cuts into numbered pages: home, tag, person, a person's bylines, month. */
function isPagedListing(names: readonly string[]): boolean {
  const [first, second, third] = names;
  switch (names.length) {
    case 0:
      return true;
    case 2:
      return first === TAGS || first === PEOPLE || (/^\d{4}$/.test(first!) && /^\d{2}$/.test(second!));
    case 3:
      return first === PEOPLE && third === AUTHOR;
    default:
      return false;
  }
}

/**
 * The names of the site's own folders and pages, and a folder's page on any site (`index.php`), without a page's
 * extension: they say nothing of what a reader was after.
 */
const PATH_WORDS: ReadonlySet<string> = new Set([PAGE, PEOPLE, AUTHOR, TAGS, ARCHIVE, SEARCH, 'index', '404']);

/** A page's extension, on this site or an older one the archive replaced (`tretji-clanek.html`, `clanek.php`). */
const PAGE_EXTENSION = /\.(?:html?|php|aspx?)$/i;

/**
 * The words of a missing page's address, for the 404 page's search field: the last of `names` (percent-encoded, as
 * `location.pathname` has them) with a letter that is no folder of the site's own, without a file's extension, its
 * hyphens and underscores as spaces (`2025/12/22/witkoff-in-kusner` is »witkoff in kusner«, `osebe/ana-novak/avtor/stran/3`
 * »ana novak«), cut at a word to `maxLength`; empty when there is none.
 */
export function searchWordsOf(names: readonly string[], maxLength: number): string {
  const name = names.findLast((candidate) => /\p{L}/u.test(candidate) && !PATH_WORDS.has(candidate.replace(PAGE_EXTENSION, '')));
  if (name === undefined) return '';
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A lone % (`popust-50%-za-vse`) is no encoding: read the name as it is.
  }
  const words = decoded.replace(PAGE_EXTENSION, '').replace(/[-_+\s]+/g, ' ').trim();
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > 0 ? cut.slice(0, lastSpace) : words.slice(0, maxLength);
}
