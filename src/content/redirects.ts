import { ArhivarError } from '../errors.ts';
import { isValidSlug, MAX_SLUG_LENGTH, shortenedSlug, slugify } from '../site/slug.ts';
import { personOfPath, urls } from '../site/urls.ts';
import { daysInMonth, YEAR_RANGE } from './dates.ts';

/**
 * `redirectFrom:` addresses: where an article was published before its title (and so its slug) or its date
 * changed. Each becomes a small page that sends readers and search engines on to the article, so links
 * shared before the change keep working.
 *
 * Only the shape of an article's own address is accepted (`/2025/12/22/stari-naslov/`): every page of that
 * shape is an article's, so such an address can only clash with another article (build.ts checks that),
 * never with a person, tag or list page; and an address of the CMS before arhivar could not be served as
 * it was anyway (a query string, `.php`), which is the web server's job.
 */
export type AddressResult = { ok: true; path: string } | { ok: false; message: string; hint: string };

const ARTICLE_ADDRESS = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/?(?:index\.html)?$/;
const EXAMPLE = 'redirectFrom: [/2025/12/22/stari-naslov/]';

/**
 * A whole web address written without its https:// (www.arhiv.si/2025/…, as a link's text or a print shows it):
 * a host name with a dot, or localhost, and maybe a port, before the first /. Read as a folder in front, it was
 * told »if the site is published under /www.arhiv.si/«.
 */
const WITHOUT_SCHEME = /^(?:(?:[a-z0-9-]+\.)+[a-z]{2,}|localhost)(?::\d+)?\//i;

/** The path of `value` when it is a whole web address, with its scheme or without (WITHOUT_SCHEME). */
function pathOfWholeAddress(value: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? pathOf(value) : WITHOUT_SCHEME.test(value) ? pathOf(`https://${value}`) : undefined;
}

export function parseArticleAddress(written: string): AddressResult {
  const value = written.trim();
  const full = pathOfWholeAddress(value);
  if (full !== undefined) {
    // Copied from the browser's address bar: the path at its end is what to write (under a base path too).
    const tail = /\/(\d{4}\/\d{2}\/\d{2}\/[^/]+)\/?(?:index\.html)?$/.exec(full);
    return {
      ok: false,
      message: `"${value}" is a whole web address; redirectFrom takes only the part of it after the site's address`,
      hint: tail ? `write redirectFrom: [/${tail[1]}/]` : `write it like ${EXAMPLE}`,
    };
  }
  const match = ARTICLE_ADDRESS.exec(value);
  if (!match) {
    // Without the / in front (2025/12/03/…), or with a base path's folder (/arhiv/2025/…): the address is in it.
    // A folder in front may as well be an older CMS's (/novice/2025/03/12/clanek/), whose links a redirect from
    // the tail would leave at the 404 page: which it is, only the editor knows.
    const tail = /^(.*?\/)?(\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)\/?$/.exec(value);
    const folder = tail?.[1]?.replace(/^\/+/, '') || undefined;
    const written = tail && `write redirectFrom: [/${tail[2]}/]: an article's address is written from the site's root, /year/month/day/slug/`;
    return {
      ok: false,
      message: `"${value}" is not the address of an article of this site (/year/month/day/slug/)`,
      hint: !written
        ? `write it like ${EXAMPLE}; an address from before the site was built with arhivar (.php, ?id=) is redirected in the web server's own settings`
        : folder === undefined
          ? written
          : `if the site is published under /${folder}, ${written}; an address of the site from before arhivar is redirected in the web server's own settings`,
    };
  }
  const [, yearText, monthText, dayText, slug] = match as unknown as [string, string, string, string, string];
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `"${value}" has no real date in it (${yearText}-${monthText}-${dayText})`, hint: 'copy the old address from the browser or from a link to it, and keep only its path' };
  }
  if (shortenedSlug(slug) !== undefined) {
    return {
      ok: false,
      message: `the slug at the end of "${value}" is ${slug.length} characters long, and an article's slug is at most ${MAX_SLUG_LENGTH}, so no article was ever there`,
      hint: 'copy the old address from the browser or from a link to it, and keep only its path',
    };
  }
  if (!isValidSlug(slug)) {
    return {
      ok: false,
      message: `"${value}" ends in "${slug}", which no article's address has: a slug holds only lowercase letters a–z, digits and single hyphens`,
      hint: 'copy the old address from the browser or from a link to it, and keep only its path',
    };
  }
  return { ok: true, path: `/${yearText}/${monthText}/${dayText}/${slug}/` };
}

