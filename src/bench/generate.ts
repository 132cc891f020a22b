import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseContentDate } from '../content/dates.ts';
import { headingIds } from '../markdown/heading-ids.ts';
import { slugify } from '../site/slug.ts';
import { urls } from '../site/urls.ts';

/**
 * A synthetic archive for the benchmark: fictional Slovenian-looking articles of 2.5–4 KB with headings,
 * lists, quotes and links, 2–6 registry people each named in inflected forms, 1–4 tags, and dates spread
 * over ten years. A seeded generator makes the same archive for the same arguments.
 */
export interface GenerateOptions {
  articles: number;
  people: number;
  seed?: number;
  /** Stops the writing between batches of files (Ctrl+C while 100,000 articles are written). */
  signal?: AbortSignal | undefined;
}

export interface GeneratedArchive {
  articleFiles: string[];
  /** The URL of each article's page, in the order of articleFiles (as the pipeline makes it: date and slugified title). */
  articleUrls: string[];
  peopleFiles: string[];
}

/** mulberry32: small, fast and good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = ['Janez', 'Marko', 'Andrej', 'Tomaž', 'Boštjan', 'Gregor', 'Matej', 'Luka', 'Primož', 'Rok', 'Jure', 'Miha', 'Aleš', 'Uroš', 'Blaž', 'Žiga', 'Dušan', 'Igor', 'Peter', 'Anton', 'Franc', 'Jožef', 'Stane', 'Milan', 'Bojan'];
const SURNAMES = ['Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Kos', 'Vidmar', 'Golob', 'Turk', 'Božič', 'Kralj', 'Zupan', 'Bizjak', 'Hribar', 'Kastelic', 'Oblak', 'Petek', 'Kolar', 'Žagar', 'Kavčič', 'Koren', 'Rozman', 'Pirc', 'Jereb', 'Hren', 'Medved', 'Vovk', 'Sever', 'Dolenc', 'Lesjak', 'Rupnik', 'Gorjup', 'Bregar', 'Černe', 'Jenko', 'Furlan', 'Pečnik'];
/**
 * The newsroom's own journalists, who sign the articles: none of them has a person file, as in a newsroom
 * whose archive follows the people in the news, so a byline adds no page (a registry person's byline would
 * give them a list of articles they wrote, see site/byline-people.ts). Until 6 December 2026 bylines were drawn
 * from the registry's names, and half the registry had such lists: 500 more pages at 10,000 articles. The
 * archive of a seed changed with it, beyond the bylines: an article's length decides how much text is drawn.
 */
const STAFF_FIRST_NAMES = ['Ana', 'Maja', 'Nina', 'Eva', 'Petra', 'Tina', 'Katja', 'Urška', 'Mojca', 'Špela', 'Nejc', 'Tadej', 'Klemen', 'Domen', 'Jan'];
const STAFF_SURNAMES = ['Zajc', 'Vidic', 'Erjavec', 'Kokalj', 'Zorko', 'Rihtar', 'Škerjanc', 'Pungerčar', 'Kuhar', 'Ferjan', 'Strnad', 'Hočevar', 'Kranjec', 'Pavlin'];
const ROLES = ['župan', 'minister za finance', 'poslanec', 'predsednik uprave', 'sindikalist', 'direktor bolnišnice', 'ravnatelj', 'trener', 'profesor ekonomije', 'sodnik', 'veleposlanik', 'župnik'];
const TAGS = ['Politika', 'Gospodarstvo', 'Šport', 'Kultura', 'Zdravstvo', 'Šolstvo', 'Promet', 'Okolje', 'Kmetijstvo', 'Turizem', 'Energetika', 'Pravosodje', 'Občine', 'Evropska unija', 'Varnost', 'Znanost', 'Vreme', 'Nepremičnine', 'Delo', 'Mediji'];
const PLACES = ['Ljubljani', 'Mariboru', 'Celju', 'Kranju', 'Kopru', 'Novem mestu', 'Velenju', 'Murski Soboti', 'Novi Gorici', 'Ptuju', 'Trbovljah', 'Jesenicah'];
const WORDS = ['vlada', 'občina', 'proračun', 'predlog', 'zakon', 'seja', 'odbor', 'projekt', 'naložba', 'razpis', 'cesta', 'most', 'šola', 'bolnišnica', 'podjetje', 'delavci', 'plače', 'davki', 'cene', 'energija', 'promet', 'okolje', 'voda', 'gozd', 'kmetje', 'turisti', 'sezona', 'tekma', 'ekipa', 'gledališče', 'razstava', 'knjižnica', 'raziskava', 'študenti', 'pokojnine', 'najemnine', 'stanovanja', 'sodišče', 'policija', 'gasilci'];
const VERBS = ['je napovedal', 'je poudaril', 'je zavrnil', 'je predstavil', 'je opozoril', 'je pojasnil', 'je ocenil', 'je dejal', 'je potrdil', 'je zanikal'];
const CONNECTORS = ['zato', 'vendar', 'poleg tega', 'medtem', 'kljub temu', 'po drugi strani', 'hkrati', 'prav tako'];

