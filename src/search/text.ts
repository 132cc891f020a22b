import { SEPARATED_NUMBER, isNumberWord, isRomanNumeral } from '../text/numbers.ts';

/**
 * The words search compares: folded (no case, no diacritics) and stemmed (Slovenian endings removed),
 * so "Ušakova" and "usakov" meet at "usak". The index builder and the browser run this same code,
 * so a word is always reduced the same way on both sides.
 */

/** Letters that do not decompose under NFD, mapped as slug.ts maps them (see SLOVENIAN.md). */
const LETTERS: Readonly<Record<string, string>> = { đ: 'dj', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };
const UNDECOMPOSED = /[đłøßæœ]/g;
const MARKS = /\p{M}/gu;
/** A run of letters and digits, or a number with thousands separators or a decimal comma (1.500, 3,5), which is one word. */
const WORD = new RegExp(`${SEPARATED_NUMBER.source}|[\\p{L}\\p{N}]+`, 'gu');

/**
 * Zeros at the end of a number's decimals (no other word has a comma), which change no value: prices and fines
 * are written 1.500,00 and 2,50 as often as 1.500 and 2,5, and a reader searching either must find both. A
 * one-digit whole number keeps one zero (5,00 → 5,0): 5 alone is too short to search (isSearchable), and 5,00
 * would be found by nothing.
 */
const DECIMAL_ZEROS = /,([0-9]*?)0+$/;

function withoutDecimalZeros(_match: string, digits: string, comma: number): string {
  if (digits !== '') return `,${digits}`;
  return comma > 1 ? '' : ',0';
}

/**
 * "Ušakov" → "usakov", "Đorđe" → "djordje"; "1.500" → "1500", so it is found as either (no other word has a dot).
 * A decimal comma stays (3,5 is no 35), without zeros at the end: "1.500,00" → "1500", "2,50" → "2,5" (withoutDecimalZeros).
 */
export function foldWord(word: string): string {
  return word
    .replaceAll('.', '')
    .replace(DECIMAL_ZEROS, withoutDecimalZeros)
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(MARKS, '');
}

/**
 * The stem a word with đ also has when it is folded with d: readers type »dokovic« for Đoković as often as
 * »djokovic«, the folding slugs use. The index holds such a word under both stems and search marks it under
 * either; undefined for a word without đ (nearly all, so the index hardly grows). A word written with d is
 * not given a dj stem: »dokaz« is no »đokaz«.
 */
export function stemWithD(word: string): string | undefined {
  if (!/[đĐ]/.test(word)) return undefined;
  return stemWord(foldWord(word.replace(/[đĐ]/g, 'd')));
}

/**
 * Slovenian inflection endings, longest first. Nouns (Witkoffa, Witkoffu, Witkoffom), adjectives and
 * adjectival surnames (Zelenskega, Zelenskim), possessives (Trumpovim, Putinovim) and the Russian -ov/-ev
 * surnames (Dmitrijev, Dmitrijevim, Ušakova) all fall back to one stem, and so do the plural and dual of
 * feminine nouns (državam, državah, državami, državama) and the dual of the others (predsednikoma,
 * podjetjema). Over-stemming costs a little precision; under-stemming loses hits, which readers notice more.
 */
const SUFFIXES = [
  'ovega', 'ovemu', 'evega', 'evemu',
  'ovih', 'ovim', 'ovem', 'ovom', 'ovima', 'evih', 'evim', 'evem', 'evom', 'evima',
  'ega', 'emu', 'ima', 'imi', 'ami', 'ama', 'ema', 'oma',
  'ova', 'ove', 'ovi', 'ovo', 'ovu', 'eva', 'eve', 'evi', 'evo', 'evu',
  'emi', 'ih', 'im', 'om', 'em', 'ah', 'am', 'ov', 'ev', 'mi', 'jo', 'eh',
  'a', 'e', 'i', 'o', 'u',
].sort((a, b) => b.length - a.length);

/**
 * Endings taken off only after certain letters. -mi is the instrumental plural of nouns such as ljudje and
 * oblast (ljudmi, oblastmi), always after a consonant. After a vowel the m is the word's own and the ending is
 * -i: sporazumi, atomi, and Obami, which cut to »oba« met the numeral oba and not Obama. The adjectives' -imi
 * (z ruskimi) is an ending of its own. -jo and -eh are the instrumental singular and locative plural of
 * feminine nouns such as oblast, javnost and kost (z oblastjo, o oblasteh), nearly all of which end in -st;
 * elsewhere the j or e is the word's own (Slovenijo, ladjo, vodjo, tretjo; uspeh, nasmeh), so only after st.
 */
