import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { loadSite, siteOfPictures, siteWrittenPaths } from '../build.ts';
import { measureBodyPictures } from '../pipeline/pictures.ts';
import { ArhivarError, sortErrors, toArhivarErrors, warningsOf } from '../errors.ts';
import { stylesheetWarnings } from '../output/assets.ts';
import { lockOutput, type LockHolder } from '../output/build-lock.ts';
import { findBrokenLinks, isSiteHost, percentDecode, type BrokenLink } from '../output/links.ts';
import { publicFolderContents, publicFolderReport, type WrittenPaths } from '../output/publish.ts';
import { readSiteConfig } from '../config/site.ts';
import { basePathOf, firstPageListing, outputPathFor, pageOfListing, personOfPath, urls, withoutBasePath } from '../site/urls.ts';
import { addressLines, addressKey, type WrittenAddress } from '../output/link-sources.ts';
import { readSourceFile } from '../content/read.ts';
import { parseFrontMatter } from '../content/front-matter.ts';
import type { SiteModel } from '../build.ts';
import { folderKind } from '../folder-kind.ts';
import { checkContentFolder, checkOutputLocation } from '../pipeline/folders.ts';
import { CACHE_DIR } from '../pipeline/cache.ts';
import { lastPublishedAddresses, type LastAddresses, type MovedArticle, type PublishedAddresses } from '../pipeline/published-addresses.ts';
import type { ContentDate } from '../content/dates.ts';
import { formatLjubljanaMinute } from '../text/sl.ts';
import { append } from '../append.ts';

/**
 * `arhivar check`: everything the build checks, plus the internal links of an existing build. Content
 * problems and broken links are reported together. Nothing in content/ or the output folder is written;
 * like a build, loading the content keeps what it validated and rendered in .cache/, when .cache/ may be
 * written (a read-only checkout is checked without it).
 */
export interface CheckOptions {
  root: string;
  /** Built site to check links in, relative to root; dist by default. */
  outDir?: string;
  includeFuture?: boolean;
  now?: Date;
  /** Told once when a build of the site holds the output folder and the link check waits for it to end. */
  onWaitForBuild?: ((holder: LockHolder | undefined, lockPath: string) => void) | undefined;
}

export interface CheckResult {
  problems: ArhivarError[];
  warnings: ArhivarError[];
  articles: number;
  /** Project-relative folder whose links were checked, or undefined when there was no build. */
  linksChecked: string | undefined;
  brokenLinks: number;
  /** Links written in content to a listing's page 1 by its number, which only the 404 page sends on (warned of, not broken). */
  firstPageLinks: number;
}

