/** Runs of whitespace (JavaScript's \s) become one space; the ends are trimmed. */
export function foldWhitespace(value: string): string {
  // Most texts (a Markdown block, a title, a summary) already have single spaces between words: checking
  // that is several times cheaper than the regex, which a cold build runs over every block of every article.
  return isFolded(value) ? value : value.replace(/\s+/g, ' ').trim();
}

/** No whitespace at either end, none but single ASCII spaces inside. */
function isFolded(value: string): boolean {
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = value.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || isWhitespace(value.charCodeAt(i + 1))) return false;
    } else if (isWhitespace(code)) {
      return false;
    }
  }
  return true;
}

/** The code units JavaScript's \s matches. */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