const ENDING_AFTER: Readonly<Record<string, RegExp>> = { mi: /[^aeiou]$/, jo: /st$/, eh: /st$/ };

/** Whether `suffix` may be an ending after `stem`. */
function endingFits(stem: string, suffix: string): boolean {
  return ENDING_AFTER[suffix]?.test(stem) ?? true;
}

/** A stem keeps at least this many letters, so short words are not cut to nothing. */
const MIN_STEM = 3;

/** Removes one inflection ending from a folded word. Numbers, Roman numerals and short words stay as they are. */
export function stemWord(folded: string): string {
  return finishStem(folded, stripEnding(folded));
}

/** The word without its longest ending that leaves MIN_STEM letters; the word itself when none does. */
function stripEnding(folded: string): string {
  if (folded.length <= MIN_STEM || isNumberWord(folded) || isRomanNumeral(folded)) return folded;
  for (const suffix of SUFFIXES) {
    if (folded.length - suffix.length < MIN_STEM || !folded.endsWith(suffix)) continue;
    const stripped = folded.slice(0, -suffix.length);
    if (!endingFits(stripped, suffix)) continue;
    return stripped;
  }
  return folded;
}

function finishStem(folded: string, stripped: string): string {
  let stem = stripped;
  // Names in -r insert a j before the ending (Kushner, Kushnerja, Kushnerjem): drop it again.
  if (stem !== folded && stem.length > MIN_STEM + 1 && stem.endsWith('rj')) stem = stem.slice(0, -1);
  stem = dropFleetingE(stem);
  return IRREGULAR_STEMS.get(stem) ?? stem;
}

/**
 * Stems of forms whose letters change inside the word, which no rule of ending takes back: otrok writes c before
 * the plural's -i (otroci, otrocih; SSKJ) and k in every other form. dan writes dn with -ev- before most endings
 * (dneva, dnevi, dnevih) and dn alone in dni, dnem, dneh and the dne of dates (SSKJ); none of these stems is
 * another word's (dnevnik and dnevno keep their n), but dan is also the stem of dana, dano, danih (»dati«), so
 * dnevi finds »v danih razmerah« (README says so). ljudje and ljudeh keep a j and an e that ljudi, ljudem and
 * ljudmi do not. ljudje is človek's plural too, but the two stay apart: ljudje is among the news's commonest
 * nouns, and človek, which shares its stem with človekov (človekove pravice), would find nearly every article.
 * A Map, not an object: an object also answers for »constructor« (Object.prototype), a word of English quotes,
 * whose stem became the function Object.
 */
const IRREGULAR_STEMS: ReadonlyMap<string, string> = new Map([
  ['otroc', 'otrok'],
  ['dnev', 'dan'],
  ['dni', 'dan'],
  ['dnem', 'dan'],
  ['dneh', 'dan'],
  ['dne', 'dan'],
  ['ljudj', 'ljud'],
  ['ljudeh', 'ljud'],
]);

/** For each stem of IRREGULAR_STEMS, the stems its forms are written with: dan → dnev, dni, dnem, dneh, dne. */
const WRITTEN_STEMS: ReadonlyMap<string, readonly string[]> = (() => {
  const written = new Map<string, string[]>();
  for (const [as, stem] of IRREGULAR_STEMS) written.set(stem, [...(written.get(stem) ?? []), as]);
  return written;
})();

/**
 * The stems a word with this stem is written with besides the stem itself: dnev, dni, dnem, dneh and dne for
 * dan (IRREGULAR_STEMS), none for nearly every stem. A typo is made in the word as written: »dnvei« is one edit
 * from dnev and two from dan, so a suggestion compares the typed stem with these too.
 */
export function writtenStems(stem: string): readonly string[] {
  return WRITTEN_STEMS.get(stem) ?? [];
}

/** The stems of IRREGULAR_STEMS that have stems written otherwise (dan, ljud, otrok). */
export function irregularStems(): Iterable<string> {
  return WRITTEN_STEMS.keys();
}

/**
 * The other stems a word's forms may have when the ending taken off begins with letters that may belong to
 * the word: »problem«, »problemu«, »problemi« lose -em, -emu, -emi (probl) while »problemov« keeps the em
 * (problem), and »program« loses -am (progr) while »programu« keeps it (program). Search looks a word up under
 * both, so any form finds the others. An adjective's ending (»v slovenskem«, slovensk) gets an alternative
 * too (slovenskem), which matches nothing more than the word itself. Empty when there is no such doubt.
 */
