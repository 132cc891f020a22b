import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SiteIcon } from '../render/context.ts';

/**
 * The site's icon, when public/ holds one under a name browsers know (a site's logo is its own, so it
 * lives beside its content, not in arhivar's templates). SVG first: it stays sharp at every size and can
 * follow the reader's dark mode. Pages link it (templates/layout.tsx), so it is found under the path a
 * site is published at, where a browser's own request for /favicon.ico at the host's root would miss it.
 */
const ICONS: readonly SiteIcon[] = [
  { url: '/favicon.svg', type: 'image/svg+xml' },
  { url: '/favicon.png', type: 'image/png' },
  { url: '/favicon.ico', type: 'image/x-icon' },
];

export async function findSiteIcon(root: string): Promise<SiteIcon | undefined> {
  for (const icon of ICONS) {
    const info = await stat(path.join(root, 'public', icon.url.slice(1))).catch(() => undefined);
    if (info?.isFile()) return icon;
  }
  return undefined;
}
