import type { Article, ArticleSource } from '../content/article.ts';
import { describeClockChange, updatedAsShown, type ContentDate } from '../content/dates.ts';
import type { Person } from '../content/person.ts';
import { ArhivarError, type ArhivarErrorDetails } from '../errors.ts';
import { bodyWarnings } from './body-warnings.ts';
import { bylineWarnings } from './byline-warnings.ts';
import { openingNoteWarning, summaryWarnings } from './summary-warnings.ts';
import { titleWarnings } from './title-warnings.ts';
import type { BodyPicture, RenderedMarkdown } from '../markdown/render.ts';
import { combineArticlePeople } from '../people/article-people.ts';
import { findPerson, resolveNames, type Registry } from '../people/registry.ts';
import { namesInOneEntry, suggestPerson, type PersonSuggestion } from '../people/suggestion.ts';
import { earlierSlug, slugify, slugLetters } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import type { DetectedPeople } from '../workers/markdown-pool.ts';

/**
 * The enrich stage: a validated article (its front matter, without the body) made whole with its rendered
 * body, the people found in it and its tags, as pages and the search index read it. loadSite makes every
 * article's record here, and the dev server's early home page makes the newest ones the same way.
 */

/** An article's record and what loadSite learns from it: people its list names who have no file, and warnings. */
export interface ArticleRecord {
  article: Article;
  unknownPeople: Person[];
  warnings: ArhivarError[];
}

/** A validated article made whole with its rendered body and the people found in it. */
export function articleRecord(draft: Draft, rendered: RenderedMarkdown, detected: DetectedPeople | undefined, registry: Registry): ArticleRecord {
  const warnings: ArhivarError[] = [];
  const explicit = resolveNames(registry, draft.frontMatter.people);
  for (const person of explicit.unknown) warnings.push(unknownPersonWarning(registry, person, draft.file, draft.keyLines.get('people')));
  const tagged = combineArticlePeople(detected, registry, explicit.ids, draft.frontMatter.notPeople);
  for (const name of tagged.unknownNotPeople) {
    warnings.push(
      new ArhivarError({
        code: 'article/unknown-not-person',
        message: `notPeople names "${name}", who has no file in content/people/, so it removes nobody`,
        file: draft.file,
        line: draft.keyLines.get('notPeople'),
        hint: severalNamesHint(registry, name) ?? suggestionHint(suggestPerson(registry, name), name) ?? 'write the name as in the person file (name: or an alias), or the file name without .md',
      }),
    );
  }
  const { date } = draft.frontMatter;
  warnings.push(...clockChangeWarnings(draft));
  const updated = updatedAsShown(date, draft.frontMatter.updated);
  if (updated && updated.instant < date.instant) {
    warnings.push(
      new ArhivarError({
        code: 'article/updated-before-date',
        message: 'updated is earlier than date, so readers would see the article changed before it was published',
        file: draft.file,
        line: draft.keyLines.get('updated'),
        hint: 'correct the updated: date, or remove it if the article has not changed since publication',
      }),
    );
  }
  const derivedSlug = draft.frontMatter.slug === undefined ? draft.slug : undefined;
  warnings.push(...titleWarnings(draft.title, derivedSlug, draft.file, draft.keyLines.get('title')));
  warnings.push(...summaryWarnings(draft.frontMatter.summary, draft.file, draft.keyLines.get('summary')));
  warnings.push(...openingNoteWarning(draft.frontMatter.summary, rendered.defaultSummary, draft.file, draft.bodyLine));
  warnings.push(...bylineWarnings(draft.frontMatter.author, draft.file, draft.keyLines.get('author'), registry.people));
  warnings.push(...bodyWarnings(rendered, 'article', draft.file, draft.bodyLine));
  // A file saved before its text was pasted in, or made by npm run new and left: a scheduled build publishes
  // a page with the headline alone. A body of pictures only is a photo story, not an empty one.
  if (rendered.wordCount === 0 && !rendered.firstImage) {
    warnings.push(
      new ArhivarError({
        code: 'article/empty-body',
        message: 'the article has no text, so its page is published with the title alone',
        file: draft.file,
        line: draft.bodyLine,
        hint: "write the text below the front matter's closing ---, or add draft: true until it is written",
      }),
    );
  }
  const earlier = draft.frontMatter.slug === undefined ? earlierSlug(draft.title) : undefined;
  if (earlier !== undefined) {
    warnings.push(
      new ArhivarError({
        code: 'article/slug-changed',
        message: `this version of arhivar makes the address ${urls.article(draft.frontMatter.date, draft.slug)} of this title, which earlier versions made ${urls.article(draft.frontMatter.date, earlier)} (Cyrillic is now written in Latin letters, ligatures such as ﬁ in theirs)`,
        file: draft.file,
        line: draft.keyLines.get('title'),
        hint: `if the article was published at the old address, add slug: ${earlier} to keep it there; to keep the new one, add slug: ${draft.slug} and redirectFrom: [${urls.article(draft.frontMatter.date, earlier)}], which sends links to the old address on to it`,
      }),
    );
  }
  const article = articleOf(draft, rendered, tagged);
  return { article, unknownPeople: explicit.unknown, warnings };
}

