/**
 * A rendered article body with every link and image address made absolute, for the full-text feed. Atom lets
 * a feed give the base in `xml:base`, but feed readers resolve relative addresses in content "differently,
 * non-interoperably" (Sam Ruby, who wrote the Feed Validator, http://intertwingly.net/blog/2006/04/02/Relative-References):
 * some against the feed's own URL, some not at all, so `slike/foto.jpg` in a body showed no picture there. The
 * Feed Validator warns about it (ContainsRelRef: "make sure all URLs are absolute").
 *
 * The body is the sanitiser's output (markdown/render.ts): raw HTML is dropped, so the only URL attributes are
 * `href` on links and `src` on images, always in double quotes with `&` and `"` written as `&#x26;` and
 * `&#x22;` (hast-util-to-html), and a `<` in text is written `&#x3C;`: every `<` starts a tag.
 */
const TAG = /<(?:a|img)\b(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/g;
const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)"/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function absoluteBodyUrls(html: string, pageUrl: string): string {
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, start: string, written: string) => {
      const url = decodeAttribute(written);
      if (SCHEME.test(url)) return whole;
      try {
        return `${start}${encodeAttribute(new URL(url, pageUrl).href)}"`;
      } catch {
        return whole;
      }
    }),
  );
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>' };

/** One pass, so `&#x26;amp;` stays `&amp;`. */
function decodeAttribute(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|quot|lt|gt));/gi, (all, hex?: string, decimal?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? all;
    const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
}
