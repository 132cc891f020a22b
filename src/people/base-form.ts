import type { Gender } from '../content/person.ts';
import { CASES, declineFeminineFirstName, declineFeminineSurname, declineMasculine, guessGender, type Case, type Paradigm } from './names.ts';

/**
 * The nominative of a name found in the text in other cases, for `arhivar people --suggest`: an editor copies the
 * suggestion into a new person file, so »Natašo Pirc Musar« (accusative) must come out as »Nataša Pirc Musar«.
 * This is names.ts run backwards: a base form is a candidate when the forms names.ts makes of it include every
 * spelling seen, each spelling with all its words in one case. Where two candidates fit equally (»Andreja
 * Kuzmina« is Andrej Kuzmin's genitive or Andreja Kuzmina), the name stays as written and `sure` is false.
 */
export interface BaseForm {
  name: string;
  sure: boolean;
  /** The base forms that fit best, when more than one does. */
  alternatives: string[];
}

/** The gender of a first name in the nominative when it is a known one (Nataša: f). */
export type FirstNameGender = (name: string) => Gender | undefined;

interface Candidate {
  name: string;
  gender: Gender;
}

/** Endings put back after cutting 0–4 letters: the nominative's own vowel, a fleeting e (Petra → Peter) or a (Aleksandra → Aleksandar). */
const TAILS = ['', 'a', 'e', 'i', 'o', 'y', 'ec', 'ek', 'el', 'er', 'en', 'ej', 'ar'];

type Role = 'given' | 'surname' | 'particle';

function paradigmOf(word: string, gender: Gender, role: Role): Paradigm {
  if (role === 'surname') return gender === 'f' ? declineFeminineSurname(word) : declineMasculine(word);
  return gender === 'f' ? declineFeminineFirstName(word) : declineMasculine(word, 'given');
}

/** Base words whose paradigm has `word` in a case, by case. */
function baseWords(word: string, gender: Gender, role: Role): Map<Case, string[]> {
  const found = new Map<Case, string[]>();
  if (role === 'particle') {
    for (const grammaticalCase of CASES) found.set(grammaticalCase, [word]);
    return found;
  }
  const tried = new Set<string>();
  for (let cut = 0; cut <= Math.min(4, word.length - 2); cut++) {
    for (const tail of TAILS) {
      const base = word.slice(0, word.length - cut) + tail;
      if (tried.has(base) || base.length < 2) continue;
      tried.add(base);
      const paradigm = paradigmOf(base, gender, role);
      for (const grammaticalCase of CASES) {
        if (!paradigm[grammaticalCase].includes(word)) continue;
        const list = found.get(grammaticalCase) ?? [];
        list.push(base);
        found.set(grammaticalCase, list);
      }
    }
  }
  return found;
}

/** Lower-case words (von der, van, da) stay as they are; the last word is the surname; the rest are given names. */
function rolesOf(words: readonly string[]): Role[] {
  return words.map((word, index) => (word[0] !== word[0]!.toUpperCase() ? 'particle' : index === words.length - 1 ? 'surname' : 'given'));
}

/** Every base form that has this spelling among its forms, all words in one case. */
function candidatesOf(spelling: string): Candidate[] {
  const words = spelling.split(' ');
  const roles = rolesOf(words);
  const result: Candidate[] = [];
  for (const gender of ['m', 'f'] as const) {
    const perWord = words.map((word, index) => baseWords(word, gender, roles[index]!));
    for (const grammaticalCase of CASES) {
      let names = [''];
      for (const options of perWord) {
        const bases = options.get(grammaticalCase) ?? [];
        names = names.flatMap((head) => bases.map((base) => (head ? `${head} ${base}` : base)));
      }
      for (const name of names) if (!result.some((other) => other.name === name && other.gender === gender)) result.push({ name, gender });
    }
  }
  return result;
}

function intersect(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  return a.filter((candidate) => b.some((other) => other.name === candidate.name && other.gender === candidate.gender));
}

/**
 * How unusual the candidate is as a nominative. A man's name rarely ends in a vowel (Witkoffa is Witkoff's
 * genitive, not a name in -a) unless it is a known first name; -r takes -j- (Kushnerja is Kushner's, no
 * »Kushnerj«); a word does not end in a consonant cluster the fleeting e breaks up (Petra is Peter's).
 * Slavic -ski is written -ski, not -sky or -skij, in Slovenian news.
 */