export function alternativeStems(folded: string): string[] {
  const stripped = stripEnding(folded);
  const ending = folded.slice(stripped.length);
  const stem = finishStem(folded, stripped);
  const alternatives: string[] = [];
  // problem, problemu, problemi → problem; program → program: the ending's first two letters may be the word's own.
  if (/^(am|em|im|om)/.test(ending)) alternatives.push(finishStem(folded, stripped + ending.slice(0, 2)));
  // problemov, problemom → probl; programa → progr: the stem ends in letters that the nominative's ending takes off.
  if (/(am|em|im|om)$/.test(stem) && stem.length - 2 >= MIN_STEM) alternatives.push(dropFleetingE(stem.slice(0, -2)));
  alternatives.push(...genitivePluralStems(stem, ending));
  alternatives.push(...stjaStems(stem, ending));
  alternatives.push(...instrumentalJoStems(stem, ending));
  alternatives.push(...silentEStems(stem, ending));
  alternatives.push(...linkedJStems(stem, ending));
  return alternatives.filter((alternative) => alternative !== stem);
}

/**
 * Names that end in a pronounced -e, -u or -y put a j before the ending (Rutte, Rutteja, z Ruttejem; Netanjahu,
 * Netanjahuja, Netanjahujev; Kennedy, Kennedyja; SLOVENIAN.md), which their forms' stem keeps (ruttej, netanjahuj,
 * kennedyj) and the nominative's does not (rutt, netanjah, kennedy): a form looks up the nominative's stem too, as
 * the nominative looks up the forms' (query.ts NAME_LINKS). Not after i, where the j is a noun's own as often as a
 * name's link (Francija, Rusija beside Renzija: franc, rus), nor when that stem has three letters, which are other
 * words' (Matej, Mateja: mati; muzeja: muza). Nor the t of Jožeta, Toneta: svet, predmet. The price is a few merges
 * of other words in -ej (Andreja finds Andre, Sergeja Serge) and of verbs in -uje with their nouns (napoveduje finds
 * napoved, obiskuje obisk), which README names.
 */
function linkedJStems(stem: string, ending: string): string[] {
  if (ending === '' || !/[euy]j$/.test(stem)) return [];
  const nominative = stemWord(stem.slice(0, -1));
  return nominative.length > MIN_STEM ? [nominative] : [];
}

/**
 * -jo after st is the instrumental of oblast (oblastjo, oblast) but also the accusative and instrumental of
 * nouns in -stja (gostjo, gostja; Nastjo, Nastja), whose other forms keep the j (gostj, nastj). Each looks up
 * the other, so »Nastja« finds »z Nastjo«; gostja and gostje then find gost too, a form of the same word.
 */
function stjaStems(stem: string, ending: string): string[] {
  if (ending === 'jo' && stem.endsWith('st')) return [`${stem}j`];
  if (stem.length > MIN_STEM + 1 && stem.endsWith('stj')) return [stem.slice(0, -1)];
  return [];
}

/**
 * Feminine nouns in -č, -ž, -š (pomoč, noč, luč, laž, miš; folded c, z, s) take -jo in the instrumental too (s
 * pomočjo), but -jo is taken off after st only (ENDING_AFTER), since after č, ž and š the j is as often the
 * word's own (večja, večjo; božja; višjo): »pomočjo« keeps its j (pomocj). So the nominative and the forms in
 * -i (pomoč, pomoči, pomočmi: pomoc) look up the stem with j, and a form in -jo the one without. The price:
 * »več« finds »večji«, »laž« »lažji« (lighter), »pas« »pasji«, »vezi« »vezje«, »večjo« »več« and »višjo« »Vis«
 * (README gives these as examples).
 */
function instrumentalJoStems(stem: string, ending: string): string[] {
  if (ending === 'o' && stem.length > MIN_STEM && /[aeiou][czs]j$/.test(stem)) return [stem.slice(0, -1)];
  if ((ending === '' || ending === 'i' || ending === 'mi') && /[aeiou][czs]$/.test(stem)) return [`${stem}j`];
  return [];
}

/**
 * English and French names with a silent e keep it before the ending (George, Georgea, Georgeu, z Georgeem; Mike,
 * Mikea; SLOVENIAN.md), so their forms stem to george while the nominative stems to georg: a form also looks up
 * the stem without the e. A stem ends in a consonant and e only where an ending follows such an e, which
 * Slovenian words hardly write (their e before an ending is part of the ending: -ega, -em).
 */
