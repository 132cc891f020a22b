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
});
