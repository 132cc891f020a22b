import { describe, expect, it } from 'vitest';
import { TABLE_LABEL, tableLabel } from '../../../src/markdown/table-scroll.ts';

describe('tableLabel', () => {
  it.each([
    [0, 1, 'Tabela'],
    [0, 2, 'Tabela 1'],
    [1, 2, 'Tabela 2'],
    [11, 12, 'Tabela 12'],
  ])('region %i of %i is %j', (index, count, label) => {
    expect(tableLabel(index, count)).toBe(label);
  });

  it('names every region in a shape the body sanitiser lets through', () => {
    for (let count = 1; count <= 12; count++) {
      for (let index = 0; index < count; index++) expect(tableLabel(index, count)).toMatch(TABLE_LABEL);
    }
    expect('Tabela <b>').not.toMatch(TABLE_LABEL);
  });
});
