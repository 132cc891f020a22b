/**
 * Letter case of a word, read character by character: people detection asks it of the words around every name,
 * millions of times in a build, and toUpperCase() and toLowerCase() make a copy of the word each time. Outside
 * ASCII the answer is the copy's, as Unicode's case mappings are more than a table of pairs (ß upper-cases to SS).
 */

/** Starts with a capital and is not written in capitals only (Novak, Ž; not ZDA, NATO, novak). */
export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) {
    for (let k = 1; k < word.length; k++) {
      const next = word.charCodeAt(k);
      if (next >= 97 && next <= 122) return true;
      if (next >= 128) return word !== word.toUpperCase();
    }
    return word.length === 1;
  }
  if (code < 128) return false;
  const first = word[0]!;
  if (first === first.toLowerCase()) return false;
  // ZDA, NATO: acronyms are not names.
  return word.length === 1 || word !== word.toUpperCase();
}

/** Has no letter that lower case would change (novak, 3., ščuka; not Novak, ŠČUKA). */
export function isLower(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code >= 65 && code <= 90) return false;
    if (code >= 128) return word === word.toLowerCase();
  }
  return true;
}