export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const problems: ArhivarError[] = [];
  const warnings: ArhivarError[] = [];
  let articles = 0;
  let pageSources = new Map<string, PageSource>();
  let pagesOfFiles = new Map<string, string>();
  let loadedSite: { written: WrittenPaths; baseUrl: string } | undefined;
  let heldBackUrls: ReadonlyMap<string, ContentDate> = new Map();
  let draftUrls: ReadonlyMap<string, string> = new Map();
  let movedUrls: ReadonlyMap<string, MovedArticle> = new Map();
  let lastAddresses: LastAddresses | undefined;
  let articleUrls = new Map<string, string>();
  // Before anything is made: without content/ there is nothing to check, and no .cache/ or lock to make.
  await checkContentFolder(options.root);
  const outDir = options.outDir ?? 'dist';
  const distDir = path.resolve(options.root, outDir);
  try {
    // Only the problems are wanted: each text is let go once validated and each rendered body stays in
    // .cache/, as in a build, so a large archive is checked in the memory a build takes.
    const cache = await cacheWritable(options.root);
    // Read even where .cache/ cannot be written: an article moved from where the last build published it is told as a build tells it.
    lastAddresses = await lastPublishedAddresses(options.root, distDir);
    const model = await loadSite({ root: options.root, includeFuture: options.includeFuture, now: options.now, releaseSources: true, bodiesOnDisk: cache, cache, lastAddresses, publishing: true });
    append(warnings, model.warnings);
    // The pictures' files, as a build reads them to size the pictures (pipeline/pictures.ts): one that is no picture is told.
    const pictures = await measureBodyPictures(options.root, siteOfPictures(model), (await publicFolderContents(options.root)).files, { cache });
    if (pictures.warnings.length > 0) {
      const sorted = sortErrors([...warnings, ...pictures.warnings]);
      warnings.length = 0;
      append(warnings, sorted);
    }
    articles = model.archive.articles.length;
    pageSources = sourcesOfPages(options.root, model);
    pagesOfFiles = pagesOfContentFiles(model);
    loadedSite = { written: siteWrittenPaths(model), baseUrl: model.config.baseUrl };
    heldBackUrls = model.heldBackUrls;
    draftUrls = model.draftUrls;
    articleUrls = new Map(model.archive.articles.map((article) => [article.file, article.url]));
    model.close();
  } catch (error) {
    const known = toArhivarErrors(error);
    if (!known) throw error;
    append(problems, known);
    append(warnings, warningsOf(error));
  }
  // What a build would refuse in public/ (a symbolic link out of it, a name like ..\x) and, when the content
  // loaded, what of public/ stands in the way of the site's pages or gives way to them, and its pages the
  // sitemap leaves out for a canonical link to another host, found without building.
  const publicReport = await publicFolderReport(options.root, loadedSite);
  append(problems, publicReport.problems);
  // The stylesheet's warnings, as a build gives them (a declaration whose ; was forgotten), read without bundling it.
  const more = [...publicReport.warnings, ...stylesheetWarnings()];
  if (more.length > 0) {
    const sorted = sortErrors([...warnings, ...more]);
    warnings.length = 0;
    append(warnings, sorted);
  }

  let linksChecked: string | undefined;
  let brokenLinks = 0;
  let firstPageLinks = 0;
  await whileNoBuildPublishes(options.root, distDir, options.onWaitForBuild, async () => {
    if ((await folderKind(distDir)) !== 'folder') return;
    const shown = path.relative(options.root, distDir).split(path.sep).join('/') || '.';
    linksChecked = shown;
    // The site is published at the path of baseUrl: its pages' URLs start there, and a link out of it is broken.
    const { baseUrl } = await readSiteConfig(options.root);
    const site = { origin: new URL(baseUrl).origin, basePath: basePathOf(baseUrl) };
    const broken = await findBrokenLinks(distDir, { basePath: site.basePath, host: new URL(baseUrl).host });
    brokenLinks = broken.length;
    // Read only for a broken link: decoding the record took about a tenth of a second at 10,000 articles.
    if (broken.length > 0 && lastAddresses) movedUrls = movedArticleAddresses(await lastAddresses.read(), articleUrls);
    const written = new WrittenLinks(options.root, pageSources);
    const linkProblems: ArhivarError[] = [];
    const linkWarnings: ArhivarError[] = [];
    const onPages = new Map<string, BrokenLink[]>();
    for (const entry of broken) {
      const at = await written.find(entry);
      const firstPage = at && firstPageLinkWarning(entry, site.basePath, at);
      if (firstPage) {
        linkWarnings.push(firstPage);
        continue;
      }
      if (at) {
        linkProblems.push(brokenLinkError(entry, shown, site, at, { pagesOfFiles, heldBackUrls, draftUrls, movedUrls }));
        continue;
      }
      // A link the templates write is on every page they make: told once, with the pages that have it, where
      // a footer link to a page not there was thousands of problems of three lines, one per page of the site.
      const key = `${entry.link}\0${entry.outside}\0${entry.host}\0${entry.meant}\0${entry.fragment?.id}\0${entry.fragment?.page === entry.file ? '' : entry.fragment?.page}`;
      const group = onPages.get(key);
      if (group) group.push(entry);
      else onPages.set(key, [entry]);
    }
    for (const entries of onPages.values()) {
      const [first, ...others] = entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      linkProblems.push(withOtherPages(brokenLinkError(first!, shown, site, undefined, { pagesOfFiles, heldBackUrls, draftUrls, movedUrls }), others.map((entry) => entry.file), shown));
    }
    // By file and line, so that links of one article (found page by page) read top to bottom.
    append(problems, sortErrors(linkProblems));
    firstPageLinks = linkWarnings.length;
    if (linkWarnings.length > 0) {
      const sorted = sortErrors([...warnings, ...linkWarnings]);
      warnings.length = 0;
      append(warnings, sorted);
    }
  });
  return { problems, warnings, articles, linksChecked, brokenLinks: brokenLinks - firstPageLinks, firstPageLinks };
}

/**
 * The content file whose Markdown a page of the built site shows: an article's page its body, a person's
 * first page the bio. A broken link found in that Markdown is reported there, at its line, where the editor
 * fixes it; one the templates write stays reported on the page.
 */
interface PageSource {
  file: string;
  owner: 'article' | 'person';
  /** The Markdown and the line of the file it starts on, read only for a page with a broken link. */
  markdown: () => Promise<{ text: string; firstLine: number } | undefined>;
}