export type PersonAddressResult = { ok: true; id: string } | { ok: false; message: string; hint: string };

const PERSON_EXAMPLE = 'redirectFrom: [ana-novak]';
/** The path of a person file (content/people/…/ana-novak.md, with / or \ between folders), with its name without .md. */
const PERSON_FILE_PATH = /(?:^|[\\/])people[\\/](?:[^\\/]+[\\/])*([^\\/]+)\.md$/i;

/**
 * A person file's `redirectFrom:` entry: an id the person had before the file was renamed (`ana-novak`, the old
 * file's name without .md) or that page's address (`/osebe/ana-novak/`), as the id. Every page of the old
 * address is sent on (its later pages and its feed too), so an address of one of them is refused with the id as
 * the hint, and so is anything outside /osebe/, which no person page ever was at.
 */
export function parsePersonAddress(written: string): PersonAddressResult {
  const value = written.trim();
  // Without https:// too (www.arhiv.si/osebe/ana-novak/), whose host was called »the site's path« in front of /osebe/.
  const full = pathOfWholeAddress(value);
  if (full !== undefined) {
    // Copied from the address bar, maybe under a base path (/arhiv/osebe/ana-novak/): the person's folder is what to write.
    const id = idUnderPath(full);
    return {
      ok: false,
      message: `"${value}" is a whole web address; redirectFrom takes the person's old file name (or the path of their page)`,
      hint: id && isValidSlug(id) ? `write redirectFrom: [${id}]` : `write it like ${PERSON_EXAMPLE}`,
    };
  }
  const file = PERSON_FILE_PATH.exec(value);
  if (file) {
    // Copied from git's or the editor's report of the rename (content/people/ana-novak.md -> …): the old
    // file's name is the address, and without this the hint offered the example's name, not the person's.
    const name = file[1]!;
    const id = isValidSlug(name) ? name : slugify(name);
    return {
      ok: false,
      message: `"${value}" is the path of the person's old file; redirectFrom takes only its name, without the folders and .md`,
      hint: id ? `write redirectFrom: [${id}]` : `write it like ${PERSON_EXAMPLE}`,
    };
  }
  if (value.includes('/')) {
    const person = personOfPath(value);
    if (!person) {
      // The page's path on a site under a base path (/arhiv/osebe/ana-novak/). Refused as an article's address
      // with the base path is (redirectFrom: paths are from the site's root, whatever baseUrl says), but with
      // the person's folder as the hint, not the example's name.
      const id = idUnderPath(value);
      if (id && isValidSlug(id)) {
        return {
          ok: false,
          message: `"${value}" has the site's path in front of ${urls.person(id)}; redirectFrom takes the person's old file name (or the path of their page from the site's root)`,
          hint: `write redirectFrom: [${id}]`,
        };
      }
      return {
        ok: false,
        message: `"${value}" is not the address of a person's page of this site (${urls.person('ime-priimek')})`,
        hint: `write the name of the person's old file without .md, like ${PERSON_EXAMPLE}`,
      };
    }
    if (person.rest !== '') {
      return {
        ok: false,
        message: `"${value}" is one of the pages of ${urls.person(person.id)}; redirectFrom takes the person's address, and sends every page of it on, its later pages and its feed too`,
        hint: isValidSlug(person.id) ? `write redirectFrom: [${person.id}]` : `write it like ${PERSON_EXAMPLE}`,
      };
    }
    return personId(person.id, value);
  }
  return personId(value.replace(/\.md$/i, ''), value);
}

