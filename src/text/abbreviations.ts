/**
 * Abbreviations that end in a full stop inside a Slovenian sentence (»dr. Novak«, »npr. Nato«, »5 mio. evrov«), so
 * that a full stop after one, even before a capital, does not end the sentence. One list for every place that looks
 * for sentence ends: the first sentence of an imported article (markdown/plain-text.ts), a capitalised word at a
 * sentence start (people/detect.ts) and a cut meta description (text/shorten.ts).
 *
 * Lower case, without the full stop. Titles and forms of address come first, as they stand before a name.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Titles and forms of address: doktor, magister, profesor, docent, gospod, gospa, gospodična, sveti, starejši,
  // inženir, diplomirani, izredni (profesor), primarij, general; and English ones in quoted names.
  'dr', 'mag', 'prof', 'doc', 'g', 'gdč', 'sv', 'st', 'inž', 'ing', 'dipl', 'izr', 'prim', 'gen',
  'mr', 'mrs', 'ms', 'jr', 'sr',
  // In running text: na primer, oziroma, to je, milijon, milijarda, številka, stran, angleško, latinsko.
  'npr', 'oz', 'tj', 'mio', 'mrd', 'št', 'str', 'ang', 'angl', 'lat',
  // Not here, though they abbreviate too (ga. gospa, ur. urednik, red. redni, pol. polkovnik, tel. telefon): they
  // are also everyday words that end sentences, »ujeli so ga.«, »trajala je več ur.«, »vzpostavili so red.«, »ob
  // pol.«, and a full stop after them before a capital ends the sentence far more often than it follows a title.
  // People detection still reads »ga.« before a name as »gospa« (people/detect.ts).
]);

/** Whether `word` (letters only, any case) is an abbreviation that a full stop follows inside a sentence. */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * in tako dalje, in podobno, in drugo, in drugi, et cetera: they close a list, and nearly always the sentence with
 * it (»… kruh, sir, vino itd. Gostje so …«), whose one full stop is then theirs too. Before a capital such a full
 * stop ends the sentence, but it stays with the word when the text is cut or shortened there.
 */
const CLOSES_LIST: ReadonlySet<string> = new Set(['itd', 'ipd', 'idr', 'etc']);

/** Whether `word` (letters only, any case) is an abbreviation that closes a list (itd., ipd.), see CLOSES_LIST. */
export function closesList(word: string): boolean {
  return CLOSES_LIST.has(word.toLowerCase());
}