/** Where a broken link is written in content: the file, the address as written there, and every line (of the file) that writes it. */
interface WrittenAt {
  file: string;
  owner: 'article' | 'person';
  address: string;
  lines: number[];
  /** The file in content/ a relative link names, when there is one beside the article or bio (never published). */
  beside?: string;
  /** The file of public/ a link names by its path there (public/slike/foto.jpg) or with backslashes (slike\\foto.jpg). */
  inPublic?: string;
}

/**
 * The page address of each content file that has one: a published article's, and a person's with a page. An
 * editor who links another article by its file (`../2025/clanek.md`, as the file tree shows it) is told the
 * address to write instead.
 */
function pagesOfContentFiles(model: SiteModel): Map<string, string> {
  const pages = new Map<string, string>();
  for (const { file, url } of model.archive.articles) pages.set(file, url);
  for (const { person } of model.archive.people) if (person.file !== undefined) pages.set(person.file, urls.person(person.id));
  return pages;
}

function sourcesOfPages(root: string, model: SiteModel): Map<string, PageSource> {
  const sources = new Map<string, PageSource>();
  for (const { file, url } of model.archive.articles) {
    sources.set(outputPathFor(url), { file, owner: 'article', markdown: () => articleBody(root, file) });
  }
  for (const person of model.registry.people.values()) {
    const { file, bio } = person;
    if (file === undefined || !bio) continue;
    const firstLine = person.bioLine ?? 1;
    sources.set(outputPathFor(urls.person(person.id)), { file, owner: 'person', markdown: async () => ({ text: bio, firstLine }) });
  }
  return sources;
}

/**
 * The body of an article as its file holds it now. The check let go of the text once it was validated, so it
 * is read again, and only for the pages with a broken link. A file gone or broken since is no source.
 */
async function articleBody(root: string, file: string): Promise<{ text: string; firstLine: number } | undefined> {
  try {
    const { text } = await readSourceFile(root, path.join(root, file));
    const { body, bodyLine } = parseFrontMatter(text, file);
    return { text: body, firstLine: bodyLine };
  } catch {
    return undefined;
  }
}

/** Finds broken links in the Markdown of the page they are on, parsing each source once. */
class WrittenLinks {
  private readonly parsed = new Map<string, Promise<{ addresses: Map<string, WrittenAddress>; firstLine: number } | undefined>>();
  constructor(
    private readonly root: string,
    private readonly sources: ReadonlyMap<string, PageSource>,
  ) {}

  async find({ file, link, outside, fragment }: BrokenLink): Promise<WrittenAt | undefined> {
    const source = this.sources.get(file);
    if (!source) return undefined;
    let parsed = this.parsed.get(file);
    if (!parsed) {
      parsed = source.markdown().then((markdown) => (markdown ? { addresses: addressLines(markdown.text), firstLine: markdown.firstLine } : undefined));
      this.parsed.set(file, parsed);
    }
    const found = await parsed;
    const written = found?.addresses.get(addressKey(link));
    if (!found || !written) return undefined;
    const at: WrittenAt = { file: source.file, owner: source.owner, address: written.address, lines: written.lines.map((line) => found.firstLine + line - 1) };
    if (!outside && !fragment) {
      const beside = await fileBeside(this.root, source.file, written.address);
      if (beside) at.beside = beside;
      const inPublic = beside ? undefined : await publicFileNamed(this.root, written.address);
      if (inPublic) at.inPublic = inPublic;
    }
    return at;
  }
}

/**
 * The project path of the file in content/ that `address`, relative to the page, names beside `file`
 * (`ob-clanku.jpg` beside content/articles/2025/clanek.md), when there is one. Editors keep a picture next to
 * its article; only public/ is copied into the site.
 */
async function fileBeside(root: string, file: string, address: string): Promise<string | undefined> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || /^[/#?]/.test(address)) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(address.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const beside = path.posix.normalize(path.posix.join(path.posix.dirname(file), name));
  if (!beside.startsWith('content/')) return undefined;
  return (await folderKind(path.join(root, beside))) === 'not-a-folder' ? beside : undefined;
}

/**
 * The file of public/ (its path there) that `address` names as the file tree shows it: with public/ in front
 * (`public/slike/foto.jpg`, `../../../public/…`), or with a Windows folder's backslashes (`slike\\foto.jpg`), when
 * there is such a file. public/ is the site's root, and a web address parts folders with /, so neither leads to it.
 */
async function publicFileNamed(root: string, address: string): Promise<string | undefined> {
  const name = writtenPath(address);
  if (name === undefined) return undefined;
  const slashed = name.replace(/\\/g, '/');
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  if (parts[0] === 'public') parts.shift();
  else if (slashed === name) return undefined;
  if (parts.length === 0) return undefined;
  const file = parts.join('/');
  return (await folderKind(path.join(root, 'public', ...parts))) === 'not-a-folder' ? file : undefined;
}

