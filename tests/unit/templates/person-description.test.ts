import { describe, expect, it } from 'vitest';
import { personDescription } from '../../../templates/person.tsx';
import { personFromName } from '../../../src/content/person.ts';

const person = (role: string | undefined) => ({ ...personFromName('Ana Kos'), role });

describe('personDescription', () => {
  it('puts a colon after the role', () => {
    expect(personDescription(person('ministrica za zunanje zadeve'), 3, 0)).toBe('Ana Kos, ministrica za zunanje zadeve: 3\u00a0članki v arhivu.');
    expect(personDescription(person(undefined), 1, 0)).toBe('Ana Kos: 1\u00a0članek v arhivu.');
  });

  // Editors end a role with a full stop as they would a sentence (or an abbreviation: d. d.), and search
  // results and link previews showed »ministrica za zunanje zadeve.: 3\u00a0članki«.
  it('puts no colon after a role that ends in a full stop', () => {
    expect(personDescription(person('ministrica za zunanje zadeve.'), 3, 0)).toBe('Ana Kos, ministrica za zunanje zadeve. 3\u00a0članki v arhivu.');
    expect(personDescription(person('predsednica uprave Krke d. d.'), 2, 1)).toBe('Ana Kos, predsednica uprave Krke d. d. 2\u00a0članka v arhivu, 1\u00a0avtorski članek.');
  });
});
