import { MINUTE_FORMS, plural } from './sl.ts';

/**
 * Reading time of a news text. Adults read non-fiction silently at about 238 words a minute
 * (Brysbaert 2019, "How many words do we read per minute?", J. Mem. Lang. 109); 200 allows for the
 * names and numbers of news copy and is the figure most news sites use.
 */
export const WORDS_PER_MINUTE = 200;

/** Whole minutes, rounded up, at least 1. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}

/** "1 minuta", "2 minuti", "3 minute", "5 minut" branja. */
export function formatReadingTime(wordCount: number): string {
  return `${plural(readingMinutes(wordCount), MINUTE_FORMS)} branja`;
}
