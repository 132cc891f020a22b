import { describe, expect, it } from 'vitest';
import { addressLines, addressKey } from '../../../src/output/link-sources.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { scanPage } from '../../../src/output/links.ts';

const BODY = `Uvod z [dvema](/2025/03/12/clanek/)
[povezavama](/2025/03/12/clanek/).

![Seja](/slike/seja%20sveta.jpg) in [poročilo](</dokumenti/poročilo 2025.pdf>),
[oseba](/osebe/darja-%C5%BEagar/) in [referenca][ref].

[ref]: /2025/12/01/ni-ga/
`;

describe('addressLines', () => {
  it('finds every address a rendered body writes under the key of the page\'s form of it, with its lines and as written', () => {
    const addresses = addressLines(BODY);
    // Each link of the rendered page, as the link check reads it, is found at the line that writes it.
    const found = [...new Set(scanPage(renderMarkdown(BODY).html).links)].map((link) => [link, addresses.get(addressKey(link))]);
    expect(found).toEqual([
      ['/2025/03/12/clanek/', { address: '/2025/03/12/clanek/', lines: [1, 2] }],
      ['/slike/seja%20sveta.jpg', { address: '/slike/seja%20sveta.jpg', lines: [4] }],
      ['/dokumenti/poro%C4%8Dilo%202025.pdf', { address: '/dokumenti/poročilo 2025.pdf', lines: [4] }],
      ['/osebe/darja-%C5%BEagar/', { address: '/osebe/darja-%C5%BEagar/', lines: [5] }],
      ['/2025/12/01/ni-ga/', { address: '/2025/12/01/ni-ga/', lines: [7] }],
    ]);
  });
});
