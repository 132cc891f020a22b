import { ArhivarError } from '../errors.ts';
import { isValidSlug, slugify, slugLetters, slugOfArticleAddress } from '../site/slug.ts';
import { codePointCount } from '../text/shorten.ts';
import { parseFrontMatter, textLine } from './front-matter.ts';
import { checkMarkdownShape } from './markdown-shape.ts';
import { ArticleFrontMatterSchema, cutAtCommentErrors, foldKey, isPlainObject, issuesToErrors, optionalKeys, stripBodyControlCharacters, stripControlCharacters, withEntryErrorsCounted, withoutEmptyKeys, type ArticleFrontMatter } from './schema.ts';

export { stripBodyControlCharacters, stripControlCharacters } from './schema.ts';
import type { SourceFile } from './read.ts';
import type { ContentDate } from './dates.ts';
import type { BodyImage, BodyPicture } from '../markdown/render.ts';
import { append } from '../append.ts';
import { insideTypographicQuotes } from './typographic-quotes.ts';

/** An article file whose front matter passed validation; its Markdown is not rendered yet. */
export interface ArticleSource {
  file: string;
  frontMatter: ArticleFrontMatter;
  title: string;
  slug: string;
  body: string;
  /** 1-based line of the file where the Markdown body starts. */
  bodyLine: number;
  /** 1-based line of each front-matter key, for messages about its value. */
  keyLines: ReadonlyMap<string, number>;
}

/** A published (or draft) article as templates see it. */
export interface Article {
  file: string;
  slug: string;
  url: string;
  title: string;
  date: ContentDate;
  updated: ContentDate | undefined;
  author: string | undefined;
  source: string | undefined;
  summary: string;
  tags: readonly TagRef[];
  /** Registry ids of the people the article names, explicit and detected, in order of first appearance. */
  people: readonly string[];
  /** How many times the text names each person (explicit-only people count 0). */
  mentionCounts: ReadonlyMap<string, number>;
  draft: boolean;
  html: string;
  text: string;
  wordCount: number;
  /** The body's first image, its URL as the body writes it: JSON-LD's image (markdown/render.ts firstImage). */
  image: BodyImage | undefined;
  /** The body's first image in a format link cards show (no SVG, AVIF …), shown when a link to the article is shared (Open Graph). */
  sharedImage: BodyImage | undefined;
  /** Every picture of the body, its URL as written and its line in the file: the build sizes those in public/ (site/pictures.ts). */
  pictures: readonly BodyPicture[];
  /** Earlier addresses of the article (`redirectFrom:`), each a page that sends readers on to `url`. */
  redirectFrom: readonly string[];
}

export interface TagRef {
  name: string;
  slug: string;
}

const ARTICLE_KEYS = Object.keys(ArticleFrontMatterSchema.shape);
// An empty draft: is not taken for the default, false: it would publish an article whose editor may have
// been about to write true. It stays an error that asks for one of the two.
const OPTIONAL_ARTICLE_KEYS = optionalKeys(ArticleFrontMatterSchema).filter((key) => key !== 'draft');

/** Longest tag or person name accepted; URL slugs are cut at the same length (see site/slug.ts). */
export const MAX_NAME_LENGTH = 200;

/**
 * Tags and people names become URL slugs (/oznake/<slug>/, /osebe/<slug>/). slugify() keeps only a–z,
 * 0–9 and - (Cyrillic written in Latin letters), so "../" or "/" can never leave dist/; a name that keeps
 * nothing, or that is too long to be a name, is refused rather than silently dropped or cut. A person's name in
 * letters a slug does not write (محمود عباس) is not refused here: a person file of that name gives it an address,
 * and only the build knows the person files (pipeline/records.ts unaddressedPeopleErrors).
 */