/** The person's folder in a path with something in front of /osebe/ (a base path): `ana-novak` of /arhiv/osebe/ana-novak/stran/2/. */
function idUnderPath(sitePath: string): string | undefined {
  const at = sitePath.indexOf(urls.people());
  return at < 0 ? undefined : personOfPath(sitePath.slice(at))?.id;
}

function personId(id: string, value: string): PersonAddressResult {
  if (isValidSlug(id)) return { ok: true, id };
  const slug = slugify(id);
  return {
    ok: false,
    message: `"${value}" is no person's address: that is the name of their file without .md, which holds only lowercase letters a–z, digits and single hyphens`,
    hint: slug ? `write redirectFrom: [${slug}]` : `write it like ${PERSON_EXAMPLE}`,
  };
}

function pathOf(address: string): string | undefined {
  try {
    return new URL(address).pathname;
  } catch {
    return undefined;
  }
}

/** Someone with a `redirectFrom:` list: a person or an article. */
export interface Redirecting {
  readonly file: string | undefined;
}

/** How checkRedirects reads one kind of redirecting file, and the words its error uses for that kind. */
export interface RedirectCheck<T extends Redirecting> {
  redirectFrom: (item: T) => readonly string[];
  /** The line of the `redirectFrom:` key, for the error. */
  line: (item: T) => number | undefined;
  /** Whose own address `from` is, if anyone's. */
  ownerOf: (from: string) => T | undefined;
  /** person/redirect-taken or article/redirect-taken. */
  code: string;
  /** "person", "article": "this person's own address". */
  noun: string;
  /** The page at `from`, named in brackets after the file that has it: a person's redirectFrom: entry is an id, not the page's address. */
  page?: ((from: string) => string) | undefined;
  /** Where else `from` can be removed, in the hint when another file has it: "one of the two articles". */
  eitherOf: string;
}

/** A `redirectFrom:` entry of `item` that is refused: `from` is `owner`'s own address (maybe `item`'s), or `other` redirects from it first. */
export interface TakenRedirect<T> {
  error: ArhivarError;
  item: T;
  from: string;
  owner: T | undefined;
  other: T | undefined;
}

/**
 * Every `redirectFrom:` entry of `items` that may stand: an address where no page of their own kind is (no
 * one's own address) and that no one else redirects from, since only one page can stand at an address.
 * `accepted` maps each to whose it is, in the order accepted; each other entry is `taken`, with its error.
 */
export function checkRedirects<T extends Redirecting>(items: readonly T[], check: RedirectCheck<T>): { accepted: Map<string, T>; taken: TakenRedirect<T>[] } {
  const accepted = new Map<string, T>();
  const taken: TakenRedirect<T>[] = [];
  // In file order, so the same one of two files is told every time, whatever order they were read in.
  const redirecting = items.filter((item) => check.redirectFrom(item).length > 0).sort((a, b) => compareFiles(a.file ?? '', b.file ?? ''));
  for (const item of redirecting) {
    for (const from of check.redirectFrom(item)) {
      const owner = check.ownerOf(from);
      const other = accepted.get(from);
      if (!owner && !other) {
        accepted.set(from, item);
        continue;
      }
      taken.push({ error: redirectTaken(item, from, owner, other, check), item, from, owner, other });
    }
  }
  return { accepted, taken };
}

function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function redirectTaken<T extends Redirecting>(item: T, from: string, owner: T | undefined, other: T | undefined, check: RedirectCheck<T>): ArhivarError {
  const page = check.page ? ` (${check.page(from)})` : '';
  return new ArhivarError({
    code: check.code,
    message:
      owner === item
        ? `redirectFrom names ${from}, which is this ${check.noun}'s own address${page}`
        : owner
          ? `redirectFrom names ${from}, the address of ${owner.file}${page}`
          : `redirectFrom names ${from}, which ${other!.file} also redirects from`,
    file: item.file,
    line: check.line(item),
    hint: owner === item ? `remove ${from} from redirectFrom` : `an address leads to one page: remove ${from} from ${check.eitherOf}`,
  });
}