/** "on line 12" is in the report's first line; " (also on lines 20 and 31)" says where else the same address is. */
function otherLines(written: WrittenAt | undefined): string {
  const others = written?.lines.slice(1) ?? [];
  if (others.length === 0) return '';
  const listed = others.length === 1 ? `line ${others[0]}` : `lines ${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
  return ` (also on ${listed})`;
}

/** Where the site is published: the host (https://example.si) and the path of baseUrl ("/arhiv/"). */
interface SiteAddress {
  origin: string;
  basePath: string;
}

/**
 * A template's broken link found on the pages `others` too (`dist/` relative, sorted): the problem of its
 * first page says how many more have it and names the first two, so one fix is seen as one.
 */
function withOtherPages(problem: ArhivarError, others: readonly string[], shown: string): ArhivarError {
  if (others.length === 0) return problem;
  const named = others.slice(0, 2).join(', ');
  const pages = others.length === 1 ? `1 other page of ${shown}/ (${named})` : `${others.length} other pages of ${shown}/ (${named}${others.length > 2 ? ' …' : ''})`;
  return new ArhivarError({ code: problem.code, message: `${problem.message}, and so does the same link on ${pages}`, file: problem.file, line: problem.line, hint: problem.hint });
}

/** What the content says about addresses the built site has no page at. */
interface ContentAddresses {
  /** The page of each content file that has one (see pagesOfContentFiles). */
  pagesOfFiles: ReadonlyMap<string, string>;
  /** The address of each article held back for its date, from the site's root, and that date. */
  heldBackUrls: ReadonlyMap<string, ContentDate>;
  /** The address each draft would have, from the site's root, and its file. */
  draftUrls: ReadonlyMap<string, string>;
  /** Each address an article published now was published at before its title or date changed, from the site's root. */
  movedUrls: ReadonlyMap<string, MovedArticle>;
}

/**
 * The earlier addresses of the articles published now (pipeline/published-addresses.ts), each with the article's
 * file and address now. One another article stands at, or a redirectFrom: page, is no broken link's, so is never
 * looked up.
 */
function movedArticleAddresses(published: PublishedAddresses | undefined, now: ReadonlyMap<string, string>): Map<string, MovedArticle> {
  const moved = new Map<string, MovedArticle>();
  for (const [file, addresses] of published ?? []) {
    const url = now.get(file);
    if (url === undefined) continue;
    for (const address of addresses) if (address !== url) moved.set(address, { file, from: address, to: url });
  }
  return moved;
}

function brokenLinkError(broken: BrokenLink, shown: string, site: SiteAddress, written: WrittenAt | undefined, content: ContentAddresses): ArhivarError {
  const { file, outside, fragment } = broken;
  const { basePath } = site;
  // The address as the editor wrote it, who would not find the page's percent-encoded form in the text.
  const link = written?.address ?? broken.link;
  const where = written ? { file: written.file, line: written.lines[0] } : { file: `${shown}/${file}` };
  const also = otherLines(written);
  if (fragment?.redirect) {
    // A person's redirectFrom: sends on to a page under /osebe/, an article's to the article.
    const sitePath = fragment.redirectTo === undefined ? undefined : withoutBasePath(basePath, fragment.redirectTo);
    const [whose, ofOne] = sitePath !== undefined && personOfPath(sitePath) ? ["the person's", "a person's"] : ["the article's", "an article's"];
    return new ArhivarError({
      code: 'link/broken',
      message: `link "${link}"${also} leads to ${shown}/${fragment.page}, a page that only sends readers on to ${ofOne} new address (redirectFrom:), and that drops #${fragment.id}`,
      ...where,
      hint: fragment.redirectTo === undefined ? `link ${whose} new address with #${fragment.id}` : `link ${whose} new address: ${fragment.redirectTo}#${fragment.id}`,
    });
  }
  if (fragment) {
    const ownPage = written ? `${written.owner === 'person' ? 'the bio' : 'the article'}'s own page, ${shown}/${file}, which` : 'this page, which';
    const target = fragment.page === file ? ownPage : `${shown}/${fragment.page}, but that page`;
    const fix = fragment.nearest === undefined ? 'link the id of the heading you mean' : `write #${fragment.nearest} if that is the heading you mean`;
    return new ArhivarError({
      code: 'link/broken',
      message: `link "${link}"${also} leads to ${target} has no heading or element with id "${fragment.id}"`,
      ...where,
      hint: `${fix}: a heading's id is its text written as a slug ("## Ozadje pogovorov" is #ozadje-pogovorov, a second heading with the same text #ozadje-pogovorov-2), and the built page shows it as id="…"; build again if the heading or the link changed since the last build`,
    });
  }
  if (broken.local !== undefined) {
    return new ArhivarError({
      code: 'link/broken',
      message: `link "${link}"${also} leads to ${broken.local}, the computer it was copied on (the address npm run dev serves at), which no reader can open`,
      ...where,
      hint: !written
        ? templateLinkHint(broken, site)
        : broken.meant
          ? `write ${markdownAddress(broken.meant)}, the path after the address`
          : `write the page's address from the site's root (${basePath}2025/12/20/naslov-clanka/) in place of the whole address`,
    });
  }
  const message = outside
    ? `link "${link}"${also} leads out of ${basePath}, the path baseUrl in content/site.yaml publishes the site under`
    : broken.host !== undefined
      ? `link "${link}"${also} leads to the host "${broken.host}", not to this site: an address that starts with // names a host, and no reader can reach one whose name has no dot`
      : `link "${link}"${also} leads to no page or file of the built site`;
  return new ArhivarError({ code: 'link/broken', message, ...where, hint: written ? writtenLinkHint(broken, site, written, link, content) : templateLinkHint(broken, site) });
}

