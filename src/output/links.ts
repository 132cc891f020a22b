import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { nearest, typoDistance } from '../text/levenshtein.ts';
import { slugify } from '../site/slug.ts';
import { pageOfListing } from '../site/urls.ts';

/**
 * Finds internal links and asset references in a built site that point at nothing.
 *
 * Every .html file under `distDir` is read; every href, src and srcset URL on every tag is resolved
 * against the page's own URL the way a browser would. Links with a scheme (https:, mailto:, tel:, …) and
 * protocol-relative links are not checked, but for `//name/…` with no dot in the name (see unreachableHost). A URL ending in / needs its folder's index.html; a folder URL
 * without the slash is accepted when the folder has an index.html (servers redirect it). Query strings
 * are ignored.
 *
 * A #fragment on a link to one of the site's HTML pages (`/2025/12/20/clanek/#ozadje`, `../clanek/#ozadje`,
 * `#ozadje` on the same page) must name an element of that page by its id, as a browser looks for it (HTML,
 * "find a potential indicated element"): the fragment as written, or percent-decoded; an empty fragment and
 * `#top` always lead to the top. A fragment on a file that is not a page (a feed, an image) is not checked.
 *
 * dist/ is published at the site's base path (the path of baseUrl, "/arhiv/" for https://example.si/arhiv/):
 * a page's URL is that path followed by its file, and a link that leads out of it (the host's "/osebe/")
 * points at nothing the site publishes.
 */
export interface BrokenLink {
  /** The page, relative to distDir, with forward slashes ("osebe/index.html"). */
  file: string;
  /** The link exactly as the page writes it (entities decoded). */
  link: string;
  /** Set when the link leads out of the base path the site is published under. */
  outside?: true;
  /**
   * The host a `//name/…` link names when that name has no dot (`//osebe/ana-kos/`, a path with a / too
   * many): no reader can reach it, so it is broken, where a link to another site's `//host/…` is not checked.
   */
  host?: string;
  /**
   * The host and port of an address of this computer that the link names (`127.0.0.1:5173`, `localhost:4321`): the
   * dev server's, copied from the browser's address bar, which no reader can open (see localAddress).
   */
  local?: string;
  /** Set when the link leads to a page of the site that has no element with the id its fragment names. */
  fragment?: MissingFragment;
  /**
   * For a link that leads nowhere or out of the base path: an address of the site the link most likely
   * meant, from the host's root with the base path (see meantAddress).
   */
  meant?: string;
}

export interface MissingFragment {
  /** The page the link leads to, relative to distDir like `file` (the same as `file` for `#ozadje`). */
  page: string;
  /** The id looked for: the fragment, percent-decoded. */
  id: string;
  /** The id of that page the fragment most likely meant, when one is close to it. */
  nearest?: string;
  /**
   * Set when that page only sends the browser on to another address (an article's `redirectFrom:`): the
   * refresh drops the fragment, so the link must name the new address.
   */
  redirect?: true;
  /** Where that page sends the browser, as a path from the host's root with the site's path (/2025/12/22/novi/). */
  redirectTo?: string;
}

export interface LinkCheckOptions {
  /** The path the site is published under, as site/urls.ts basePathOf gives it; "/" by default. */
  basePath?: string;
  /**
   * The host the site is published at, as baseUrl names it ("politika.example.si"): a link that names it with
   * http:, https: or // and leads under the base path is checked as the path it names.
   */
  host?: string;
}

/** 'unreachable': a `//name/…` link whose host has no dot (see unreachableHost). */
type Resolution = 'ok' | 'missing' | 'outside' | 'unreachable';

/** A link that leads to no page or file of the site (any resolution but 'ok' and a page's own fragment). */
function leadsNowhere(resolution: Resolution | IntoPage): resolution is 'missing' | 'outside' | 'unreachable' {
  return resolution === 'missing' || resolution === 'outside' || resolution === 'unreachable';
}

/** A link that resolves to one of the site's HTML pages and names an element of it (#fragment). */
interface IntoPage {
  page: string;
  /** The URL's fragment as the URL parser leaves it (percent-encoded), without the #. */
  fragment: string;
}

/** A link whose fragment waits for the ids of another page, read once every page's links are known. */
interface WaitingLink {
  file: string;
  link: string;
  fragment: string;
}