function checkNames(names: readonly string[], kind: 'tag' | 'person', file: string, line: number | undefined): ArhivarError[] {
  const errors: ArhivarError[] = [];
  const key = kind === 'tag' ? 'tags' : 'people';
  for (const name of names) {
    if (name.length > MAX_NAME_LENGTH) {
      errors.push(
        new ArhivarError({
          code: `article/bad-${kind}`,
          message: `${kind} "${name.slice(0, 40)}…" is ${name.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`,
          file,
          line,
          hint: `${key} holds short names separated by commas, such as ${kind === 'tag' ? 'tags: [Ukrajina, diplomacija]' : 'people: [Steve Witkoff, Kiril Dmitrijev]'}`,
        }),
      );
    } else if (!slugify(name) && (kind === 'tag' || slugLetters(name) === 'none')) {
      // Letters of a script slugs do not write (Greek, Chinese) are letters all the same: say what is missing.
      const noLetters = slugLetters(name) === 'none';
      const what = kind === 'tag' ? 'tag' : 'name';
      errors.push(
        new ArhivarError({
          code: `article/bad-${kind}`,
          message: noLetters
            ? `${kind} ${JSON.stringify(name)} has no letters or digits, so it cannot have a page`
            : `${kind} ${JSON.stringify(name)} has no Latin or Cyrillic letters and no digits, which the address of its page is made from, so it cannot have a page`,
          file,
          line,
          hint: noLetters
            ? `write the ${what} with letters, or remove it from ${key}`
            : 'write the tag in Latin letters, as Slovenian news spells it (Atene for Αθήνα), or remove it from tags',
        }),
      );
    }
  }
  return errors;
}

/**
 * The most entries a list in an article's front matter may have. Each tag, person and earlier address
 * gets pages of its own, and every tag or person page and feed lists the article's tags and people, so the
 * site grows with the square of a list: one article with 2,000 tags (a CMS export's keyword field, a
 * script gone wrong) made 345 MB of feeds, and 20,000 kept the build busy for minutes. News articles
 * carry a handful; the limits are far above that.
 */
export const MAX_LIST_ENTRIES: Readonly<Record<'tags' | 'people' | 'notPeople' | 'redirectFrom', number>> = { tags: 100, people: 200, notPeople: 200, redirectFrom: 100 };

const LIST_HINTS: Record<keyof typeof MAX_LIST_ENTRIES, (limit: number) => string> = {
  tags: (limit) => `keep the ${limit} tags or fewer that say what the article is about, and delete the rest`,
  people: (limit) => `keep the ${limit} people or fewer the article is about; the people the text names are found without being listed`,
  notPeople: (limit) => `keep only the people the text names who are not meant, at most ${limit}`,
  redirectFrom: (limit) => `keep at most ${limit} addresses the article was really published at; a web server in front of the site can send more on`,
};

/**
 * Longest `author:` accepted. A byline names a few people and agencies (»Ana Novak, Bor Kos in Cene Lipnik, STA« is
 * 38 characters), and reading the names out of it (content/byline.ts) looks back along it at each separator, so its
 * time grows with the square of its length: an `author:` of 200,000 characters (»a/a/a/…«) kept a build busy for
 * 48 s, and the 8 MB a file may hold would keep it for days, outside the Markdown workers' time limit.
 */
export const MAX_BYLINE_LENGTH = 500;

/**
 * Longest `title:` accepted. A headline is rarely over 150 characters (the slug keeps 200), but the title is printed
 * on every listing and feed the article is in and on the pages of the articles before and after it and related to
 * it: a paragraph or a whole text pasted as the title (up to the 8 MB a file may hold) made each of those pages as
 * large as itself, so one file grew the pages of articles it has nothing to do with.
 */
export const MAX_TITLE_LENGTH = 500;

/**
 * Longest `summary:` accepted, in characters (code points, as the warning over LONG_SUMMARY counts them). A written
 * summary is published as the editor wrote it, never cut, in every listing's teaser and every feed the article is
 * on and in its JSON-LD: a text pasted there made each of those pages as large as itself, as a long title did. A
 * teaser is warned about over 400 characters (pipeline/summary-warnings.ts); 2,000 is no teaser of any kind, so it is
 * refused rather than cut behind the editor's back.
 */
export const MAX_SUMMARY_LENGTH = 2000;

/**
 * article/bad-<key> when a text value is longer than `max` characters, counted as code points (an emoji is one, as
 * the warning over LONG_SUMMARY counts them), so »500 characters« means the same for every key.
 */
function checkLength(key: 'author' | 'title' | 'summary', value: string | undefined, max: number, hint: string, file: string, line: number | undefined): ArhivarError[] {
  if (value === undefined || value.length <= max) return [];
  const length = codePointCount(value);
  if (length <= max) return [];
  return [new ArhivarError({ code: `article/bad-${key}`, message: `${key} is ${length} characters long; at most ${max} are allowed`, file, line, hint })];
}

