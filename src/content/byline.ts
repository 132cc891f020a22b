import { memoize } from '../memo.ts';
import { NEWS_AGENCIES } from './news-agencies.ts';

/**
 * An article's `author:` line as the names it lists. Slovenian bylines name several people or an agency in
 * one line (»Ana Novak in Bor Kos«, »Ana Novak, Bor Kos in Cene Lipnik«, »STA, Reuters«, »Ana Novak, STA«),
 * and structured data and feeds want each author as an entry of its own (Google's Article guide: "list each
 * author in its own author field", Person or Organization). The page shows the line as the editor wrote it.
 */

/** person: a name (»Ana Novak«, initials »M. K.«); organization: a news agency; newsroom: the site's own editors. */
export type BylineKind = 'person' | 'organization' | 'newsroom';

export interface BylineName {
  name: string;
  kind: BylineKind;
  /** Where the name stands in the byline, so a page can link it and keep every other character as written. */
  start: number;
  end: number;
}

/** The words for the site's own editorial staff, which a byline gives when no one person signs. */
const NEWSROOM = new Set(['uredništvo', 'redakcija']);

/** A word of two to six capitals or digits: STA, AFP, ČTK, 24UR, and the RTV, SLO and TV of »MMC RTV SLO«, »POP TV«. */
const CAPITALS_WORD = /^[\p{Lu}\p{N}]{2,6}$/u;

/**
 * A name of capitals words is an agency or a media house (STA, ANSA, 24UR, RTV SLO, MMC RTV SLO, POP TV, N1) when
 * one of its words has three characters or more or holds a digit. Two capitals alone (»MK«, »MK JK«) are more
 * often a journalist's initials, which hold no digit, so they stay a person unless listed above.
 */
function isAcronymName(name: string): boolean {
  const words = name.split(' ');
  return (
    /\p{Lu}/u.test(name) &&
    words.every((word) => CAPITALS_WORD.test(word)) &&
    words.some((word) => word.length >= 3 || /\p{N}/u.test(word))
  );
}

/**
 * The news agencies whose names a byline cannot tell by their capitals (Reuters, dpa, Kyodo, RIA Novosti), and AP,
 * whose two capitals would otherwise be read as a journalist's initials; compared in lower case. One written in
 * capitals (STA, MINA) is left to isAcronymName, which takes it so written: in lower case, »Mina« is a woman's name.
 */
const AGENCIES: ReadonlySet<string> = new Set(
  [...NEWS_AGENCIES].filter((agency) => !isAcronymName(agency)).map((agency) => agency.toLocaleLowerCase('sl')),
);

/**
 * Authors are separated by commas and by »in«, »ter« or »&« (and) before the last of them, and agencies often by a
 * slash (»STA/AFP«, »Ana Novak / STA«). A Slovenian name has no comma and no word »in«, so a name is never cut
 * there; the byline is already one line with single spaces (front matter text is folded, content/schema.ts).
 * »&« only with spaces around it: »AT&T« is one name.
 */
const SEPARATOR = /,| (?:in|ter|&) | ?\/ ?/g;

