import { mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { writeNewFile } from '../content/write-new-file.ts';
import path from 'node:path';
import { append } from '../append.ts';
import { ArhivarError, UsageError } from '../errors.ts';
import { checkProjectFolder } from '../pipeline/folders.ts';
import { decodeText, CONTENT_DIR, FRONT_MATTER_OPENING } from '../content/read.ts';
import { parseContentDate, type ContentDate } from '../content/dates.ts';
import { stripBodyControlCharacters, stripControlCharacters, validateArticle } from '../content/article.ts';
import type { Registry } from '../people/registry.ts';
import { createDetector, detectPeople, type PeopleDetector } from '../people/detect.ts';
import { addressBeforeMark, blocksToMarkdown, firstSentence, isCreditLine, MAX_CROSSHEAD_LENGTH, splitPlainText, titleText, UnrepresentableText, withoutDateline } from '../markdown/plain-text.ts';
import { MAX_TITLE_SLUG, shortenSlug, slugify } from '../site/slug.ts';
import { formatIsoDate, formatUtcOffset, ljubljanaCalendar, ljubljanaOffsetMinutes, pad2 } from '../text/sl.ts';
import { urls } from '../site/urls.ts';
import { checkedSlug, shellQuoted, yamlList, yamlString } from './new.ts';
import { readPeopleRegistry } from './people-registry.ts';
import { shownPath } from './shown-path.ts';
import { absoluteFile, addressTakenBy, articleFile, checkArticleFolder, findTakenAddresses, freeSlug, type TakenAddresses } from './article-place.ts';

/**
 * `arhivar import <file.txt|folder>`: plain-text articles → content/articles/YYYY/<slug>.md.
 * Never overwrites; every file is checked with the same validator the build uses before it is written.
 */
export interface ImportOptions {
  root: string;
  /** A .txt file or a folder of them (absolute, or relative to the current folder). */
  source: string;
  /** Front-matter date for every imported file; the file's modification time otherwise. */
  date?: string;
  /** Title for the imported file; the headline line or the first sentence otherwise. */
  title?: string;
  /** The last part of the address (and the file name) instead of the one made from the title; written as `slug:`. */
  slug?: string;
}

export interface ImportedArticle {
  /** The plain-text file, as given. */
  from: string;
  /** Project-relative path of the article written. */
  file: string;
  title: string;
  date: string;
  /** The name of the file's byline line (»Piše: Ana Novak«), written as author:. */
  author?: string;
  /** The agencies credited at the end of its first paragraph or of its text (»(STA)«), written as source:. */
  source?: string;
  paragraphs: number;
  crossheads: number;
  /** Lines written as items of a bulleted or numbered list. */
  listItems: number;
  people: string[];
}

export interface ImportReport {
  imported: ImportedArticle[];
  /** Files that were not imported, with the reason; the others are imported regardless. */
  problems: ArhivarError[];
}

const EMPTY_DATE_HINT =
  "give the date after it, such as --date 2025-12-22 or --date 2025-12-22T18:30 (Europe/Ljubljana is assumed), or leave --date out to date the article by the file's modification time";

export async function importPlainText(options: ImportOptions): Promise<ImportReport> {
  await checkProjectFolder(options.root);
  if (options.date !== undefined) {
    const parsed = parseContentDate(options.date);
    // parseContentDate's hint for an empty date speaks of front matter ("after the colon"); here it is an option.
    if (!parsed.ok) throw new UsageError(`--date ${parsed.message}; ${options.date.trim() === '' ? EMPTY_DATE_HINT : parsed.hint}`);
  }
  const { sources, texts } = await listSources(options.source);
  if (texts > 1 && options.title !== undefined) throw new UsageError('--title names one article; import a single file to use it');
  if (texts > 1 && options.slug !== undefined) throw new UsageError('--slug names one article; import a single file to use it');
  if (options.slug !== undefined) checkedSlug(options.slug);
  // Before the registry is read: a file named content/people is the build's to report, not the importer's.
  for (const folder of [CONTENT_DIR, `${CONTENT_DIR}/articles`]) await checkImportFolder(options.root, folder);
  const { registry } = await readPeopleRegistry(options.root);
  // Made once for the import: it derives every form of every person's name, which would cost each file of a folder again.
  const detector = createDetector(registry.people.values());
  const prepared: Array<PreparedArticle | ArhivarError> = [];
  for (const source of sources) prepared.push(await problemOf(() => prepareArticle(source, options, registry, detector)));
  // The articles already there are read once for all the days of the import, not once per file.
  const days = new Set(prepared.flatMap((article) => (article instanceof ArhivarError ? [] : [formatIsoDate(article.contentDate.instant)])));
  const taken = await findTakenAddresses(options.root, days);
  const written = new Map<string, string>();
  const report: ImportReport = { imported: [], problems: [] };
  for (const article of prepared) {
    const result = article instanceof ArhivarError ? article : await problemOf(() => writeArticle(article, options, taken, written));
    if (result instanceof ArhivarError) report.problems.push(result);
    else report.imported.push(result);
  }
  return report;
}

/** A problem of one file is reported and the other files are imported; anything else stops the import. */
async function problemOf<T>(run: () => Promise<T>): Promise<T | ArhivarError> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ArhivarError) return error;
    throw error;
  }
}

