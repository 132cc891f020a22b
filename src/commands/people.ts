import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ArhivarError, ContentErrors, sortErrors } from '../errors.ts';
import { readContent, readSourceFile, toProjectPath } from '../content/read.ts';
import { validateArticle, type ArticleSource } from '../content/article.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { blankUnshownMarkdown } from '../markdown/shown-text.ts';
import { findPerson, loadRegistry, resolveNames, type Registry } from '../people/registry.ts';
import { commonFirstNameGender, createDetector, findUnknownNames, tokenize, type Mention, type PeopleDetector } from '../people/detect.ts';
import { tagArticlePeople } from '../people/article-people.ts';
import { suggestPerson } from '../people/suggestion.ts';
import { groupNameSpellings, inferBaseForm, nameStarts, type FirstNameGender } from '../people/base-form.ts';
import { personForms } from '../people/names.ts';
import { isNamedAfterNoun, isOrganisationNoun } from '../people/organisation-noun.ts';
import { isPlaceName } from '../people/place-name.ts';
import type { Gender, Person } from '../content/person.ts';
import { joinArticleText } from '../people/article-text.ts';
import { collator } from '../text/sl.ts';
import { urls } from '../site/urls.ts';
import { checkContentFolder } from '../pipeline/folders.ts';

/**
 * `arhivar people <article.md>` explains why an article is tagged with whom; `arhivar people --suggest`
 * lists names in the archive that nobody in the registry has.
 */
interface Loaded {
  registry: Registry;
  detector: PeopleDetector;
  articles: ArticleSource[];
  errors: ArhivarError[];
}

async function loadPeople(root: string): Promise<Loaded> {
  await checkContentFolder(root);
  const sources = await readContent(root);
  const { registry, errors: registryErrors } = loadRegistry(sources.people);
  const errors = [...sources.errors, ...registryErrors];
  const articles: ArticleSource[] = [];
  for (const source of sources.articles) {
    const result = validateArticle(source);
    if (result.article) articles.push(result.article);
  }
  return { registry, detector: createDetector(registry.people.values()), articles, errors };
}

export interface PersonReport {
  id: string;
  name: string;
  /** Listed in the article's people: key. */
  explicit: boolean;
  /** Dropped by the article's notPeople: key. */
  dropped: boolean;
  /** Listed in people: with no file in content/people/: the name as written, and whom it probably means. */
  noFile?: { suggested: Person | undefined };
  mentions: Array<Mention & { line: number | undefined; where: 'title' | 'summary' | 'body' }>;
}

/**
 * Where the article named on the command line is: relative to the working folder, as file arguments are;
 * failing that, relative to the project folder, since the hint and the reports name files that way
 * (`arhivar people content/articles/… --root ../arhiv`).
 */
async function articleLocation(root: string, articlePath: string): Promise<string> {
  const fromWorkingFolder = path.resolve(articlePath);
  if (path.isAbsolute(articlePath) || (await stat(fromWorkingFolder).then(() => true, () => false))) return fromWorkingFolder;
  const fromProject = path.resolve(root, articlePath);
  return (await stat(fromProject).then(() => true, () => false)) ? fromProject : fromWorkingFolder;
}

/**
 * The article a path that names no file means. An editor gives the file's name without its folders
 * (`fajon-v-bruslju.md`, as the editor's tab shows it) or the page's address from the browser
 * (`http://127.0.0.1:5173/2025/12/15/fajon-v-bruslju/`): the one article either names is the path to write.
 */