/** The article of a record: its draft, its rendered body and the people in it (combineArticlePeople). */
function articleOf(draft: Draft, rendered: RenderedMarkdown, tagged: Pick<Article, 'people' | 'mentionCounts'>): Article {
  return articleWithBody(rendered, {
    file: draft.file,
    slug: draft.slug,
    url: draftAddress(draft),
    title: draft.title,
    date: draft.frontMatter.date,
    updated: updatedAsShown(draft.frontMatter.date, draft.frontMatter.updated),
    author: draft.frontMatter.author,
    source: draft.frontMatter.source,
    summary: draft.frontMatter.summary ?? rendered.defaultSummary,
    tags: uniqueTags(draft.frontMatter.tags),
    people: tagged.people,
    mentionCounts: tagged.mentionCounts,
    draft: draft.frontMatter.draft,
    wordCount: rendered.wordCount,
    image: rendered.firstImage,
    sharedImage: rendered.sharedImage,
    pictures: rendered.pictures ? rendered.pictures.map((picture) => ({ url: picture.url, line: draft.bodyLine + picture.line - 1 })) : NO_PICTURES,
    redirectFrom: draft.frontMatter.redirectFrom,
  });
}

/**
 * An article's record as .cache/ keeps it (build.ts, the log of records): what it takes besides its draft and its
 * rendered body, which .cache/ keeps on their own, to make it again (the people in it, those named who have no file,
 * the warnings), and the key of the people found in the body (pipeline/markdown.ts), whose record in their log is
 * still in use. The empty lists are left out: every field costs a rebuild its decoding, 10,000 times.
 */
export interface StoredRecord {
  people: readonly string[];
  mentionCounts: ReadonlyMap<string, number>;
  detection: string;
  unknownPeople?: Person[];
  warnings?: ArhivarErrorDetails[];
}

/** `record` as .cache/ keeps it; undefined for one that cannot be kept whole (a warning with a cause, which v8 cannot store). */
export function storedRecord(record: ArticleRecord, detection: string): StoredRecord | undefined {
  const { article, unknownPeople, warnings } = record;
  if (warnings.some((warning) => warning.cause !== undefined)) return undefined;
  const stored: StoredRecord = { people: article.people, mentionCounts: article.mentionCounts, detection };
  if (unknownPeople.length > 0) stored.unknownPeople = unknownPeople;
  if (warnings.length > 0) stored.warnings = warnings.map(({ code, message, file, line, hint }) => ({ code, message, file, line, hint }));
  return stored;
}

/** The record `stored` was made from, with `draft` and `rendered`, its body (from .cache/). */
export function restoredRecord(draft: Draft, rendered: RenderedMarkdown, stored: StoredRecord): ArticleRecord {
  return {
    article: articleOf(draft, rendered, stored),
    unknownPeople: stored.unknownPeople ?? [],
    warnings: stored.warnings?.map((details) => new ArhivarError(details)) ?? [],
  };
}

