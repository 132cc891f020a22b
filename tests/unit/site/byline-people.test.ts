import { describe, expect, it } from 'vitest';
import { personFromName } from '../../../src/content/person.ts';
import { bylinePeople } from '../../../src/site/byline-people.ts';
import { testPerson } from '../../helpers/person.ts';

const people = new Map([testPerson('Ana Novak'), testPerson('Bor Kos'), personFromName('Cene Lipnik')].map((person) => [person.id, person]));
const ids = (byline: string) => bylinePeople(byline, people).map((person) => person.id);

describe('bylinePeople', () => {
  it('gives the registry people a byline names, each once, in its order', () => {
    expect(ids('Bor Kos, Cene Lipnik, STA in Ana Novak/Bor Kos')).toEqual(['bor-kos', 'ana-novak']);
  });

  it('finds a registry person whose name is written in capitals, which alone would read as an agency', () => {
    expect(ids('ANA NOVAK, STA')).toEqual(['ana-novak']);
  });

  it('finds a person whose file gives a name only in Hebrew or Arabic letters, which has no slug, as a whole name', () => {
    const rtl = new Map(
      [testPerson('יוסי כהן', { id: 'josi-kohen' }), testPerson('محمود عباس', { id: 'mahmud-abbas' })].map((person) => [person.id, person]),
    );
    const rtlIds = (byline: string) => bylinePeople(byline, rtl).map((person) => person.id);
    // A paste from a right-to-left source leaves marks and a second space in the name; they are no letters of it.
    expect(rtlIds('\u200fمحمود  عباس\u200f, יוסי כהן')).toEqual(['mahmud-abbas', 'josi-kohen']);
    expect(rtlIds('כהן, عباس')).toEqual([]);
  });
});