function meantArticle(articlePath: string, articles: readonly ArticleSource[]): ArticleSource | undefined {
  const names = articlePath.replace(/[?#].*$/, '').split(/[\\/]/).filter(Boolean);
  const last = names.at(-1) ?? '';
  const byFile = articles.filter((article) => [last, `${last}.md`].includes(path.posix.basename(article.file)));
  const address = `/${names.slice(-4).join('/')}/`;
  const bySlug = articles.filter((article) => article.slug === last);
  // Of several articles of one slug (a weekly seja-vlade), the one at that address: its day, in Ljubljana.
  const byAddress = bySlug.length > 1 ? bySlug.filter((article) => urls.article(article.frontMatter.date, article.slug) === address) : bySlug;
  // Files of one name stand in several years' folders (npm run new names the file by the slug): then the address.
  const meant = byFile.length === 1 ? byFile : byAddress;
  return meant.length === 1 ? meant[0] : undefined;
}

/** Otherwise an article of this site is the example, not one of arhivar's own content, which the site lacks. */
function missingArticleHint(articlePath: string, articles: readonly ArticleSource[]): string {
  const meant = meantArticle(articlePath, articles);
  if (meant) return `write ${meant.file}, the path of that article from the project folder`;
  return `give the path of an article from the project folder, such as ${exampleArticle(articles)}`;
}

function exampleArticle(articles: readonly ArticleSource[]): string {
  return articles.map((article) => article.file).sort()[0] ?? 'content/articles/2025/witkoff-dmitrijev-florida.md';
}

/**
 * The person a path names instead of an article: a person file (`content/people/ana-novak.md`), or, where the
 * path names no file, a person's id alone (`ana-novak`) that no article's file name or slug has. An editor asks
 * »which articles is Ana Novak in?« this way; read as an article, a person file was told »title is required« and
 * »"name" is "date"«.
 */
async function personNamed(registry: Registry, absolute: string, file: string, articlePath: string, articles: readonly ArticleSource[]): Promise<Person | undefined> {
  const people = [...registry.people.values()];
  const byFile = people.find((person) => person.file === file);
  if (byFile) return byFile;
  if (await stat(absolute).then(() => true, () => false)) return undefined;
  if (meantArticle(articlePath, articles)) return undefined;
  const last = (articlePath.split(/[\\/]/).filter(Boolean).at(-1) ?? '').replace(/\.md$/, '');
  return people.find((person) => person.file !== undefined && person.id === last);
}

/** The example is an article whose people: lists the person, when one does (the text is not searched: a quick answer). */
function notAnArticle(person: Person, registry: Registry, articles: readonly ArticleSource[]): ArhivarError {
  const listing = articles
    .filter((article) => resolveNames(registry, article.frontMatter.people).ids.includes(person.id))
    .map((article) => article.file)
    .sort()[0];
  const example = listing ? `${listing}, which lists ${person.name}` : exampleArticle(articles);
  return new ArhivarError({
    code: 'people/not-an-article',
    file: person.file,
    message: `this is the person file of ${person.name}, not an article; arhivar people tells whom an article names`,
    hint: `give the path of an article from the project folder, such as ${example}; the articles that name ${person.name} are listed on the person's page of the built site, ${urls.person(person.id)}`,
  });
}

export async function explainArticle(root: string, articlePath: string): Promise<{ file: string; people: PersonReport[] }> {
  const loaded = await loadPeople(root);
  if (loaded.errors.length > 0) throw new ContentErrors(sortErrors(loaded.errors));
  const absolute = await articleLocation(root, articlePath);
  const file = toProjectPath(root, absolute);
  const source = loaded.articles.find((article) => article.file === file);
  let article = source;
  if (!article) {
    const person = await personNamed(loaded.registry, absolute, file, articlePath, loaded.articles);
    if (person) throw new ContentErrors([notAnArticle(person, loaded.registry, loaded.articles)]);
    const source = await readSourceFile(root, absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT' && error.code !== 'EISDIR') throw error;
      throw new ContentErrors([
        new ArhivarError({
          code: 'people/no-article',
          message: `there is no article file ${articlePath}`,
          hint: missingArticleHint(articlePath, loaded.articles),
        }),
      ]);
    });
    const result = validateArticle(source);
    if (!result.article) throw new ContentErrors(result.errors);
    article = result.article;
  }
  const rendered = renderMarkdown(article.body);
  const resolved = resolveNames(loaded.registry, article.frontMatter.people);
  const explicit = resolved.ids;
  const parts = { title: article.title, summary: article.frontMatter.summary, body: rendered.text };
  const tagged = tagArticlePeople(loaded.detector, loaded.registry, explicit, [], parts);
  const withoutDropped = tagArticlePeople(loaded.detector, loaded.registry, explicit, article.frontMatter.notPeople, parts);
  const joined = joinArticleText(parts);
  const locate = bodyLineFinder(joined.text, joined.bodyStart, article.body, article.bodyLine);

  const reports: PersonReport[] = [];
  for (const id of tagged.people) {
    const person = loaded.registry.people.get(id);
    const mentions = (tagged.detection?.mentions ?? [])
      .filter((mention) => mention.personId === id)
      .map((mention) => {
        if (mention.start >= joined.bodyStart) return { ...mention, where: 'body' as const, line: locate(mention) };
        if (joined.summaryStart !== undefined && mention.start >= joined.summaryStart) return { ...mention, where: 'summary' as const, line: article.keyLines.get('summary') };
        return { ...mention, where: 'title' as const, line: article.keyLines.get('title') };
      });
    const unknown = person ? undefined : resolved.unknown.find((entry) => entry.id === id);
    reports.push({
      id,
      name: person?.name ?? unknown?.name ?? id,
      explicit: explicit.includes(id),
      dropped: !withoutDropped.people.includes(id),
      mentions,
      ...(unknown ? { noFile: { suggested: suggestPerson(loaded.registry, unknown.name)?.person } } : {}),
    });
  }
  return { file: article.file, people: reports };
}

/**
 * Plain text has lost the Markdown, so offsets do not map to the file. The k-th occurrence of a word in
 * the plain body is the k-th occurrence of that word in the text the Markdown shows (markup adds no
 * capitalised words), which gives the line. Comments, raw HTML and link and image addresses and titles
 * are blanked out first: a name there (`<!-- preveri Trump -->`, `"Donald Trump"` as a link's title) is not
 * in the plain text, and counting it would give the line of an earlier occurrence.
 */
function bodyLineFinder(text: string, bodyStart: number, markdown: string, bodyLine: number) {
  const plain = tokenize(text.slice(bodyStart));
  const raw = tokenize(blankUnshownMarkdown(markdown));
  const rawPositions = new Map<string, number[]>();
  for (let i = 0; i < raw.length; i++) {
    const word = raw.word(i);
    let list = rawPositions.get(word);
    if (!list) rawPositions.set(word, (list = []));
    list.push(raw.starts[i]!);
  }
  const lineStarts = [0];
  for (let i = 0; i < markdown.length; i++) if (markdown[i] === '\n') lineStarts.push(i + 1);
  return (mention: Mention): number | undefined => {
    const offset = mention.start - bodyStart;
    let k = 0;
    let word: string | undefined;
    for (let i = 0; i < plain.length && plain.starts[i]! <= offset; i++) {
      if (plain.starts[i] === offset) word = plain.word(i);
    }
    if (word === undefined) return undefined;
    for (let i = 0; i < plain.length && plain.starts[i]! < offset; i++) if (plain.word(i) === word) k++;
    const position = rawPositions.get(word)?.[k];
    if (position === undefined) return undefined;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= position) low = mid;
      else high = mid - 1;
    }
    return bodyLine + low;
  };
}