/** The warnings about a `date:` or `updated:` time that Ljubljana's clocks skip or show twice. */
export function clockChangeWarnings(draft: Draft): ArhivarError[] {
  const warnings: ArhivarError[] = [];
  for (const [key, written] of [['date', draft.frontMatter.date], ['updated', draft.frontMatter.updated]] as const) {
    const warning = clockChangeWarning(key, written, draft.file, draft.keyLines.get(key));
    if (warning) warnings.push(warning);
  }
  return warnings;
}

function clockChangeWarning(key: 'date' | 'updated', date: ContentDate | undefined, file: string, line: number | undefined): ArhivarError | undefined {
  const change = date?.clockChange;
  if (!date || !change) return undefined;
  return new ArhivarError({ code: `article/${change.kind}-time`, ...describeClockChange(key, date, change), file, line });
}

/**
 * An article whose html and text are read from its rendered body when asked for, so a body kept in .cache/
 * is not decoded unless a page or the search index needs it (see pipeline/markdown.ts Utf8Body). A class,
 * so every article has one shape; html and text are getters on it, not own properties.
 */
class ArticleWithBody {
  readonly #body: RenderedMarkdown;

  constructor(fields: Omit<Article, 'html' | 'text'>, body: RenderedMarkdown) {
    Object.assign(this, fields);
    this.#body = body;
  }

  get html(): string {
    return this.#body.html;
  }

  get text(): string {
    return this.#body.text;
  }
}

/** Shared by the articles without a picture, most of them. */
const NO_PICTURES: readonly BodyPicture[] = [];

function articleWithBody(body: RenderedMarkdown, fields: Omit<Article, 'html' | 'text'>): Article {
  // Object.assign gives the instance every other field of Article; TypeScript cannot see that through it.
  return new ArticleWithBody(fields, body) as unknown as Article;
}

function uniqueTags(names: readonly string[]) {
  const seen = new Set<string>();
  const tags = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ name, slug });
  }
  return tags;
}

/** What loadSite keeps of a validated article once its body is with the renderer. */
export type Draft = Omit<ArticleSource, 'body'>;

const addresses = new WeakMap<Draft, string>();

/**
 * The address of a validated article (urls.article of its date and slug), made once per build: the duplicate
 * and redirect checks, the record of published addresses and the article's record all ask for every article's.
 */
export function draftAddress(draft: Draft): string {
  let address = addresses.get(draft);
  if (address === undefined) addresses.set(draft, (address = urls.article(draft.frontMatter.date, draft.slug)));
  return address;
}

export function withoutBody(article: ArticleSource): Draft {
  const { file, frontMatter, title, slug, bodyLine, keyLines } = article;
  return { file, frontMatter, title, slug, bodyLine, keyLines };
}

/**
 * article/bad-person for each name in people: written in letters a slug does not write (محمود عباس, Αλέξης Τσίπρας)
 * that no person file has as its name or an alias: its page would have no address. With such a file the file's name
 * is the address (registry.ts findPerson), so it is checked against the registry, on every build: a person file
 * added, renamed or deleted later changes the answer. `answered` keeps each name's answer across the articles of
 * one build: a build asks for every article, and an archive names a few hundred people tens of thousands of times.
 */
export function unaddressedPeopleErrors(
  article: Pick<Draft, 'file' | 'frontMatter' | 'keyLines'>,
  registry: Registry,
  answered: Map<string, boolean> = new Map(),
): ArhivarError[] {
  const errors: ArhivarError[] = [];
  for (const name of article.frontMatter.people) {
    let addressed = answered.get(name);
    // A name with no letters at all (../) is refused when the file is read (content/article.ts checkNames).
    if (addressed === undefined) answered.set(name, (addressed = Boolean(slugify(name)) || slugLetters(name) === 'none' || findPerson(registry, name) !== undefined));
    if (addressed) continue;
    errors.push(
      new ArhivarError({
        code: 'article/bad-person',
        message: `person ${JSON.stringify(name)} has no Latin or Cyrillic letters and no digits, which the address of a page is made from, and no person file gives this name, so it cannot have a page`,
        file: article.file,
        line: article.keyLines.get('people'),
        hint: unaddressedPersonHint(name),
      }),
    );
  }
  return errors;
}

/**
 * A name of the script of each, as Slovenian news spells it, and so its file's name: the hint's example. Another
 * script's example (mahmud-abbas.md for a Greek name) shows nothing of how the name in hand is spelt.
 */
