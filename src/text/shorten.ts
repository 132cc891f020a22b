import { foldWhitespace } from './whitespace.ts';

/**
 * Shortens text for a meta description. Search engines cut snippets at roughly 155–160 characters,
 * so a longer summary is cut at the last word boundary that fits and ends in an ellipsis, never in
 * the middle of a word or after a dangling comma.
 */
export const DESCRIPTION_LENGTH = 160;

export function shortenText(text: string, maxLength = DESCRIPTION_LENGTH): string {
  const folded = foldWhitespace(text);
  // No more UTF-16 units than the limit means no more code points either: most titles stop here.
  if (folded.length <= maxLength) return folded;
  // Count code points, so a surrogate pair is never split, without spreading the whole text into an array
  // (a summary may be a long paragraph, and every page has one).
  if (codePointOffset(folded, maxLength) >= folded.length) return folded;
  // Leave room for the ellipsis.
  const roomEnd = codePointOffset(folded, maxLength - 1);
  const room = folded.slice(0, roomEnd);
  const nextIsSpace = folded[roomEnd] === ' ';
  const lastSpace = room.lastIndexOf(' ');
  let cut = nextIsSpace || lastSpace < 0 ? room : room.slice(0, lastSpace);
  cut = cut.replace(/[\s,;:–—-]+$/u, '');
  return /[.!?]$/.test(cut) ? cut : `${cut}…`;
}

/** The UTF-16 offset just after the first `count` code points of `text` (its length if it has fewer). */
function codePointOffset(text: string, count: number): number {
  let offset = 0;
  for (let n = 0; n < count && offset < text.length; n++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}