const LENGTH_HINTS = {
  author: 'author names the people and agencies who wrote the article, such as author: Ana Novak in Bor Kos, STA; anything else belongs in the text',
  title: 'title is a headline of a line or two, such as title: "Vlada sprejela proračun"; move the rest into summary: or the text',
  summary: 'summary is a teaser of one to three sentences that listings and feeds show whole; move the rest into the text, or delete the line to show the first paragraph',
};

function checkListLengths(data: Partial<ArticleFrontMatter>, file: string, keyLines: ReadonlyMap<string, number>): ArhivarError[] {
  const errors: ArhivarError[] = [];
  for (const [key, limit] of Object.entries(MAX_LIST_ENTRIES) as [keyof typeof MAX_LIST_ENTRIES, number][]) {
    const count = data[key]?.length ?? 0;
    if (count <= limit) continue;
    errors.push(
      new ArhivarError({
        code: `article/bad-${key}`,
        message: `${key} has ${count.toLocaleString('en-US')} entries; at most ${limit} are allowed`,
        file,
        line: keyLines.get(key),
        hint: LIST_HINTS[key](limit),
      }),
    );
  }
  return errors;
}

/**
 * A person file saved among the articles (copied as a start, or in the wrong folder): read as an article, it was
 * told »title is required« and »"name" is "date", which the file needs«. A name: with neither title: nor date: says it.
 */
function personAmongArticles(data: Record<string, unknown>, keyLines: ReadonlyMap<string, number>, file: string): ArhivarError | undefined {
  if (!('name' in data) || 'title' in data || 'date' in data) return undefined;
  const name = typeof data.name === 'string' ? data.name.trim() : '';
  const slug = slugify(name);
  return new ArhivarError({
    code: 'article/person-file',
    message: `this is a person file${name ? ` (name: ${name})` : ''}, not an article: content/articles/ holds articles, and content/people/ the people`,
    file,
    line: keyLines.get('name'),
    hint: `move it to content/people/${slug ? `${slug}.md` : file.split('/').at(-1)} (or delete it, if it is a copy of a file there); an article starts with title: and date: lines`,
  });
}

export function validateArticle(source: SourceFile): { article?: ArticleSource; errors: ArhivarError[] } {
  const { file } = source;
  let frontMatter;
  try {
    frontMatter = parseFrontMatter(source.text, file);
  } catch (error) {
    if (error instanceof ArhivarError) return { errors: [error] };
    throw error;
  }
  if (source.text.trim() === '') {
    return { errors: [new ArhivarError({ code: 'article/empty', message: 'the file is empty', file, line: 1, hint: 'add front matter with a title and a date, or delete the file' })] };
  }
  if (!frontMatter.present) {
    return {
      errors: [
        new ArhivarError({
          code: 'article/no-front-matter',
          message: 'the article has no front matter',
          file,
          line: 1,
          hint: 'start the file with ---, then title: and date: lines, then --- and the text',
        }),
      ],
    };
  }
  if (!isPlainObject(frontMatter.data)) {
    const shape = Array.isArray(frontMatter.data) ? 'a list' : `a single value (${JSON.stringify(frontMatter.data)})`;
    return {
      errors: [
        new ArhivarError({
          code: 'article/front-matter-not-mapping',
          message: `front matter is ${shape}, not keys and values`,
          file,
          line: 2,
          hint: 'write one key per line, such as title: Naslov and date: 2025-12-22',
        }),
      ],
    };
  }
  const personFile = personAmongArticles(frontMatter.data, frontMatter.keyLines, file);
  if (personFile) return { errors: [personFile] };
  const raw = withoutEmptyKeys(frontMatter.data, OPTIONAL_ARTICLE_KEYS, frontMatter.keyLines, source.text);
  const result = ArticleFrontMatterSchema.safeParse(raw);
  const cutAt = cutAtCommentErrors(raw, TEXT_KEYS, result.error?.issues ?? [], { file, code: 'article', keyLines: frontMatter.keyLines, text: source.text });
  if (!result.success) {
    const errors = issuesToErrors(result.error.issues, {
      file,
      code: 'article',
      keyLines: frontMatter.keyLines,
      fallbackLine: 1,
      knownKeys: ARTICLE_KEYS,
      unknownKeyHint: (key) => notAnArticleKey(key, raw[key], raw.draft),
      schema: ArticleFrontMatterSchema,
      data: frontMatter.data,
      text: source.text,
    });
    // The keys the schema took are checked as in a valid article, so one build names every problem of the file:
    // a bad date no longer hides a bad slug until the date is fixed.
    append(append(errors, checkValues(acceptedValues(raw, result.error.issues), file, frontMatter).errors), cutAt);
    return { errors: withEntryErrorsCounted(errors, frontMatter.keyLines) };
  }
  const data = result.data;
  const { slug, errors } = checkValues(data, file, frontMatter);
  errors.push(...cutAt);
  if (errors.length > 0) return { errors: withEntryErrorsCounted(errors, frontMatter.keyLines) };
  return {
    article: { file, frontMatter: data, title: stripControlCharacters(data.title), slug, body: stripBodyControlCharacters(frontMatter.body), bodyLine: frontMatter.bodyLine, keyLines: frontMatter.keyLines },
    errors: [],
  };
}