/** The forms a registry person appears in: nominative, genitive, instrumental with "z", possessive adjective. */
export function inflect(surname: string): { genitive: string; dative: string; instrumental: string; possessive: string } {
  const soft = /[cčšžj]$/.test(surname);
  // Slovenian surnames ending in -e (Černe) keep the e and add -ta in the genitive only in some dialects; the bench keeps them regular.
  const stem = surname.endsWith('e') ? surname.slice(0, -1) : surname;
  return {
    genitive: `${stem}a`,
    dative: `${stem}u`,
    instrumental: `${stem}${soft ? 'em' : 'om'}`,
    possessive: `${stem}${soft ? 'ev' : 'ov'}`,
  };
}

interface FakePerson {
  slug: string;
  first: string;
  surname: string;
  role: string;
}

const asciiSlug = (value: string) =>
  value
    .toLowerCase()
    .replace(/č/g, 'c')
    .replace(/š/g, 's')
    .replace(/ž/g, 'z')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * How many people makePeople can name: every first name with every surname, then with every surname and
 * one more before it. Asked for more, it would draw names for ever.
 */
export const MAX_PEOPLE = FIRST_NAMES.length * SURNAMES.length * (1 + SURNAMES.length);

function makePeople(count: number, random: () => number): FakePerson[] {
  if (count > MAX_PEOPLE) throw new RangeError(`the generator has ${MAX_PEOPLE} distinct names, not ${count}`);
  const people: FakePerson[] = [];
  const seen = new Set<string>();
  for (let i = 0; people.length < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const surname = SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length]!;
    // Past 1,000 combinations a roman-numeral-free suffix keeps names unique: "Novak Hribar".
    const extra = i >= FIRST_NAMES.length * SURNAMES.length ? `${SURNAMES[Math.floor(random() * SURNAMES.length)]!} ` : '';
    const full = `${first} ${extra}${surname}`;
    const slug = asciiSlug(full);
    if (seen.has(slug)) continue;
    seen.add(slug);
    people.push({ slug, first: extra ? `${first} ${extra.trim()}` : first, surname, role: ROLES[Math.floor(random() * ROLES.length)]! });
  }
  return people;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

