// HTML as a CMS export or a copied web page leaves it in a teaser (<strong>LJUBLJANA</strong> – …, &nbsp;) or a
// headline (<h1>, a pasted <script> or </title>). Only HTML's own element names count, so quotes typed as <<Mir>>
// and comparisons (5 < 6) are not taken for HTML. The build's warning about HTML in a title and import's title
// from a CMS export share it, so that import never drops what the build would not call a tag.
const HTML_TAG_SOURCE =
  '<\\/?(?:a|abbr|article|audio|b|big|blockquote|br|button|center|cite|code|del|div|em|embed|figcaption|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|ins|li|mark|meta|nav|noscript|object|ol|p|picture|pre|q|s|script|section|small|span|strike|strong|style|sub|sup|svg|table|tbody|td|th|thead|title|tr|u|ul|video)(?:\\s[^<>\\n]{0,300})?\\/?>';

/** An HTML tag (`<h1>`, `</strong>`, `<br/>`); `flags` as for RegExp (`g` to replace every one). */
export function htmlTagPattern(flags: string): RegExp {
  return new RegExp(HTML_TAG_SOURCE, `iu${flags}`);
}
