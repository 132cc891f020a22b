import { describe, expect, it } from 'vitest';
import { createLoadCache, sessionLog } from '../../src/load-cache.ts';
import type { RecordCache } from '../../src/pipeline/cache.ts';
import type { DetectedPeople } from '../../src/workers/markdown-pool.ts';

describe('sessionLog', () => {
  it('opens a log once for loads that ask at the same time, and tries again after a failed open', async () => {
    const session = createLoadCache();
    let opened = 0;
    const log = {} as RecordCache<DetectedPeople>;
    const open = async () => {
      opened++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return log;
    };
    const first = sessionLog(session, 'people', open);
    const second = sessionLog(session, 'people', open);
    expect(second).toBe(first);
    expect(await second).toBe(log);
    expect(opened).toBe(1);

    const failing = sessionLog(session, 'articles', () => Promise.reject(new Error('.cache/ ni berljiv')));
    await expect(failing).rejects.toThrow('.cache/ ni berljiv');
    expect(session.logs.articles).toBeUndefined();
  });
});
