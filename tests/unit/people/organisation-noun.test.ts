import { describe, expect, it } from 'vitest';
import { isOrganisationNoun } from '../../../src/people/organisation-noun.ts';

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
