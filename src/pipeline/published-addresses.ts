import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../content/article.ts';
import { ArhivarError } from '../errors.ts';
import { sha1 } from '../hash.ts';
import { earlierSlug, slugify } from '../site/slug.ts';
import { CACHE_DIR, outputRecordName, readCacheFile, writeCacheFile } from './cache.ts';
import { draftAddress, type Draft } from './records.ts';
import { readPublishedPeople, type PublishedPeople } from './published-people.ts';

/**
 * Where each article has been published. An article's address is made from its title (or `slug:`) and its
 * date, so a headline's typo fixed after publication moves the page, and every link already shared (social
 * media, other sites, search results) then leads to the 404 page. The build keeps, for each content file it
 * published, every address it published it at, and warns (article/address-changed) about an address that no
 * page stands at any more, until the article's `redirectFrom:` lists it, `slug:` brings the article back to it,
 * or another article stands there.
 *
 * Files are matched by their path: a file moved or renamed with its title and date unchanged keeps its address
 * and loses nothing; one moved and retitled in the same build is not followed. An article turned into a draft,
 * held back for a later date or deleted was taken off the site on purpose (a retraction, a correction still
 * being written): its addresses are forgotten, and nothing is said.
 *
 * The record is kept in .cache/ per output folder, beside the record of the folder's files (output/publish.ts),
 * and is safe to delete: without it nothing is compared, and the next build starts a new one.
 */

/** Content file (project-relative) → the addresses (urls.article, without the base path) it was published at, first published first. */
export type PublishedAddresses = ReadonlyMap<string, readonly string[]>;

/**
 * An article whose address changed (its title, `slug:` or date edited): `from` is where it was, by the last build's
 * record (`npm run check`) or earlier in the session (`npm run dev`), and `to` where it is now; both from the
 * site's root.
 */
export interface MovedArticle {
  file: string;
  from: string;
  to: string;
}

interface AddressRecord {
  version: 1;
  target: string;
  files: Map<string, readonly string[]>;
}

function recordName(target: string): string {
  return outputRecordName('addresses', target);
}

/** The addresses the builds into `target` (an absolute output folder) published, or undefined when none are known. */
export async function readPublishedAddresses(root: string, target: string): Promise<PublishedAddresses | undefined> {
  const stored = await readCacheFile<AddressRecord>(root, recordName(target));
  return stored?.version === 1 && stored.target === target && stored.files instanceof Map ? stored.files : undefined;
}

/**
 * The record of the builds into `target` as a build starts: the digest of the last check that found nothing
 * lost, and the record itself, read only when asked. A rebuild after an edit that moved no address (nearly
 * every one) compares the digest and never decodes the record: at 10,000 articles reading and comparing it
 * took about a tenth of a second of CPU and 8 MB more at the peak.
 */
export interface LastAddresses {
  cleanDigest: string | undefined;
  read: () => Promise<PublishedAddresses | undefined>;
  /** The person pages the builds published (pipeline/published-people.ts). */
  readPeople: () => Promise<PublishedPeople | undefined>;
}

interface CleanState {
  version: 2;
  target: string;
  digest: string;
  /** The record the clean check was made against, by its size and time of writing (recordStamp). */
  record: string;
}

function stateName(target: string): string {
  return recordName(target).replace(/\.bin$/, '-clean.bin');
}

export async function lastPublishedAddresses(root: string, target: string): Promise<LastAddresses> {
  const state = await readCacheFile<CleanState>(root, stateName(target));
  const valid = state?.version === 2 && state.target === target && typeof state.digest === 'string';
  // Only while the record is the one the clean check read: deleted on its own (the README's way to let every
  // address go), the next build must make it again from what it publishes, and a digest alone would not.
  const clean = valid && state.record === (await recordStamp(root, target));
  return { cleanDigest: clean ? state.digest : undefined, read: () => readPublishedAddresses(root, target), readPeople: () => readPublishedPeople(root, target) };
}

/** The record's size and time of writing, or undefined when there is none: any rewrite or deletion changes it. */
async function recordStamp(root: string, target: string): Promise<string | undefined> {
  const info = await stat(path.join(root, CACHE_DIR, recordName(target))).catch(() => undefined);
  return info ? `${info.size}:${info.mtimeMs}` : undefined;
}

/**
 * Everything movedAddressWarnings reads of the archive besides the record: each published file and its
 * address, and each address taken (an article's own, its redirectFrom:). The same digest, after a check that
 * warned about nothing, means the same check would warn about nothing again and change nothing in the record.
 */
export function addressesDigest(published: readonly Draft[], standing: readonly Draft[]): string {
  const lines: string[] = [];
  for (const article of published) lines.push(`P\0${article.file}\0${draftAddress(article)}`);
  for (const article of standing) lines.push(`S\0${draftAddress(article)}\0${article.frontMatter.redirectFrom.join('\0')}`);
  return sha1(lines.join('\n'));
}

/** What loadSite found: the warnings, and what the build needs to bring the record up to date after publishing. */
export interface AddressCheck {
  warnings: ArhivarError[];
  digest: string;
  /** The digest was that of the last clean check: nothing was read, and nothing is to be written. */
  unchanged: boolean;
  last: PublishedAddresses | undefined;
}

export async function checkAddresses(last: LastAddresses, published: readonly Draft[], standing: readonly Draft[]): Promise<AddressCheck> {
  const digest = addressesDigest(published, standing);
  if (digest === last.cleanDigest) return { warnings: [], digest, unchanged: true, last: undefined };
  const addresses = await last.read();
  return { warnings: movedAddressWarnings(addresses, published, standing), digest, unchanged: false, last: addresses };
}