/**
 * A link written in content to a listing's page 1 by its number (`/oznake/ukrajina/stran/1/`, as readers see
 * `stran/2/` and write 1), for a listing the site has: nothing stands there, but the 404 page's script sends the
 * reader on to the listing (README "Pages"), and npm run dev and preview redirect it. So it is no broken link, and
 * a warning with the address to write, not a problem that fails the check; undefined for any other link.
 */
function firstPageLinkWarning(broken: BrokenLink, basePath: string, written: WrittenAt): ArhivarError | undefined {
  if (broken.outside || broken.host !== undefined || broken.local !== undefined || broken.fragment || broken.meant === undefined) return undefined;
  const pathname = linkPathname(broken, basePath);
  if (pathname === undefined || !pathname.startsWith(basePath)) return undefined;
  const listing = firstPageListing(pathname.slice(basePath.length).split('/').filter(Boolean));
  // findBrokenLinks means the listing only when the site has it; the script would send the reader to a 404 otherwise.
  const address = listing && `${basePath}${listing.map((name) => `${name}/`).join('')}`;
  if (address === undefined || !meansAddress(broken.meant, address)) return undefined;
  return new ArhivarError({
    code: 'link/first-page-number',
    message: `link "${written.address}"${otherLines(written)} reaches the first page of ${address} only through the 404 page, whose script sends readers on to it: search engines and readers without JavaScript get the 404 page`,
    file: written.file,
    line: written.lines[0],
    hint: `write ${markdownAddress(broken.meant)}: the first page of a listing is its own address, with no page number`,
  });
}

