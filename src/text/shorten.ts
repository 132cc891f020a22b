/**
 * Shortens text for a meta description. Search engines cut snippets at roughly 155–160 characters,
 * so a longer summary is cut at the last word boundary that fits and ends in an ellipsis, never in
 * the middle of a word or after a dangling comma.
 */
export const DESCRIPTION_LENGTH = 160;

export function shortenText(text: string, maxLength = DESCRIPTION_LENGTH): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const characters = [...folded];
  if (characters.length <= maxLength) return folded;
  // Leave room for the ellipsis; count code points so a surrogate pair is never split.
  const room = characters.slice(0, maxLength - 1).join('');
  const nextIsSpace = characters[maxLength - 1] === ' ';
  const lastSpace = room.lastIndexOf(' ');
  let cut = nextIsSpace || lastSpace < 0 ? room : room.slice(0, lastSpace);
  cut = cut.replace(/[\s,;:–—-]+$/u, '');
  return /[.!?]$/.test(cut) ? cut : `${cut}…`;
}