/**
 * After a build published `articles`: the record with their addresses, and the digest of the check when it
 * warned about nothing (otherwise none, so the next build checks again and warns again).
 */
export async function recordPublishedAddresses(root: string, target: string, check: AddressCheck, articles: readonly Pick<Article, 'file' | 'url'>[]): Promise<void> {
  if (check.unchanged) return;
  const addresses = nextPublishedAddresses(check.last, articles);
  if (!sameAddresses(check.last, addresses)) {
    // The digest first goes: a build stopped between the two writes must not leave a clean digest beside a
    // record it no longer describes.
    await writeCacheFile(root, stateName(target), null);
    await writePublishedAddresses(root, target, addresses);
  }
  const record = check.warnings.length === 0 ? await recordStamp(root, target) : undefined;
  const state: CleanState | undefined = record === undefined ? undefined : { version: 2, target, digest: check.digest, record };
  await writeCacheFile(root, stateName(target), state ?? null);
}

export async function writePublishedAddresses(root: string, target: string, files: PublishedAddresses): Promise<void> {
  await writeCacheFile(root, recordName(target), { version: 1, target, files: new Map(files) } satisfies AddressRecord);
}

/** Whether two records say the same, so a build that moved nothing does not write the record again. */
export function sameAddresses(a: PublishedAddresses | undefined, b: PublishedAddresses): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [file, addresses] of b) {
    const before = a.get(file);
    if (before === addresses) continue;
    if (!before || before.length !== addresses.length || before.some((address, index) => address !== addresses[index])) return false;
  }
  return true;
}

/**
 * The record after a build that published `articles`: every published file with the addresses it had before
 * and its address now. A file no longer published drops out (see the top of this file).
 */
export function nextPublishedAddresses(last: PublishedAddresses | undefined, articles: readonly Pick<Article, 'file' | 'url'>[]): PublishedAddresses {
  const next = new Map<string, readonly string[]>();
  for (const { file, url } of articles) {
    const before = last?.get(file) ?? [];
    // The same list when nothing was added, which sameAddresses then takes at a glance.
    next.set(file, before.includes(url) ? before : [...before, url]);
  }
  return next;
}

/**
 * A warning for each published article with an address of `last` that nothing stands at now: not the address
 * of an article (`standing`: the published ones and those held back for their date, which will stand there),
 * and not in any article's `redirectFrom:`. `standing` is what article/redirect-taken checks against, so the
 * `redirectFrom:` line the hint gives is one the build accepts.
 */
export function movedAddressWarnings(last: PublishedAddresses | undefined, published: readonly Draft[], standing: readonly Draft[]): ArhivarError[] {
  if (!last || last.size === 0) return [];
  const taken = new Set<string>();
  for (const article of standing) {
    taken.add(draftAddress(article));
    for (const from of article.frontMatter.redirectFrom) taken.add(from);
  }
  const warnings: ArhivarError[] = [];
  for (const article of published) {
    const before = last.get(article.file);
    if (!before) continue;
    const lost = before.filter((address) => !taken.has(address) && !upgradeAddress(article, address));
    if (lost.length > 0) warnings.push(addressChanged(article, lost));
  }
  return warnings;
}

/**
 * Whether `address` is the one today's slug rules make of the article's title while its `slug:` takes it back
 * to the one earlier versions made: the answer article/slug-changed gives after an upgrade. The first build of
 * the new version published the article at today's address, and blaming the editor for leaving it would ask
 * for a redirect from an address only the upgrade made.
 */
function upgradeAddress(article: Draft, address: string): boolean {
  const slug = article.frontMatter.slug;
  if (slug === undefined || slug !== earlierSlug(article.title)) return false;
  return sameDateSlug(address, draftAddress(article)) === slugify(article.title);
}

function addressChanged(article: Draft, lost: readonly string[]): ArhivarError {
  const now = draftAddress(article);
  const redirectFrom = [...article.frontMatter.redirectFrom, ...lost];
  const line = `redirectFrom: [${redirectFrom.join(', ')}]`;
  const addition = article.frontMatter.redirectFrom.length > 0 ? `change redirectFrom to ${line}` : `add ${line}`;
  // slug: takes an article back to its old address only when the date part of the address is the same.
  const oldSlug = lost.length === 1 ? sameDateSlug(lost[0]!, now) : undefined;
  const keep = oldSlug === undefined ? '' : `, or ${article.frontMatter.slug === undefined ? 'add' : 'change the slug: line to'} slug: ${oldSlug} to keep the article at the old address`;
  const dateMoved = lost.every((address) => slugOf(address) === article.slug);
  return new ArhivarError({
    code: 'article/address-changed',
    message: `this article was published at ${lost.join(' and ')} and is now at ${now} (its ${dateMoved ? 'date' : article.frontMatter.slug === undefined ? 'title' : 'slug'} changed); nothing stands at the old address any more, so links already shared lead to the 404 page`,
    file: article.file,
    line: article.keyLines.get(dateMoved ? 'date' : article.frontMatter.slug === undefined ? 'title' : 'slug'),
    hint: `${addition}, which sends readers and search engines from the old address on to the new one${keep}`,
  });
}

/** The slug of an article address (/2025/12/22/slug/). */
function slugOf(address: string): string {
  return address.split('/')[4] ?? '';
}

function sameDateSlug(address: string, now: string): string | undefined {
  return address.split('/').slice(0, 4).join('/') === now.split('/').slice(0, 4).join('/') ? slugOf(address) : undefined;
}
