import { describe, expect, it } from 'vitest';
import { guessedGenderWarning } from '../../../src/pipeline/person-warnings.ts';
import { testPerson } from '../../helpers/person.ts';

describe('guessedGenderWarning', () => {
  it('warns at the name: line about a one-word name with no gender: that is declined as a man\'s (Adele, Beyoncé, Cher)', () => {
    for (const name of ['Adele', 'Beyoncé', 'Björk', 'Cher']) {
      const warning = guessedGenderWarning(testPerson(name, { nameLine: 2 }));
      expect([warning?.code, warning?.file, warning?.line], name).toEqual(['person/guessed-gender', testPerson(name).file, 2]);
    }
    const adele = guessedGenderWarning(testPerson('Adele'))!;
    expect(adele.message).toBe('"Adele" is one word and the file has no gender:, so it is declined as a man\'s name (Adeleja, Adelejem, Adelejev)');
    expect(adele.hint).toBe('add gender: f if Adele is a woman, whose one-word name stays as it is (z Adele); gender: m keeps these forms');
  });

  it.each([
    ['a gender: line', testPerson('Adele', { gender: 'f' })],
    ['a man\'s gender: line', testPerson('Sting', { gender: 'm' })],
    ['a known man\'s name', testPerson('Ivan')],
    ['a name in -a, guessed a woman\'s', testPerson('Madonna')],
    ['a known woman\'s name not in -a', testPerson('Ines')],
    ['a woman\'s role noun', testPerson('Adele', { role: 'britanska pevka' })],
    ['a man\'s role noun', testPerson('Pelé', { role: 'brazilski nogometaš' })],
    ['a given name and a surname', testPerson('Janez Kovač')],
    ['a word named the surname', testPerson('Xi', { surname: 'Xi' })],
    ['detect: false', testPerson('Adele', { detect: false })],
    ['no person file', testPerson('Adele', { file: undefined })],
  ])('says nothing for %s', (_, person) => {
    expect(guessedGenderWarning(person)).toBeUndefined();
  });
});
