import { describe, expect, it } from 'vitest';
import { isNamedAfterNoun, isOrganisationNoun } from '../../../src/people/organisation-noun.ts';

describe('isOrganisationNoun: the noun that heads a firm’s, an institution’s or an event’s name', () => {
  it('knows the noun in every case (Pekarno Hribar, Liste Skupaj, Ustavnega Sodišča, Na Festivalu Lent, Dneve Prekmurja)', () => {
    for (const word of ['Pekarno', 'Liste', 'Sodišča', 'Sodišče', 'Festivalu', 'Zavod', 'Dneve', 'Centra', 'Tedna', 'Stadion', 'Zdravilišča', 'Zbor']) {
      expect([word, isOrganisationNoun(word)]).toEqual([word, true]);
    }
  });

  it('leaves names spelled like such nouns alone (Luka, Dan, Dana, Vlade, Arena) and names that are other nouns (Kos, Medved)', () => {
    for (const word of ['Luka', 'Luke', 'Dan', 'Dana', 'Dani', 'Vlade', 'Arena', 'Kos', 'Medved', 'Ana', 'Janez', 'Novak']) {
      expect([word, isOrganisationNoun(word)]).toEqual([word, false]);
    }
  });
});

describe('isNamedAfterNoun: a noun whose name is a person’s in the genitive', () => {
  it('knows šola, ulica, nagrada, trg and vrtec in every case, and no names', () => {
    for (const word of ['šoli', 'Šole', 'ulici', 'nagrado', 'trgu', 'vrtca', 'gimnazije']) expect([word, isNamedAfterNoun(word)]).toEqual([word, true]);
    for (const word of ['Ana', 'Kos', 'direktor', 'zavoda']) expect([word, isNamedAfterNoun(word)]).toEqual([word, false]);
  });
});
