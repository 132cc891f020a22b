/**
 * The width and height of a body's pictures, from their files in public/ (output/picture-sizes.ts reads them): a
 * browser that knows them keeps the picture's place while it loads, so the text does not jump as each photo comes
 * in (Cumulative Layout Shift); templates/site.css keeps such a picture fluid (`max-width: 100%; height: auto`).
 */
export interface PictureSize {
  width: number;
  height: number;
}

/** The origin a page's address is resolved under: any will do that no body can name. */
const SITE = 'http://arhivar.invalid';

/**
 * The file of public/ a picture's address leads to, as a path inside public/ (`slike/seja.jpg`), resolved as the
 * browser resolves the `src` on the page at `pageUrl` (root-relative, without the base path) of a site published
 * under `basePath` (`/` or `/arhiv/`): `/arhiv/slike/seja.jpg` and, on an article's page, `slike/seja.jpg`
 * (`<article's address>slike/seja.jpg`). undefined for an address on another host (it may be any size, and
 * change) or outside the base path, which no file of public/ is published at.
 */
export function publicPathOf(url: string, pageUrl: string, basePath: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(url, `${SITE}${basePath}${pageUrl.slice(1)}`);
  } catch {
    return undefined;
  }
  if (resolved.origin !== SITE || !resolved.pathname.startsWith(basePath)) return undefined;
  let inside: string;
  try {
    inside = decodeURIComponent(resolved.pathname.slice(basePath.length));
  } catch {
    return undefined;
  }
  // new URL has taken out `.` and `..` (%2e%2e too, as browsers do); a `..` that only decoding makes (`%2F..%2F`)
  // or an empty part is no file's path. The caller reads only a path public/ publishes.
  if (inside.split('/').some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return inside;
}

/** The `src` of each picture of rendered body HTML, in order. The renderer writes `src` first (markdown/render.ts). */
const IMG_SRC = /<img src="([^"]*)"/g;

export function pictureSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(IMG_SRC)) sources.push(decodeAttribute(match[1]!));
  return sources;
}

/**
 * The body's HTML with `width` and `height` on each picture whose file `sizes` knows (by publicPathOf, from the
 * page at `pageUrl`). Others are left as they are: a browser then learns the size only as the picture loads.
 */
export function withPictureSizes(html: string, sizes: ReadonlyMap<string, PictureSize> | undefined, pageUrl: string, basePath: string): string {
  if (!sizes || sizes.size === 0) return html;
  return html.replace(IMG_SRC, (tag, src: string) => {
    const file = publicPathOf(decodeAttribute(src), pageUrl, basePath);
    const size = file === undefined ? undefined : sizes.get(file);
    return size ? `${tag} width="${size.width}" height="${size.height}"` : tag;
  });
}

/** The files of public/ that `urls` lead to from the page at `pageUrl`, each once, with its size where `sizes` knows it. */
export function pageSizes(urls: Iterable<string>, sizes: ReadonlyMap<string, PictureSize> | undefined, pageUrl: string, basePath: string): Map<string, PictureSize> | undefined {
  if (!sizes || sizes.size === 0) return undefined;
  let found: Map<string, PictureSize> | undefined;
  for (const url of urls) {
    const file = publicPathOf(url, pageUrl, basePath);
    const size = file === undefined ? undefined : sizes.get(file);
    if (size) (found ??= new Map()).set(file!, size);
  }
  return found;
}

/**
 * An attribute's value as hast-util-to-html writes it, decoded: it writes `&` and `"` as `&#x26;` and `&#x22;`,
 * and may write any other character as a reference.
 */
function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number.parseInt(decimal, 10) : undefined;
    if (code === undefined) return NAMED[name!.toLowerCase()] ?? whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
