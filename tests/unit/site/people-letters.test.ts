import { describe, expect, it } from 'vitest';
import { comparePeople } from '../../../src/site/archive.ts';
import { groupPeopleByLetter } from '../../../src/site/people-letters.ts';
import type { Person } from '../../../src/content/person.ts';

function person(name: string, surname?: string): { person: Person } {
  return { person: { id: name.toLowerCase().replace(/\s+/g, '-'), name, surname, aliases: [], role: undefined, gender: undefined, detect: true, bio: '', file: undefined } };
}

/** The groups of these people, sorted as /osebe/ sorts them, as »label (id): names«. */
function grouped(...entries: { person: Person }[]): string[] {
  const sorted = [...entries].sort((a, b) => comparePeople(a.person, b.person));
  return groupPeopleByLetter(sorted).map(({ id, label, entries: people }) => `${label} (${id}): ${people.map((entry) => entry.person.name).join(', ')}`);
}

describe('the letters of the people index', () => {
  it('gives Č Ć Đ Š Ž headings of their own, after C D S Z, with ASCII ids', () => {
    expect(grouped(person('Ana Žagar'), person('Ivo Zorko'), person('Marko Ćosić'), person('Janez Čuk'), person('Cene Cerar'), person('Maja Šuštar'), person('Ivan Sever'), person('Goran Đukić'), person('Ana Dolenc'))).toEqual([
      'C (crka-c): Cene Cerar',
      'Č (crka-ch): Janez Čuk',
      'Ć (crka-cj): Marko Ćosić',
      'D (crka-d): Ana Dolenc',
      'Đ (crka-dj): Goran Đukić',
      'S (crka-s): Ivan Sever',
      'Š (crka-sh): Maja Šuštar',
      'Z (crka-z): Ivo Zorko',
      'Ž (crka-zh): Ana Žagar',
    ]);
  });

  it('files a letter with an accent or a stroke under its letter, as the collator sorts it: É under E, Ø under O, Ł under L', () => {
    expect(grouped(person('Jean Étienne'), person('Lech Wałęsa'), person('Hans Ørsted'), person('Mesut Özil'), person('Aleksander Oman'), person('Jan Łukasz'), person('Ana Lukas'))).toEqual([
      'E (crka-e): Jean Étienne',
      'L (crka-l): Ana Lukas, Jan Łukasz',
      'O (crka-o): Aleksander Oman, Hans Ørsted, Mesut Özil',
      'W (crka-w): Lech Wałęsa',
    ]);
  });

  it('files by the surname the index sorts by: particles left out, a surname: written first, a lower-case initial in capitals', () => {
    expect(grouped(person('Vincent van Gogh'), person('Maria da Graça de Souza'), person('Nataša Pirc Musar', 'Pirc Musar'), person('Bašar al-Asad'), person('bell hooks'))).toEqual([
      'A (crka-a): Bašar al-Asad',
      'G (crka-g): Vincent van Gogh',
      'H (crka-h): bell hooks',
      'P (crka-p): Nataša Pirc Musar',
      'S (crka-s): Maria da Graça de Souza',
    ]);
  });

  it('puts names in another script after Ž, Greek before Cyrillic as the collator orders them, and a surname with no letter first', () => {
    expect(grouped(person('Ана Ђорђевић'), person('Ana Abram'), person('Νίκος Παππάς'), person('محمد عباس'), person('Владимир Путин'), person('Tupac 2Pac'))).toEqual([
      '0–9 (crka-0-9): Tupac 2Pac',
      'A (crka-a): Ana Abram',
      'Grška pisava (pisava-grska): Νίκος Παππάς',
      'Cirilica (pisava-cirilica): Ана Ђорђевић, Владимир Путин',
      'Druge pisave (pisava-druge): محمد عباس',
    ]);
  });

  it('gives a name the collator sorts apart from its letter no second heading: ’t Hooft stays with the other T', () => {
    expect(grouped(person('Gerard ’t Hooft', '’t Hooft'), person('Ana Abram'), person('Ivan Tavčar'))).toEqual([
      'A (crka-a): Ana Abram',
      'T (crka-t): Gerard ’t Hooft, Ivan Tavčar',
    ]);
  });

  // The collator sorts Þ after Ž, so it was filed under the last letter before it: Þórðarson stood under »Ž«.
  it('gives a Latin letter the collator sorts after Ž a heading of other letters, not Ž, between Ž and the other scripts', () => {
    expect(grouped(person('Ana Žagar'), person('Gunnar Þórðarson'), person('Ivo Zorko'), person('Νίκος Παππάς'))).toEqual([
      'Z (crka-z): Ivo Zorko',
      'Ž (crka-zh): Ana Žagar',
      'Druge črke (crka-druge): Gunnar Þórðarson',
      'Grška pisava (pisava-grska): Νίκος Παππάς',
    ]);
  });
});