/** The files to import, and how many of them are .txt (the documents of a folder are there to be reported). */
async function listSources(source: string): Promise<{ sources: string[]; texts: number }> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new UsageError(`there is no file or folder ${source}`);
  if (info.isFile()) return { sources: [source], texts: 1 };
  // A pipe would block the import until something writes to it, and readdir fails on it with ENOTDIR.
  if (!info.isDirectory()) throw new UsageError(`${source} is not a file or a folder (a pipe, socket or device); give a plain-text file or a folder of .txt files`);
  const files = await listTextFiles(source, new Set());
  files.sort();
  if (files.length === 0) throw new UsageError(`the folder ${source} holds no .txt files`);
  return { sources: files, texts: files.filter((file) => !isDocument(path.basename(file))).length };
}

/**
 * The documents a newsroom receives beside plain text (Word, LibreOffice, RTF, PDF). In a folder they are taken with
 * the .txt files, so that each is reported as not plain text (content/not-text, with how to save it as such), as a
 * file named on the command line is: left out, an editor read »1 imported, 0 not imported« for a folder of three.
 */
const DOCUMENT = /\.(docx?|odt|rtf|pdf)$/i;

function isDocument(name: string): boolean {
  return DOCUMENT.test(name);
}

/**
 * The .txt files in `folder` and its subfolders, links followed: a link was left out without a word, as if the
 * file or folder were not there. A .txt link to nothing is kept, to be reported by name (import/unreadable) with
 * the other files imported. `seen` holds the real path of every folder listed, so that a link back to a folder
 * above (or to one listed already) is not gone round again, and no file is imported twice.
 */
async function listTextFiles(folder: string, seen: Set<string>): Promise<string[]> {
  const real = await realpath(folder);
  if (seen.has(real)) return [];
  seen.add(real);
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    const target = entry.isSymbolicLink() ? await stat(file).catch(() => undefined) : entry;
    if (target?.isDirectory()) append(files, await listTextFiles(file, seen));
    else if ((entry.name.toLowerCase().endsWith('.txt') || isDocument(entry.name)) && !entry.name.startsWith('.') && (target === undefined || target.isFile())) files.push(file);
  }
  return files;
}

/**
 * content/ and content/articles/ are checked before any file is imported; a year's folder with the file of that
 * year, so that the files of other years are still imported.
 */
function checkImportFolder(root: string, folder: string): Promise<void> {
  return checkArticleFolder(root, folder, { code: 'import/not-a-folder', writtenInto: `the imported articles are written into ${CONTENT_DIR}/articles/YYYY/`, again: 'import again' });
}