function unusualness(candidate: Candidate, known: FirstNameGender): number {
  const words = candidate.name.split(' ');
  const roles = rolesOf(words);
  let penalty = 0;
  words.forEach((word, index) => {
    if (roles[index] === 'particle') return;
    if (roles[index] === 'given' && known(word) === candidate.gender) return;
    const lower = word.toLowerCase();
    if (candidate.gender === 'm' && /[aeiou]$/.test(lower)) penalty += 1;
    if (/(rj|[bcčdfghkpsštvzž][rlnm]|[bčdfghkpsštvzž]c)$/.test(lower)) penalty += 2;
    if (/(y|ij|yj|ej)$/.test(lower) && candidate.gender === 'm') penalty += /yj$/.test(lower) ? 3 : lower.endsWith('ej') ? 1 : 2;
    // -ić and -ič surnames are the same for women (Ivana Brnić): -ića, -iča is their genitive, nobody's nominative.
    if (roles[index] === 'surname' && /i[ćč]a$/.test(lower)) penalty += 2;
    // -om, -em are the instrumental's endings (Volodymyrom), -im an adjectival surname's (Zelenskim); few nominatives end so.
    if (candidate.gender === 'm' && (/[oe]m$/.test(lower) || (roles[index] === 'surname' && lower.endsWith('im')))) penalty += 2;
  });
  return penalty;
}

/** A candidate whose first given name is known, and known to be of the candidate's gender. */
function firstNameFits(candidate: Candidate, known: FirstNameGender): { plausible: boolean; known: boolean } {
  const words = candidate.name.split(' ');
  const roles = rolesOf(words);
  const first = words.find((_, index) => roles[index] === 'given');
  if (first === undefined) return { plausible: true, known: false };
  const gender = known(first);
  if (gender !== undefined) return { plausible: gender === candidate.gender, known: gender === candidate.gender };
  return { plausible: guessGender(`${first} X`) === candidate.gender, known: false };
}

/** The base form of the spellings of one name (most frequent first), or the first spelling, unsure. */
export function inferBaseForm(spellings: readonly string[], known: FirstNameGender): BaseForm {
  let candidates: Candidate[] | undefined;
  for (const spelling of spellings) candidates = candidates ? intersect(candidates, candidatesOf(spelling)) : candidatesOf(spelling);
  return chooseBase(candidates ?? [], spellings, known);
}

/**
 * `seen`: the spellings, most frequent first. A seen spelling that is itself a plausible nominative, at most one
 * point more unusual, leaves the answer unsure when no known first name decides: unusualness alone read »Google
 * Docs« as a woman's genitive and offered »Googla Docs«, a name no text wrote, though men's names in -e and -o
 * (Jože, France, Marko, Bruno) are as usual as women's in -a.
 */
function chooseBase(candidates: readonly Candidate[], seen: readonly string[], known: FirstNameGender): BaseForm {
  const asWritten = seen[0] ?? '';
  const scored = candidates
    .map((candidate) => ({ candidate, fits: firstNameFits(candidate, known), penalty: unusualness(candidate, known) }))
    .filter((entry) => entry.fits.plausible)
    .sort((a, b) => Number(b.fits.known) - Number(a.fits.known) || a.penalty - b.penalty);
  const best = scored[0];
  if (!best) return { name: asWritten, sure: false, alternatives: [] };
  const even = scored.filter((entry) => entry.fits.known === best.fits.known && entry.penalty === best.penalty);
  // Of equals, the base with the fewest fleeting vowels put back: Volodymyrom is Volodymyr's, not a Volodymyer's
  // or Volodymyar's, whose e or a would break up no cluster of consonants.
  const added = (name: string) => fleetingVowels(name, seen[0] ?? name);
  const fewest = Math.min(...even.map((entry) => added(entry.candidate.name)));
  const tied = even.filter((entry) => added(entry.candidate.name) === fewest);
  const names = [...new Set(tied.map((entry) => entry.candidate.name))];
  const written = best.fits.known ? undefined : scored.find((entry) => seen.includes(entry.candidate.name) && entry.penalty <= best.penalty + 1);
  if (names.length === 1 && written && written.candidate.name !== best.candidate.name) names.push(written.candidate.name);
  if (names.length === 1) return { name: best.candidate.name, sure: true, alternatives: [] };
  return { name: asWritten, sure: false, alternatives: names };
}

/** Words of `base` that are the written word with an e or a put in before its last consonant (Petra → Peter). */
function fleetingVowels(base: string, written: string): number {
  const writtenWords = written.split(' ');
  return base.split(' ').filter((word, index) => {
    const match = /^(.+)[ea]([^aeiou])$/.exec(word);
    return match !== null && (writtenWords[index] ?? '').startsWith(match[1]! + match[2]!);
  }).length;
}

export interface NameGroup {
  base: BaseForm;
  /** Spelling as seen → how often. */
  spellings: Map<string, number>;
}

interface Cluster {
  spellings: Map<string, number>;
  candidates: Candidate[];
  gender?: Gender;
}