export async function findBrokenLinks(distDir: string, options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const root = path.resolve(distDir);
  const basePath = options.basePath ?? '/';
  const files = new Set<string>();
  await collectFiles(root, '', files);
  const pages = [...files].filter((file) => file.endsWith('.html')).sort();
  const broken: BrokenLink[] = [];
  // Whether each link resolves, by the folder of the page it is on: a site's pages repeat the same links
  // (every person and tag page links the same articles), and resolving one is a URL parse.
  const resolved = new Map<string, Resolution | IntoPage>();
  // The fragment of each link within its page (`#vsebina`, the skip link on every page), whatever the page.
  const ownFragments = new Map<string, string | undefined>();
  // Links with a fragment into other pages, by the page. Those into a page not read yet are checked when it is;
  // only the pages that links from later pages lead back to are read a second time, at the end, for their ids.
  const waiting = new Map<string, WaitingLink[]>();
  const readAgain = new Map<string, WaitingLink[]>();
  // The address each broken link most likely meant ('' for none), by the same key as `resolved`: a link a
  // template writes is broken on every page.
  const meantAddresses = new Map<string, string>();
  let siteAddresses: SiteAddresses | undefined;
  let addressesMeant = 0;
  for (const file of pages) {
    // Read one at a time, synchronously: through fs.promises each small file is four round trips to the
    // thread pool (open, stat, read, close), about a third of the check's time at 15,000 pages.
    const html = readFileSync(path.join(root, file), 'utf8');
    const { links, ids, redirect, refreshTo } = scanPage(html);
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    const redirectTo = refreshTo === undefined ? undefined : refreshTarget(refreshTo, folder, basePath);
    const seen = new Set<string>();
    let ownIds: Set<string> | undefined;
    const checkHere = (link: string, fragment: string) => {
      ownIds ??= new Set(ids);
      const missing = missingFragment(ownIds, fragment, file, redirect, broken.length < SUGGESTED_FRAGMENTS, redirectTo);
      if (missing) broken.push({ file, link: ownCopy(link), fragment: missing });
    };
    const earlier = waiting.get(file);
    if (earlier) {
      waiting.delete(file);
      ownIds = new Set(ids);
      checkWaiting(earlier, ownIds, file, redirect, broken, redirectTo);
    }
    for (const link of links) {
      if (seen.has(link)) continue;
      seen.add(link);
      // A link to this same page (`#vsebina`, `?stran=2#odzivi`): its fragment means the same on every page.
      if (link.startsWith('#') || link.startsWith('?')) {
        if (!ownFragments.has(link)) ownFragments.set(ownCopy(link), fragmentOf(link));
        const fragment = ownFragments.get(link);
        if (fragment !== undefined) checkHere(link, fragment);
        continue;
      }
      // The site's own address in full (`https://politika.example.si/osebe/…`, copied from the browser's
      // address bar) leads to the same file as its path; it was taken for another site's and never checked.
      // A page of the host outside the base path (`https://example.si/kontakt/` beside a site under /arhiv/) is
      // no page of the site and is not checked, nor taken for a host no reader can reach when the host's name
      // has no dot (`//arhiv/kontakt/` on an intranet's https://arhiv/novice/).
      const onHost = options.host === undefined ? undefined : onSiteHost(link, options.host);
      // The base path without its slash ("/arhiv") is the site's own folder, as in resolves.
      if (onHost && !`${onHost.pathname}/`.startsWith(basePath)) continue;
      // An address of this computer (npm run dev's, copied from the browser) was another site's link, never checked,
      // and published; the path after it is offered when it leads somewhere. Not when baseUrl is such an address.
      const local = onHost === undefined ? localAddress(link) : undefined;
      if (local !== undefined) {
        const entry: BrokenLink = { file, link, local: ownCopy(local.host) };
        if (!leadsNowhere(resolves(local.rest, file, files, basePath))) entry.meant = ownCopy(local.rest);
        broken.push(entry);
        continue;
      }
      const address = onHost ? `${onHost.pathname}${onHost.search}${onHost.hash}` : link;
      // A link from the site root (not //host) means the same on every page.
      const key = address.startsWith('/') && !address.startsWith('//') ? address : `${folder}\0${address}`;
      let resolution = resolved.get(key);
      if (resolution === undefined) resolved.set(ownCopy(key), (resolution = resolves(address, file, files, basePath)));
      if (leadsNowhere(resolution)) {
        let meant = meantAddresses.get(key);
        if (meant === undefined) {
          // `//osebe/…` is most likely the path `/osebe/…` with a / too many.
          const meantFor = resolution === 'unreachable' ? address.slice(1) : address;
          const same = resolution === 'unreachable' ? sameAddress(meantFor, file, files, basePath) : undefined;
          meant = same ?? meantAddress(meantFor, file, files, basePath, () => (siteAddresses ??= indexSiteAddresses(files)), addressesMeant++ < NEAR_NAMES_SUGGESTED) ?? '';
          meantAddresses.set(ownCopy(key), meant);
        }
        const entry: BrokenLink = resolution === 'outside' ? { file, link, outside: true } : resolution === 'unreachable' ? { file, link, host: ownCopy(unreachableHost(address)!) } : { file, link };
        if (meant) entry.meant = meant;
        broken.push(entry);
      }
      else if (resolution !== 'ok') {
        if (resolution.page === file) checkHere(link, resolution.fragment);
        else {
          // Pages are read in the order of their names.
          const later = resolution.page > file ? waiting : readAgain;
          let list = later.get(resolution.page);
          if (!list) later.set(resolution.page, (list = []));
          list.push({ file, link: ownCopy(link), fragment: resolution.fragment });
        }
      }
    }
  }
  for (const [page, links] of readAgain) {
    const { ids, redirect, refreshTo } = scanPage(readFileSync(path.join(root, page), 'utf8'));
    const redirectTo = refreshTo === undefined ? undefined : refreshTarget(refreshTo, page.slice(0, page.lastIndexOf('/') + 1), basePath);
    checkWaiting(links, new Set(ids), page, redirect, broken, redirectTo);
  }
  return broken.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
}

