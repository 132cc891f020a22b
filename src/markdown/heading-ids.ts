import { slugifyOnce } from '../site/slug.ts';

/**
 * The ids of a body's headings, which readers and editors link to (`/2025/12/22/clanek/#ozadje-pogovorov`):
 * each heading's text under the slug rules of URLs (site/slug.ts), so "Ozadje pogovorov" is
 * `ozadje-pogovorov` and "Črpalke in žerjavi" `crpalke-in-zerjavi`. A heading with no letter or digit the
 * rules can write ("***", "Αθήνα") is `razdelek` (section). An id already taken in the body, or written by
 * the page around it, gets the first free `-2`, `-3`, …: the second "Ozadje" is `ozadje-2`, a heading
 * "Vsebina" `vsebina-2`, because `vsebina` is the main content's id; and a heading "Top" `top-2`, since
 * `#top` is the top of the page (HTML's rule, which `arhivar check` follows) only while no element is `top`.
 */
export function headingIds(texts: readonly string[]): string[] {
  const taken = new Set<string>();
  // The number each base's search goes on from: the numbers below it were taken when it last looked, and an
  // id once taken stays taken, so the first free one is not below it. Starting from 2 each time made a body
  // of 30,000 equal headings take 25 s.
  const nextNumber = new Map<string, number>();
  return texts.map((text) => {
    const base = slugifyOnce(text) || UNNAMED_HEADING;
    let id = base;
    if (taken.has(id) || isReserved(id)) {
      let number = nextNumber.get(base) ?? 2;
      for (id = `${base}-${number}`; taken.has(id) || isReserved(id); id = `${base}-${number}`) number++;
      nextNumber.set(base, number + 1);
    }
    taken.add(id);
    return id;
  });
}

export const UNNAMED_HEADING = 'razdelek';

/**
 * Ids the templates write on the pages that show a body (and on the search page, for when one does): the
 * skip link's target (layout.tsx), the related articles' heading (article.tsx), the heading of what a person
 * wrote (person.tsx: a bio's »## Avtorski članki« took it, so the page had it twice and the list's
 * aria-labelledby named the bio's heading), the search form's parts (search.tsx).
 * tests/integration/heading-ids.test.ts fails when a template writes an id not named here.
 */
const PAGE_IDS: ReadonlySet<string> = new Set([
  'vsebina',
  'sorodni-clanki',
  'avtorski-clanki',
  'search-form',
  'search-q',
  'search-help',
  'search-status',
  'search-results',
  'search-more',
]);

/** A person's chart names its title and description chart-<name>-title and chart-<name>-desc (person.tsx). */
const CHART_PART = /^chart-.+-(?:title|desc)$/;

/**
 * The people index's letter headings and the links to them, exactly the ids site/people-letters.ts makes (crka-a …
 * crka-z, crka-ch for Č, crka-0-9, pisava-cirilica). /osebe/ shows no body, but the ids are kept from headings
 * everywhere, as the others are, so a template that comes to show both cannot write one twice. Only these: an
 * expression that also took »crka-zakona« or the numbered »crka-a-2« left headingIds no free id to find.
 */
const LETTER_ID = /^(?:crka-(?:[a-z]|ch|cj|dj|sh|zh|0-9|druge)|pisava-(?:grska|cirilica|druge))$/;

export function isPageId(id: string): boolean {
  return PAGE_IDS.has(id) || CHART_PART.test(id) || LETTER_ID.test(id);
}

function isReserved(id: string): boolean {
  return id === 'top' || isPageId(id);
}

/** The shape of every id headingIds makes: what the sanitiser lets through on a heading (render.ts). */
export const HEADING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