/**
 * The `people:` import writes: the registry people named in full in any case (»Jaredom Kushnerjem«, »z Natašo Pirc
 * Musar«), as people detection finds them in the build and in `arhivar people`, and those whose name or alias stands
 * as written (namesInText: one with `detect: false` too), in order of first mention. A bare surname or a possessive
 * (»Dmitrijevim«, »Trumpovim«) is weaker evidence, left to the build's detection of the whole article and to notPeople:.
 */
function peopleInText(registry: Registry, detector: PeopleDetector, text: string): string[] {
  const first = namesInText(registry, text);
  for (const mention of detectPeople(detector, text).mentions) {
    if (mention.inFull && mention.start < (first.get(mention.personId) ?? Infinity)) first.set(mention.personId, mention.start);
  }
  return [...first].sort((a, b) => a[1] - b[1]).flatMap(([id]) => registry.people.get(id)?.name ?? []);
}

/** Registry people whose name or alias appears in the text as written (nominative): person id → where first. */
function namesInText(registry: Registry, text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const person of registry.people.values()) {
    let first = -1;
    for (const name of [person.name, ...person.aliases]) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text);
      if (match && (first === -1 || match.index < first)) first = match.index;
    }
    if (first !== -1) found.set(person.id, first);
  }
  return found;
}

/**
 * The command that imports one file under a title or slug of its own (`choice`, such as --title "Drug naslov"):
 * --title and --slug are refused with a folder (one title for many articles), so an article of a folder import
 * whose address is taken is retried alone, on the same date.
 */
function importAloneCommand(shown: string, options: ImportOptions, choice: string): string {
  // The file is shown from the working folder, so the project is named from there too when it is another.
  const root = shownPath(path.resolve(options.root));
  // A date may give its time after a space (2025-12-22 18:30), which the shell would split into two arguments.
  const date = options.date?.trim();
  const dateOption = date === undefined ? '' : /\s/.test(date) ? ` --date ${shellQuoted(date)}` : ` --date ${date}`;
  // A name from an agency's folder may hold a " or a $, which bare quotes would end or expand. The command is npm's,
  // as new gives it: arhivar is no command a checkout's shell knows, and npm passes options on only after --.
  return `npm run import -- ${shellQuoted(shown)}${dateOption} ${choice}${root === '' ? '' : ` --root ${shellQuoted(root)}`}`;
}

/**
 * The way on for an article whose address or file is taken, as `new` offers it: a title of its own, or the same
 * title with the first free slug (slug-2, slug-3, …) of its day. A title given with --title is given again.
 */
function otherTitleOrSlug(article: PreparedArticle, options: ImportOptions, taken: TakenAddresses): string {
  const shown = article.imported.from;
  const title = options.title === undefined ? '' : `--title ${shellQuoted(options.title)} `;
  const slug = freeSlug(options.root, article.slug, article.contentDate, article.year, taken);
  return `import this file on its own with a title of its own: ${importAloneCommand(shown, options, '--title "Drug naslov"')}; or keep the title with a slug of its own: ${importAloneCommand(shown, options, `${title}--slug ${slug}`)}`;
}

/** An article made from a plain-text file and checked as the build checks it, not yet written. */
interface PreparedArticle {
  imported: ImportedArticle;
  contentDate: ContentDate;
  slug: string;
  /** The slug an earlier import gave the same title (earlierShortenedSlug), where it differs; not with --slug. */
  earlierSlug: string | undefined;
  year: number;
  markdown: string;
}

