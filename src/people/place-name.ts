/**
 * Towns, countries and capitals that news names beside a firm or a club (Luka Koper, Olimpija Ljubljana, Arena
 * Zagreb, Atletico Madrid, Zelena Vrhnika) and that are no one's first name or surname. Luka and Olimpija are
 * names too, so only the place tells such a run from a person's name. Towns that are surnames or first names
 * (Lenart, Kamnik, London, Berlin, Washington, Paris), Milano (Milana is Milan's) and Kosovo (Kosova is an
 * older form of Kos's wife's surname) are left out.
 */
/** Feminine in -a, and adjectival ones in -ska, -ška (Hrvaška, Hrvaške, Hrvaški, Hrvaško): the same endings. */
const FEMININE =
  'ljubljana vrhnika litija izola postojna sežana lendava idrija metlika ribnica cerknica radovljica sevnica moskva praga varšava budimpešta evropa amerika afrika azija slovenija hrvaška srbija avstrija italija nemčija francija španija rusija ukrajina madžarska kitajska bosna makedonija grčija turčija poljska češka slovaška švica belgija nizozemska japonska indija kanada brazilija albanija romunija bolgarija';
/** Masculine, in -a, -u, -om or -em. */
const MASCULINE = 'zagreb madrid maribor ptuj kranj bled tolmin ormož ljutomer beograd bruselj dunaj kijev trst münchen izrael iran';
/** Masculine whose e is fleeting: Koper, Kopra; Bovec, Bovca. */
const FLEETING = 'koper bovec logatec gradec celovec';
/** Neuter in -e or -o: Celje, Celja, Celju, Celjem; Sarajevo, Kosovo. */
const NEUTER = 'celje velenje domžale kočevje grosuplje trbovlje zagorje sarajevo';
/** Plural: Jesenice, Brežice, Benetke, Atene. */
const PLURAL = 'jesenice brežice benetke atene';
/** Neuter adjectival: Laško, Krško (Laškega, Laškem, Laškim). */
const ADJECTIVAL = 'laško krško';

const FORMS: ReadonlySet<string> = new Set([
  ...FEMININE.split(' ').flatMap((place) => ['a', 'e', 'i', 'o'].map((ending) => place.slice(0, -1) + ending)),
  ...MASCULINE.split(' ').flatMap((place) => ['', 'a', 'u', 'om', 'em'].map((ending) => place + ending)),
  ...FLEETING.split(' ').flatMap((place) => [place, ...['a', 'u', 'om'].map((ending) => place.slice(0, -2) + place.at(-1)! + ending)]),
  ...NEUTER.split(' ').flatMap((place) => ['', 'a', 'u', 'om', 'em'].map((ending) => (ending ? place.slice(0, -1) + ending : place))),
  ...PLURAL.split(' ').flatMap((place) => ['', 'ah', 'am', 'ami'].map((ending) => (ending ? place.slice(0, -1) + ending : place)).concat(place.slice(0, -1))),
  ...ADJECTIVAL.split(' ').flatMap((place) => ['', 'ega', 'emu', 'em', 'im'].map((ending) => (ending ? place.slice(0, -1) + ending : place))),
]);

/** Whether a word is a case form of a town, country or capital that is no person's name (Koper, Kopru, Ljubljane). */
export function isPlaceName(word: string): boolean {
  return FORMS.has(word.toLowerCase());
}