const KIND_WORDS: Record<Mention['kind'], string> = { full: 'full name', surname: 'surname', possessive: 'possessive', alias: 'alias' };

export function formatExplanation(report: { file: string; people: PersonReport[] }): string[] {
  const lines = [report.file];
  if (report.people.length === 0) lines.push('  nobody from content/people/ is named or listed');
  for (const person of report.people) {
    const status = [
      person.explicit ? 'listed in people:' : 'detected',
      person.noFile && `no file in content/people/${person.noFile.suggested ? ` (probably ${person.noFile.suggested.name}, ${person.noFile.suggested.file})` : ''}`,
      `${person.mentions.length} ${person.mentions.length === 1 ? 'mention' : 'mentions'}`,
      person.dropped ? 'DROPPED by notPeople:' : '',
    ].filter(Boolean);
    lines.push(`  ${person.name} (${person.id}): ${status.join(', ')}`);
    for (const mention of person.mentions) {
      const where = mention.where === 'body' ? `line ${mention.line ?? '?'}` : `${mention.where}${mention.line ? ` (line ${mention.line})` : ''}`;
      const reason = mention.reason.startsWith(KIND_WORDS[mention.kind]) ? mention.reason : `${KIND_WORDS[mention.kind]}; ${mention.reason}`;
      lines.push(`    ${where.padEnd(9)} "${mention.text}"  ${reason}`);
    }
  }
  return lines;
}

