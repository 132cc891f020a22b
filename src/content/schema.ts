import { z } from 'zod';
import { insideTypographicQuotes } from './typographic-quotes.ts';
import { ArhivarError } from '../errors.ts';
import { nearest } from '../text/levenshtein.ts';
import { foldWhitespace } from '../text/whitespace.ts';
import { balanceDirectionControls, withoutDirectionFormatting } from '../text/direction.ts';
import { parseContentDate } from './dates.ts';
import { listLine, quote } from './front-matter.ts';
import { parseArticleAddress, parsePersonAddress } from './redirects.ts';
import { nameKey } from '../site/slug.ts';

/**
 * The one source of the content types. Front matter is checked against these schemas and the record
 * types (`ArticleFrontMatter`, `PersonFrontMatter`, `SiteConfig`) are inferred from them.
 */
/**
 * C0 and C1 control characters come from CMS exports; they break XML feeds and mean nothing in HTML.
 * Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every plane) and lone surrogates are
 * forbidden in XML and reported by HTML validators, so they go too. Front matter and bodies drop the same set.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\p{Noncharacter_Code_Point}\p{Cs}]/gu;
/** The same, less tab, newline and carriage return, which mean something in a Markdown body. */
const BODY_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Noncharacter_Code_Point}\p{Cs}]/gu;
/**
 * A quick test for what BODY_CONTROL_CHARACTERS may find, without the u flag and its property classes, which
 * walk a body code point by code point: on the main thread of a 10,000-article build the replace took
 * 0.18 s, this test 0.05 s. It takes every surrogate, so a body with an emoji (or a noncharacter of another
 * plane, U+1FFFE, written as a pair) still goes through the full expression.
 */
const MAY_HOLD_BODY_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** Control characters become spaces, runs of white space one space; text-direction controls are balanced (text/direction.ts). */
export function stripControlCharacters(value: string): string {
  return foldWhitespace(balanceDirectionControls(value.replace(CONTROL_CHARACTERS, ' ')));
}

/**
 * The same characters in a Markdown body, where tab and newline mean something and stay. They are
 * invisible, forbidden in XML (feeds) and reported by HTML validators.
 */
export function stripBodyControlCharacters(value: string): string {
  return MAY_HOLD_BODY_CONTROL_CHARACTERS.test(value) ? value.replace(BODY_CONTROL_CHARACTERS, '') : value;
}


/**
 * Characters that show nothing and are no white space (which foldWhitespace folds): zero-width space, non-joiner and
 * joiner, word joiner, byte-order mark, soft hyphen. A CMS or a paste leaves them; a value of them alone is empty.
 */