function sentence(random: () => number, person?: FakePerson): string {
  const words: string[] = [];
  const length = 8 + Math.floor(random() * 10);
  for (let i = 0; i < length; i++) words.push(pick(WORDS, random));
  if (person) {
    const forms = inflect(person.surname);
    const variant = Math.floor(random() * 5);
    const mention =
      variant === 0
        ? `${person.first} ${person.surname} ${pick(VERBS, random)}`
        : variant === 1
          ? `po besedah ${forms.genitive}`
          : variant === 2
            ? `z ${forms.instrumental} so se strinjali`
            : variant === 3
              ? `${forms.possessive} predlog`
              : `${person.surname} ${pick(VERBS, random)}`;
    words.splice(Math.floor(random() * words.length), 0, mention);
  }
  const text = `${words.join(' ')} v ${pick(PLACES, random)}, ${pick(CONNECTORS, random)} ${pick(WORDS, random)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paragraph(random: () => number, cast: readonly FakePerson[]): string {
  const sentences: string[] = [];
  const count = 3 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) sentences.push(sentence(random, random() < 0.4 ? pick(cast, random) : undefined));
  return sentences.join(' ');
}

/** A body that makes the whole file (front matter included) `target` bytes or a little more, never over 4,000. */
function articleBody(random: () => number, cast: readonly FakePerson[], index: number, frontMatterBytes: number): string {
  const target = 2600 + Math.floor(random() * 1200) - frontMatterBytes;
  const limit = 4000 - frontMatterBytes;
  const blocks: string[] = [paragraph(random, cast)];
  // Every cast member is named in full at least once, so detection has something to find.
  blocks.push(cast.map((person) => `${person.first} ${person.surname}, ${person.role},`).join(' ') + ' so se udeležili seje.');
  let size = Buffer.byteLength(blocks.join('\n\n'));
  let block = 0;
  let firstHeading: string | undefined;
  while (size < target) {
    const kind = block++ % 6;
    let text: string;
    let heading: string | undefined;
    if (kind === 1) text = `## ${(heading = sentence(random).slice(0, 60).replace(/[.,]$/, ''))}`;
    else if (kind === 3) text = [0, 1, 2].map(() => `- ${sentence(random)}`).join('\n');
    else if (kind === 4) text = `> "${sentence(random, pick(cast, random))}"`;
    // A link to a section, which `arhivar check` follows to the heading's id (as the renderer makes it).
    else if (kind === 5) text = `Več o tem v [${firstHeading ? `razdelku zgoraj](#${headingIds([firstHeading])[0]}` : 'arhivu](/arhiv/'}) in na [spletni strani občine](https://obcina.example.si/novice/${index}).`;
    else text = paragraph(random, cast);
    const bytes = Buffer.byteLength(text) + 2;
    if (size + bytes > limit) continue;
    blocks.push(text);
    size += bytes;
    firstHeading ??= heading;
  }
  return blocks.join('\n\n');
}

const yamlString = (value: string) => JSON.stringify(value);

/** Writes content/site.yaml, content/people/*.md and content/articles/YYYY/*.md under `root`. */
export async function generateArchive(root: string, options: GenerateOptions): Promise<GeneratedArchive> {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const people = makePeople(options.people, random);
  const content = path.join(root, 'content');
  await mkdir(path.join(content, 'people'), { recursive: true });
  await writeFile(path.join(content, 'site.yaml'), 'title: Arhiv novic\ndescription: Sintetični arhiv za merjenje hitrosti\nbaseUrl: https://arhiv.example.si/\npageSize: 20\n');

  const peopleFiles: string[] = [];
  for (const person of people) {
    const file = path.join(content, 'people', `${person.slug}.md`);
    await writeFile(file, `---\nname: ${yamlString(`${person.first} ${person.surname}`)}\nrole: ${yamlString(person.role)}\ngender: m\n---\n\n${person.first} ${person.surname} je ${person.role}.\n`);
    peopleFiles.push(file);
  }

  const articleFiles: string[] = [];
  const articleUrls: string[] = [];
  const made = new Set<string>();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < options.articles; i++) {
    const article = makeArticle(random, people, i, () => new Date(FIRST_DATE + Math.floor(random() * (LAST_DATE - FIRST_DATE))));
    const directory = path.dirname(article.file);
    if (!made.has(directory)) {
      await mkdir(path.join(root, directory), { recursive: true });
      made.add(directory);
    }
    pending.push(writeFile(path.join(root, article.file), article.text));
    articleFiles.push(path.join(root, article.file));
    articleUrls.push(article.url);
    if (pending.length >= 64) {
      await Promise.all(pending.splice(0));
      options.signal?.throwIfAborted();
    }
  }
  await Promise.all(pending);
  return { articleFiles, articleUrls, peopleFiles };
}

