import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { FIXTURES, temporaryFolders } from '../helpers.ts';

const folder = temporaryFolders();

describe('arhivar people --suggest on a fixture', () => {
  it('names each missing person once, in the nominative, with the forms seen and the articles (Natašo Pirc Musar → Nataša Pirc Musar)', async () => {
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', path.join(FIXTURES, 'people-suggest')], io)).toBe(0);
    expect(stdout).toEqual([
      '4 names in articles match nobody in content/people/ (most frequent first):',
      '      4  Nataša Pirc Musar  (2 articles: Natašo Pirc Musar ×2, Nataša Pirc Musar ×1, Pirc Musarjeva ×1)',
      '         content/articles/2026/bruselj.md, content/articles/2026/predsednica.md',
      '      2  Kaja Kallas  (1 article: Kajo Kallas ×1, Kaji Kallas ×1)',
      '         content/articles/2026/bruselj.md',
      '      1  Andreja Kuzmina  (1 article: Andreja Kuzmina ×1; base form unsure: Andrej Kuzmin or Andreja Kuzmina?, shown as written)',
      '         content/articles/2026/bruselj.md',
      '      1  Kiril Dmitrijev  (1 article: Kirilom Dmitrijevim ×1)',
      '         content/articles/2026/bruselj.md',
    ]);
  });
});

describe('arhivar people --suggest: a name that is another spelling of a registry person', () => {
  // »Volodymyr Zelenski« (the given name as English-language news writes it) beside volodimir-zelenski.md: offered as
  // a new person only, it was given a file of its own, a second page of the same man, which person/duplicate then
  // asked to merge. The line now names the file it is probably another spelling of (suggestPerson, as for people:).
  it('names the registry person it probably is, and what to do', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'people'), { recursive: true });
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(path.join(root, 'content', 'people', 'volodimir-zelenski.md'), '---\nname: Volodimir Zelenski\nrole: ukrajinski predsednik\n---\n');
    await writeFile(
      path.join(root, 'content', 'articles', 'intervju.md'),
      '---\ntitle: Intervju o miru\ndate: 2026-04-05\n---\n\nV pogovoru za tuje medije je Volodymyr Zelenski ponovil, da Ukrajina ne bo priznala okupacije. Na vprašanje je odgovoril tudi Janez Kranjc.\n',
    );
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '2 names in articles match nobody in content/people/ (most frequent first):',
      '      1  Janez Kranjc  (1 article: Janez Kranjc ×1)',
      '         content/articles/intervju.md',
      '      1  Volodymyr Zelenski  (1 article: Volodymyr Zelenski ×1)',
      '         content/articles/intervju.md',
      '         probably Volodimir Zelenski, content/people/volodimir-zelenski.md: add Volodymyr Zelenski to its aliases:, or correct the spelling in the articles',
    ]);
  });
});

describe('arhivar people --suggest: a registry person in the instrumental, spelled another way', () => {
  // »z Volodymyrom Zelenskim« was offered as »Volodymyrom Zelenskim«, a nominative no one writes, with no word of
  // volodimir-zelenski.md: the editor was left to make the same man a second page.
  it('names the nominative and the registry person it probably is', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'people'), { recursive: true });
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(path.join(root, 'content', 'people', 'volodimir-zelenski.md'), '---\nname: Volodimir Zelenski\n---\n');
    await writeFile(path.join(root, 'content', 'articles', 'kijev.md'), '---\ntitle: Obisk v Kijevu\ndate: 2026-04-05\n---\n\nMinistrica se je v Kijevu pogovarjala z Volodymyrom Zelenskim.\n');
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '1 name in articles matches nobody in content/people/ (most frequent first):',
      '      1  Volodymyr Zelenski  (1 article: Volodymyrom Zelenskim ×1)',
      '         content/articles/kijev.md',
      '         probably Volodimir Zelenski, content/people/volodimir-zelenski.md: add Volodymyr Zelenski to its aliases:, or correct the spelling in the articles',
    ]);
  });
});

describe('arhivar people --suggest: a name behind an organisation or a nationality', () => {
  // »Predsednik uprave Krke Jože Colarič« was offered as »Krke Jože Colarič«, a second suggestion beside Jože
  // Colarič; »Italijanka Sofia Goggia« whole. A square named after a registry person, »Trgu Franceta Prešerna«, was offered whole.
  it('counts the run under the name that starts at a known first name, and offers no square named after a registry person', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'people'), { recursive: true });
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(path.join(root, 'content', 'people', 'france-preseren.md'), '---\nname: France Prešeren\nrole: pesnik\n---\n');
    await writeFile(
      path.join(root, 'content', 'articles', 'krka.md'),
      '---\ntitle: Krka raste\ndate: 2026-04-05\n---\n\nPredsednik uprave Krke Jože Colarič je dejal, da je leto dobro. Jože Colarič je dodal, da bodo zaposlovali. V Kranjski Gori je zmagala Italijanka Sofia Goggia. Delavci so se zbrali na Trgu Franceta Prešerna.\n',
    );
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '2 names in articles match nobody in content/people/ (most frequent first):',
      '      2  Jože Colarič  (1 article: Jože Colarič ×2)',
      '         content/articles/krka.md',
      '      1  Sofia Goggia  (1 article: Sofia Goggia ×1)',
      '         content/articles/krka.md',
    ]);
  });
});