async function prepareArticle(source: string, options: ImportOptions, registry: Registry, detector: PeopleDetector): Promise<PreparedArticle> {
  const shown = shownPath(source) || source;
  const [bytes, info] = await Promise.all([readFile(source), stat(source)]).catch((error: unknown) => {
    throw unreadable(error, shown);
  });
  // Dropped as the build drops them from a body (ESC sequences and BEL from a terminal, C1 from a legacy
  // export): written into the article, they stayed in content/ for good. Line ends stay, so lines keep their numbers.
  const text = stripBodyControlCharacters(decodeText(bytes, shown));
  if (FRONT_MATTER_OPENING.test(text)) {
    // Its --- lines and keys would become paragraphs of the body, and its --- line the title.
    throw new ArhivarError({
      code: 'import/has-front-matter',
      message: 'the file opens with front matter (a --- line), so it is a Markdown article already, not plain text',
      file: shown,
      line: 1,
      hint: /\.md$/i.test(source) ? movedArticleHint(text, isUnder(path.resolve(options.root, CONTENT_DIR, 'articles'), path.resolve(source))) : 'rename it to end in .md and put it under content/articles/ (an editor that adds .txt on saving makes clanek.md.txt of clanek.md)',
    });
  }
  const { headline, byline, source: credited, blocks } = splitPlainText(text, { headline: options.title === undefined });
  // A credit or signature line is no text to title the article with, nor an article's text by itself; a list item is.
  const firstParagraph = blocks.find((block) => block.kind !== 'crosshead' && !isCreditLine(block.text));
  if (blocks.length === 0 && headline === undefined) {
    throw new ArhivarError({ code: 'import/empty', message: 'the file holds no text', file: shown, hint: 'check that it is the right file' });
  }
  if (!firstParagraph) {
    // Credit lines beside the headline are told of as the headline alone, not as crossheads they are not.
    const headings = [...(headline === undefined ? [] : [headline]), ...blocks.filter((block) => block.kind === 'crosshead').map((block) => block.text)];
    throw headlineOnly(headings.length > 0 ? headings : blocks.map((block) => block.text), shown);
  }
  // The first sentence of the first paragraph is the title when neither --title nor a headline line gives it; an
  // agency's dateline before it (»LJUBLJANA, 6. decembra (STA) - «) stays in the text, and is no part of the headline.
  const lead = withoutDateline(firstParagraph.text);
  const sentence = options.title === undefined && headline === undefined ? firstSentence(lead) : undefined;
  const title = stripControlCharacters(options.title ?? titleText(headline ?? sentence!));
  const date = options.date ?? wallClock(new Date(info.mtimeMs));
  const parsedDate = parseContentDate(date);
  if (!parsedDate.ok) throw new Error(`internal: import produced an invalid date ${date}`);

  let body: string;
  try {
    body = blocksToMarkdown(blocks);
  } catch (error) {
    if (error instanceof UnrepresentableText) {
      // The one cause there is: with every mark escaped, Markdown reads nothing in a line but GFM's address literals,
      // and only a www. or http(s):// one takes in a \ (an e-mail address ends before it). Of 106,279 lines (each form
      // of address between what may stand before and after it, and every three of 26 marks and words) 1,320 could not
      // be written, each with an address before a mark; 330 of them, with a _ before the address, had been told as none.
      const clash = addressBeforeMark(error.text);
      // Kept for a cause none of those lines showed: a vaguer hint for one file beats an internal error that stops the whole import.
      const hint = clash
        ? `in that line the web address ${clash.address} runs straight into the ${clash.mark} after it, and Markdown would read the \\ that keeps the ${clash.mark} a plain character as part of the address: put a space between them in the text file, or delete the ${clash.mark}, and import again`
        : 'change or delete the marks Markdown reads (* _ ` [ ] < > & \\) in that line of the text file, and import again';
      throw new ArhivarError({ code: 'import/unrepresentable', message: error.message, file: shown, line: error.line, hint });
    }
    throw error;
  }

  const fullSlug = slugify(title);
  if (!fullSlug && options.slug === undefined) {
    throw new ArhivarError({ code: 'import/empty-slug', message: `title "${title}" gives an empty URL slug`, file: shown, hint: 'give a title with letters, such as --title "Seja vlade"' });
  }
  const slug = options.slug ?? shortenSlug(fullSlug);
  // Blank lines between the blocks, as in the build's plain text: each starts a sentence, and a name does not run on
  // from a crosshead into the paragraph below it.
  const people = peopleInText(registry, detector, blocks.map((block) => block.text).join('\n\n'));
  const frontMatter = [
    '---',
    `title: ${yamlString(title)}`,
    `date: ${date}`,
    ...(slug === fullSlug ? [] : [`slug: ${yamlString(slug)}`]),
    ...(byline === undefined ? [] : [`author: ${yamlString(byline)}`]),
    ...(credited === undefined ? [] : [`source: ${yamlString(credited)}`]),
    `people: ${yamlList(people)}`,
    'tags: []',
    '---',
    '',
    '',
  ].join('\n');
  const markdown = frontMatter + body;

  const { year } = ljubljanaCalendar(parsedDate.value.instant);
  const file = articleFile(year, slug);
  const check = validateArticle({ file, text: markdown, mtimeMs: 0 });
  if (check.errors.length > 0) {
    // The body is written within the build's limits, so this is a title or text the build refuses for
    // a reason the importer does not know: the file is reported and the others are still imported.
    const badTitle = check.errors.some((error) => error.code === 'article/bad-title');
    throw new ArhivarError({
      code: 'import/invalid',
      message: `the article made from this file would not build (${check.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}), so it was not written`,
      file: shown,
      // A headline line is at most MAX_CROSSHEAD_LENGTH long, far below the build's limit, so a title too long is
      // the first sentence of the first paragraph, whose line is given, or else --title.
      line: badTitle && sentence !== undefined ? firstParagraph.line : undefined,
      hint: !badTitle ? 'edit the text file where the message says, then import it again' : sentence === undefined ? LONG_TITLE_OPTION_HINT : longSentenceHint(lead, sentence),
    });
  }

  const imported: ImportedArticle = {
    from: shown,
    file,
    title,
    date,
    ...(byline === undefined ? {} : { author: byline }),
    ...(credited === undefined ? {} : { source: credited }),
    paragraphs: blocks.filter((block) => block.kind === 'paragraph').length,
    crossheads: blocks.filter((block) => block.kind === 'crosshead').length,
    listItems: blocks.filter((block) => block.kind === 'item').length,
    people,
  };
  const earlierSlug = options.slug === undefined ? earlierShortenedSlug(fullSlug) : undefined;
  return { imported, contentDate: parsedDate.value, slug, earlierSlug, year, markdown };
}

