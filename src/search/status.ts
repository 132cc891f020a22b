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