/**
 * The hint for a CMS's or Jekyll's key that says whether an article is out (WordPress's status: draft, Jekyll's
 * published: false). arhivar says it the other way round, with draft:, so "did you mean draft" would have had the
 * editor write draft: false for published: false. Undefined for other keys and values.
 */
function notAnArticleKey(key: string, value: unknown, draft: unknown): string | undefined {
  const folded = foldKey(key);
  const words = NOT_OUT_YET[folded];
  if (!words) return undefined;
  const written = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (words.off.includes(written)) return draftHint(`${key}: ${String(value)} is draft: true in arhivar`, draft);
  if (words.on.includes(written)) return 'every article without draft: true is published: delete the line';
  if (folded !== 'status' || typeof written !== 'string') return undefined;
  // WordPress's other statuses (developer.wordpress.org/advanced-administration/wordpress/post-status/), which
  // were offered »did you mean tags«.
  if (written === 'future') {
    return 'status: future is a post WordPress holds back until its date; arhivar holds back every article dated in the future, with no key for it: delete this line, and give date: the day and time the article is to appear (npm run build -- --future publishes it at once)';
  }
  const keep = draft === true ? 'delete only this line, as draft: true keeps it off the site already' : draft !== undefined ? 'delete this line and write draft: true on the draft: line' : 'write draft: true in place of this line';
  const notAPost = NOT_A_POST[written];
  if (notAPost !== undefined) return `in WordPress, status: ${String(value)} marks ${notAPost}, most likely not to be published at all: delete the file, or, to keep it off the site, ${keep}`;
  return `arhivar publishes every article without draft: true: delete this line, or, to keep the article off the site, ${keep}`;
}

/** `said` (»published: false is draft: true in arhivar«) with what to do: an export may write a draft: line too (status: draft, draft: false), and a second one would be a YAML error. */
function draftHint(said: string, draft: unknown): string {
  if (draft === true) return 'draft: true keeps the article off the site already: delete this line';
  if (draft !== undefined) return `${said}, and the file has a draft: line: delete this line and write draft: true on that one`;
  return `${said}: write draft: true in its place, since an article without it is published`;
}

/** The values of those keys (YAML 1.2 reads published: no as the word no) that keep an article off the site, and that publish it. */
const NOT_OUT_YET: Readonly<Record<string, { off: readonly unknown[]; on: readonly unknown[] }>> = {
  published: { off: [false, 'false', 'no', 'ne'], on: [true, 'true', 'yes', 'da'] },
  status: { off: ['draft', 'pending', 'private', 'osnutek'], on: ['publish', 'published', 'objavljeno'] },
};

/** WordPress's statuses of a post that is no article to publish, by what they are. */
const NOT_A_POST: Readonly<Record<string, string>> = {
  trash: 'a post moved to the trash',
  'auto-draft': 'a draft WordPress saved by itself, before anything was written',
  inherit: 'a revision of another post, or an attachment',
};

/** The keys that hold text alone, which a # after a space would cut (cutAtCommentErrors). */
const TEXT_KEYS = ['title', 'author', 'source', 'summary', 'slug'];

/** The keys whose checks need only their own value; each is read alone, as the schema reads it in the whole. */
const CHECKED_KEYS = ['title', 'slug', 'author', 'source', 'summary', 'tags', 'people', 'notPeople', 'redirectFrom'] as const;

function acceptedValues(raw: Record<string, unknown>, issues: readonly { path: readonly PropertyKey[] }[]): Partial<ArticleFrontMatter> {
  const refused = new Set(issues.map((issue) => issue.path[0]));
  // The title is checked only for the slug it makes, and with a slug: line (refused, so to be fixed) the address
  // is not made from the title: article/empty-slug would ask for the slug: line the file has.
  if (refused.has('slug')) refused.add('title');
  const values: Partial<Record<(typeof CHECKED_KEYS)[number], unknown>> = {};
  for (const key of CHECKED_KEYS) {
    if (refused.has(key)) continue;
    const parsed = ArticleFrontMatterSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) values[key] = parsed.data;
  }
  return values as Partial<ArticleFrontMatter>;
}