describe('arhivar people --suggest: firms, institutions and events', () => {
  // »Pekarno Hribar« was offered as a woman, Pekarna Hribar; »Vrhovno Sodišče« as »Vrhovna Sodišče«.
  it('offers no run that holds the noun heading an organisation’s or an event’s name', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(
      path.join(root, 'content', 'articles', 'pekarna.md'),
      '---\ntitle: Prevzem pekarne\ndate: 2026-04-05\n---\n\nDružba je kupila Pekarno Hribar. O prevzemu bo odločilo Vrhovno Sodišče, pravi direktor Tomaž Rebolj. Na Festivalu Lent je nastopil tudi Tomaž Rebolj.\n',
    );
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '1 name in articles matches nobody in content/people/ (most frequent first):',
      '      2  Tomaž Rebolj  (1 article: Tomaž Rebolj ×2)',
      '         content/articles/pekarna.md',
    ]);
  });
});

describe('arhivar people --suggest: a club or a firm named with its town', () => {
  // »Luka Koper« (Luka is a man's name) was offered three times, as Luka Koper, Luke Koper and Luki Koper.
  it('offers no run that holds a town, country or capital, but the name after it in apposition', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'people'), { recursive: true });
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(path.join(root, 'content', 'people', 'france-preseren.md'), '---\nname: France Prešeren\n---\n');
    await writeFile(
      path.join(root, 'content', 'articles', 'luka.md'),
      '---\ntitle: Pristanišče raste\ndate: 2026-04-05\n---\n\nLani je Luka Koper pretovorila več. Pri Luki Koper pravijo, da je uprava Luke Koper zadovoljna. Tekmo je Olimpija Ljubljana izgubila, pravi Tomaž Rebolj. Trener Olimpije Ljubljana Victor Sanchez je bil jezen. Dijaki Gimnazije Franceta Prešerna so obiskali Luko Koper.\n',
    );
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '2 names in articles match nobody in content/people/ (most frequent first):',
      '      1  Tomaž Rebolj  (1 article: Tomaž Rebolj ×1)',
      '         content/articles/luka.md',
      '      1  Victor Sanchez  (1 article: Victor Sanchez ×1)',
      '         content/articles/luka.md',
    ]);
  });
});

describe('arhivar people --suggest: a school, street or prize named after someone', () => {
  // »Na Osnovni šoli Antona Kosa« was offered as Anton Kos, a person to add, though the text named a school.
  it('offers no name in the genitive after such a noun, but one in the nominative (ravnateljica šole Marija Zorman)', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(
      path.join(root, 'content', 'articles', 'ambulanta.md'),
      '---\ntitle: Ambulanta v šoli\ndate: 2026-04-05\n---\n\nNa Osnovni šoli Antona Kosa bodo odprli ambulanto. Ravnateljica šole Marija Zorman je vesela. Stoji na ulici Ivana Cankarja.\n',
    );
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '1 name in articles matches nobody in content/people/ (most frequent first):',
      '      1  Marija Zorman  (1 article: Marija Zorman ×1)',
      '         content/articles/ambulanta.md',
    ]);
  });
});

describe('arhivar people --suggest: a title or a place that opens with a possessive adjective', () => {
  // »kot Kalandra v Cankarjevih Hlapcih« was offered as a person, »Cankarjevih Hlapcih«.
  it('offers no run whose first word is a possessive adjective in a case no name ends in (Cankarjevih, Prešernovega)', async () => {
    const root = await folder();
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(
      path.join(root, 'content', 'articles', 'drama.md'),
      '---\ntitle: Premiera\ndate: 2026-04-05\n---\n\nIgral je Kalandra v Cankarjevih Hlapcih. Nastopili so ob Prešernovem Spomeniku, pravi Marija Zorman.\n',
    );
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', root], io)).toBe(0);
    expect(stdout).toEqual([
      '1 name in articles matches nobody in content/people/ (most frequent first):',
      '      1  Marija Zorman  (1 article: Marija Zorman ×1)',
      '         content/articles/drama.md',
    ]);
  });
});
