import { describe, expect, it } from 'vitest';
import { isPlaceName } from '../../../src/people/place-name.ts';

describe('isPlaceName: a town, country or capital that is no person’s name', () => {
  it('knows the place in every case (Luka Koper, Luki Koper, Olimpije Ljubljana, Areni Zagreb, Evropa Ukrajino, v Bovcu)', () => {
    for (const word of ['Koper', 'Kopra', 'Kopru', 'Ljubljana', 'Ljubljane', 'Zagreb', 'Madrid', 'Ukrajino', 'Vrhnika', 'Bovcu', 'Celja', 'Jesenicah', 'Laškem', 'Hrvaške']) {
      expect([word, isPlaceName(word)]).toEqual([word, true]);
    }
  });

  it('leaves out places that are names too (Luka, Milana, Kosova, London, Lenart) and names (Ana, Novak)', () => {
    for (const word of ['Luka', 'Olimpija', 'Milana', 'Kosova', 'London', 'Berlin', 'Lenart', 'Ana', 'Novak', 'Maja']) {
      expect([word, isPlaceName(word)]).toEqual([word, false]);
    }
  });
});