/** What to do about a link that leads nowhere or out of the base path, written in an article or a bio. */
function writtenLinkHint(broken: BrokenLink, { basePath, origin }: SiteAddress, written: WrittenAt, link: string, { pagesOfFiles, heldBackUrls, draftUrls, movedUrls }: ContentAddresses): string {
  const { outside } = broken;
  // The link under the base path, as the editor wrote it rather than as the page encodes it (`poročilo 2025.pdf`).
  const underBase = broken.meant === `${basePath}${broken.link.slice(1)}` && link.startsWith('/') ? `${basePath}${link.slice(1)}` : broken.meant;
  const meant = underBase === undefined ? undefined : markdownAddress(underBase);
  const text = written.owner === 'person' ? 'the bio' : 'the article';
  if (written.beside && isContentFile(written.beside)) return contentFileLinkHint(written.beside, basePath, pagesOfFiles.get(written.beside));
  const named = contentFileNamed(link, [pagesOfFiles.keys(), draftUrls.values()]);
  if (named !== undefined) return contentFileLinkHint(named, basePath, pagesOfFiles.get(named));
  if (written.inPublic !== undefined) {
    const address = markdownAddress(`${basePath}${written.inPublic}`);
    return `the file is public/${written.inPublic}, which the site publishes at ${address}: write ${address} (a file of public/ is linked from the site's root, without public/, and with / between folders)`;
  }
  if (written.beside) {
    const name = path.posix.basename(written.beside);
    return `${written.beside} is beside ${text} in content/, but only public/ is copied into the site: move it into public/ (public/slike/${name}) and write ${markdownAddress(`${basePath}slike/${name}`)}`;
  }
  if (broken.host !== undefined) {
    return meant
      ? `write ${meant}, with one /, if that is what ${text} means`
      : `write a page of this site from the site's root with one / (${basePath}2025/12/20/naslov-clanka/), or another site's address in full (https://www.rtvslo.si/novice/)`;
  }
  const host = hostWithoutScheme(link);
  if (host !== undefined) {
    const rest = link.slice(host.length);
    if (isSiteHost(domainToASCII(host), new URL(origin).host)) return `${host} is this site's host: write ${rest.startsWith('/') ? rest : `/${rest}`}, the path after it, or the whole address with https://`;
    return `an address of another site starts with https:// (https://${link}); without it the browser looks for "${link}" on this site, beside ${text}'s page`;
  }
  if (outside) {
    // A relative link gets there only by climbing with ../ out of the base path: "from the host's root" would misdescribe it.
    const why = link.startsWith('/') ? "a link from the host's root must start with it" : 'the ../ of the link climb out of it';
    if (meant) return `write ${meant}: the site is published under ${basePath}, and ${why}`;
    const elsewhere = link.startsWith('/') ? `; a page of the host outside the site takes its whole address (${origin}${link})` : '';
    return `a link to a page or file of this site starts with ${basePath} (${basePath}2025/12/20/naslov-clanka/) or is relative to its page${elsewhere}; build again if baseUrl changed since the last build`;
  }
  // The address is right, and the page comes with the article's date: "correct the address" would mislead.
  const due = addressedAt(broken, basePath, heldBackUrls);
  if (due) {
    const instead = written.owner === 'person' ? 'add the link once that article is out' : 'date the article no earlier, or add the link once that one is out';
    return `it is the address of an article dated ${formatLjubljanaMinute(due.instant)} Ljubljana time, which waits for its date: the first build from then on publishes it, and until then the link leads to the 404 page; ${instead}`;
  }
  // So is a draft's, copied from the dev server, which shows drafts.
  const draft = addressedAt(broken, basePath, draftUrls);
  if (draft) return `it is the address of ${draft}, a draft (draft: true), which is not published, so the link leads to the 404 page: add the link once that article is out`;
  // The address was right when it was written: »correct the address« sent the editor looking for a typo.
  const moved = addressedAt(broken, basePath, movedUrls);
  if (moved) {
    return `it is the address ${moved.file} was published at before its title or date changed, and nothing stands there now: write ${markdownAddress(`${basePath}${moved.to.slice(1)}`)}, its address now (the build's article/address-changed warning gives the redirectFrom: line that keeps links shared elsewhere working too)`;
  }
  const decomposed = underBase === undefined ? undefined : decomposedName(broken, basePath, underBase);
  if (decomposed) {
    const kind = decomposed.file.endsWith('/') ? 'folder' : 'file';
    return `public/${decomposed.file} is named with "${decomposed.letter}" written as two characters (${decomposed.base} and a combining mark, as macOS and some zip programs write names), ${text} with one, and a web server takes them for different names: rename the ${kind} in public/, typing its name anew, and build again`;
  }
  const padded = underBase === undefined ? undefined : zeroPaddedPage(broken, basePath, underBase);
  if (padded !== undefined) return `write ${underBase}: a page number is written without leading zeros, and ${padded} is another address`;
  const numbered = underBase === undefined ? undefined : missingPage(broken, basePath, underBase);
  if (numbered !== undefined) {
    return numbered <= 1
      ? `write ${underBase}: the first page of a listing is its own address, with no page number`
      : `the listing ${underBase} has no page ${numbered} in the last build, and its pages move on as articles are added: link the listing itself (${underBase}) or the article you mean; build again if articles were added since the last build`;
  }
  const added = 'if the address is right and leads to an article or file added since the last build, build again';
  if (meant?.startsWith('<')) return `write ${meant}, in angle brackets as Markdown takes an address with a space, if that is what ${text} means; ${added}`;
  if (meant) return `write ${meant} if that is what ${text} means; ${added}`;
  return `correct the address in ${text}: a page of this site is written from the site's root (${basePath}2025/12/20/naslov-clanka/), a file in public/ by its path there (public/slike/foto.jpg is ${basePath}slike/foto.jpg); ${added}`;
}

/**
 * An address as a Markdown link takes it: one with a space (a file of public/ named `seja sveta.jpg`) in angle
 * brackets, since without them the link is published as text (article/space-in-address).
 */
function markdownAddress(address: string): string {
  return /\s/.test(address) ? `<${address}>` : address;
}

/**
 * The host a link written without https:// starts with (`www.rtvslo.si/novice/`, `rtvslo.si/novice/`), which
 * a browser takes for a path beside the page; undefined for any other link. A name with a dot and nothing
 * after it (`rtvslo.si`, `foto.jpg`) may be a file, so only a name starting with www. or followed by a /
 * counts as a host. Its labels may be written in any letters (`časnik.si`, `www.žurnal24.si`), as an editor
 * types an IDN host, or in punycode, whose top-level domain holds digits (`xn--p1ai`).
 */