const SPELLING_EXAMPLES: readonly { script: RegExp; name: string; file: string; spelt: string }[] = [
  { script: /\p{Script=Arabic}/u, name: 'محمود عباس', file: 'mahmud-abbas', spelt: 'Mahmud Abas' },
  { script: /\p{Script=Hebrew}/u, name: 'בנימין נתניהו', file: 'benjamin-netanjahu', spelt: 'Benjamin Netanjahu' },
  { script: /\p{Script=Greek}/u, name: 'Αλέξης Τσίπρας', file: 'aleksis-cipras', spelt: 'Aleksis Cipras' },
  { script: /\p{Script=Han}/u, name: '习近平', file: 'si-dzinping', spelt: 'Ši Džinping' },
];

function unaddressedPersonHint(name: string): string {
  const letter = /\p{L}/u.exec(name)?.[0] ?? '';
  const example = SPELLING_EXAMPLES.find(({ script }) => script.test(letter));
  if (!example) {
    return `add a person file with name: ${name}, its file name in Latin letters, as Slovenian news spells the name (content/people/ime-priimek.md), or write the name here in Latin letters, and list that spelling in the person file's aliases:`;
  }
  return `add a person file with name: ${name}, its file name in Latin letters (content/people/${example.file}.md for ${example.name}), or write the name here in Latin letters, as Slovenian news spells it (${example.spelt}), and list that spelling in the person file's aliases:`;
}

/**
 * A name in people: that no person file has, with the registry person it probably means: the build's warning, and
 * npm run new's about its --people, so the two say the same.
 */
export function unknownPersonWarning(registry: Registry, person: Person, file: string, line: number | undefined): ArhivarError {
  return new ArhivarError({
    code: 'article/unknown-person',
    message: `"${person.name}" has no file in content/people/; the page ${urls.person(person.id)} is made from the name alone`,
    file,
    line,
    hint: unknownPersonHint(registry, person),
  });
}

/**
 * What to do about a name in people: that has no person file: the registry person it probably means, or a new file.
 * The name may be a case form copied from the text (»Roberta Goloba«), and no nominative is guessed from it: a
 * guesser made »Robert Metsol« of Roberta Metsola and »Maria« of Mario Draghi. So the new file is offered under the
 * name as written only if that is the nominative, and the editor, who knows, is asked for it otherwise.
 */
function unknownPersonHint(registry: Registry, person: Person): string {
  const several = severalNamesHint(registry, person.name);
  if (several) return several;
  const suggestion = suggestPerson(registry, person.name);
  const instead = suggestionHint(suggestion, person.name);
  if (!instead) {
    return `if "${person.name}" is the name in the nominative (kdo?), spelt right, add content/people/${person.id}.md with name: ${person.name} and a role; if it is another case (koga?, s kom? …) or misspelt, write the nominative in its place in the list`;
  }
  // A case form or the order of the words is no other person; a surname or a near spelling may be.
  return suggestion!.why === 'form' || suggestion!.why === 'order' ? instead : `${instead}; if it is someone else, add a person file for them with the name in the nominative (kdo?)`;
}

/** For an entry that joins several names, one a registry person's (»Steve Witkoff in Jared Kushner«): to write each apart. */
function severalNamesHint(registry: Registry, name: string): string | undefined {
  const names = namesInOneEntry(registry, name);
  if (!names) return undefined;
  return `"${name}" is ${names.length} names in one entry: write each as an entry of its own, ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function suggestionHint(suggestion: PersonSuggestion | undefined, name: string): string | undefined {
  if (!suggestion) return undefined;
  const { person, why } = suggestion;
  const where = `the name in ${person.file}`;
  switch (why) {
    case 'form':
      return `write ${person.name}, ${where}: "${name}" is a case form of it, and a list takes the name as the person file writes it`;
    case 'order':
      return `write ${person.name}, ${where}: a list takes the name as the person file writes it, first name first`;
    case 'surname':
      return `write ${person.name}, ${where}, if that is who is meant: "${name}" is only a form of that person's surname`;
    case 'spelling':
      return `write ${person.name}, ${where}, if that is who is meant`;
  }
}
