import type { Article } from '../content/article.ts';
import type { Person } from '../content/person.ts';
import { ArhivarError } from '../errors.ts';
import { readPictureSizes } from '../output/picture-sizes.ts';
import { pictureSources, publicPathOf, type PictureSize } from '../site/pictures.ts';
import { basePathOf, urls } from '../site/urls.ts';

/**
 * The width and height of every picture in public/ that an article's body or a bio shows (site/pictures.ts), and
 * a warning for each such picture whose file is no picture (article/unreadable-picture, person/unreadable-picture).
 * Only the files public/ publishes (`publicFiles`, publicFolderContents) are read, each once however many pages
 * show it; a body's picture on another host is left without a size.
 */
export async function measureBodyPictures(
  root: string,
  site: { articles: readonly Article[]; bios: ReadonlyMap<string, string>; people: ReadonlyMap<string, Person>; baseUrl: string },
  publicFiles: readonly string[],
  { cache = true } = {},
): Promise<{ sizes: Map<string, PictureSize>; warnings: ArhivarError[] }> {
  const basePath = basePathOf(site.baseUrl);
  const published = new Set(publicFiles);
  const shown: { file: string; owner: 'article' | 'person'; source: string; line: number | undefined; url: string }[] = [];
  for (const article of site.articles) {
    for (const picture of article.pictures) {
      const file = publicPathOf(picture.url, article.url, basePath);
      if (file !== undefined && published.has(file)) shown.push({ file, owner: 'article', source: article.file, line: picture.line, url: picture.url });
    }
  }
  for (const [id, html] of site.bios) {
    const person = site.people.get(id);
    for (const url of pictureSources(html)) {
      const file = publicPathOf(url, urls.person(id), basePath);
      if (file !== undefined && published.has(file)) shown.push({ file, owner: 'person', source: person?.file ?? '', line: person?.bioLine, url });
    }
  }
  const { sizes, unreadable } = await readPictureSizes(root, shown.map((picture) => picture.file), { cache });
  const warnings: ArhivarError[] = [];
  for (const picture of shown) {
    const why = unreadable.get(picture.file);
    if (why === undefined || picture.source === '') continue;
    warnings.push(
      new ArhivarError({
        code: `${picture.owner}/unreadable-picture`,
        message: `the picture ${picture.url} is public/${picture.file}, which is no picture a browser can show (${why}), so readers see a broken picture`,
        file: picture.source,
        line: picture.line,
        hint: `replace public/${picture.file} with the picture saved as JPEG, PNG, WebP or GIF (a file downloaded from a web page may be the page itself), or correct the address`,
      }),
    );
  }
  return { sizes, warnings };
}