function hostWithoutScheme(link: string): string | undefined {
  return /^(?:www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:\p{L}{2,}|xn--[a-z0-9-]+)(?=\/))(?=[/?#]|$)/iu.exec(link)?.[0];
}

/** The path from the host's root that `broken.link` leads to, resolved against the page that writes it as a browser does (percent-encoded). */
function linkPathname(broken: BrokenLink, basePath: string): string | undefined {
  try {
    return new URL(broken.link, `http://site${basePath}${broken.file}`).pathname;
  } catch {
    return undefined;
  }
}

/**
 * When the file the link meant differs from it only in how its letters are spelled in Unicode: its name in
 * public/ writes a letter decomposed (`z` + U+030C for `ž`, NFD), the article composed, as content is read
 * (NFC). The two look the same, so the hint names the letter and the file to rename rather than an address
 * to write that reads as the link itself.
 */
function decomposedName(broken: BrokenLink, basePath: string, meant: string): { file: string; letter: string; base: string } | undefined {
  const pathname = linkPathname(broken, basePath);
  const meantPath = meant.replace(/[?#].*$/, '');
  if (pathname === undefined || !pathname.startsWith(basePath) || !meantPath.startsWith(basePath)) return undefined;
  // Within the base path, which stays percent-encoded in both.
  const linked = percentDecode(pathname.slice(basePath.length));
  const meantFile = meantPath.slice(basePath.length);
  if (linked === meantFile || linked.normalize('NFC') !== meantFile.normalize('NFC')) return undefined;
  const found = /\p{L}\p{M}+/u.exec(meantFile);
  if (!found) return undefined;
  const letter = found[0];
  // The file, or the folder of public/ whose name holds the letter (`Poročila/` for Poročila/letno.pdf).
  const end = meantFile.indexOf('/', found.index);
  return { file: meantFile.slice(0, end < 0 ? undefined : end + 1), letter: letter.normalize('NFC'), base: letter[0]! };
}

/**
 * The numbered page of a listing that `broken.link` leads to (`/oznake/ukrajina/stran/02/`, resolved against the
 * page that writes it): the names of its path within the base path, the listing's and the page number;
 * undefined for a link to anything else.
 */
function numberedPageOf(broken: BrokenLink, basePath: string): { names: string[]; listing: readonly string[]; page: number } | undefined {
  const pathname = linkPathname(broken, basePath);
  if (pathname === undefined || !pathname.startsWith(basePath)) return undefined;
  const names = pathname.slice(basePath.length).split('/').filter(Boolean);
  const numbered = pageOfListing(names);
  return numbered === undefined ? undefined : { names, ...numbered };
}

/** `meant` without its query and fragment is `address` (from the host's root, with the base path). */
function meansAddress(meant: string, address: string): boolean {
  return meant.replace(/[?#].*$/, '') === address;
}

/**
 * The page number a link writes (`/oznake/ukrajina/stran/9/`) when `meant` is that listing's own address, which
 * findBrokenLinks offers for a page number the listing does not have; undefined for any other link.
 */
function missingPage(broken: BrokenLink, basePath: string, meant: string): number | undefined {
  const numbered = numberedPageOf(broken, basePath);
  if (numbered === undefined) return undefined;
  const listing = numbered.listing.map((name) => `${name}/`).join('');
  return meansAddress(meant, `${basePath}${listing}`) ? numbered.page : undefined;
}

/**
 * The page number as a link writes it with leading zeros (`02` in `/oznake/ukrajina/stran/02/`) when `meant` is
 * that page without them, which findBrokenLinks offers when the listing has it; undefined for any other link.
 */
function zeroPaddedPage(broken: BrokenLink, basePath: string, meant: string): string | undefined {
  const numbered = numberedPageOf(broken, basePath);
  const written = numbered?.names.at(-1);
  if (numbered === undefined || written === undefined || written === String(numbered.page)) return undefined;
  const page = [...numbered.names.slice(0, -1), String(numbered.page)].map((name) => `${name}/`).join('');
  return meansAddress(meant, `${basePath}${page}`) ? written : undefined;
}

/**
 * What `addresses` holds for the address of an unpublished article (held back for its date, or a draft) that
 * `broken.link` leads to, resolved against the page that writes it as a browser does (root-relative, relative,
 * or the page's index.html).
 */
function addressedAt<T>(broken: BrokenLink, basePath: string, addresses: ReadonlyMap<string, T>): T | undefined {
  if (addresses.size === 0) return undefined;
  const pathname = linkPathname(broken, basePath);
  if (pathname === undefined || !pathname.startsWith(basePath)) return undefined;
  const folder = `/${pathname.slice(basePath.length)}`.replace(/\/index\.html$/, '/');
  return addresses.get(folder.endsWith('/') ? folder : `${folder}/`);
}

/** An article's or person's own file: the build makes a page of it, and does not copy it. */
function isContentFile(file: string): boolean {
  return /^content\/(articles|people)\/.+\.md$/.test(file);
}

/**
 * The content file among `files` (project paths) that a link ending in .md names by its file name alone
 * (`prvi.md`), from the project folder (`content/articles/2025/prvi.md`, `/content/…`, or with a Windows folder's
 * backslashes) or from another folder (`2025/prvi.md`), as an editor copies it from the file tree: the one file
 * whose path ends so. Undefined when
 * none or several do (`prvi.md` in two years' folders), and for a link to another site.
 */
function contentFileNamed(link: string, files: readonly Iterable<string>[]): string | undefined {
  const name = writtenPath(link);
  // Before any file is looked at: this runs for every broken link, and the files are the whole archive's.
  if (name === undefined || !name.endsWith('.md')) return undefined;
  const tail = name
    .split(/[/\\]/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');
  const found = new Set<string>();
  for (const list of files) for (const file of list) if (file === tail || file.endsWith(`/${tail}`)) found.add(file);
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The path a link written in content names, decoded and without its query and fragment, as a file tree would show
 * it; undefined for an address with a scheme (https:, mailto:) or of another host (//…), and for one that does not decode.
 */
function writtenPath(link: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return undefined;
  try {
    return decodeURIComponent(link.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
}

/** A link to another content file by its path: the page the build makes of that file is what to link. */
function contentFileLinkHint(file: string, basePath: string, page: string | undefined): string {
  if (page === undefined) {
    return `${file} is a content file, and the built site has no page for it (a draft, an article dated in the future, or a person no published article names): link the page by its address once it is published (${basePath}2025/12/20/naslov-clanka/, ${basePath}osebe/ime-priimek/)`;
  }
  const address = `${basePath}${page.slice(1)}`;
  return file.startsWith('content/people/')
    ? `${file} is the file of a person, not the address of their page: write ${address}`
    : `${file} is the file of an article, not its address: write ${address}, the address of its page`;
}

/** What to do about a link that leads nowhere or out of the base path, written by a template (or in content since changed). */
function templateLinkHint({ outside, meant }: BrokenLink, { basePath }: SiteAddress): string {
  const likely = meant ? ` (it may mean ${meant})` : '';
  return outside
    ? `build again if baseUrl changed since the last build; if it stays, a link an article writes from the host's root must start with ${basePath} (or be relative to its page)${likely}`
    : `build again (the build may be older than the content; a page removed from dist/ by hand comes back once dist/ is deleted and built); if it stays, fix the link in the article or template that writes it${likely}`;
}

/**
 * Runs `read` holding the output folder's build lock (output/build-lock.ts): a build that swapped in its new
 * tree during the read would make links of the old site look broken, and for a moment there is no dist/ at
 * all. A build started meanwhile waits. A folder no build may publish into (checkOutputLocation refuses it)
 * cannot change under the check, and one whose parent folder is missing has no build; neither is locked, so
 * the check makes no lock folder beside them. Nor is one the check may not write beside (read-only).
 */
async function whileNoBuildPublishes(root: string, outDir: string, onWait: CheckOptions['onWaitForBuild'], read: () => Promise<void>): Promise<void> {
  const buildsCanPublishThere = await checkOutputLocation(root, outDir).then(
    () => true,
    () => false,
  );
  if (!buildsCanPublishThere || (await folderKind(path.dirname(outDir))) !== 'folder') return read();
  let lock;
  try {
    lock = await lockOutput(outDir, { command: 'check', onWait });
  } catch (error) {
    // Beside a folder this check may not write in (a read-only copy of a site), no build of this user
    // publishes either: read it as it is, as before checks took the lock.
    if (['EROFS', 'EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return read();
    throw error;
  }
  try {
    await read();
  } finally {
    await lock.release();
  }
}

/**
 * Whether .cache/ (or the project folder, to make it in) may be written. A read-only checkout is checked
 * without .cache/: every article is rendered anew, where loading with it failed on its first write.
 */
async function cacheWritable(root: string): Promise<boolean> {
  const cacheDir = path.join(root, CACHE_DIR);
  const folder = (await folderKind(cacheDir)) === 'folder' ? cacheDir : root;
  return access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
}