/**
 * Spellings of names (»Kajo Kallas«, »Kaja Kallas«, »Pirc Musarjeva«) gathered into one group per person.
 * Spellings go together while one base form still accounts for all of them; a group whose spellings are all
 * the surname alone (»Pirc Musarjeva«, »der Leyen«) joins the one person whose surname has those forms.
 */
export function groupNameSpellings(spellings: Iterable<readonly [string, number]>, known: FirstNameGender): NameGroup[] {
  const clusters: Cluster[] = [];
  // Clusters by the candidates they share, so an archive's thousands of names are not each compared with all.
  const byCandidate = new Map<string, Cluster[]>();
  const sorted = [...spellings].sort((a, b) => b[1] - a[1]);
  for (const [spelling, count] of sorted) {
    const own = candidatesOf(spelling).filter((candidate) => firstNameFits(candidate, known).plausible);
    const near = new Set(own.flatMap((candidate) => byCandidate.get(`${candidate.gender} ${candidate.name}`) ?? []));
    // A spelling that leaves the base unsure (»Andreja Kuzmina«) joins only a group that is unsure already.
    const cluster = [...near].find((other) => {
      const both = intersect(other.candidates, own);
      return both.length > 0 && (chooseBase(both, [], known).sure || !chooseBase(other.candidates, [], known).sure);
    });
    if (cluster) {
      cluster.candidates = intersect(cluster.candidates, own);
      cluster.spellings.set(spelling, count);
    } else {
      const created: Cluster = { spellings: new Map([[spelling, count]]), candidates: own };
      clusters.push(created);
      for (const candidate of own) {
        const key = `${candidate.gender} ${candidate.name}`;
        byCandidate.set(key, [...(byCandidate.get(key) ?? []), created]);
      }
    }
  }
  const groups = clusters.map((cluster) => ({ base: chooseBase(cluster.candidates, [...cluster.spellings.keys()], known), cluster }));
  const kept: Array<(typeof groups)[number]> = [];
  for (const group of groups) {
    const owners = groups.filter((other) => other !== group && other.base.sure && [...group.cluster.spellings.keys()].every((spelling) => isSurnameForm(spelling, other.base.name, other.cluster.candidates)));
    if (owners.length === 1) {
      for (const [spelling, count] of group.cluster.spellings) owners[0]!.cluster.spellings.set(spelling, count);
    } else {
      kept.push(group);
    }
  }
  return kept.map((group) => ({ base: group.base, spellings: group.cluster.spellings }));
}

/** »Pirc Musarjeva« is the surname of Nataša Pirc Musar alone: the words before the last are hers, the last a form of her surname. */
function isSurnameForm(spelling: string, base: string, candidates: readonly Candidate[]): boolean {
  const words = spelling.split(' ');
  const baseWordsList = base.split(' ');
  if (words.length >= baseWordsList.length) return false;
  const tail = baseWordsList.slice(-words.length);
  if (words.slice(0, -1).some((word, index) => word !== tail[index])) return false;
  const gender = candidates.find((candidate) => candidate.name === base)?.gender ?? 'm';
  const paradigm = paradigmOf(baseWordsList.at(-1)!, gender, 'surname');
  return CASES.some((grammaticalCase) => paradigm[grammaticalCase].includes(words.at(-1)!));
}

/** Whether a word is a case form of a first name known to be of that gender (Jože, Nado, Sofia; not Krke, NSi). */
function isKnownFirstNameForm(word: string, known: FirstNameGender): boolean {
  return (['m', 'f'] as const).some((gender) => [...baseWords(word, gender, 'given').values()].some((bases) => bases.some((base) => known(base) === gender)));
}

/**
 * Where the name starts in runs of capitalised words that open with an organisation, a party or a nationality in
 * apposition (»predsednik uprave Krke Jože Colarič«, »NSi Jernej Vrtovec«, »Italijanka Sofia Goggia«): at a known
 * first name in any case, when no word before is one (»Ana Marija Novak« stays whole). Offered whole, such a run
 * was a name no one has, beside the person it hid. The words after a run's head are not taken for a name because
 * the archive writes them alone too: a sentence's first word is dropped when it is no known first name, so »Bled
 * Strategic Forum« opening a sentence is »Strategic Forum«, no person's name either.
 * Spelling → the name in it, for the runs that open with other words.
 */
export function nameStarts(spellings: Iterable<string>, known: FirstNameGender): Map<string, string> {
  const starts = new Map<string, string>();
  for (const spelling of spellings) {
    const words = spelling.split(' ');
    for (let k = 1; k <= words.length - 2; k++) {
      if (isKnownFirstNameForm(words[k - 1]!, known)) break;
      if (!isKnownFirstNameForm(words[k]!, known)) continue;
      starts.set(spelling, words.slice(k).join(' '));
      break;
    }
  }
  return starts;
}