function checkWaiting(links: readonly WaitingLink[], ids: ReadonlySet<string>, page: string, redirect: boolean, broken: BrokenLink[], redirectTo?: string): void {
  for (const { file, link, fragment } of links) {
    const missing = missingFragment(ids, fragment, page, redirect, broken.length < SUGGESTED_FRAGMENTS, redirectTo);
    if (missing) broken.push({ file, link, fragment: missing });
  }
}

/**
 * The host (with its port) and the rest, from the path on, of an http: or https: address of this computer:
 * `localhost`, `127.x.x.x`, `[::1]` or `0.0.0.0`, where `npm run dev` and `npm run preview` serve; undefined for any
 * other link.
 */
function localAddress(link: string): { host: string; rest: string } | undefined {
  // A page writes [::1] percent-encoded, as Markdown encodes the brackets of any address.
  const match = /^https?:\/\/((?:localhost|127(?:\.\d{1,3}){3}|(?:\[|%5B)::1(?:\]|%5D)|0\.0\.0\.0)(?::\d*)?)(?=[/?#]|$)(.*)$/i.exec(link);
  if (!match) return undefined;
  const rest = match[2]!;
  return { host: match[1]!.toLowerCase().replace('%5b', '[').replace('%5d', ']'), rest: rest.startsWith('/') ? rest : `/${rest}` };
}

/**
 * The URL `link` names when it is an address of the site's host in full, with http:, https: or // and the
 * site's host (`https://politika.example.si/osebe/`; see isSiteHost), or undefined for any other link.
 */
function onSiteHost(link: string, host: string): URL | undefined {
  const named = /^(?:https?:)?\/\/([^/?#\\]*)/i.exec(link)?.[1];
  if (named === undefined) return undefined;
  // A host in letters beyond ASCII (`časnik.si`) is percent-encoded in the page's href, and baseUrl's host is
  // its punycode (`xn--asnik-gya.si`): only the URL parser tells them the same. Any other name is compared as
  // written, without its port, without parsing every other site's link.
  if (!isSiteHost(withoutPort(named.toLowerCase()), withoutPort(host)) && !/[%\u0080-\uffff]/.test(named)) return undefined;
  let url: URL;
  try {
    url = new URL(link, `https://${host}`);
  } catch {
    return undefined;
  }
  return isSiteHost(url.host, host) ? url : undefined;
}

/**
 * Whether `name` (a host as the URL parser gives it: lowercase, punycode, without the scheme's default port, so
 * `https://example.si:443/` names example.si) is the site's `host`, or it with or without `www.` in front: a
 * newsroom's site answers at both, and an editor copies either from the address bar.
 */
export function isSiteHost(name: string, host: string): boolean {
  return name === host || name === `www.${host}` || `www.${name}` === host;
}

function withoutPort(host: string): string {
  return host.replace(/:\d*$/, '');
}

/**
 * The address of the site a broken link most likely meant, written from the host's root with the base path
 * and keeping the link's fragment, or undefined when there is none to offer with some certainty:
 * - a link from the host's root on a site under a path (`/2025/…` under `/arhiv/`), when the same path under
 *   the base path leads somewhere: the base path was left out;
 * - a relative link (`slike/foto.jpg` on an article's page), when the same path from the site's root leads
 *   somewhere: the leading / was left out;
 * - a link to a page folder or file that is not there, when one of the site's is clearly the one meant (see
 *   meantAddressWithin): a date typed wrong, a slug written with its č, š, ž, or a name mistyped.
 */
function meantAddress(link: string, page: string, files: ReadonlySet<string>, basePath: string, addresses: () => SiteAddresses, nearNames: boolean): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return undefined;
  let target: URL;
  try {
    target = new URL(link, `${ORIGIN}${basePath}${page}`);
  } catch {
    return undefined;
  }
  const leads = (candidate: string) => !leadsNowhere(resolves(candidate, page, files, basePath));
  if (link.startsWith('/') && basePath !== '/' && !target.pathname.startsWith(basePath)) {
    const underBase = `${basePath}${link.slice(1)}`;
    if (leads(underBase)) return underBase;
  }
  const rest = link.replace(/^(?:\.\.?\/)+/, '');
  if (!link.startsWith('/') && rest !== '' && !/^[#?]/.test(rest)) {
    const fromRoot = `${basePath}${rest}`;
    if (leads(fromRoot)) return fromRoot;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.pathname);
  } catch {
    return undefined;
  }
  const within = basePath === '/' || pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.slice(1);
  const address = meantAddressWithin(within, addresses(), { nearNames });
  return address === undefined ? undefined : `${basePath}${address}${target.hash}`;
}

/**
 * The host of a `//name/…` link when no reader can reach it: a name without a dot (`//osebe/ana-kos/`,
 * `//2025/12/20/…`, `//localhost/`), as a path glued to a "/" writes it. A browser takes what follows // for a
 * host (URL standard, "special authority ignore slashes state"), so it never opens the site's folder.
 * Undefined for any other link, and for another site's `//www.rtvslo.si/…`, which is not checked.
 */
function unreachableHost(link: string): string | undefined {
  if (!link.startsWith('//')) return undefined;
  // Most are another site's, and a dot written in the name keeps the host a dot, so those are not parsed: not
  // one before an @, which is the user's (`//ime.priimek@localhost/`), nor one in brackets, an IPv6 address
  // whose IPv4 end the parser writes in hex (`//[::ffff:1.2.3.4]/` is [::ffff:102:304]).
  const written = /^\/\/([^/?#\\]*)/.exec(link)![1]!;
  if (written.includes('.') && !/[@[]/.test(written)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(link, ORIGIN).hostname;
  } catch {
    return undefined;
  }
  return hostname !== '' && !hostname.includes('.') ? hostname : undefined;
}

/** `path` from the host's root, with the base path, when it leads to a page or file of the site as written. */
function sameAddress(path: string, page: string, files: ReadonlySet<string>, basePath: string): string | undefined {
  return leadsNowhere(resolves(path, page, files, basePath)) ? undefined : path;
}

/**
 * Broken addresses after which a link gets no near name (nearSibling, nearAddress): each search compares the
 * name with every address beside it (0.4–0.8 ms in a folder of 5,000 people) and, failing that, the whole
 * address with every address of as many names, so a template writing a wrong address on each of 5,000 pages
 * would take seconds. The same name or slug elsewhere is a look-up, for all.
 */
const NEAR_NAMES_SUGGESTED = 100;

/** The addresses of one kind a built site has (its page folders, or its other files), indexed to find the one a broken link meant. */
export interface AddressIndex {
  /** Whether these are page folders, whose addresses end in a slash. */
  folders: boolean;
  /** Each address ("2025/03/12/clanek/", "slike/foto.jpg") by its last name ("clanek", "foto.jpg"). */
  byName: Map<string, string[]>;
  /** The last names of the addresses in each folder ("2025/03/12" → ["clanek"]; "" is the site's root). */
  byParent: Map<string, string[]>;
  /** Each address as its names (["2025", "03", "12", "clanek"]), by how many names it has. */
  byDepth: Map<number, string[][]>;
}

/** The site's page folders and its other files, indexed once per check for the addresses broken links most likely meant. */
export interface SiteAddresses {
  /** The folders of the pages ("2025/03/12/clanek/" for 2025/03/12/clanek/index.html). */
  folders: AddressIndex;
  /** Every file that is no folder's index.html: pictures and documents copied from public/, feeds, the site's assets. */
  files: AddressIndex;
}

/** Indexes the files of a built site ("2025/03/12/clanek/index.html", "slike/foto.jpg", relative to it). */
export function indexSiteAddresses(files: Iterable<string>): SiteAddresses {
  const addresses: SiteAddresses = {
    folders: { folders: true, byName: new Map(), byParent: new Map(), byDepth: new Map() },
    files: { folders: false, byName: new Map(), byParent: new Map(), byDepth: new Map() },
  };
  for (const file of files) {
    if (file.endsWith('/index.html')) addAddress(addresses.folders, file.slice(0, -'/index.html'.length).split('/'));
    else if (file !== 'index.html') addAddress(addresses.files, file.split('/'));
  }
  return addresses;
}

function addAddress(index: AddressIndex, names: string[]): void {
  const name = names.at(-1)!;
  const address = joinAddress(names, index.folders);
  addTo(index.byName, name, address);
  // A name in public/ may spell č as c + a combining caron (NFD, as macOS and some zip programs write names),
  // which no link in content writes (content is read as NFC): it is found under its composed spelling too.
  const composed = name.normalize('NFC');
  if (composed !== name) addTo(index.byName, composed, address);
  addTo(index.byParent, names.slice(0, -1).join('/'), name);
  addTo(index.byDepth, names.length, names);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function joinAddress(names: readonly string[], folder: boolean): string {
  return `${names.join('/')}${folder ? '/' : ''}`;
}

/**
 * The page folder or file a path within the site that leads nowhere most likely meant (`osebe/steve-witkof/`
 * → `osebe/steve-witkoff/`, `slike/witkof.jpg` → `slike/witkoff.jpg`), or undefined when none is clearly it.
 * `within` is percent-decoded, without the base path. A last name with an extension (`witkof.jpg`, `feed.xml`)
 * is looked for among the files, as written; any other among the page folders, as its slug. In this order
 * (the last two only with `nearNames`, true by default):
 * - a page linked by its file (`…/clanek/index.html`) or as an older CMS's file (`…/clanek.html`, when no file of the site is it or near it) is looked for as its folder;
 * - for a page number written with a leading zero (`oznake/ukrajina/stran/02/`), that page without it, when the listing has it;
 * - for a page number a listing does not have (`oznake/ukrajina/stran/1/`, `stran/99/`), the listing's folder ('' for the front page);
 * - the one address of the same name (its letters composed or not: `z` + caron for `ž`), or of its slug, in the same parent folder;
 * - the month, day or article address the path ends in after folders in front of it (`arhiv/2025/03/`, see datedTail);
 * - failing those, for a page folder named in letters, the one address of that name anywhere (a date typed wrong, `2025/03/13/clanek/` for
 *   `2025/03/12/clanek/`; a slug written with its č, š, ž, `osebe/darja-žagar/`);
 * - when no address has that name, the one in the same parent folder whose name is nearest, within a few typos for its length (see
 *   nearSibling): a letter left out, added, changed or two swapped, with or without its č, š, ž
 *   (`oznake/ukrajna/`, `2025/12/22/witkoff-in-dmitrijev-na-flroidi/`);
 * - the one address of as many names that is nearest, name by name, with typos in a folder above too (see
 *   nearAddress: `osbe/steve-witkof/`, `2025/12/23/witkoff-in-dmitrijev-na-flroidi/`).
 */
export function meantAddressWithin(within: string, addresses: SiteAddresses, { nearNames = true }: { nearNames?: boolean } = {}): string | undefined {
  // A page linked by its file (`…/clanek/index.html`, as a relative link may write it) means its folder.
  const segments = within.split('/').filter(Boolean);
  if (segments.at(-1) === 'index.html') segments.pop();
  // So does a page written as an older CMS's file (`…/clanek.html`, `…/index.htm`; many news sites' addresses
  // end so) that is no file of the site, nor near one: a .html page kept in public/ and mistyped
  // (`posebno/volitve-2108.html`) is that file, as any other file is.
  const last = segments.at(-1);
  if (last !== undefined && /.\.html?$/i.test(last) && !addresses.files.byName.has(last)) {
    const file = meantAddressAmong(segments, addresses, nearNames);
    if (file !== undefined) return file;
    const stem = last.replace(/\.html?$/i, '');
    if (stem.toLowerCase() === 'index') segments.pop();
    else segments[segments.length - 1] = stem;
  }
  return meantAddressAmong(segments, addresses, nearNames);
}

/** meantAddressWithin for the names of a path (`["osebe", "steve-witkof"]`), an index.html or older CMS's page already taken for its folder. */
function meantAddressAmong(segments: readonly string[], addresses: SiteAddresses, nearNames: boolean): string | undefined {
  const name = segments.at(-1);
  if (name === undefined) return undefined;
  // A page number the listing does not have (`…/stran/1/`, which is the listing's own address, or one past its
  // last) means the listing itself ('' for the site's front page, always built). Pages move on as articles are
  // added, so no other page of it is more likely than the first.
  const numbered = pageOfListing(segments);
  // A page number written with a leading zero (`stran/02/`) is another folder to a web server: the page it
  // means is the one numbered without it, when the listing has it.
  if (numbered && numbered.page > 1 && name !== String(numbered.page)) {
    const page = joinAddress([...segments.slice(0, -1), String(numbered.page)], true);
    if (addresses.folders.byName.get(String(numbered.page))?.includes(page)) return page;
  }
  const listing = numbered?.listing;
  if (listing?.length === 0) return '';
  if (listing && addresses.folders.byName.get(listing.at(-1)!)?.includes(joinAddress(listing, true))) return joinAddress(listing, true);
  const index = /\.[a-z0-9]+$/i.test(name) ? addresses.files : addresses.folders;
  // A file keeps its name as written (`Poročilo 2025.pdf` in public/); a page folder's name is a slug.
  const names = index.folders ? segments.map(slugify) : segments;
  const parent = segments.slice(0, -1).join('/');
  const parentOf = (address: string) => address.split('/').slice(0, index.folders ? -2 : -1).join('/');
  const named = [...new Set([...(index.byName.get(name) ?? []), ...(index.byName.get(names.at(-1)!) ?? [])])];
  const sameParent = named.filter((address) => parentOf(address).normalize('NFC') === parent.normalize('NFC'));
  if (sameParent.length === 1) return sameParent[0];
  const dated = index.folders ? datedTail(names, index) : undefined;
  if (dated !== undefined) return dated;
  // A page folder's name cut short at a hyphen (a long article slug shortened by hand to its first words): the one
  // name of its folder that goes on from it. Its folder (an article's day) says more than the same name elsewhere.
  const cutShort = index.folders && sameParent.length === 0 ? longerSibling(names.at(-1)!, index.byParent.get(parent) ?? []) : undefined;
  if (cutShort !== undefined) return joinAddress([...segments.slice(0, -1), cutShort], true);
  // Elsewhere, only a page folder named in letters is told by its name: a page number (`stran/2`) and a
  // file's name (`feed.xml`, every tag and person has one) stand in many folders, and one of them being the
  // only one so far says nothing of the folder meant.
  const byName = index.folders && /[a-z]/i.test(names.at(-1)!);
  if (byName && sameParent.length === 0 && named.length === 1) return named[0];
  if (!nearNames) return undefined;
  if (named.length === 0) {
    const sibling = nearSibling(names.at(-1)!, index.byParent.get(parent) ?? []);
    if (sibling !== undefined) return joinAddress([...segments.slice(0, -1), sibling], index.folders);
  }
  const near = nearAddress(names, index.byDepth.get(names.length) ?? []);
  return near === undefined ? undefined : joinAddress(near, index.folders);
}

/**
 * The month, day or article address of the site (`2025/03/`, `2025/03/12/clanek/`) that a path ends in after
 * folders in front of it: `arhiv/2025/03/` on a site whose archive page is /arhiv/ and whose months are at the
 * root, or an older site's `novice/2025/03/12/clanek/`. A year alone (`oznake/2025/`) is as likely a tag's name.
 */
function datedTail(names: readonly string[], index: AddressIndex): string | undefined {
  for (let start = 1; start + 1 < names.length; start++) {
    if (!/^\d{4}$/.test(names[start]!) || !/^\d{2}$/.test(names[start + 1]!)) continue;
    const address = joinAddress(names.slice(start), true);
    if (index.byName.get(names.at(-1)!)?.includes(address)) return address;
  }
  return undefined;
}

/** The one name among `siblings` that starts with `slug` and a hyphen, or undefined when none or several do; a name of fewer than 4 letters is too short to tell. */
function longerSibling(slug: string, siblings: readonly string[]): string | undefined {
  if (slug.length < 4 || !/[a-z]/i.test(slug)) return undefined;
  const longer = siblings.filter((sibling) => sibling.startsWith(`${slug}-`));
  return longer.length === 1 ? longer[0] : undefined;
}

/** How many typos a name (or the names of an address that differ) of this length may have to be near: one up to 7 letters, two up to 15, three beyond. */
function typoLimit(length: number): number {
  return length < 8 ? 1 : length < 16 ? 2 : 3;
}

/**
 * The one name among `siblings` nearest to `slug` by typoDistance, or undefined when none is near enough or
 * two are equally near (`volitve-2025` between volitve-2024 and volitve-2026 is a guess, not a suggestion),
 * within typoLimit. A name of fewer than 4 letters, or of digits only (a year, a page number: /2026/ is not a
 * typo of /2025/), gets none.
 */
export function nearSibling(slug: string, siblings: readonly string[]): string | undefined {
  if (slug.length < 4 || !/[a-z]/i.test(slug)) return undefined;
  const limit = typoLimit(slug.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  for (const sibling of siblings) {
    // The distance is at least the difference in length: most siblings are not compared at all.
    if (Math.abs(sibling.length - slug.length) > Math.min(limit, bestDistance)) continue;
    const distance = typoDistance(slug, sibling, Math.min(limit, bestDistance));
    if (distance < bestDistance) {
      best = sibling;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && distance <= limit) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/**
 * The one address among `candidates` (each as its names, as many as `names` has) nearest to `names`, name by
 * name, or undefined when none is near enough or two are equally near. The names that differ are held to what
 * nearSibling allows one name of their length together (typoLimit): `osbe/steve-witkof` is two typos in 16
 * letters, `oznake/ukrjna` two in the 6 of `ukrjna`, too many. A candidate that differs only in names of digits
 * (`oznake/rusija/stran/3` for `stran/2`, `2026` for `2025`) is another page, not a typo, as are differences
 * of fewer than 4 letters in all. Names are compared in order and a candidate is left at the first that puts
 * it out of reach, so each costs a few letters.
 */
function nearAddress(names: readonly string[], candidates: readonly (readonly string[])[]): readonly string[] | undefined {
  // No difference may take more than the limit of every name together.
  const length = names.join('').length;
  const reach = typoLimit(length);
  let best: readonly string[] | undefined;
  let bestDistance = reach + 1;
  let tied = false;
  for (const candidate of candidates) {
    const within = Math.min(reach, bestDistance);
    // The distance is at least the difference in length: most candidates are not compared at all.
    let candidateLength = 0;
    for (const other of candidate) candidateLength += other.length;
    if (Math.abs(candidateLength - length) > within) continue;
    let distance = 0;
    let differing = 0;
    let letters = false;
    // From the last name, which tells addresses apart the most (the folders above it are shared: 2025/12/…).
    for (let index = names.length - 1; index >= 0 && distance <= within; index--) {
      const name = names[index]!;
      const other = candidate[index]!;
      if (name === other) continue;
      distance += typoDistance(name, other, within - distance);
      differing += name.length;
      letters ||= /[a-z]/i.test(name);
    }
    if (distance > within || !letters || differing < 4 || distance > typoLimit(differing)) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/**
 * Broken links after which a missing fragment gets no "did you mean": each suggestion compares the fragment
 * with every id of its page, so a page of 1,000 headings linked 1,000 times with near misses took 20 s.
 * An editor fixes the first ones first anyway.
 */
const SUGGESTED_FRAGMENTS = 100;

/**
 * Undefined when `fragment` names an element of the page with these ids, or the top of it; otherwise what the
 * report says, with the id meant when `suggest` and one is near. Compared as written, then percent-decoded,
 * as a browser does.
 */
function missingFragment(ids: ReadonlySet<string>, fragment: string, page: string, redirect: boolean, suggest: boolean, redirectTo?: string): MissingFragment | undefined {
  if (ids.has(fragment)) return undefined;
  const id = percentDecode(fragment);
  if (ids.has(id) || id.toLowerCase() === 'top') return undefined;
  const missing: MissingFragment = { page, id };
  if (redirect) missing.redirect = true;
  if (redirect && redirectTo !== undefined) missing.redirectTo = redirectTo;
  if (!suggest || redirect) return missing;
  // A typo (#ozadje-pogovrov), or the heading's first words (#ozadje for #ozadje-pogovorov), written as the
  // heading shows them or as its id (#črpalke for #crpalke-in-zerjavi: ids are slugs, without č, š, ž).
  const slug = slugify(id);
  const closest = nearest(id, [...ids]) ?? [...ids].find((candidate) => candidate.startsWith(`${id}-`) || (slug !== '' && candidate.startsWith(`${slug}-`)));
  if (closest !== undefined) missing.nearest = ownCopy(closest);
  return missing;
}

/** The fragment of a link within its page, or undefined when it has none or an empty one (the top). */
function fragmentOf(link: string): string | undefined {
  const hash = link.indexOf('#');
  if (hash < 0 || hash === link.length - 1) return undefined;
  try {
    return new URL(link, ORIGIN).hash.slice(1);
  } catch {
    return undefined;
  }
}

/**
 * Percent-decoding as the URL standard does it: a % not followed by two hex digits stays, and bytes that are
 * no UTF-8 become U+FFFD (decodeURIComponent would throw on both).
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const encoded = Buffer.from(text, 'utf8');
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index++) {
    const byte = encoded[index]!;
    const hex = byte === 0x25 ? encoded.subarray(index + 1, index + 3).toString('latin1') : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The text as a string of its own. A link is cut from its page's HTML, and V8 keeps a cut of 13 characters
 * or more as a view into the whole page: kept as a key, each link held its page in memory (the link check
 * of 15,000 pages went from 120 to 510 MB).
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

async function collectFiles(root: string, relative: string, out: Set<string>): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await collectFiles(root, child, out);
    else out.add(child);
  }
}

const TAG = /<[a-zA-Z][^\s/>]*(\s[^>]*)?>/g;
const ATTRIBUTE = /\s(href|src|srcset|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
/** Comments, and what is inside script and style elements (their opening tag stays: a script's src is a link). */
const NOT_MARKUP = /<!--[\s\S]*?-->|(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi;

export interface ScannedPage {
  /** The URLs the page refers to, in order. */
  links: string[];
  /** The ids of its elements, entity-decoded. */
  ids: string[];
  /** Whether it sends the browser on to another address at once (`<meta http-equiv="refresh">`). */
  redirect: boolean;
  /** The address the refresh names (`content="0; url=../novi/"`), as written, when it names one. */
  refreshTo?: string;
}

/**
 * The URLs a page refers to and the ids of its elements, from tags outside comments, scripts and styles (a
 * script's own src included). The strings are cut from `html`: kept after it, they keep it in memory.
 */
export function scanPage(html: string): ScannedPage {
  const markup = html.replace(NOT_MARKUP, (_whole, openingTag: string | undefined) => openingTag ?? '');
  const links: string[] = [];
  const ids: string[] = [];
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(markup); tag; tag = TAG.exec(markup)) {
    const attributes = tag[1];
    if (!attributes) continue;
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      const raw = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
      const name = match[1]!.toLowerCase();
      if (name === 'id') {
        // An id is taken as written (a browser does not trim it); an empty one names nothing.
        if (raw) ids.push(raw);
        continue;
      }
      const value = raw.trim();
      if (name === 'srcset') {
        links.push(...srcsetUrls(value));
      } else if (value) {
        links.push(value);
      }
    }
  }
  const scanned: ScannedPage = { links, ids, redirect: REFRESH.test(markup) };
  const refreshTo = scanned.redirect ? REFRESH_URL.exec(markup)?.[1] : undefined;
  if (refreshTo) scanned.refreshTo = decodeEntities(refreshTo.trim());
  return scanned;
}

/**
 * The URLs of a srcset's candidates, split as the HTML standard's "parse a srcset attribute" does: a URL runs
 * to the next whitespace, commas inside it included (`foto.jpg?w=1,2 1x`, an image service's
 * `/w_300,h_200/foto.jpg`), less the commas it ends with; its descriptors run to the next comma outside
 * parentheses. Splitting at every comma took `2` and `h_200/foto.jpg` for links of their own, reported broken.
 */
function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let position = 0;
  for (;;) {
    SRCSET_SEPARATOR.lastIndex = position;
    SRCSET_SEPARATOR.exec(srcset);
    position = SRCSET_SEPARATOR.lastIndex;
    if (position >= srcset.length) return urls;
    SRCSET_URL.lastIndex = position;
    const url = SRCSET_URL.exec(srcset)![0];
    position += url.length;
    urls.push(url.replace(/,+$/, ''));
    // A URL ending in a comma has no descriptors.
    if (!url.endsWith(',')) position = endOfDescriptors(srcset, position);
  }
}

/** Where a candidate's descriptors (`1x`, `300w`, or anything in parentheses) end: after the next comma outside parentheses. */
function endOfDescriptors(srcset: string, position: number): number {
  let inParentheses = false;
  for (; position < srcset.length; position++) {
    const character = srcset[position];
    if (inParentheses) inParentheses = character !== ')';
    else if (character === '(') inParentheses = true;
    else if (character === ',') return position + 1;
  }
  return position;
}

/** ASCII whitespace and commas before a candidate, and its URL (HTML, "parse a srcset attribute"). */
const SRCSET_SEPARATOR = /[\t\n\f\r ,]*/y;
const SRCSET_URL = /[^\t\n\f\r ]+/y;

/** The address in a refresh's content (`0; url=../novi/`), quoted with the other quote than the attribute's. */
const REFRESH_URL = /<meta\s[^>]*content\s*=\s*["']?\s*\d+\s*;\s*url\s*=\s*([^"'>\s]+)/i;

/** A refresh's address, resolved from the redirect page's folder, as a path from the host's root (with the site's path). */
function refreshTarget(address: string, folder: string, basePath: string): string | undefined {
  try {
    const url = new URL(address, `https://site.invalid${basePath}${folder}`);
    return url.host === 'site.invalid' ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

/** A refresh in a meta tag, as redirect pages (templates/redirect.tsx) write it. */
const REFRESH = /<meta\s[^>]*http-equiv\s*=\s*["']?refresh\b/i;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ORIGIN = 'http://dist.invalid';

/**
 * Whether `link` on `page` resolves; for a link with a fragment into one of the site's HTML pages, that page
 * and the fragment.
 */
function resolves(link: string, page: string, files: ReadonlySet<string>, basePath: string): Resolution | IntoPage {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return 'ok';
  if (link.startsWith('//')) return unreachableHost(link) === undefined ? 'ok' : 'unreachable';
  let target: URL;
  try {
    target = new URL(link, `${ORIGIN}${basePath}${page}`);
  } catch {
    return 'missing';
  }
  if (target.origin !== ORIGIN) return 'ok';
  // The base path without its slash ("/arhiv") is the site's own folder, which servers redirect.
  if (`${target.pathname}/` === basePath) return leadsTo('index.html', target, files);
  if (!target.pathname.startsWith(basePath)) return 'outside';
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.pathname.slice(basePath.length));
  } catch {
    return 'missing';
  }
  pathname = pathname.replace(/^\/+/, '');
  if (pathname === '' || pathname.endsWith('/')) return leadsTo(`${pathname}index.html`, target, files);
  return files.has(pathname) ? leadsTo(pathname, target, files) : leadsTo(`${pathname}/index.html`, target, files);
}

function leadsTo(file: string, target: URL, files: ReadonlySet<string>): Resolution | IntoPage {
  if (!files.has(file)) return 'missing';
  // A redirected folder URL keeps its fragment (the Fetch standard carries it over to the new location).
  return target.hash.length > 1 && file.endsWith('.html') ? { page: file, fragment: target.hash.slice(1) } : 'ok';
}