function silentEStems(stem: string, ending: string): string[] {
  return SILENT_E_ENDING.test(ending) && stem.length > MIN_STEM && /[^aeiou]e$/.test(stem) ? [stem.slice(0, -1)] : [];
}

/**
 * The endings such a name takes: a masculine one's singular (Georgea, Georgeu, z Georgeem, Mikeom) and its
 * possessive (Georgeev, Vanceova). Not the -o of video, stereo and rodeo, whose e is read and kept in every form:
 * »video« looked up vid, and found every article that writes vidi, vidim or Vida. Their other forms (videa, videu)
 * take a name's endings and still look up vid: only the nominative, the form readers search for, tells them apart.
 */
const SILENT_E_ENDING = /^(?:a|u|em|om|ev|ov)/;

/**
 * A genitive plural writes a vowel between the last two consonants that the other forms do not (the
 * fleeting e of feminine and neuter nouns, and the i of nouns in -je): volitve, volitev; društvo, društev;
 * podjetje, podjetij. The -ev is an ending to the stemmer
 * (Dmitrijev), so volitev is "volit" and volitve "volitv"; podjetij keeps its i ("podjetij", podjetje
 * "podjetj"). Each looks up the other. Only -tev (-tva, -tvo): -kev would make Moskva find moški.
 */
function genitivePluralStems(stem: string, ending: string): string[] {
  // volitv, drustv → volit, drust (volitev, drustev); volit with -ev taken off → volitv.
  if (stem.length > MIN_STEM && stem.endsWith('tv')) return [stem.slice(0, -1)];
  if (ending === 'ev' && stem.endsWith('t')) return [`${stem}v`];
  // podjetj → podjetij (podjetij); podjetij → podjetj.
  if (ending === '' && /[^aeiou]ij$/.test(stem)) return [`${stem.slice(0, -2)}j`];
  if (/[^aeiouj]j$/.test(stem)) return [`${stem.slice(0, -1)}ij`];
  return [];
}

/**
 * The consonants a fleeting e (neobstojni e) stands before at the end of a Slovenian word. The nominative
 * writes it and the other forms do not: sestanek, sestanka; Peter, Petra; Tihec, Tihca; Kremelj, Kremlja;
 * počasen, počasnega. It sits after a consonant, in a syllable after the first (Celje keeps its e).
 */
const FLEETING_E_ENDINGS = ['lj', 'nj', 'k', 'c', 'l', 'r', 'n'];
const FLEETING_E = /(?<=[^aeiou])e(?=(?:lj|nj|[kclrn])$)/;
const VOWEL = /[aeiou]/;

/**
 * A stem without the e that some of its forms drop, so they all meet: sestanek and sestanka at "sestank". A
 * word whose e stays in every form (človek, človeka; Kushner, Kushnerja) loses it in every form alike.
 * The vowel of an earlier syllable is looked for apart: a look-behind for it, tried at every letter, took
 * time by the square of a long word's length (200,000 digits: minutes) in the index of every article.
 */
function dropFleetingE(stem: string): string {
  if (stem.length <= MIN_STEM) return stem;
  const at = FLEETING_E.exec(stem)?.index;
  return at !== undefined && VOWEL.test(stem.slice(0, at - 1)) ? stem.slice(0, at) + stem.slice(at + 1) : stem;
}

/** The stem with the e it may have dropped written again ("sestank" → "sestanek"), or undefined when it cannot have dropped one. */
function withFleetingE(stem: string): string | undefined {
  const ending = FLEETING_E_ENDINGS.find((consonants) => stem.endsWith(consonants));
  if (ending === undefined) return undefined;
  const written = `${stem.slice(0, -ending.length)}e${ending}`;
  return dropFleetingE(written) === stem ? written : undefined;
}

/**
 * The stems that drop a fleeting e which `typed`, a word being typed, has written, or has just reached
 * ("kushnerj" → kushnr; "sestane" → sestank, sestanl, …): search needs their shards too.
 */
export function stemsWithoutFleetingE(typed: string): string[] {
  const stems = new Set<string>();
  for (let length = 1; length <= typed.length; length++) {
    const stem = dropFleetingE(typed.slice(0, length));
    if (stem.length < length) stems.add(stem);
  }
  for (const ending of FLEETING_E_ENDINGS) {
    const stem = dropFleetingE(typed + ending);
    if (stem.length < typed.length + ending.length) stems.add(stem);
  }
  return [...stems].filter((stem) => stemMayBegin(stem, typed));
}