export interface NameSuggestion {
  /** The base (nominative) form, or the most frequent spelling when that cannot be told (`sure` false). */
  name: string;
  sure: boolean;
  /** When unsure: the base forms that fit equally. */
  alternatives: string[];
  count: number;
  articles: number;
  /** Article files that use the name, in archive order. */
  files: string[];
  spellings: Map<string, number>;
  /** The registry person the name is probably another spelling of (Volodymyr Zelenskyj for Volodimir Zelenski). */
  probably?: Person;
}

export async function suggestNames(root: string): Promise<NameSuggestion[]> {
  const loaded = await loadPeople(root);
  if (loaded.errors.length > 0) throw new ContentErrors(sortErrors(loaded.errors));
  const knownFirst = firstNameGenders(loaded.registry);
  const spellings = new Map<string, { count: number; files: Set<string> }>();
  for (const article of loaded.articles) {
    const text = joinArticleText({ title: article.title, summary: article.frontMatter.summary, body: renderMarkdown(article.body).text }).text;
    for (const { words, start } of findUnknownNames(loaded.detector, text)) {
      if (namesWhatIsNamedAfter(text, start, words, knownFirst)) continue;
      let seen = spellings.get(words);
      if (!seen) spellings.set(words, (seen = { count: 0, files: new Set() }));
      seen.count++;
      seen.files.add(article.file);
    }
  }
  const moveTo = (spelling: string, name: string | undefined) => {
    const from = spellings.get(spelling)!;
    spellings.delete(spelling);
    if (name === undefined) return;
    const to = spellings.get(name) ?? { count: 0, files: new Set<string>() };
    to.count += from.count;
    for (const file of from.files) to.files.add(file);
    spellings.set(name, to);
  };
  for (const [spelling, name] of nameStarts(spellings.keys(), knownFirst)) {
    // The detector passed over a registry person's name there for a reason: »Trgu Franceta Prešerna« is a square.
    if (suggestPerson(loaded.registry, name)?.why === 'form') continue;
    moveTo(spelling, name);
  }
  // A firm, an institution or an event (Pekarna Hribar, Vrhovno Sodišče, Festival Lent), a club or a firm named
  // with its town (Luka Koper, Olimpija Ljubljana), or a square, school or prize named after someone (Trg Franceta
  // Prešerna) is no one to add; a name may follow it in apposition (»trener Olimpije Ljubljana Victor Sanchez«).
  for (const spelling of [...spellings.keys()]) {
    const words = spelling.split(' ');
    if (POSSESSIVE_ADJECTIVE.test(words[0]!)) {
      moveTo(spelling, undefined);
      continue;
    }
    const last = words.findLastIndex((word) => isOrganisationNoun(word) || isPlaceName(word) || isNamedAfterNoun(word));
    if (last < 0) continue;
    const name = words.length - last > 2 ? words.slice(last + 1).join(' ') : undefined;
    // »Gimnazije Franceta Prešerna« is a school named after the registry's France Prešeren, not another spelling of him.
    moveTo(spelling, name && suggestPerson(loaded.registry, name)?.why !== 'form' ? name : undefined);
  }
  const groups = groupNameSpellings([...spellings].map(([spelling, { count }]) => [spelling, count] as const), knownFirst);
  const suggestions: NameSuggestion[] = [];
  for (const group of groups) {
    // People with detect: false are in the registry already.
    if ([group.base.name, ...group.spellings.keys()].some((spelling) => findPerson(loaded.registry, spelling))) continue;
    let count = 0;
    const files = new Set<string>();
    for (const [spelling, value] of group.spellings) {
      count += value;
      for (const file of spellings.get(spelling)!.files) files.add(file);
    }
    const ordered = loaded.articles.map((article) => article.file).filter((file) => files.has(file));
    // A transliteration or typo of a registry name is that person's alias to add, not a new person: given a file of
    // its own, it was the same man's second page.
    const probably = suggestPerson(loaded.registry, group.base.name)?.person;
    suggestions.push({
      name: group.base.name,
      sure: group.base.sure,
      alternatives: group.base.alternatives,
      count,
      articles: files.size,
      files: ordered,
      spellings: group.spellings,
      ...(probably ? { probably } : {}),
    });
  }
  return suggestions.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}

