import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, buildFixture, hrefs, removeDir, type BuiltSite } from '../helpers.ts';

/**
 * News articles written as Slovenian outlets write them, each set read with a registry like a newsroom's, some of whose
 * surnames are ordinary words or place names. labels.json holds the people a careful editor would tag in each and how
 * often the text names them; the build must find exactly these, and link no one else.
 *
 * people-newsroom: six articles (politics, skiing, a court report, a book launch, company results, an EU summit) and 36
 * people (Golob, Medved, Jelen, Vrabec, Sever, Zima, Kos, Mesec, Novak). people-genres: eight of the genres that set
 * lacked (a town council's session, an obituary, a police report with initials, a music and film preview, an interview
 * in questions and answers, a football match, a frost, a regional week in short) and 36 people (Kralj, Petek, Hrastnik,
 * Sokol, Golob, Mraz, Gora, two Lesjaks, two Novaks, a stage name). people-blind: five articles written before the
 * detector's rules were read (a handball derby, a theatre premiere, a bank's results, a parliamentary committee, a court
 * report on a road death) and 30 people, eight surnames borne by two or three of them in different articles (Volk, Jelen,
 * Potočnik, Logar, Hribar, Mlakar, Vidmar, Zupan) and two by two in one (Jure and Tilen Zajc, Jožef and Ivanka Mlakar).
 * people-blind2: a second blind set (a painter's obituary, a town council's session, a football transfer, a police report
 * with initials, a science piece) and 43 people, four Severs in one article, a married couple in two (Mojca and Robert
 * Medved, Urška and Rok Dolenc), a father and son (Matjaž and Luka Kralj), fifteen surnames shared across articles.
 * people-blind3: a third blind set (a basketball match, a theatre review, a court report, exporters and sanctions, a new
 * kindergarten in Kamnik, an interview in questions and answers) and 38 people, four Koses, three Severs and three
 * Medveds across articles, a husband and wife in one (Marjan and Vesna Kralj), a firefighter named as his town is.
 * people-blind4: a fourth blind set (an obituary, a foreign-politics report, an ice-hockey match with its scorers, a page
 * of letters to the editor, a court report with initials and a false name, an exhibition) and 40 people, five Golobs
 * (four of one family in the obituary), three Kraljs and three Medveds across articles, artists named Kos, Kralj,
 * Golob, Zima, Vrabec and Medved beside pigeons, a bear and the season.
 * people-blind5: a fifth blind set (a company named after its founder buying a bakery named after its owner, a cycling
 * stage with foreign riders, a farm fair, a school surgery with titles, an organ's centenary with a father and son »st.«
 * and »ml.« and a maiden name, a list of candidates with a double surname and a nickname) and 41 people, four Hribars,
 * four Kovačs, three Vrhs and three Kmets across articles, surnames that are nouns (Kos, Grah, Petelin, Žerjav, Jesen).
 * people-blind6: a sixth blind set (a court report with the accused by initials, an obituary, a theatre review whose
 * play has a character Novak and a title with »Kralj«, Hungarian and Italian names in Prekmurje and Istria, a football
 * match with Serbian, Croatian and Bosnian players, an interview whose answers are tagged »KOS:« and »DVOŘÁKOVÁ:«) and
 * 38 people, three Zajecs and three Sokols across articles, two unrelated Horváths, Bertonis and Đurićs in one each.
 */
const ARTICLE_URL = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

interface Labels {
  articles: Record<string, Record<string, number>>;
  /** `${file} ${id}`: what detection finds instead of the label (fewer, or more, or a person not labelled at all). */
  knownMisses: Record<string, { found: number; why: string }>;
}

/** The labelled counts of one article, with the known misses' counts in their place. */
function expectedCounts(labels: Labels, file: string): Record<string, number> {
  const expected: Record<string, number> = { ...labels.articles[file] };
  for (const [key, miss] of Object.entries(labels.knownMisses)) {
    const [missFile, id] = key.split(' ') as [string, string];
    if (missFile !== file) continue;
    if (miss.found > 0) expected[id] = miss.found;
    else delete expected[id];
  }
  return expected;
}

describe.each(['people-newsroom', 'people-genres', 'people-blind', 'people-blind2', 'people-blind3', 'people-blind4', 'people-blind5', 'people-blind6'])('people detection on newsroom articles: %s', (fixture) => {
  let site: BuiltSite;
  let labels: Labels;

  beforeAll(async () => {
    labels = JSON.parse(await readFile(path.join(FIXTURES, fixture, 'labels.json'), 'utf8')) as Labels;
    site = await buildFixture(fixture);
  });
  afterAll(async () => removeDir(path.dirname(site.outDir)));

  it('counts the labelled mentions of each person in each article, and no one else', () => {
    const byFile = new Map(site.result.model.archive.articles.map((article) => [article.file, article]));
    expect([...byFile.keys()].sort()).toEqual(Object.keys(labels.articles).sort());
    for (const file of Object.keys(labels.articles)) {
      expect(Object.fromEntries(byFile.get(file)!.mentionCounts), file).toEqual(expectedCounts(labels, file));
    }
  });

  it('links each person page to exactly the articles that name the person', async () => {
    const urlByFile = new Map(site.result.model.archive.articles.map((article) => [article.file, article.url]));
    const expected: string[] = [];
    for (const file of Object.keys(labels.articles)) for (const id of Object.keys(expectedCounts(labels, file))) expected.push(`${id} ${urlByFile.get(file)}`);
    const found: string[] = [];
    const peopleDir = path.join(site.outDir, 'osebe');
    for (const entry of await readdir(peopleDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const html = await readFile(path.join(peopleDir, entry.name, 'index.html'), 'utf8');
      for (const href of new Set(hrefs(html))) if (ARTICLE_URL.test(href)) found.push(`${entry.name} ${href}`);
    }
    expect(found.sort()).toEqual(expected.sort());
  });
});