const INVISIBLE_CHARACTERS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Whether a value (stripControlCharacters's) holds only text-direction controls and marks and invisible characters. */
function showsNothing(value: string): boolean {
  return withoutDirectionFormatting(value).replace(INVISIBLE_CHARACTERS, '').trim() === '';
}

const INVISIBLE_HINT = 'it holds only invisible characters (text-direction marks such as U+200E or U+202A, which a paste from right-to-left text leaves, or zero-width spaces)';

/**
 * Text that must say something. A value of text-direction controls and marks alone (U+200E, U+202A …), which a paste
 * from right-to-left text can leave, or of other invisible characters (a zero-width space) is as empty as `""`:
 * nothing of it shows, and a title, a summary or a name would go out invisible. It is refused the same way, with a
 * hint that says what the line holds, since the editor sees nothing there.
 */
const text = z
  .string()
  .transform(stripControlCharacters)
  .pipe(
    z
      .string()
      .min(1, { error: 'must not be empty' })
      .refine((value) => value === '' || !showsNothing(value), {
        error: 'must not be empty',
        params: { hint: `${INVISIBLE_HINT}: write the text itself after the colon` },
      }),
  );

/**
 * A list of names; a single name written without brackets is accepted as a list of one. A single value
 * with a comma is refused: `people: Steve Witkoff, Jared Kushner` is one string to YAML, and was published
 * as one person (/osebe/steve-witkoff-jared-kushner/). A name that does hold a comma is still written, in
 * quotes inside brackets, where the editor has plainly said it is one name. `entry`, what an entry is called
 * (alias), makes the list refuse an entry that shows nothing instead of dropping it. `max` caps the list, before its
 * entries are looked at: each refused entry is an error, and 300,000 empty ones overflowed the stack where the build
 * gathers errors.
 */
const nameList = (error: string, entry?: string, max?: { count: number; hint: string }) =>
  z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], { error }).transform((value, context) => {
    if (max && Array.isArray(value) && value.length > max.count) {
      context.issues.push({ code: 'custom', message: `has ${value.length.toLocaleString('en-US')} entries; at most ${max.count} are allowed`, input: value, params: { hint: max.hint } });
      return z.NEVER;
    }
    // A CMS exports tags with semicolons between them as often as with commas (Politika; Gospodarstvo).
    const separator = typeof value !== 'string' ? undefined : value.includes(',') ? ',' : value.includes(';') ? ';' : undefined;
    if (typeof value === 'string' && separator !== undefined) {
      const items = value
        .split(separator)
        .map((item) => stripControlCharacters(item))
        .filter((item) => item !== '');
      const [marks, example] = separator === ',' ? ['commas', '"Janez Novak, ml."'] : ['semicolons', '"Ljubljana; Slovenija"'];
      context.issues.push({
        code: 'custom',
        message: `is one value with ${marks} ("${stripControlCharacters(value)}"), not a list: it would be taken as one entry`,
        input: value,
        params: { hint: `write a list in brackets: [${items.join(', ')}]; an entry that itself holds a ${separator === ',' ? 'comma' : 'semicolon'} goes in quotes inside them, such as [${example}]` },
      });
      return z.NEVER;
    }
    const entries = (Array.isArray(value) ? value : [value]).map((item) => stripControlCharacters(String(item)));
    // An `entry` list refuses an entry that shows nothing, as `text` refuses such a value: an alias of invisible
    // characters alone was taken, with no words to be found by, and an empty one dropped without a word.
    if (entry !== undefined && entries.some(showsNothing)) {
      for (const [k, item] of entries.entries()) {
        if (!showsNothing(item)) continue;
        const hint = item === '' ? `write the ${entry} there, or delete the entry` : `${INVISIBLE_HINT}: write the ${entry} itself there, or delete the entry`;
        context.issues.push({ code: 'custom', message: `entry ${k + 1} must not be empty`, input: value, params: { hint } });
      }
      return z.NEVER;
    }
    const items = entries.filter((item) => item !== '');
    const quoted = items.find((item) => insideTypographicQuotes(item) !== undefined);
    if (quoted !== undefined) {
      const written = items.map((item) => insideTypographicQuotes(item) ?? item).map((item) => (/[,:#[\]{}"']/.test(item) ? JSON.stringify(item) : item));
      context.issues.push({
        code: 'custom',
        message: `entry ${quoted} is in typographic quotes, which YAML does not read as quotes, so they would be published as part of it`,
        input: value,
        params: { hint: `write the list with straight quotes or none: [${written.join(', ')}]` },
      });
      return z.NEVER;
    }
    return items;
  });
const names = nameList('must be a list of names, such as [Steve Witkoff, Jared Kushner]');

/**
 * A `redirectFrom:` list, as written or as a list: each entry is checked by `parse` (content/redirects.ts) and
 * kept the one way arhivar writes it, each once. `max` caps a person file's list, whose every entry makes a page,
 * its later pages and a feed.
 */
function redirectList(
  error: string,
  parse: (written: string) => { ok: true; value: string } | { ok: false; message: string; hint: string },
  max?: { count: number; hint: string },
) {
  return z.union([z.string(), z.array(z.string())], { error }).transform((value, context) => {
    const written = Array.isArray(value) ? value : [value];
    if (max && written.length > max.count) {
      context.issues.push({ code: 'custom', message: `has ${written.length.toLocaleString('en-US')} entries; at most ${max.count} are allowed`, input: value, params: { hint: max.hint } });
      return z.NEVER;
    }
    // A Set, not includes() on the list: that took time by the square of its length (24 s for 40,000).
    const kept = new Set<string>();
    for (const entry of written) {
      const result = parse(stripControlCharacters(entry));
      if (!result.ok) context.issues.push({ code: 'custom', message: result.message, input: entry, params: { hint: result.hint } });
      else kept.add(result.value);
    }
    return [...kept];
  });
}

/** Earlier addresses of an article (content/redirects.ts parseArticleAddress), each as its path. */
const addressList = redirectList('must be a list of addresses, such as [/2025/12/22/stari-naslov/]', (written) => {
  const result = parseArticleAddress(written);
  return result.ok ? { ok: true, value: result.path } : result;
});

/**
 * The most aliases a person file may have. Every alias is a name people detection looks for in every article, and
 * 300,000 of them slowed each worker until every article of the site was stopped as article/too-slow, while the
 * person file was not named.
 */
export const MAX_PERSON_ALIASES = 100;

/** The most `redirectFrom:` entries a person file may have: each is a page, its later pages and a feed. */
export const MAX_PERSON_REDIRECTS = 100;

/** Earlier ids of a person (content/redirects.ts parsePersonAddress), each as the id. */
const personAddressList = redirectList(
  'must be a list of earlier file names, such as [ana-novak]',
  (written) => {
    const result = parsePersonAddress(written);
    return result.ok ? { ok: true, value: result.id } : result;
  },
  { count: MAX_PERSON_REDIRECTS, hint: `keep at most ${MAX_PERSON_REDIRECTS} names the person's file really had; a web server in front of the site can send more on` },
);

const contentDate = z.unknown().transform((value, context) => {
  const result = parseContentDate(value);
  if (!result.ok) {
    context.issues.push({ code: 'custom', message: result.message, input: value, params: { hint: result.hint, instead: result.instead } });
    return z.NEVER;
  }
  return result.value;
});

/**
 * Words editors write for true and false: YAML 1.1 read yes/no/on/off as them (Jekyll's front matter still
 * does), and Slovenian has da/ne. YAML 1.2, which arhivar reads, takes them as text. They are refused with the
 * line that means what was written: a fixed example (`draft: true`) told an editor who wrote `draft: no` to
 * write the opposite of what they meant.
 */
const FLAG_WORDS: Readonly<Record<string, boolean>> = { yes: true, no: false, on: true, off: false, y: true, n: false, da: true, ne: false };

/** true or false, and nothing YAML reads as anything else. */
const flag = z.unknown().transform((value, context) => {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim() : '';
  const quoted = /^(true|false)$/i.test(word);
  const meant = quoted ? word.toLowerCase() === 'true' : Object.hasOwn(FLAG_WORDS, word.toLowerCase()) ? FLAG_WORDS[word.toLowerCase()] : undefined;
  const why = quoted ? 'without quotes: in quotes it is text' : `since YAML reads ${word} as a word, not as ${meant}`;
  context.issues.push({ code: 'custom', message: 'must be true or false', input: value, params: meant === undefined ? {} : { instead: { value: String(meant), why } } });
  return z.NEVER;
});

export const ArticleFrontMatterSchema = z.strictObject({
  title: text,
  date: contentDate,
  updated: contentDate.optional(),
  people: names.default([]),
  notPeople: names.default([]),
  tags: nameList('must be a list of tags, such as [Ukrajina, diplomacija]').default([]),
  author: text.optional(),
  source: text.optional(),
  summary: text.optional(),
  slug: text.optional(),
  draft: flag.default(false),
  redirectFrom: addressList.default([]),
});
export type ArticleFrontMatterInput = z.input<typeof ArticleFrontMatterSchema>;
export type ArticleFrontMatter = z.output<typeof ArticleFrontMatterSchema>;

/**
 * `m` or `f`, in either case; editors writing Slovenian also type the words' first letters or the words
 * themselves (ž for ženska, moški), which mean the same.
 */
const GENDERS: Readonly<Record<string, 'm' | 'f'>> = { m: 'm', f: 'f', ž: 'f', moški: 'm', ženska: 'f', moski: 'm', zenska: 'f', male: 'm', female: 'f' };
const gender = z.preprocess(
  (value) => (typeof value === 'string' && Object.hasOwn(GENDERS, value.trim().toLowerCase()) ? GENDERS[value.trim().toLowerCase()] : value),
  z.enum(['m', 'f'], { error: 'must be m (moški) or f (ženska)' }),
);

export const PersonFrontMatterSchema = z.strictObject({
  name: text,
  /** The surname words of `name` when they are not its last word (Pirc Musar, Xi in Xi Jinping). */
  surname: text.optional(),
  aliases: nameList('must be a list of names, such as [Steve Witkoff, Jared Kushner]', 'alias', {
    count: MAX_PERSON_ALIASES,
    hint: 'aliases are the few other names a text calls the person by, such as aliases: [Steven Witkoff]; delete the rest',
  }).default([]),
  role: text.optional(),
  gender: gender.optional(),
  detect: flag.default(true),
  /** Ids the person had before their file was renamed: each old address sends readers on to the new one. */
  redirectFrom: personAddressList.default([]),
});
export type PersonFrontMatter = z.output<typeof PersonFrontMatterSchema>;

/** A path ending in the file of a web page (index.html, arhiv.php), not in a folder. */
const PAGE_FILE = /\/[^/]+\.(?:html?|php|aspx?)$/i;

const BASE_URL_ERROR = 'must be an absolute http(s) address, such as https://novice.example.si/';

/**
 * A host name with dots and what follows it, with no scheme: the address as a browser's address bar shows
 * it and an editor copies it (arhiv.example.si, www.example.si/arhiv, //example.si/), given with https://, which
 * a newsroom's site is published at; undefined for anything else.
 */
function withScheme(written: string): string | undefined {
  const address = written.trim().replace(/^\/\//, '');
  // With ?… or #… it would be refused again, for those: the example that leaves them out is the better hint.
  if (!/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?::\d+)?(?:\/[^?#]*)?$/u.test(address)) return undefined;
  // As typed, not as the parser writes it (xn--as-dma.si for čas.si): the editor's own spelling is accepted.
  if (!URL.canParse(`https://${address}`)) return undefined;
  // A page's address (…/index.html) with a closing / would pass as a folder's and publish the site under it: its
  // folder is the line to write, as for an address with https://.
  const folder = address.replace(PAGE_FILE, '/');
  return `https://${folder.endsWith('/') ? folder : `${folder}/`}`;
}

/**
 * The address readers open, out of one copied from the browser's address bar or a staging link (utm_source=…,
 * #vrh, urednik:geslo@, …/index.html): each baseUrl check's hint gives it whole, so the line one check offers
 * is refused by none of the others. The checks run on what z.url() refused too: undefined for that.
 */
function publishedAddress(url: string): string | undefined {
  const address = URL.parse(url);
  if (!address || !/^https?:$/.test(address.protocol)) return undefined;
  address.username = '';
  address.password = '';
  address.search = '';
  address.hash = '';
  const { href } = PAGE_FILE.test(address.pathname) ? new URL('./', address) : address;
  const parsed = href.endsWith('/') ? href : `${href}/`;
  return asWritten(url, parsed) ?? parsed;
}

/**
 * `url` cut to `parsed` in the editor's own spelling: the parser writes čas.si as xn--as-dma.si and č in a path as
 * %C4%8D, an address the editor does not know for theirs (withScheme's hint keeps it as typed too). Undefined
 * when what is cut from the text is not that same address, which the parser's form then stands for.
 */
function asWritten(url: string, parsed: string): string | undefined {
  const written = /^(https?:\/\/)(?:[^/?#]*@)?([^/?#]*)([^?#]*)/i.exec(url);
  if (!written) return undefined;
  const folder = written[3]!.replace(PAGE_FILE, '/');
  const address = `${written[1]}${written[2]}${folder.endsWith('/') ? folder : `${folder}/`}`;
  return URL.parse(address)?.href === parsed ? address : undefined;
}

function publishedAddressHint(url: string): string {
  const address = publishedAddress(url);
  return address ? `write baseUrl: ${address}` : 'write it like baseUrl: https://example.si/arhiv/';
}

export const SiteConfigSchema = z.strictObject({
  title: text.default('Arhiv novic'),
  description: text.default('Arhiv novic'),
  baseUrl: z
    .string()
    .superRefine((url, context) => {
      const instead = withScheme(url);
      if (instead) context.addIssue({ code: 'custom', message: BASE_URL_ERROR, params: { instead: { value: instead, why: 'with the https:// that browsers leave out of the address bar' } } });
    })
    .pipe(z.url({ protocol: /^https?$/, error: BASE_URL_ERROR }))
    // Pages are published under its path, which a query or a fragment would end.
    .superRefine((url, context) => {
      if (/[?#]/.test(url)) context.addIssue({ code: 'custom', message: 'must be the address the site is published at, without ?… or #…', input: url, params: { hint: publishedAddressHint(url) } });
    })
    // Staging credentials copied with the address would go into every canonical link, feed and the sitemap. The
    // host ends at / \ ? or # (WHATWG URL, special schemes): an @ after them is a query's or fragment's (?email=a@b).
    .superRefine((url, context) => {
      if (!/^https?:\/\/[^/\\?#]*@/i.test(url)) return;
      context.addIssue({
        code: 'custom',
        message: 'must not hold a user name or password (user:password@): every page, feed and the sitemap would publish it',
        input: url,
        params: { hint: publishedAddressHint(url) },
      });
    })
    // An address copied from the browser on the site's first page (…/arhiv/index.html) is a page's, and a path
    // without a final / is taken for a folder: every link, canonical URL, feed and sitemap entry would then lead
    // under /arhiv/index.html/, where the host has nothing.
    .superRefine((url, context) => {
      // The checks above do not stop the ones after them: an address already refused is no URL to look into.
      if (!URL.canParse(url)) return;
      const { pathname } = new URL(url);
      if (!PAGE_FILE.test(pathname)) return;
      context.addIssue({
        code: 'custom',
        message: 'must be the address of the folder the site is published in, not of a page in it: the pages would be published under it as if it were a folder',
        input: url,
        params: { hint: `write the folder's address, ending in /: baseUrl: ${publishedAddress(url) ?? new URL('./', url).href}` },
      });
    })
    // As the URL parser writes it (host in lowercase, default port dropped, space and č percent-encoded), the
    // form canonical links are made in: the feed's author and JSON-LD's publisher print baseUrl itself, and a
    // space there is not a valid URI (RFC 4287 §3.2.2 atom:uri).
    .transform((url) => {
      const { href } = new URL(url);
      return href.endsWith('/') ? href : `${href}/`;
    })
    .default('http://localhost/'),
  language: z.literal('sl', { error: 'must be sl: arhivar builds Slovenian sites' }).default('sl'),
  pageSize: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(500, { error: 'must be at most 500' }).default(20),
  detectPeople: flag.default(true),
});
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
export type SiteConfig = z.output<typeof SiteConfigSchema>;

export interface SchemaContext {
  file: string;
  code: string;
  keyLines: ReadonlyMap<string, number>;
  /** Line of the opening ---, used when a key is missing. */
  fallbackLine: number | undefined;
  knownKeys: readonly string[];
  /** Example lines for this file's keys where an article's would mislead (a site's title is not a headline). */
  examples?: Readonly<Record<string, string>>;
  /**
   * The hint for an unknown key that this kind of file says otherwise than with a key (a person's bio: is the
   * Markdown after the front matter), given before any nearest valid key; undefined for other keys.
   */
  unknownKeyHint?: (key: string) => string | undefined;
  /** The values as YAML read them, and the file's text: a hint can then show the line to write. */
  data?: unknown;
  text?: string | undefined;
  /** The file's schema, where a hint's value is to be checked before it is given (pageSize: "0" unquoted is refused too). */
  schema?: z.ZodObject;
}

/**
 * A hint for the ways YAML silently changes what an editor typed: an unquoted number (`slug: 12345`,
 * `title: 2025`) is read as a number, and a `#` after the colon starts a comment, so `title: #1 v Evropi`
 * is an empty title. Both are fixed by quotes; a number in quotes where a number belongs, by none.
 */
function quotingHint(key: string, issue: z.core.$ZodIssue, context: SchemaContext): string | undefined {
  // A list's wrong kind of value is reported by its union of the forms a list may be written in.
  const list = issue.code === 'invalid_union';
  if ((issue.code !== 'invalid_type' && !list) || issue.path.length !== 1) return undefined;
  const value = isPlainObject(context.data) ? context.data[key] : undefined;
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof value === 'number') return `YAML reads an unquoted number as a number: put it in quotes, such as ${key}: "${value}"`;
  // And the other way: pageSize: "20" is a number to the editor who wrote it.
  // Only when the number itself is taken: "0" or "1000" unquoted would be refused again, and the example is the line to write.
  if (
    issue.code === 'invalid_type' &&
    (issue.expected === 'number' || issue.expected === 'int') &&
    typeof value === 'string' &&
    /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) &&
    (context.schema?.shape[key] as z.ZodType | undefined)?.safeParse(Number(value)).success !== false
  ) {
    return `write ${key}: ${value.trim()}, without quotes: in quotes it is text`;
  }
  const after = textAfterColon(key, context.keyLines, context.text);
  if (value != null || !after?.startsWith('#')) return undefined;
  const comment = `in YAML a # after the colon starts a comment, so ${key} is empty`;
  // Hashtags (tags: #Ukrajina #diplomacija) are meant as the list's items.
  if (list) return `${comment}: write the list without #, such as ${key}: [${after.split(/[\s,]+/).map((word) => word.replace(/^#+/, '')).filter((word) => word !== '').join(', ')}]`;
  return `${comment}: put the value in quotes, such as ${key}: "${after.replace(/"/g, '\\"')}"`;
}

/**
 * Text values YAML cut at a ` #`: after a space, # starts a comment, so `title: Zmaga #1 v Evropi` is the title
 * "Zmaga", and `summary: Gibanje #MeToo …` loses its end, with no error. Only a value written without quotes
 * (the parsed text is the start of what the line holds, a # after it) and cut at a # that a word or number
 * follows is refused: a comment after a quoted value (`title: "Zmaga" # preveri`), or one with a space after its
 * # (`author: Ana Novak # preveri`), is plainly meant. `keys` are the file's keys that hold text alone; one the
 * schema refused (`issues`, its issues with the file) is told by issuesToErrors, and not a second time here.
 */
export function cutAtCommentErrors(
  data: unknown,
  keys: readonly string[],
  issues: readonly z.core.$ZodIssue[],
  context: Pick<SchemaContext, 'file' | 'code' | 'keyLines' | 'text'>,
): ArhivarError[] {
  if (!isPlainObject(data)) return [];
  const refused = new Set(issues.map((issue) => issue.path[0]));
  const errors: ArhivarError[] = [];
  for (const key of keys) {
    if (refused.has(key)) continue;
    const value = data[key];
    const written = valueAsWritten(key, context.keyLines, context.text);
    if (typeof value !== 'string' || value === '' || written === undefined) continue;
    // Both sides folded as the value is published (stripControlCharacters), no-break spaces too: folded only at
    // spaces, tabs and line breaks, a title with a no-break space before its ' #' lost it to trim() on one side
    // and kept it on the other, and was published cut with no error.
    const folded = foldWhitespace(value);
    if (!written.startsWith(folded)) continue;
    // A # with a space after it is a comment written as one (`author: Ana Novak # preveri`), and stays one; a
    // hashtag or a number (#MeToo, #1) is text the editor meant.
    const comment = /^ +(#\S.*)$/.exec(written.slice(folded.length))?.[1];
    if (comment === undefined) continue;
    errors.push(
      new ArhivarError({
        code: `${context.code}/bad-${key}`,
        message: `${key} is cut at the #: in YAML a # after a space starts a comment, so ${key} would be "${stripControlCharacters(value)}" without "${comment}"`,
        file: context.file,
        line: context.keyLines.get(key),
        hint: `put the whole text in quotes, so the # stays in it: ${key}: ${quote(written)}`,
      }),
    );
  }
  return errors;
}

/**
 * What the file writes as `key`'s value, as one line: the text after its colon and the indented lines that go
 * on with it (a long summary wrapped by the editor, which YAML folds into one line), up to a comment line or the
 * next key. A # after a space ends the value on any of them: `summary: Prva vrstica` and `  druga #MeToo` is
 * "Prva vrstica druga". undefined when the line is not known.
 */
function valueAsWritten(key: string, keyLines: ReadonlyMap<string, number>, text: string | undefined): string | undefined {
  const first = lineAfterColon(key, keyLines, text);
  if (first === undefined || text === undefined) return undefined;
  const lines = [first.written];
  for (let start = first.next; start !== undefined; ) {
    const end = text.indexOf('\n', start);
    const written = text.slice(start, end === -1 ? text.length : end);
    if (/^[ \t]/.test(written) && !/^[ \t]*#/.test(written)) lines.push(written);
    else if (written.trim() !== '') break;
    start = end === -1 ? undefined : end + 1;
  }
  return foldWhitespace(lines.join('\n'));
}

/** What the file's line of `key` holds after its colon, trimmed; undefined when the line is not known. */
function textAfterColon(key: string, keyLines: ReadonlyMap<string, number>, text: string | undefined): string | undefined {
  return lineAfterColon(key, keyLines, text)?.written.trim();
}

/**
 * The file's line of `key` after its colon, as written, and where the line after it starts (none after the last
 * line); undefined when the line is not known.
 */
function lineAfterColon(key: string, keyLines: ReadonlyMap<string, number>, text: string | undefined): { written: string; next: number | undefined } | undefined {
  const line = keyLines.get(key);
  if (line === undefined || text === undefined) return undefined;
  let start = 0;
  for (let number = 1; number < line; number++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf('\n', start);
  const written = text.slice(start, end === -1 ? text.length : end);
  return { written: written.slice(written.indexOf(':') + 1), next: end === -1 ? undefined : end + 1 };
}

/** The keys of a schema that may be left out, to a default or to nothing. */
export function optionalKeys(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape).filter(([, value]) => (value as z.ZodType).safeParse(undefined).success).map(([key]) => key);
}

/**
 * Front matter with each optional key that holds nothing (`tags:`, `author:`, `updated: ~`: a template's line
 * left empty) taken out, so it means what leaving the line out means: no tags, no byline, the default. YAML
 * reads such a value as null, which no key takes, and "must be a list of names" is no answer to an editor
 * who meant none. A # right after the colon is kept (and refused): `tags: #Ukrajina` is a comment to YAML,
 * and dropping it would lose what the editor typed. A comment after a space (`author: # nihče`) is empty.
 */
export function withoutEmptyKeys(data: Record<string, unknown>, optional: readonly string[], keyLines: ReadonlyMap<string, number>, text: string): Record<string, unknown> {
  const empty = optional.filter((key) => data[key] === null && !/^#\S/.test(textAfterColon(key, keyLines, text) ?? ''));
  if (empty.length === 0) return data;
  // The front matter's data is left as it was read (see STYLE.md): a copy.
  const copy = { ...data };
  for (const key of empty) delete copy[key];
  return copy;
}

/**
 * Unknown keys told one by one; the rest are one error that counts them. Front matter of 300,000 keys gave as many
 * errors, which overflowed the stack where the build gathers them (»failed unexpectedly: RangeError«).
 */
export const MAX_UNKNOWN_KEYS_TOLD = 50;

/** A list's entries' errors told one by one, as unknown keys are (MAX_UNKNOWN_KEYS_TOLD); the rest are counted. */
export const MAX_ENTRY_ERRORS_TOLD = 50;

/**
 * `errors` with those of one list's entries (tags, people, aliases, redirectFrom …) cut to the first
 * MAX_ENTRY_ERRORS_TOLD and one error that counts the rest. Each entry's error carries the code and the line of
 * its list's key, so that is how they are known, whichever check made them: 150,000 tags without letters were
 * 150,000 lines of article/bad-tag for one slip. Other errors are left as they are, in their order.
 */
export function withEntryErrorsCounted(errors: ArhivarError[], keyLines: ReadonlyMap<string, number>): ArhivarError[] {
  if (errors.length <= MAX_ENTRY_ERRORS_TOLD) return errors;
  const told = new Map<string, number>();
  const rest = new Map<string, { first: ArhivarError; count: number }>();
  const kept: ArhivarError[] = [];
  for (const error of errors) {
    const group = `${error.code}\0${error.file ?? ''}\0${error.line ?? ''}`;
    const count = told.get(group) ?? 0;
    if (count < MAX_ENTRY_ERRORS_TOLD) {
      told.set(group, count + 1);
      kept.push(error);
      continue;
    }
    const counted = rest.get(group);
    if (counted) counted.count++;
    else rest.set(group, { first: error, count: 1 });
  }
  for (const { first, count } of rest.values()) {
    const key = [...keyLines].find(([, line]) => line === first.line)?.[0];
    kept.push(
      new ArhivarError({
        code: first.code,
        message: `and ${count.toLocaleString('en-US')} more ${count === 1 ? 'entry' : 'entries'} of ${key ?? 'the list'} refused so (the first ${MAX_ENTRY_ERRORS_TOLD} are told above)`,
        file: first.file,
        line: first.line,
        hint: `put them right or delete them as the errors above say; a list with so many entries that are wrong is most likely not one an editor wrote (a CMS's keyword field, a script gone wrong)`,
      }),
    );
  }
  return kept;
}

/** Turns zod's issues into ArhivarErrors with a line and a hint an editor can act on. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], context: SchemaContext): ArhivarError[] {
  const renamed = renamedKeys(issues, context);
  const errors: ArhivarError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const rest = issue.keys.slice(MAX_UNKNOWN_KEYS_TOLD);
      for (const key of issue.keys.slice(0, MAX_UNKNOWN_KEYS_TOLD)) {
        const { english, suggestion } = suggestedKey(key, context.knownKeys);
        const valid = context.knownKeys.join(', ');
        const nowhere = context.unknownKeyHint?.(key);
        const meant = suggestion !== undefined && renamed.get(suggestion) === key ? suggestion : undefined;
        // The key meant is in the file already: writing it in place of this one would make a second such line.
        const already = nowhere === undefined && suggestion !== undefined && context.keyLines.has(suggestion) ? alreadyThereHint(key, suggestion, context) : undefined;
        const sure = english ?? otherToolsKey(key, context.knownKeys);
        errors.push(
          new ArhivarError({
            code: `${context.code}/unknown-key`,
            message: `unknown key "${key}"`,
            file: context.file,
            line: context.keyLines.get(key) ?? context.fallbackLine,
            hint: nowhere
              ? `${nowhere}. Valid keys: ${valid}`
              : already
              ? `${english ? 'keys are written in English: ' : ''}${sure ? `"${key}" is "${suggestion}", but` : `did you mean "${suggestion}"? If so,`} ${already}`
              : meant
              ? `${english ? 'keys are written in English: ' : ''}"${key}" is "${meant}", which the file needs: ${renameHint(key, meant, context)}`
              : english
              ? `keys are written in English: "${key}" is "${english}". Valid keys: ${valid}`
              : suggestion
                ? `did you mean "${suggestion}"? Valid keys: ${valid}`
                : `valid keys: ${valid}`,
          }),
        );
      }
      if (rest.length > 0) {
        errors.push(
          new ArhivarError({
            code: `${context.code}/unknown-key`,
            message: `and ${rest.length.toLocaleString('en-US')} more unknown keys (${rest.slice(0, 3).join(', ')} …)`,
            file: context.file,
            line: context.keyLines.get(rest[0]!) ?? context.fallbackLine,
            hint: `the file holds far more keys than any ${context.code === 'site' ? 'settings file' : 'front matter'} has; check that it is the file meant and that its --- lines are where they belong. Valid keys: ${context.knownKeys.join(', ')}`,
          }),
        );
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    const line = context.keyLines.get(key) ?? context.fallbackLine;
    // A key the file does not have is missing, whatever check failed on its absent value (a date's is custom).
    const missing = key !== '' && !context.keyLines.has(key);
    // Written under another name (`ime:`, `Name:`), the key is told once, by the unknown key's error and its line
    // to write: »name is required« beside it was a second error for one slip.
    if (missing && renamed.has(key)) continue;
    const params = (issue as { params?: { hint?: string; instead?: { value: string; why: string } } }).params;
    // A value to write instead is given as the whole line, as the editor will type it. A left-out key needs a
    // line of its own: a check's hint is about a value after its colon (a date's: "write the date after the colon").
    const instead = params?.instead && key ? `write ${key}: ${params.instead.value}, ${params.instead.why}` : undefined;
    errors.push(
      new ArhivarError({
        code: `${context.code}/${missing ? 'missing' : 'bad'}-${key || 'value'}`,
        message: missing ? `${key} is required` : `${key}${issue.path.length > 1 ? `[${issue.path.slice(1).join('.')}]` : ''} ${describeIssue(issue)}`,
        file: context.file,
        line,
        hint: missing ? `add a line such as ${example(key, context)}` : (instead ?? params?.hint ?? quotingHint(key, issue, context) ?? `write it like ${example(key, context)}`),
      }),
    );
  }
  return errors;
}

/** The valid key an unknown key most likely means: the English of a Slovenian key, another tool's name for it, or the nearest. */
/** The valid key an unknown key is offered as (`ime:` and `Name:` as name:), if any. */
export function keyMeant(key: string, knownKeys: readonly string[]): string | undefined {
  return suggestedKey(key, knownKeys).suggestion;
}

function suggestedKey(key: string, knownKeys: readonly string[]): { english: string | undefined; suggestion: string | undefined } {
  const english = englishKey(key, knownKeys);
  return { english, suggestion: english ?? otherToolsKey(key, knownKeys) ?? nearest(key, knownKeys) };
}

/**
 * The rest of the hint for an unknown key whose key the file has already (keywords: beside tags:, created: beside
 * date:, excerpt: beside summary:, as exports write both): »write tags:« made a second tags: line, which YAML
 * refuses as a duplicate key. For a list, the line with the entries of both; for one value, to keep one of the two.
 */
function alreadyThereHint(written: string, meant: string, context: SchemaContext): string {
  const data = isPlainObject(context.data) ? context.data : {};
  const value = data[written];
  const second = `the file has ${meant}: on line ${context.keyLines.get(meant)} already (YAML refuses a key written twice)`;
  if (value == null || (typeof value === 'string' && value.trim() === '')) return `${second}: delete this line, which holds nothing`;
  const shape = context.schema?.shape[meant] as z.ZodType | undefined;
  if (shape?.safeParse(['x']).success) {
    const have = shape.safeParse(data[meant] ?? []);
    if (!have.success || !Array.isArray(have.data)) return `${second}: move this line's entries into that line's list and delete this one`;
    const kept = have.data.map(String);
    // Compared as the build compares them (tags and names by slug, a name with none by its letters): »Politika« beside
    // politika would be one tag written twice, which the build merges with a warning.
    const seen = new Set(kept.map(entryKey));
    const merged = [...kept];
    for (const entry of listEntries(value)) {
      if (seen.has(entryKey(entry))) continue;
      seen.add(entryKey(entry));
      merged.push(entry);
    }
    return merged.length === kept.length
      ? `${second}: that list holds this line's entries already, so delete this one`
      : `${second}: write that line as ${listLine(meant, merged)} and delete this one`;
  }
  if (String(value).trim() === String(data[meant]).trim()) return `${second}: it holds the same value, so delete this one`;
  return `${second}: keep on that line whichever of the two values is meant, and delete this one`;
}

function entryKey(entry: string): string {
  return nameKey(entry) || entry;
}

/** The entries of a list as another tool writes it: a list, or one value with its entries split by commas (WordPress's categories: a, b). */
function listEntries(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => stripControlCharacters(item)).filter((item) => item !== '');
}

/**
 * The required keys the file lacks but has under another name, each with that name: a missing key that an
 * unknown key's hint would offer (`ime:` or `Name:` for name, `naslov:` for title). Only where one unknown key
 * offers it: with two (`ime:` and `Name:`), renaming both would write the key twice, so the editor chooses.
 * An unknown key the file's kind answers otherwise (a person's `firstName:`) is no rename.
 */
function renamedKeys(issues: readonly z.core.$ZodIssue[], context: SchemaContext): Map<string, string> {
  const missing = new Set(
    issues
      .filter((issue) => issue.code !== 'unrecognized_keys')
      .map((issue) => String(issue.path[0] ?? ''))
      .filter((key) => key !== '' && !context.keyLines.has(key)),
  );
  const writtenAs = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      if (context.unknownKeyHint?.(key) !== undefined) continue;
      const { suggestion } = suggestedKey(key, context.knownKeys);
      if (suggestion !== undefined && missing.has(suggestion)) writtenAs.set(suggestion, [...(writtenAs.get(suggestion) ?? []), key]);
    }
  }
  return new Map([...writtenAs].filter(([, keys]) => keys.length === 1).map(([meant, keys]) => [meant, keys[0]!]));
}

/**
 * The line to write for a required key written under another name, its value kept as the editor wrote it, quotes
 * and all (`write name: Ana Kos in its place`). A value the key would refuse (`datum: 22. 12. 2025`) is not given
 * as a line to write: the key is renamed, and the next build says what to write for the value.
 */
function renameHint(written: string, meant: string, context: SchemaContext): string {
  const after = textAfterColon(written, context.keyLines, context.text);
  const value = isPlainObject(context.data) ? context.data[written] : undefined;
  if (after === undefined || after === '' || value == null) return `write ${meant}: in place of ${written}:, with the value after its colon, such as ${example(meant, context)}`;
  const accepted = (context.schema?.shape[meant] as z.ZodType | undefined)?.safeParse(value).success !== false;
  return accepted ? `write ${meant}: ${after} in its place` : `write ${meant}: in place of ${written}:, keeping the value, which the next build then checks`;
}

/**
 * Keys a Slovenian editor writes in Slovenian, by the key they mean. Edit distance cannot find these
 * (`naslov` is nowhere near `title`), and a template's line left in the editor's language is a common slip.
 * Keys are compared in lowercase without diacritics (`izvleček` as `izvlecek`); a word is offered only where
 * its key is valid (`ime` in a person file, `opis` in site.yaml).
 */
const SLOVENIAN_KEYS: Readonly<Record<string, readonly string[]>> = {
  title: ['naslov'],
  date: ['datum', 'objavljeno', 'objava', 'objavi'],
  updated: ['posodobljeno', 'posodobitev', 'popravljeno', 'spremenjeno'],
  people: ['osebe', 'oseba', 'ljudje'],
  notPeople: ['neosebe', 'brezoseb'],
  tags: ['oznake', 'oznaka', 'teme', 'tema', 'kljucnebesede', 'kategorija', 'kategorije', 'rubrika', 'rubrike'],
  author: ['avtor', 'avtorica', 'avtorji', 'podpis'],
  source: ['vir', 'viri'],
  summary: ['povzetek', 'izvlecek', 'opis'],
  draft: ['osnutek', 'skica'],
  redirectFrom: ['preusmeritev', 'preusmeritve', 'preusmeri'],
  name: ['ime', 'imeinpriimek'],
  surname: ['priimek'],
  aliases: ['vzdevki', 'vzdevek', 'drugaimena'],
  role: ['vloga', 'funkcija', 'polozaj'],
  gender: ['spol'],
  detect: ['zaznavaj', 'zaznaj', 'zaznavanje'],
  description: ['opis'],
  language: ['jezik'],
  pageSize: ['velikoststrani', 'nastran'],
  detectPeople: ['zaznavajosebe', 'zaznajosebe'],
};

/** The valid key a key written in Slovenian means, if it is one of SLOVENIAN_KEYS. */
function englishKey(written: string, knownKeys: readonly string[]): string | undefined {
  const folded = foldKey(written);
  return knownKeys.find((key) => SLOVENIAN_KEYS[key]?.includes(folded));
}

/** A key as SLOVENIAN_KEYS and OTHER_TOOLS_KEYS (and person.ts's notAPersonKey) list it: lowercase, without diacritics, spaces, _ or -. */
export function foldKey(written: string): string {
  return written.toLowerCase().normalize('NFD').replace(/[\p{M}\s_-]/gu, '');
}

/**
 * Keys other site generators and exports use for arhivar's (Jekyll's url, lang and paginate, Hugo's
 * languageCode and lastmod, WordPress's posts_per_page, categories and excerpt, a CMS's sex or position),
 * folded as SLOVENIAN_KEYS are. Edit distance finds none of these, and offered surname for firstName.
 * A key is offered only where it is valid, so description is summary in an article and itself in site.yaml.
 */
const OTHER_TOOLS_KEYS: Readonly<Record<string, readonly string[]>> = {
  // published: with a date, as some exports write it (published: false and true are told of draft:, article.ts).
  date: ['pubdate', 'publishdate', 'datepublished', 'publishedat', 'published', 'created', 'createdat'],
  updated: ['lastmod', 'lastmodified', 'lastmodifiedat', 'modified', 'datemodified', 'updatedat'],
  tags: ['categories', 'category', 'keywords', 'topics', 'labels'],
  summary: ['description', 'excerpt', 'lead', 'abstract', 'teaser'],
  baseUrl: ['url', 'siteurl', 'domain', 'host', 'homepage'],
  language: ['lang', 'locale', 'languagecode'],
  pageSize: ['paginate', 'pagination', 'perpage', 'pagersize', 'postsperpage', 'articlesperpage'],
  description: ['tagline', 'subtitle', 'about'],
  detectPeople: ['detect', 'detection'],
  gender: ['sex'],
  role: ['position', 'job', 'jobtitle', 'title', 'occupation', 'function'],
  aliases: ['alias', 'aka', 'othernames', 'nicknames', 'nickname'],
  // Jekyll's redirect_from folds to redirectFrom; redirect alone was offered detect in a person file (2 edits, 4 to redirectFrom).
  redirectFrom: ['redirect'],
};

/** The valid key a key of another tool means, if it is one of OTHER_TOOLS_KEYS. */
function otherToolsKey(written: string, knownKeys: readonly string[]): string | undefined {
  const folded = foldKey(written);
  return knownKeys.find((key) => OTHER_TOOLS_KEYS[key]?.includes(folded));
}

/** Words an editor knows for YAML's kinds of value. */
const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'keys and values',
  null: 'empty',
  undefined: 'empty',
  date: 'a date',
};

/** zod's own words for a wrong kind of value ("Invalid input: expected string, received null") are for programmers. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const received = /received (\w+)/.exec(issue.message)?.[1];
  const expected = KINDS[issue.expected] ?? issue.expected;
  return `must be ${expected}${received ? `, not ${KINDS[received] ?? received}` : ''}`;
}

const EXAMPLES: Record<string, string> = {
  title: 'title: "Witkoff in Dmitrijev na Floridi"',
  date: 'date: 2025-12-22',
  updated: 'updated: 2025-12-23T10:00',
  people: 'people: [Steve Witkoff, Kiril Dmitrijev]',
  notPeople: 'notPeople: [Janez Novak]',
  tags: 'tags: [Ukrajina, diplomacija]',
  draft: 'draft: true',
  redirectFrom: 'redirectFrom: [/2025/12/22/stari-naslov/]',
  name: 'name: Steve Witkoff',
  aliases: 'aliases: [Steven Witkoff]',
  gender: 'gender: m or gender: f',
  detect: 'detect: false',
  pageSize: 'pageSize: 20',
  baseUrl: 'baseUrl: https://novice.example.si/',
  language: 'language: sl',
  detectPeople: 'detectPeople: true',
};

/** site.yaml's text keys, which share their names with an article's. */
export const SITE_EXAMPLES: Readonly<Record<string, string>> = {
  title: 'title: Arhiv novic',
  description: 'description: Arhiv člankov o mednarodni politiki',
};

function example(key: string, context: SchemaContext): string {
  return context.examples?.[key] ?? EXAMPLES[key] ?? `${key}: …`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
