import { plural, type PluralForms } from '../text/sl.ts';

/** The search page's status line (role="status", read out by screen readers) once results are in. */
const HIT_FORMS: PluralForms = { one: 'zadetek', two: 'zadetka', few: 'zadetki', other: 'zadetkov' };

/**
 * "23 zadetkov, prikazanih 10." for `total` hits of which `shown` are on screen. With none, what a reader can
 * do about it: most searches that find nothing have a typo in them (horvta), and since every word must be in
 * an article (query.ts search), one word too many finds nothing too. `words` counts the query's searchable words.
 */
export function resultsStatus(total: number, shown: number, words: number): string {
  if (total === 0) {
    return words > 1
      ? 'Ni zadetkov. Preverite, ali so besede pravilno zapisane. Iskanje najde le članke, v katerih so vse besede, zato poskusite tudi z manj besedami.'
      : 'Ni zadetkov. Preverite, ali je beseda pravilno zapisana.';
  }
  return `${plural(total, HIT_FORMS)}${shown < total ? `, prikazanih ${shown}` : ''}.`;
}

/**
 * What comes before a suggested query when nothing is found (query.ts SearchEngine.suggest); the page adds the
 * query as a link that runs it, and a question mark: »Ste mislili: witkoff?«. It is part of the status line, so a
 * screen reader reads it with the rest.
 */
export const SUGGESTION_LEAD = 'Ste mislili: ';