/**
 * What to do about a title the build refuses as too long, by where it came from: one hint for all told a user whose
 * own --title was too long to give --title, and a file whose long first line already stood alone to write it on a
 * line of its own.
 */
const LONG_TITLE_OPTION_HINT = 'the --title given is too long for a headline: give a shorter one, a line or two such as --title "Vlada sprejela proračun", then import it again';

/**
 * The hint for a first sentence too long for a title. When nothing follows it in its paragraph, it is a line of its
 * own already: shortened to a headline, without final punctuation, it is taken for the title and left out of the text.
 */
function longSentenceHint(paragraph: string, sentence: string): string {
  const headline = `a headline of at most ${MAX_CROSSHEAD_LENGTH} characters, with no . ! ? : or ; at its end`;
  if (!LETTER_OR_DIGIT.test(paragraph.slice(sentence.length))) {
    return `the title is this line, which stands on its own but is too long for a headline: shorten it to ${headline} (then it is not repeated as the first paragraph), or give one with --title "…", then import it again`;
  }
  return `the title is the first sentence of the text: write ${headline}, on a line of its own above the text, or give one with --title "…", then import it again`;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A file of lines without final punctuation alone: a headline, and crossheads or nothing below it. Written, it was
 * an article of the title alone, published by the next build with only a warning (article/empty-body), or of its
 * title and crossheads. It is the wrong file, a paste cut off after its first line, or text whose sentences lost
 * their full stops. With --title, its one line was taken for a crosshead and told »the file holds no text«: it is
 * most likely the headline there too.
 */
function headlineOnly(lines: readonly string[], shown: string): ArhivarError {
  const [first, ...rest] = lines.map(titleText);
  const more = rest.length === 1 ? '1 more line' : `${rest.length} more lines`;
  return new ArhivarError({
    code: 'import/headline-only',
    message:
      rest.length === 0
        ? `the file holds only a headline ("${first}") and no text below it, so the article would be published with its title alone; it was not written`
        : `the file holds only a headline ("${first}") and ${more} without final punctuation, which import makes crossheads, and no paragraph of text, so the article would be published with headings alone; it was not written`,
    file: shown,
    hint:
      rest.length === 0
        ? 'check that it is the right file and that its text was not cut off when it was pasted or saved, then import it again'
        : 'check that it is the right file and that its text was not cut off when it was pasted or saved; a line of text ends its last sentence with . ! ? or …, and one without (of up to 160 characters) is taken for a crosshead. Then import it again',
  });
}

/**
 * Writes the article unless its address (date and slug) is another article's already, or an address an article
 * redirects from, which the next build would refuse (article/duplicate-url, article/redirect-taken) after the
 * file was written. Two files of the import with one address have one file name too (the slug's), so the second
 * is told as import/exists, naming the first (`written`: article file → text file).
 */
async function writeArticle(article: PreparedArticle, options: ImportOptions, taken: TakenAddresses, written: Map<string, string>): Promise<ImportedArticle> {
  const { imported, year, markdown } = article;
  const { from: shown, file } = imported;
  checkAddressFree(article, options, taken);
  await checkImportFolder(options.root, `${CONTENT_DIR}/articles/${year}`);
  const absolute = absoluteFile(options.root, file);
  await mkdir(path.dirname(absolute), { recursive: true });
  try {
    await writeNewFile(absolute, markdown);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      // Two files of one import that give one title: the first is named, as the editor has not seen it written yet.
      const earlier = written.get(file);
      throw new ArhivarError({
        code: 'import/exists',
        message: `${file} already exists${earlier === undefined ? '' : `, imported a moment ago from ${earlier}`}; it was left as it is and this file was not imported`,
        file: shown,
        hint: `if it is a different article, ${otherTitleOrSlug(article, options, taken)}`,
      });
    }
    throw error;
  }
  written.set(file, shown);
  return imported;
}

