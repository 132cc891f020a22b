import { describe, expect, it } from 'vitest';
import { shortenText } from '../../../src/text/shorten.ts';

describe('shortenText', () => {
  it.each([
    ['Kratek povzetek.', 40, 'Kratek povzetek.'],
    ['  Presledki   se\n zložijo. ', 40, 'Presledki se zložijo.'],
    ['Witkoff in Kushner na Floridi s Putinovim odposlancem', 30, 'Witkoff in Kushner na Floridi…'],
    ['Witkoff in Kushner, na Floridi', 20, 'Witkoff in Kushner…'],
    ['Prvi stavek. Drugi stavek je daljši', 14, 'Prvi stavek.'],
    ['Prvi stavek. Drugi stavek je daljši', 20, 'Prvi stavek. Drugi…'],
    ['Ušakov Ušakov Ušakov Ušakov', 13, 'Ušakov…'],
    ['Nadzvočnoletalskoinženirstvo', 10, 'Nadzvočno…'],
  ])('%j at %i → %j', (input, length, expected) => {
    const result = shortenText(input, length);
    expect(result).toBe(expected);
    expect([...result].length).toBeLessThanOrEqual(length);
  });

  it('never splits a surrogate pair', () => {
    const result = shortenText('😀'.repeat(20), 10);
    expect(result).toBe(`${'😀'.repeat(9)}…`);
  });
});
