/**
 * JSON inside <script> ends at the first "</script"; "<!--" can also change how the block is parsed.
 * Escaping <, > and & as \u escapes keeps the JSON identical and the HTML inert. U+2028/2029 are
 * escaped for older JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