/**
 * Whether a word whose stem is `stem` can begin with `typed`, a folded word still being typed: the stem goes
 * on past it (typed "dmitri", stem "dmitrij"), or `typed` is the stem and the start of an ending ("zelenskeg"
 * on the way to Zelenskega, stem "zelensk"; "kushnerj" on the way to Kushnerjem, stem "kushner").
 */
export function stemMayBegin(stem: string, typed: string): boolean {
  if (mayBegin(stem, typed)) return true;
  // The word may be typed with the fleeting e its stem drops: "kushnerj" on the way to Kushnerjem, stem "kushnr".
  const written = withFleetingE(stem);
  return written !== undefined && mayBegin(written, typed);
}

function mayBegin(stem: string, typed: string): boolean {
  if (stem.startsWith(typed)) return true;
  if (stem.length < MIN_STEM || !typed.startsWith(stem)) return false;
  let rest = typed.slice(stem.length);
  // The j that stemWord drops after -r.
  if (rest.startsWith('j') && stem.length > MIN_STEM && stem.endsWith('r')) rest = rest.slice(1);
  return rest === '' || SUFFIXES.some((suffix) => suffix.startsWith(rest) && endingFits(stem, suffix));
}

/**
 * Words too common to help a search: Slovenian conjunctions, prepositions, pronouns and forms of biti.
 * They are left out of the index, which keeps its largest shards small, and dropped from queries.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'in je da na se v z s ki pa za so bi ne bo tudi ali po od do iz o k h ko kot tako ter sta ga mu jo jih jim smo ste sem ' +
    'si biti bil bila bilo bili bile bodo bomo lahko ker saj ta to te ti tega temu tem tej teh tisto še že pri pred med nad pod brez proti zaradi kjer kar kateri katera katero'
  )
    .split(' ')
    .map(foldWord),
);

export interface Token {
  /** The word as written. */
  text: string;
  /** UTF-16 offset of the word in the source string. */
  start: number;
  end: number;
  folded: string;
  stem: string;
  /** The stem of the word folded with d for đ (see stemWithD), for a word with đ. */
  stemWithD?: string | undefined;
  /** The stem of the name this word ends, written without its apostrophes (see JOINED_WORD): »loreal« for the Oréal of L’Oréal. */
  stemJoined?: string | undefined;
}

/** Every word of `text` with its position, folded and stemmed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const joinedEndingAt = joinedWordsByEnd(text);
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    const end = match.index + match[0].length;
    const token: Token = { text: match[0], start: match.index, end, folded, stem: stemWord(folded) };
    const withD = stemWithD(match[0]);
    if (withD !== undefined) token.stemWithD = withD;
    const joined = joinedEndingAt?.get(end);
    if (joined !== undefined) token.stemJoined = stemWord(foldWord(joined));
    tokens.push(token);
  }
  return tokens;
}

/**
 * A name written with an apostrophe between its letters: L’Oréal, O’Rourke, D’Alema, Sant’Egidio (’, ' or ʼ; up to
 * four parts, rock’n’roll). Readers type it without the apostrophe (»loreal«, »orourke«) as often as with it, which
 * searches the part after it. A match starts only where a word does, so a long word costs its length, not its square.
 */
const JOINED_WORD = /(?<![\p{L}\p{N}]['\u2019\u02bc]?)\p{L}+(?:['\u2019\u02bc]\p{L}+){1,3}(?!['\u2019\u02bc]?[\p{L}\p{N}])/gu;
const APOSTROPHE = /['\u2019\u02bc]/;
const APOSTROPHES = /['\u2019\u02bc]/g;

/** Calls `visit` with every such name of `text`, written without its apostrophes (LOréal). */
export function forEachJoinedWord(text: string, visit: (word: string) => void): void {
  if (!APOSTROPHE.test(text)) return;
  for (const match of text.matchAll(JOINED_WORD)) visit(match[0].replace(APOSTROPHES, ''));
}

/** The joined names of `text` by the offset where each ends, which is where its last word ends; undefined for none. */
function joinedWordsByEnd(text: string): Map<number, string> | undefined {
  if (!APOSTROPHE.test(text)) return undefined;
  const byEnd = new Map<number, string>();
  for (const match of text.matchAll(JOINED_WORD)) byEnd.set(match.index + match[0].length, match[0].replace(APOSTROPHES, ''));
  return byEnd;
}

/** A word worth indexing or searching for: two letters or more and not a stop word. */
export function isSearchable(folded: string): boolean {
  return folded.length >= 2 && !STOP_WORDS.has(folded);
}
