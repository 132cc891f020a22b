import { ArhivarError } from '../errors.ts';
import { findPlainTextHtml, plainTextHtmlWarning } from './summary-warnings.ts';

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
  const address = slug === undefined ? '' : `; the address is made from the title and changes with it, so add slug: ${slug} to keep it if the article is already out`;
  return [plainTextHtmlWarning('title', html, 'the headline, listings, feeds and search results', file, line, address)];
}
