import { expect, it } from 'vitest';
import { isSearchIndexFile } from '../../src/dev/vite-plugin.ts';
import { buildFixture } from '../helpers.ts';

// The dev server makes the whole search index on the first request for one of its files and holds it for the
// model: at 10,000 articles 61 MB of the main thread's heap, and 43 MB of array buffers left for V8's next full
// collection. The search page asks for none until a query is typed, and made it as it was shown (README, "Where
// the memory goes").
it('the dev server makes the search index for a file of it, not for the search page', async () => {
  const site = await buildFixture('search');
  const searchFiles = (await site.files()).filter((file) => file.startsWith('iskanje/') && file !== 'iskanje/index.html');
  expect(searchFiles.length).toBeGreaterThan(2);
  for (const file of searchFiles) expect(isSearchIndexFile(`/${file}`), file).toBe(true);
  for (const page of ['/iskanje/', '/iskanje/index.html', '/iskanje']) expect(isSearchIndexFile(page), page).toBe(false);
});
