import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../../src/bench/generate.ts';
import { parsePerson, type Person } from '../../../src/content/person.ts';
import { readContent } from '../../../src/content/read.ts';
import { joinArticleText } from '../../../src/people/article-text.ts';
import { createDetector, detectPeople, type DetectedPerson } from '../../../src/people/detect.ts';
import { formKeys, LazyDetector, type FormKeys } from '../../../src/people/lazy-detector.ts';
import { allForms, personFirstForms, personForms } from '../../../src/people/names.ts';
import { loadRegistry } from '../../../src/people/registry.ts';
import { makeTempDir, PROJECT_ROOT } from '../../helpers.ts';
import { testPerson } from '../../helpers/person.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures');

async function sites(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    if (entries.some((entry) => entry.name === 'content' && entry.isDirectory())) found.push(folder);
    for (const entry of entries) if (entry.isDirectory() && entry.name !== 'content') await walk(path.join(folder, entry.name));
  };
  await walk(FIXTURES);
  return found.sort();
}

/** Every article of a site as the workers' detection reads it (title, summary, body), from the raw file. */
async function articleTexts(root: string): Promise<string[]> {
  const { articles } = await readContent(root);
  return articles.map((source) => {
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(source.text)?.[1] ?? '';
    const body = source.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    return joinArticleText({ title, body }).text;
  });
}

/**
 * The lazy detector finds what createDetector's whole index finds, mention for mention (offsets and reasons too):
 * one detector given the texts in turn, as a worker of a cold build is, and a fresh one for each text, as the
 * worker of a one-article rebuild is.
 */
function expectSameDetection(people: readonly Person[], texts: readonly string[]): { shared: LazyDetector; fresh: number[] } {
  const full = createDetector(people);
  const shared = new LazyDetector(people);
  const fresh: number[] = [];
  for (const text of texts) {
    const expected = detectPeople(full, text);
    expect(shared.detect(text)).toEqual(expected);
    const alone = new LazyDetector(people);
    expect(alone.detect(text)).toEqual(expected);
    fresh.push(alone.size);
  }
  return { shared, fresh };
}

