import { ArhivarError } from '../errors.ts';
import { findPlainTextHtml } from './summary-warnings.ts';

/**
 * Warnings about a `title:`. Like the summary, the title is plain text wherever it lands (the headline, <title>,
 * listings, feeds, JSON-LD, search), escaped as written, so HTML a CMS export or a copied headline leaves in it
 * (<em>…</em>, &nbsp;, &amp;) reaches readers as code. It stays escaped: rendering it would let a title inject
 * markup into every listing. `slug` is the title's slug when no slug: line gives the address, since the address
 * then changes with the title.
 */
export function titleWarnings(title: string, slug: string | undefined, file: string, line: number | undefined): ArhivarError[] {
  const html = findPlainTextHtml(title);
  if (html === undefined) return [];
  const reference = html.startsWith('&');
  const address = slug === undefined ? '' : `; the address is made from the title and changes with it, so add slug: ${slug} to keep it if the article is already out`;
  return [
    new ArhivarError({
      code: 'article/title-html',
      message: `the title is published as plain text, so its HTML (${html}) shows as written, ${reference ? 'code and all' : 'tags and all'}, in the headline, listings, feeds and search results`,
      file,
      line,
      hint: `write the title as plain text: ${reference ? `the character itself instead of ${html}` : `leave out ${html} and any other tag`}${address}`,
    }),
  ];
}
