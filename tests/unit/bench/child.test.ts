import { describe, expect, it } from 'vitest';
import { ownPeakRssKb } from '../../../src/bench/child.ts';

describe('ownPeakRssKb', () => {
  it('takes VmHWM from /proc/self/status, not ru_maxrss, which may be the memory of the process that started the build', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1234567 kB\nVmSize:\t 1200000 kB\nVmHWM:\t   81234 kB\nVmRSS:\t   80000 kB\n';
    expect(ownPeakRssKb(status, 415_000)).toBe(81_234);
  });

  it('falls back to ru_maxrss where there is no /proc', () => {
    expect(ownPeakRssKb(undefined, 90_000)).toBe(90_000);
    expect(ownPeakRssKb('Name:\tnode\n', 90_000)).toBe(90_000);
  });
});