/**
 * Adds the `number`th new article (1, 2, …) to an archive generateArchive made with the same options: the
 * newest of them all, dated `number` hours after the last generated date, as a newsroom adds its articles.
 * Its people are the archive's registry people; its words come from a generator seeded by `number`.
 */
export async function addNewestArticle(root: string, options: GenerateOptions, number: number): Promise<{ file: string; url: string }> {
  const seed = options.seed ?? DEFAULT_SEED;
  // The same registry as generateArchive's: its people come first from a generator with the same seed.
  const people = makePeople(options.people, seededRandom(seed));
  const article = makeArticle(seededRandom(seed + number), people, options.articles + number - 1, () => new Date(LAST_DATE + number * 3_600_000));
  const file = path.join(root, article.file);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, article.text, { flag: 'wx' });
  return { file, url: article.url };
}

const DEFAULT_SEED = 20251222;
/** Generated articles are dated over these ten years; new ones after them. */
/**
 * `iso` (a UTC time, written as a Ljubljana wall clock) moved to 01 of its hour when it falls in the hour the
 * clocks skip or repeat, which a build warns about (article/skipped-time, article/repeated-time): a generated
 * archive is one a newsroom might have, without warnings. No random number is drawn, so the archive of a seed
 * is otherwise the one it was.
 */
export function outsideClockChange(iso: string): string {
  const dated = parseContentDate(iso.replace('T', ' '));
  return dated.ok && dated.value.clockChange ? `${iso.slice(0, 11)}01${iso.slice(13)}` : iso;
}

const FIRST_DATE = Date.UTC(2016, 0, 1);
const LAST_DATE = Date.UTC(2026, 0, 1);

/**
 * One article: its file (relative to the site's root), text and URL. `index` numbers its file and title;
 * `dateOf` is asked for its date after its people and tags are picked (the archive's dates are drawn from
 * `random` there, so the same seed still gives the same archive).
 */
function makeArticle(random: () => number, people: readonly FakePerson[], index: number, dateOf: () => Date): { file: string; text: string; url: string } {
  const castSize = Math.min(people.length, 2 + Math.floor(random() * 5));
  const cast: FakePerson[] = [];
  while (cast.length < castSize) {
    const candidate = pick(people, random);
    if (!cast.includes(candidate)) cast.push(candidate);
  }
  const tagCount = 1 + Math.floor(random() * 4);
  const tags = new Set<string>();
  while (tags.size < tagCount) tags.add(pick(TAGS, random));
  const iso = outsideClockChange(dateOf().toISOString().slice(0, 16));
  const title = `${sentence(random).split(' ').slice(0, 6).join(' ').replace(/[.,]$/, '')} ${index + 1}`;
  const dated = parseContentDate(iso.replace('T', ' '));
  if (!dated.ok) throw new Error(`internal: the generator made an invalid date ${iso}`);
  const frontMatter = [
    '---',
    `title: ${yamlString(title)}`,
    `date: ${iso.replace('T', ' ')}`,
    `tags: [${[...tags].map(yamlString).join(', ')}]`,
    'people:',
    ...cast.map((person) => `  - ${person.first} ${person.surname}`),
    `author: ${yamlString(`${pick(STAFF_FIRST_NAMES, random)} ${pick(STAFF_SURNAMES, random)}`)}`,
    '---',
  ].join('\n');
  return {
    file: path.join('content', 'articles', iso.slice(0, 4), `clanek-${String(index + 1).padStart(6, '0')}.md`),
    text: `${frontMatter}\n\n${articleBody(random, cast, index, Buffer.byteLength(frontMatter) + 3)}\n`,
    url: urls.article(dated.value, slugify(title)),
  };
}