/** The text of a name from `rest` on, up to where a separator may end it. */
const nameAhead = (rest: string) => rest.split(/,| (?:in|ter|&) |\//)[0]!.trim();

/**
 * »&« between two single words that are neither an agency nor the newsroom joins the name of a firm (»Procter &
 * Gamble«, »Ernst & Young«, »Simon & Schuster«), not two authors: a byline names a journalist by the full name,
 * and »Ana Novak & Bor Kos« or »STA & AFP« still split.
 */
function joinsFirmName(before: string, after: string): boolean {
  return [before, after].every((word) => /^\S+$/u.test(word) && bylineKind(word) === 'person');
}

/**
 * »Kovač, Janez & Novak, Ana«: names written surname first (pipeline/byline-warnings.ts warns about them). A
 * single word after a comma that follows another single person's word is a given name, so an »&« after it is
 * between two authors: joined, »Janez & Novak« was a firm, and the warning never saw the two names.
 */
function inSurnameFirstList(previous: Readonly<BylineName> | undefined, separator: string): boolean {
  return separator === ',' && previous !== undefined && previous.kind === 'person' && /^\S+$/u.test(previous.name);
}

/**
 * A word whose slash is not between two names: a web address (»https://…«, »www.24ur.com/…«) or a date or
 * number (»12/2025«, »5/12/2025«).
 */
const SLASHED_WORD = /:\/\/|^www\.|^[\p{N}./]+$/iu;

/** The words on either side of the slash at `index`, joined by it (spaces around the slash left out). */
function slashedWord(text: string, index: number): string {
  const before = /\S*$/u.exec(text.slice(0, index).trimEnd())![0];
  const after = /^\S*/u.exec(text.slice(index + 1).trimStart())![0];
  return `${before}/${after}`;
}

/**
 * »in« or a slash separates two authors only when a name follows it: an upper-case letter or a digit, an agency
 * from the list (»Ana Novak in dpa«, »STA/dpa«), or the newsroom (»Ana Novak in uredništvo«). »Sophie in 't
 * Veld«, »Zavod za kulturo in šport« and »24ur.com/novice« stay whole. A letter of a script without letter case
 * (Arabic, Hebrew, Chinese: Unicode's Lo) starts a name too, as no Slovenian word starts with one; a paste from a
 * right-to-left source may put a direction mark (Cf) before it.
 */
const NAME_START = /^\p{Cf}*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;

function startsName(rest: string): boolean {
  const word = /^\S+/.exec(rest)?.[0] ?? '';
  if (NAME_START.test(word) || AGENCIES.has(word.toLocaleLowerCase('sl'))) return true;
  // »Ana Novak in uredništvo«: the newsroom, when it is all that follows up to the next comma.
  return NEWSROOM.has(rest.split(',')[0]!.trim().toLocaleLowerCase('sl'));
}

export function bylineKind(name: string): BylineKind {
  const lower = name.toLocaleLowerCase('sl');
  if (NEWSROOM.has(lower)) return 'newsroom';
  // A person's name holds no »&«: one left whole is a firm's (»Procter & Gamble«, »Kovač & partnerji«, »AT&T«).
  if (AGENCIES.has(lower) || isAcronymName(name) || name.includes('&')) return 'organization';
  return 'person';
}

/**
 * The names of a byline in order; empty when it holds none (a lone comma). Kept by byline: every article page
 * and feed entry asks, and a newsroom's bylines are a few hundred. The answer is shared, so it is read only.
 */
export function splitByline(byline: string): readonly Readonly<BylineName>[] {
  return bylineNames(byline);
}

const bylineNames = memoize(namesOf, 100_000);

function namesOf(byline: string): BylineName[] {
  const names: BylineName[] = [];
  const add = (from: number, to: number) => {
    const raw = byline.slice(from, to);
    const name = raw.trim();
    if (name === '') return;
    const start = from + raw.indexOf(name);
    names.push({ name, kind: bylineKind(name), start, end: start + name.length });
  };
  let from = 0;
  // The separator before the name that starts at `from`.
  let opening = '';
  for (const match of byline.matchAll(SEPARATOR)) {
    const after = match.index + match[0].length;
    if (match[0] !== ',' && !startsName(byline.slice(after))) continue;
    if (match[0].trim() === '/' && SLASHED_WORD.test(slashedWord(byline, match.index + match[0].indexOf('/')))) continue;
    if (match[0] === ' & ' && !inSurnameFirstList(names.at(-1), opening) && joinsFirmName(byline.slice(from, match.index).trim(), nameAhead(byline.slice(after)))) continue;
    add(from, match.index);
    from = after;
    opening = match[0];
  }
  add(from, byline.length);
  return names;
}

/** The words a byline line opens with (»Piše:«, »Avtorica:«); `arhivar import` takes such a line as a credit too. */
export const BYLINE_LABELS = 'piše|pišeta|pišejo|avtor|avtorica|avtorja|avtorici|avtorji|avtorice|besedilo|besedilo in foto(?:grafije|grafija)?';

// Slovenian papers and agencies put the byline on a line of its own: »Piše: Ana Novak«, »Pišeta: …« for two, »Avtorica: …«.
const BYLINE = new RegExp(`^(?:${BYLINE_LABELS})\\s*:\\s*(.+)$`, 'iu');
// Many papers print it without the colon (»Piše Ana Novak«, »Pišeta Ana Novak in Bor Zupan«), and a sentence may start
// with the same word (»Piše se leto 1991«): without the colon, only names may follow, each word of them capitalised
// or an initial, joined as a byline joins them (splitByline below); so no `i` flag, which would let \p{Lu} match
// small letters. Only the verb: »Avtor Drago Jančar« is a caption.
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*\.?`;
const NAME = `${NAME_WORD}(?:[ \\t\u00a0]+${NAME_WORD})*`;
export const BYLINE_WITHOUT_COLON = new RegExp(`^(?:[Pp]iše(?:ta|jo)?|PIŠE(?:TA|JO)?)[ \\t\u00a0]+(${NAME}(?:(?:,|[ \\t\u00a0]+(?:in|ter|&))[ \\t\u00a0]+${NAME})*)$`, 'u');
// A name, several or an agency fit in this; a longer line after »Avtor:« is a sentence.
const MAX_BYLINE_LENGTH = 100;

/** The labels of the other credits a line gives beside the byline (»Foto: Bor Zupan«, »Vir: STA«). */
export const CREDIT_LABELS = 'foto|fotografija|fotografije|posnetek|video|vir|viri|ilustracija|grafika|prevod';

/**
 * A second label on the byline's line (»Besedilo: Ana Novak, foto: Bor Zupan«), after a comma, semicolon, bar,
 * dash or slash or only a space: the names before it are the authors, the rest credits others' work. No \s* before
 * the label: tried at every space of a long run, it took seconds, so the separator is trimmed off the names instead.
 */
const SECOND_LABEL = new RegExp(`(?<![\\p{L}\\p{N}])(?:${CREDIT_LABELS}|${BYLINE_LABELS})\\s*:`, 'iu');
const SEPARATOR_CHARACTERS = ',;|/–—-';

/** `text` without the spaces and separators at its end, a character at a time (a regular expression's [ ]+$ is quadratic). */
function trimSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && (/\s/u.test(text[end - 1]!) || SEPARATOR_CHARACTERS.includes(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/** The name(s) a byline line gives (»Piše: Ana Novak« → »Ana Novak«), or undefined for any other line. */
export function bylineName(line: string): string | undefined {
  return bylineLine(line)?.name;
}

/** A byline line's label (»Piše:«, »PIŠE«) and the name(s) after it, or undefined for any other line. */
export function bylineLine(line: string): { label: string; name: string } | undefined {
  const trimmed = line.trim();
  const written = (BYLINE.exec(trimmed) ?? BYLINE_WITHOUT_COLON.exec(trimmed))?.[1];
  if (written === undefined) return undefined;
  // The group runs to the end of the line and starts at the first character after the label and its spaces.
  const label = trimmed.slice(0, trimmed.length - written.length).trim();
  const second = SECOND_LABEL.exec(written)?.index;
  const name = (second === undefined ? written : trimSeparators(written.slice(0, second))).trim();
  if (name === '' || name.length > MAX_BYLINE_LENGTH) return undefined;
  // Initials end in a full stop (M. K.); a question, an exclamation or a colon ends a sentence, not a name.
  return /[!?:;…]$/u.test(name) ? undefined : { label, name };
}