function checkAddressFree(article: PreparedArticle, options: ImportOptions, taken: TakenAddresses): void {
  const { from: shown, file } = article.imported;
  const address = urls.article(article.contentDate, article.slug);
  const hint = (other: string) =>
    `if it is the same story, leave this file out and edit ${other}; otherwise ${otherTitleOrSlug(article, options, taken)}`;
  const takenBy = addressTakenBy(taken, address, file);
  if (takenBy?.reason === 'duplicate-url') {
    throw new ArhivarError({
      code: 'import/duplicate-url',
      message: `${takenBy.file} has the same date and slug (${article.slug}), so this article would share its address ${address}, which the build refuses (article/duplicate-url); it was not written`,
      file: shown,
      hint: hint(takenBy.file),
    });
  }
  if (takenBy?.reason === 'redirect-taken') {
    throw new ArhivarError({
      code: 'import/redirect-taken',
      message: `${takenBy.file} redirects from ${address}, its address before a change of title or date, which would be this article's address too: the build refuses that (article/redirect-taken); it was not written`,
      file: shown,
      hint: hint(takenBy.file),
    });
  }
  checkNotImportedBefore(article, file, taken, hint);
}

/**
 * A file imported again, whose title's slug an earlier import cut with a preposition or conjunction at its end:
 * today's slug gives another file name and address, so neither the file nor the address check above caught the
 * repeat, and the story was written and published twice. The earlier slug's address on the same day, taken by an
 * article or named in its redirectFrom:, is where that import put it.
 */
function checkNotImportedBefore(article: PreparedArticle, file: string, taken: TakenAddresses, hint: (other: string) => string): void {
  if (article.earlierSlug === undefined) return;
  const address = urls.article(article.contentDate, article.earlierSlug);
  const takenBy = addressTakenBy(taken, address, file);
  if (takenBy === undefined) return;
  throw new ArhivarError({
    code: 'import/imported-before',
    message: `${takenBy.file} ${takenBy.reason === 'duplicate-url' ? 'is at' : 'redirects from'} ${address}, where import put this title and date while the cut of a long slug could end in a preposition or conjunction (${article.earlierSlug.slice(article.slug.length)}; today the slug is ${article.slug}), so this file was most likely imported already; it was not written again`,
    file: article.imported.from,
    hint: hint(takenBy.file),
  });
}

