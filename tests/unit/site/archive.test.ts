import { describe, expect, it } from 'vitest';
import { comparePeople, shownUpdate, surnameSortKey } from '../../../src/site/archive.ts';
import type { Person } from '../../../src/content/person.ts';

function person(name: string, surname?: string): Person {
  return { id: name.toLowerCase().replace(/\s+/g, '-'), name, surname, aliases: [], role: undefined, gender: undefined, detect: true, bio: '', file: undefined };
}

describe('the people index order', () => {
  it('sorts by the last word of the name unless the person file names the surname', () => {
    expect(surnameSortKey('Steve Witkoff')).toEqual(['Witkoff', 'Steve']);
    expect(surnameSortKey('Nataša Pirc Musar', 'Pirc Musar')).toEqual(['Pirc Musar', 'Nataša']);
    // A title after a comma files under the surname before it, not under »dr.«.
    expect(surnameSortKey('Janez Novak, dr.')).toEqual(['Novak', 'Janez dr.']);
    expect(surnameSortKey('Xi Jinping', 'Xi')).toEqual(['Xi', 'Jinping']);
  });

  it('puts a two-word surname under its first word and a surname written first under itself', () => {
    const people = [person('Nataša Pirc Musar', 'Pirc Musar'), person('Jared Kushner'), person('Xi Jinping', 'Xi'), person('Benjamin Netanjahu'), person('Janez Jinping')];
    expect(people.sort(comparePeople).map((p) => p.name)).toEqual(['Janez Jinping', 'Jared Kushner', 'Benjamin Netanjahu', 'Nataša Pirc Musar', 'Xi Jinping']);
  });

  it('does not let a lower-case particle decide the letter: von der Leyen under L, al-Asad under A for Asad', () => {
    expect(surnameSortKey('Ursula von der Leyen', 'von der Leyen')).toEqual(['Leyen', 'Ursula']);
    expect(surnameSortKey('Ursula von der Leyen')).toEqual(['Leyen', 'Ursula']);
    expect(surnameSortKey('Luiz Inácio Lula da Silva', 'Lula da Silva')).toEqual(['Lula da Silva', 'Luiz Inácio']);
    expect(surnameSortKey('Bašar al-Asad')).toEqual(['Asad', 'Bašar']);
    expect(surnameSortKey('Mohamed bin Salman', 'bin Salman')).toEqual(['Salman', 'Mohamed']);
    const people = [person('Janez Vidmar'), person('Ursula von der Leyen', 'von der Leyen'), person('Ana Levec'), person('Vincent van Gogh', 'van Gogh'), person('Bašar al-Asad'), person('Madeleine Albright')];
    expect(people.sort(comparePeople).map((p) => p.name)).toEqual(['Madeleine Albright', 'Bašar al-Asad', 'Vincent van Gogh', 'Ana Levec', 'Ursula von der Leyen', 'Janez Vidmar']);
  });

  // The suffix was the surname: Janez Novak ml. was filed under M, Martin Luther King Jr. under J.
  it('files a name with a generational suffix under the surname before it', () => {
    expect(surnameSortKey('Janez Novak ml.')).toEqual(['Novak', 'Janez ml.']);
    expect(surnameSortKey('Martin Luther King, Jr.')).toEqual(['King', 'Martin Luther Jr.']);
    expect(surnameSortKey('Nataša Pirc Musar st.', 'Pirc Musar')).toEqual(['Pirc Musar', 'Nataša st.']);
    const people = [person('Janez Novak st.'), person('Martin Luther King Jr.'), person('Janez Novak ml.'), person('Ana Levec'), person('Janez Novak'), person('Karel III.')];
    expect(people.sort(comparePeople).map((p) => p.name)).toEqual(['Karel III.', 'Martin Luther King Jr.', 'Ana Levec', 'Janez Novak', 'Janez Novak ml.', 'Janez Novak st.']);
  });

  it('keeps a particle written with a capital, which the name spells as part of the surname (De Niro under D)', () => {
    expect(surnameSortKey('Robert De Niro', 'De Niro')).toEqual(['De Niro', 'Robert']);
    expect(surnameSortKey('Herman Van Rompuy', 'Van Rompuy')).toEqual(['Van Rompuy', 'Herman']);
  });
});

describe('the update an article page shows', () => {
  const at = (iso: string, hasTime = true) => ({ instant: new Date(iso), hasTime });
  const published = at('2025-06-10T10:00:00Z');

  it('shows an update after publication, with its time or without', () => {
    expect(shownUpdate({ date: published, updated: at('2025-06-10T13:45:00Z') })).toEqual(at('2025-06-10T13:45:00Z'));
    expect(shownUpdate({ date: published, updated: at('2025-06-11T22:00:00Z', false) })).toEqual(at('2025-06-11T22:00:00Z', false));
  });

  it('shows a date alone on the day of publication (the article changed later that day)', () => {
    // updatedAsShown (content/dates.ts) has moved its instant to the moment of publication.
    expect(shownUpdate({ date: published, updated: at('2025-06-10T10:00:00Z', false) })).toEqual(at('2025-06-10T10:00:00Z', false));
  });

  it('shows no update before publication, which every other place already replaces by the date', () => {
    expect(shownUpdate({ date: published, updated: at('2025-06-09T06:00:00Z') })).toBeUndefined();
  });

  it('shows no update at the moment of publication itself, which is no change', () => {
    expect(shownUpdate({ date: published, updated: at('2025-06-10T10:00:00Z') })).toBeUndefined();
    expect(shownUpdate({ date: published, updated: undefined })).toBeUndefined();
  });
});