describe('LazyDetector', () => {
  it('detects as createDetector does, with the registries and articles of every fixture site', async () => {
    const roots = await sites();
    const texts = (await Promise.all(roots.map(articleTexts))).flat();
    expect(texts.length).toBeGreaterThan(150);
    let registries = 0;
    for (const root of roots) {
      const { registry } = loadRegistry((await readContent(root)).people);
      if (registry.people.size === 0) continue;
      registries++;
      expectSameDetection([...registry.people.values()], texts);
    }
    expect(registries).toBeGreaterThan(5);
  });

  it('detects as createDetector does in generated articles, whose people share first names and surnames', async () => {
    const root = await makeTempDir('arhivar-lazy-detector-');
    await generateArchive(root, { articles: 30, people: 1500 });
    const { registry } = loadRegistry((await readContent(root)).people);
    const people = [...registry.people.values()];
    const texts = [...(await articleTexts(root)), ...(await articleTexts(path.join(FIXTURES, 'people-labelled')))];
    const { fresh } = expectSameDetection(people, texts);
    // One article needs fewer than the whole registry: it names 2-6 people, and they have namesakes.
    expect(Math.max(...fresh)).toBeLessThan(people.length);
    expect(Math.min(...fresh.slice(0, 30))).toBeGreaterThan(0);
  });

  // Words that each of names.ts's rules declines (SLOVENIAN.md), so the keys formKeys promises are put to every rule.
  const NAMES: Person[] = [
    testPerson('Anton Brecelj'),
    testPerson('Janez Kozelj'),
    testPerson('Peter Tihec'),
    testPerson('Marek Hegel'),
    testPerson('Aleksandar Vučić'),
    testPerson('Petar Pogačar'),
    testPerson('Volodimir Zelenski'),
    testPerson('Fjodor Dostojevskij'),
    testPerson('Aleksej Navalni'),
    testPerson('Miha Zola', { gender: 'm' }),
    testPerson('Mark Rutte'),
    testPerson('Jože Vance', { gender: 'm' }),
    testPerson('Janko Renzi'),
    testPerson('John Kennedy'),
    testPerson('Kiril Dmitrijev'),
    testPerson('Ana Kurnikova', { gender: 'f' }),
    testPerson('Kaja Kallas', { gender: 'f' }),
    testPerson('Angela Merkel', { gender: 'f' }),
    testPerson('Margaret Thatcher', { gender: 'f' }),
    testPerson('Nataša Pirc Musar', { surname: 'Pirc Musar', gender: 'f', aliases: ['Pirc Musar'] }),
    testPerson('Vincent van Gogh'),
    testPerson('Jean-Claude Juncker'),
    testPerson('Ana Novak-Kovač', { gender: 'f' }),
    testPerson('Conan O’Neill'),
    testPerson('Massimo D\'Alema'),
    testPerson('Friedrich Merz'),
    testPerson('Madonna', { gender: 'f' }),
    testPerson('Giorgia Meloni', { gender: 'f' }),
    testPerson('Ines Ilec', { gender: 'f' }),
    testPerson('Mohamed bin Salman Al Saud'),
    testPerson('Xi Jinping', { surname: 'Xi' }),
    testPerson('George W. Bush'),
    testPerson('Janez Novak ml.'),
    testPerson('Ivan Kos', { aliases: ['Vanja Kos-Novak', 'Ivo'] }),
    testPerson('Klára Dvořáková', { gender: 'f' }),
    testPerson('Zoltán Kovács', { gender: 'm' }),
  ];

  it('detects as createDetector does in sentences of every form of names that each rule of names.ts declines', () => {
    const texts = NAMES.map((person) =>
      personForms(person)
        .variants.flatMap((variant) => [...variant.firstForms, ...allForms(variant.surname), ...variant.possessives.map((form) => `${form} predlog`)])
        .map((form, k) => (k % 2 === 0 ? `Včeraj je ${form} dejal, da bo ${form} prišel.` : `Po besedah ${form} je Ana ${form} odšla.`))
        .join(' '),
    );
    expectSameDetection(NAMES, [...texts, texts.join('\n\n')]);
  });

  it('detects an interview\'s answer tagged with the surname in capitals (»DVOŘÁKOVÁ:«), which starts no key', () => {
    const text = 'Arhitektka je pojasnila načrt.\n\nDVOŘÁKOVÁ: To ni bil trik.';
    expect(detectPeople(createDetector(NAMES), text).people).toEqual(['klara-dvorakova']);
    expectSameDetection(NAMES, [text]);
  });

  it('knows the first names of people a text names by no surname (»Golob, Zvezdan in Ana«)', () => {
    // Zvezdan is no common first name: only Zvezdan Hren's file makes him one, and so Golob at the start a person.
    const people = [testPerson('Marko Golob'), testPerson('Zvezdan Hren'), ...NAMES];
    const text = 'Golob, Zvezdan in Ana so prišli na sejo.';
    expect(detectPeople(createDetector(people), text).people).toEqual(['marko-golob']);
    const { fresh } = expectSameDetection(people, [text]);
    // Marko Golob, Vincent van Gogh (Gogh and Golob start alike), and the four formKeys cannot key; Zvezdan Hren only has his first names read.
    expect(fresh).toEqual([6]);
  });

  it('keys a person with an alias of no words by their other spellings, which names.ts gives no forms to', () => {
    // A paste from right-to-left text leaves an alias of one text-direction mark. parsePerson refuses it now; a
    // registry made otherwise may hold it. Its empty surname declined to ja, ju, jem, which no key starts, so such a
    // person was built with the first text; it declines to nothing, and a form it had would make the detector fall back.
    expect(parsePerson({ file: 'content/people/janez-kos.md', text: '---\nname: Janez Kos\naliases: ["\u200e"]\n---\n', mtimeMs: 0 }).errors.map((e) => [e.code, e.line])).toEqual([['person/bad-aliases', 3]]);
    const person = testPerson('Janez Kos', { aliases: ['\u200e'] });
    expect(formKeys(person)).toEqual(formKeys(testPerson('Janez Kos')));
    const texts = ['Janez Kos je dejal, da ja.', 'Poslanec Kos in Ana Novak-Kovač.', 'Ja, ju je videl z Jem.'];
    const { shared } = expectSameDetection([person, ...NAMES], texts);
    expect(shared.fallback).toBeUndefined();
    expect(new LazyDetector([person, ...NAMES]).detect(texts[0]!).people).toEqual(['janez-kos']);
  });

  it('falls back to the whole registry\'s index when a person\'s forms start with none of their keys, and says whose', () => {
    // Marko Sever's keys promise too much: his genitive is Sevra, which »Seve« does not start.
    const greedy = (person: DetectedPerson): FormKeys | undefined => (person.name === 'Marko Sever' ? { all: new Set(['Mar', 'Seve']), surname: new Set(['Seve']) } : formKeys(person));
    const people = [testPerson('Marko Sever'), testPerson('Ana Novak'), testPerson('Peter Tihec'), ...NAMES];
    const full = createDetector(people);
    const lazy = new LazyDetector(people, greedy);
    const first = 'Vreme bo lepo, je dejala Ana Novak.';
    expect(lazy.detect(first)).toEqual(detectPeople(full, first));
    expect(lazy.fallback).toBeUndefined();
    for (const text of ['Marko Sever je dejal, da pride.', 'Po besedah Sevra in Tihca je Petra odšla.', 'Brez Peterja Tihca in Sevra.']) {
      const detection = lazy.detect(text);
      expect(detection).toEqual(detectPeople(full, text));
      expect(detection.people.length).toBeGreaterThan(0);
    }
    expect(lazy.fallback).toContain('»Sevra« of Marko Sever (marko-sever)');
  });

  it('reads first names as personForms does (personFirstForms), for every fixture person and these', async () => {
    const people = [...NAMES];
    for (const root of await sites()) people.push(...loadRegistry((await readContent(root)).people).registry.people.values());
    expect(people.length).toBeGreaterThan(100);
    for (const person of people) {
      const expected = new Set(personForms(person).variants.flatMap((variant) => [...variant.firstForms]));
      expect([...personFirstForms(person)].sort(), person.name).toEqual([...expected].sort());
    }
  });

  it('keys every person with plain name words of three letters or more, and builds the others with the first text', () => {
    const keyed = NAMES.filter((person) => formKeys(person) !== undefined).map((person) => person.name);
    expect(keyed).toContain('Anton Brecelj');
    expect(keyed).toContain('Conan O’Neill');
    expect(keyed).toContain('Jean-Claude Juncker');
    expect(NAMES.filter((person) => formKeys(person) === undefined).map((person) => person.name)).toEqual([
      'Mohamed bin Salman Al Saud',
      'Xi Jinping',
      'George W. Bush',
      'Janez Novak ml.',
    ]);
    const lazy = new LazyDetector(NAMES);
    lazy.detect('Vreme bo jutri lepo.');
    expect(lazy.size).toBe(4);
  });
});
