import type { Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/parse.ts';
import { percentDecode } from './links.ts';

/**
 * The lines on which a Markdown text (an article's body, a person's bio) writes the address of each of its
 * links, images and link definitions (`[ref]: /2025/…`, where a reference link's address is written), so a
 * broken link found on a built page can be traced to the line an editor fixes. Lines count from the text's
 * first, like remark's positions.
 *
 * Keyed by the address percent-decoded: remark-html percent-encodes what the author wrote (mdast-util-to-hast
 * normalizeUri: `članek` and a space in `</a b.pdf>` become `%C4%8D` and `%20`), and an author may have written
 * it encoded already, so only the decoded forms of the two meet. Look an address of a page up with addressKey.
 */
export function addressLines(markdown: string): Map<string, WrittenAddress> {
  const addresses = new Map<string, WrittenAddress>();
  collectAddresses(parseMarkdown(markdown), addresses);
  return addresses;
}

export interface WrittenAddress {
  /** The address as the Markdown first writes it (`/osebe/darja-žagar/`, where the page has `%C5%BE`). */
  address: string;
  /** Every line that writes it, in order, counted from the text's first. */
  lines: number[];
}

/** The key under which addressLines keeps the address a built page writes (entities decoded, as scanPage gives it). */
export function addressKey(link: string): string {
  return percentDecode(link);
}

function collectAddresses(node: Nodes, out: Map<string, WrittenAddress>): void {
  if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
    const address = node.url.trim();
    const key = addressKey(address);
    const written = out.get(key);
    const line = node.position.start.line;
    if (!written) out.set(key, { address, lines: [line] });
    else if (!written.lines.includes(line)) written.lines.push(line);
  }
  if ('children' in node) for (const child of node.children) collectAddresses(child, out);
}
