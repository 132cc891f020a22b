import { RecordCache } from './cache.ts';
import type { StoredRecord } from './records.ts';
import { contentCacheVersion } from './version.ts';

/**
 * Every published article's record (pipeline/records.ts), kept in .cache/ by its record key: the source key and
 * what else a record is made from (the person files, whether people are detected; build.ts recordInputs). A
 * rebuild takes the record of each unchanged article from here, and does not decode its people found or make the
 * record again (people matched to the registry, the warnings): at 10,000 articles a one-article rebuild took a
 * median 85 ms less user CPU (README, Why the one-article rebuild is not under 0.5 s). Named by contentCacheVersion,
 * as the other logs: a record made by other code is never read. Its records hold text of the article (names that
 * have no person file, warnings that quote it), so a build erases those of what it no longer publishes.
 */
export async function openRecordLog(root: string): Promise<RecordCache<StoredRecord>> {
  return RecordCache.open<StoredRecord>(root, 'records', await contentCacheVersion());
}
