import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../../src/build.ts';
import { urls } from '../../../src/site/urls.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURE = path.join(repoRoot, 'tests/fixtures/design');
export const SEED_ARTICLE_URL = '/2025/12/22/witkoff-in-kushner-na-floridi-s-putinovim-odposlancem-dmitrijevim/';
/** Five articles with pageSize 2: three home pages, and Ana Novak appears in three articles (two pages). */
export const PAGINATED_PERSON = 'ana-novak';
/** A journalist the bylines of three articles name (one with STA) and one article mentions: both lists on her page, two /avtor/ pages. */
export const AUTHOR_PERSON = 'maja-zupan';
/** Two four-column tables in scrolling wrappers, and a byline that links to AUTHOR_PERSON. */
export const TABLE_ARTICLE_URL = '/2025/11/27/proracun-podlipe-za-leto-2026-sprejet-brez-glasu-proti/';
/** A table of two short columns, which fits the column at a phone's 390 px. */
export const NARROW_TABLE_ARTICLE_URL = '/2026/01/08/sneg-za-nekaj-ur-ohromil-promet-cez-prelaz-nad-podlipo/';
/** Fixed so the 2026 articles are always published, whatever the clock says. */
const NOW = new Date('2026-06-01T12:00:00Z');

export interface BuiltSite {
  root: string;
  dist: string;
  remove: () => Promise<void>;
}

/** Builds tests/fixtures/design (with the project's templates and stylesheet) into a temp folder. */
export async function buildDesignSite(): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'arhivar-design-'));
  const dist = path.join(root, 'dist');
  await build({ root: FIXTURE, outDir: dist, now: NOW, cache: false });
  return { root, dist, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface PageType {
  /** Short name used in test titles and screenshot file names. */
  name: string;
  url: string;
}

/**
 * One URL per page type found in the build. Pages other helpers add (tags, archives, search) are picked up
 * once their output exists, so every page type is checked without editing this list.
 */
export async function listPageTypes(dist: string): Promise<PageType[]> {
  const types: PageType[] = [
    { name: 'home', url: urls.home() },
    { name: 'home-page-2', url: urls.home(2) },
    { name: 'article', url: SEED_ARTICLE_URL },
    { name: 'people', url: urls.people() },
    { name: 'person', url: urls.person(PAGINATED_PERSON) },
    { name: 'person-page-2', url: urls.person(PAGINATED_PERSON, 2) },
    { name: 'article-table', url: TABLE_ARTICLE_URL },
    { name: 'person-author', url: urls.person(AUTHOR_PERSON) },
    { name: 'person-authored', url: urls.personAuthored(AUTHOR_PERSON) },
    { name: 'person-authored-page-2', url: urls.personAuthored(AUTHOR_PERSON, 2) },
    { name: 'not-found', url: urls.notFound() },
  ];
  const exists = (url: string) => existsSync(fileFor(dist, url));
  const optional: PageType[] = [
    { name: 'tags', url: urls.tags() },
    { name: 'archive', url: urls.archive() },
    { name: 'year', url: urls.year(2025) },
    { name: 'month', url: urls.month(2025, 12) },
    { name: 'search', url: urls.search() },
  ];
  for (const type of optional) if (exists(type.url)) types.push(type);
  const tagFolder = path.join(dist, urls.tags());
  if (existsSync(tagFolder)) {
    const first = (await readdir(tagFolder, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()[0];
    if (first && exists(urls.tag(first))) types.push({ name: 'tag', url: urls.tag(first) });
  }
  return types;
}

export function fileFor(dist: string, url: string): string {
  const relative = url.replace(/^\/+/, '');
  return path.join(dist, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
}

/** Every built HTML file, relative to dist with forward slashes. */
export async function listHtmlFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