/**
 * Why a file of an import cannot be read, and what to do, by the system's code. A code not here (EIO, EMFILE) is
 * the machine's, told by the CLI as a system problem: telling it to chmod a file would send the editor the wrong way.
 */
const UNREADABLE: Readonly<Record<string, { why: string; hint: (shown: string) => string }>> = {
  ENOENT: { why: 'it is a link to nothing, or was removed', hint: () => 'put back the file the link names, or delete the link; then import the file again' },
  // A link that names itself, or a chain of links that comes back to one of its links.
  ELOOP: { why: 'it is a link that leads back to itself', hint: () => 'replace the link with the file it was meant to name, or delete the link; then import the file again' },
  EACCES: { why: 'permission denied', hint: (shown) => `give the user running arhivar the right to read it (chmod a+r ${shellQuoted(shown)}), then import it again` },
  EPERM: { why: 'permission denied', hint: (shown) => `give the user running arhivar the right to read it (chmod a+r ${shellQuoted(shown)}), then import it again` },
};

/**
 * The hint for a Markdown article given to import by its .md name: »rename it to end in .md« asked for the name it
 * has. The folder of its year, from its date: line where it has one; none for one under content/articles/ already.
 */
function movedArticleHint(text: string, inPlace: boolean): string {
  // Given from where the build reads it (written with npm run new, or by hand, and import taken for the step that publishes).
  if (inPlace) return `it needs no import: it is under ${CONTENT_DIR}/articles/ already, where the build reads it`;
  const year = /^date:[ \t]*["']?(\d{4})-/m.exec(text)?.[1];
  const folder = year === undefined ? '' : ` (by convention into the folder of its year, ${CONTENT_DIR}/articles/${year}/)`;
  return `it needs no import: move it under ${CONTENT_DIR}/articles/${folder}, where the build reads it`;
}

/**
 * A file that cannot be read (no permission, a link to nothing) is reported by name like the other problems of
 * one file: thrown on, it ended a folder's import half-way and without the list of the articles already written.
 */
function unreadable(error: unknown, shown: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  const reason = typeof failure?.code === 'string' ? UNREADABLE[failure.code] : undefined;
  if (reason === undefined) return error;
  return new ArhivarError({
    code: 'import/unreadable',
    message: `the file cannot be read (${failure.code}: ${reason.why}), so it was not imported`,
    file: shown,
    hint: reason.hint(shown),
    cause: error,
  });
}

/** Ljubljana wall-clock date and time, as front matter writes it. */
function wallClock(instant: Date): string {
  const { year, month, day, hour, minute } = ljubljanaCalendar(instant);
  const written = `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}`;
  // In the hour the clocks go back, the time comes twice and is read as the first (content/dates.ts): the
  // offset says which it was, and spares the build's warning.
  const read = parseContentDate(written);
  return read.ok && read.value.clockChange ? `${written}${formatUtcOffset(ljubljanaOffsetMinutes(instant.getTime()))}` : written;
}

/**
 * The slug import gave a title's slug over 80 characters before the cut dropped the prepositions, conjunctions and
 * clitics it leaves at the end (»…-sestala-z«, now »…-sestala«), when the two differ. A file imported then was
 * written with that slug: line, so importing it again finds the article at that address and not at today's, and
 * import records nothing else of the file it came from. Undefined when the rules agree.
 */
export function earlierShortenedSlug(slug: string): string | undefined {
  if (slug.length <= MAX_TITLE_SLUG) return undefined;
  const cut = slug.slice(0, MAX_TITLE_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  const earlier = (boundary > 20 ? cut.slice(0, boundary) : slug.slice(0, MAX_TITLE_SLUG)).replace(/-+$/, '');
  return earlier === shortenSlug(slug) ? undefined : earlier;
}

/** Whether the absolute path `file` is inside the absolute folder `folder`. */
function isUnder(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