/**
 * A possessive adjective in a case no first name or surname ends in (»v Cankarjevih Hlapcih«, »ob Prešernovem
 * spomeniku«, »Janševega Vlada«): it opens a title or a place, not a person's name. -ov, -ova, -ove, -ovi stay out,
 * being surnames and women's surnames (Petrov, Pirc Musarjeva).
 */
const POSSESSIVE_ADJECTIVE = /\p{Ll}(ov|ev|in)(ih|ega|emu|em|im|imi)$/u;

/**
 * A name in the genitive right after a noun such as šola, ulica or nagrada (»na Osnovni šoli Antona Kosa«) names
 * the school, street or prize; in the nominative it is someone of it (»ravnateljica šole Marija Zorman«).
 */
function namesWhatIsNamedAfter(text: string, start: number, words: string, known: FirstNameGender): boolean {
  const before = /(\p{L}+)[^\p{L}]*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  if (before === undefined || !isNamedAfterNoun(before)) return false;
  const base = inferBaseForm([words], known);
  return !(base.sure && base.name === words);
}

/** Common first names and the registry's, by gender: »Natašo« is a form of Nataša only if Nataša is a woman's name. */
function firstNameGenders(registry: Registry): FirstNameGender {
  const genders = new Map<string, Gender>();
  for (const person of registry.people.values()) {
    const forms = personForms(person);
    for (const variant of forms.variants) for (const first of variant.firstNames) genders.set(first, forms.gender);
  }
  return (name) => genders.get(name) ?? commonFirstNameGender(name);
}

/** Articles listed under a suggestion, enough to open one and check who is meant. */
const FILES_SHOWN = 3;

export function formatSuggestions(suggestions: readonly NameSuggestion[], limit: number): string[] {
  if (suggestions.length === 0) return ['every capitalised name in the articles is in content/people/'];
  const lines = [`${suggestions.length} ${suggestions.length === 1 ? 'name in articles matches' : 'names in articles match'} nobody in content/people/ (most frequent first):`];
  for (const suggestion of suggestions.slice(0, limit)) {
    const spellings = [...suggestion.spellings.entries()].sort((a, b) => b[1] - a[1]).map(([spelling, count]) => `${spelling} ×${count}`);
    const unsure = suggestion.sure ? '' : `; base form unsure${suggestion.alternatives.length > 0 ? `: ${suggestion.alternatives.join(' or ')}?` : ''}, shown as written`;
    lines.push(`  ${String(suggestion.count).padStart(5)}  ${suggestion.name}  (${suggestion.articles} ${suggestion.articles === 1 ? 'article' : 'articles'}: ${spellings.join(', ')}${unsure})`);
    const shown = suggestion.files.slice(0, FILES_SHOWN);
    const more = suggestion.files.length - shown.length;
    if (shown.length > 0) lines.push(`         ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
    const probably = suggestion.probably;
    if (probably) lines.push(`         probably ${probably.name}, ${probably.file}: add ${suggestion.name} to its aliases:, or correct the spelling in the articles`);
  }
  if (suggestions.length > limit) lines.push(`  … and ${suggestions.length - limit} more (use --limit)`);
  return lines;
}