/**
 * A byline or source between typographic quotes (“Ana Novak”, »STA«), as Word or macOS types the straight ones:
 * YAML quotes only with ' and ", so the page showed the marks, JSON-LD and the feeds named a person »“Ana Novak”«,
 * and the byline matched no person file. Neither is written so; a nickname's quotes inside a name (Ana „Anka“
 * Novak) are kept, as in a person's name:.
 */
function quotedTextError(key: 'author' | 'source', value: string, file: string, line: number | undefined): ArhivarError | undefined {
  const inner = insideTypographicQuotes(value);
  if (inner === undefined) return undefined;
  return new ArhivarError({
    code: `article/bad-${key}`,
    message: `${key} ${JSON.stringify(value)} is in typographic quotes, which YAML does not read as quotes, so they would be published as part of it`,
    file,
    line,
    hint: `write ${textLine(key, inner)}`,
  });
}

/**
 * What the schema cannot say: a slug that is no slug, names that give no address, lists too long, a body
 * too deep or complex to parse. `data` is partial when the schema refused some keys; a check whose key is
 * missing is left out (a title the schema refused has no slug to make).
 */
function checkValues(
  data: Partial<ArticleFrontMatter>,
  file: string,
  frontMatter: { body: string; bodyLine: number; keyLines: ReadonlyMap<string, number> },
): { slug: string; errors: ArhivarError[] } {
  const title = data.title === undefined ? undefined : stripControlCharacters(data.title);
  const errors: ArhivarError[] = [];
  let slug = '';
  if (data.slug !== undefined) {
    slug = data.slug;
    if (!isValidSlug(slug)) {
      const fromAddress = slugOfArticleAddress(slug);
      const suggestion = slugify(slug);
      errors.push(
        new ArhivarError({
          code: 'article/bad-slug',
          message: `slug "${slug}" may hold only lowercase letters a–z, digits and single hyphens`,
          file,
          line: frontMatter.keyLines.get('slug'),
          hint: fromAddress
            ? `write slug: ${fromAddress}: the slug is the last part of the address alone, and the date before it comes from date:`
            : suggestion
              ? `write slug: ${suggestion}`
              : 'delete the slug line to derive it from the title',
        }),
      );
    }
  } else if (title !== undefined) {
    slug = slugify(title);
    if (!slug) {
      errors.push(
        new ArhivarError({
          code: 'article/empty-slug',
          message: `title "${title}" gives an empty URL slug${slugLetters(title) === 'none' ? '' : ': it has no Latin or Cyrillic letters and no digits'}`,
          file,
          line: frontMatter.keyLines.get('title'),
          hint: 'add a slug line with letters a–z or digits, such as slug: clanek-1',
        }),
      );
    }
  }
  errors.push(...checkLength('title', title, MAX_TITLE_LENGTH, LENGTH_HINTS.title, file, frontMatter.keyLines.get('title')));
  errors.push(...checkLength('summary', data.summary, MAX_SUMMARY_LENGTH, LENGTH_HINTS.summary, file, frontMatter.keyLines.get('summary')));
  errors.push(...checkLength('author', data.author, MAX_BYLINE_LENGTH, LENGTH_HINTS.author, file, frontMatter.keyLines.get('author')));
  for (const key of ['author', 'source'] as const) {
    const value = data[key];
    const quoted = value === undefined ? undefined : quotedTextError(key, value, file, frontMatter.keyLines.get(key));
    if (quoted) errors.push(quoted);
  }
  errors.push(...checkListLengths(data, file, frontMatter.keyLines));
  // One error a name, appended one at a time: a list of 150,000 tags the build refuses has as many (withEntryErrorsCounted then counts most).
  append(errors, checkNames(data.tags ?? [], 'tag', file, frontMatter.keyLines.get('tags')));
  append(errors, checkNames(data.people ?? [], 'person', file, frontMatter.keyLines.get('people')));
  const shape = checkMarkdownShape(frontMatter.body, file, frontMatter.bodyLine);
  if (shape) errors.push(shape);
  return { slug, errors };
}
