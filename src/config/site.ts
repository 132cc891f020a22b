import { ArhivarError } from '../errors.ts';
import { parseYamlBlock } from '../content/front-matter.ts';
import { SITE_EXAMPLES, SiteConfigSchema, cutAtCommentErrors, isPlainObject, issuesToErrors, type SiteConfig } from '../content/schema.ts';
import { CONTENT_DIR, readSiteFile, type SourceFile } from '../content/read.ts';

export type { SiteConfig } from '../content/schema.ts';

/**
 * Above this a description is no sentence about the site. Every page shows it whole in its masthead and footer, and search
 * engines show about 160 characters of a page's description (text/shorten.ts); 300 leaves room for a long
 * sentence and still catches a pasted paragraph.
 */
export const LONG_DESCRIPTION = 300;

/** content/site.yaml → SiteConfig, defaults filled. A missing file means all defaults. */
export function parseSiteConfig(source: SourceFile | undefined): { config: SiteConfig; errors: ArhivarError[]; warnings: ArhivarError[]; keyLines: ReadonlyMap<string, number> } {
  const defaults = SiteConfigSchema.parse({});
  const noLines: ReadonlyMap<string, number> = new Map();
  if (!source) return { config: defaults, errors: [], warnings: [], keyLines: noLines };
  let block;
  try {
    block = parseYamlBlock(source.text, source.file, 1, 'site.yaml');
  } catch (error) {
    if (error instanceof ArhivarError) return { config: defaults, errors: [error], warnings: [], keyLines: noLines };
    throw error;
  }
  const data = block.data ?? {};
  if (!isPlainObject(data)) {
    return {
      config: defaults,
      warnings: [],
      errors: [new ArhivarError({ code: 'site/not-a-mapping', message: 'site.yaml must hold keys and values', file: source.file, line: 1, hint: 'write lines such as title: Arhiv novic' })],
      keyLines: noLines,
    };
  }
  const result = SiteConfigSchema.safeParse(data);
  const cutAt = cutAtCommentErrors(data, ['title', 'description'], result.error?.issues ?? [], { file: source.file, code: 'site', keyLines: block.keyLines, text: source.text });
  if (result.success && cutAt.length === 0) return { config: result.data, errors: [], warnings: descriptionWarnings(result.data.description, source.file, block.keyLines.get('description')), keyLines: block.keyLines };
  if (result.success) return { config: defaults, warnings: [], keyLines: block.keyLines, errors: cutAt };
  return {
    config: defaults,
    warnings: [],
    keyLines: block.keyLines,
    errors: [
      ...issuesToErrors(result.error.issues, {
        file: source.file,
        code: 'site',
        keyLines: block.keyLines,
        fallbackLine: 1,
        knownKeys: Object.keys(SiteConfigSchema.shape),
        examples: SITE_EXAMPLES,
        schema: SiteConfigSchema,
        data,
        text: source.text,
      }),
      ...cutAt,
    ],
  };
}

function descriptionWarnings(description: string, file: string, line: number | undefined): ArhivarError[] {
  const length = [...description].length;
  if (length <= LONG_DESCRIPTION) return [];
  return [
    new ArhivarError({
      code: 'site/long-description',
      message: `the description is ${length} characters long: every page shows it whole under the site's name and in its footer, while search engines show only its first 160 or so`,
      file,
      line,
      hint: `write one sentence about the site, of at most ${LONG_DESCRIPTION} characters`,
    }),
  ];
}

/** Top-level domains that name no published site: RFC 2606 §2 (test, example, invalid, localhost), RFC 6761 §6. */
const RESERVED_TOP_LEVEL = new Set(['example', 'test', 'invalid', 'localhost']);

/**
 * A host no reader can reach the published site at: this machine (localhost, 127.0.0.0/8, ::1), a reserved
 * top-level domain, or an example name (example.com/.net/.org of RFC 2606 §3, and example.si and its like,
 * which READMEs and this repository's site.yaml use the same way).
 */
function isPlaceholderHost(hostname: string): boolean {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (hostname === '[::1]' || hostname === '0.0.0.0' || /^127(?:\.\d{1,3}){3}$/.test(hostname)) return true;
  return RESERVED_TOP_LEVEL.has(labels.at(-1)!) || labels.at(-2) === 'example';
}

/**
 * baseUrl left out (http://localhost/) or left at an example address: canonical links, Open Graph URLs, the
 * feeds' ids and links and the sitemap would send search engines and feed readers there. A warning, not an
 * error, since a local or test build is right to have it; the dev server, which serves on 127.0.0.1, does
 * not ask for it (LoadOptions.publishing).
 */
export function placeholderBaseUrl(config: SiteConfig, source: SourceFile | undefined, keyLines: ReadonlyMap<string, number>): ArhivarError | undefined {
  const url = new URL(config.baseUrl);
  if (!isPlaceholderHost(url.hostname)) return undefined;
  const file = source?.file ?? `${CONTENT_DIR}/site.yaml`;
  const line = keyLines.get('baseUrl');
  const reach = 'canonical links, Open Graph URLs, the feeds and the sitemap';
  // The path is kept: the site is published under it, wherever that is.
  const write = `baseUrl: https://…${url.pathname}`;
  const where = ', with the address readers will open the site at in place of …';
  if (line === undefined) {
    return new ArhivarError({
      code: 'site/placeholder-baseUrl',
      message: `baseUrl is not set, so ${reach} point to http://localhost/, which no reader, search engine or feed reader can open`,
      file,
      hint: source ? `before publishing, add the line ${write}${where}` : `before publishing, create ${file} holding the line ${write}${where}`,
    });
  }
  return new ArhivarError({
    code: 'site/placeholder-baseUrl',
    message: `baseUrl ${config.baseUrl} is a local or example address, so ${reach} point where the site is not published`,
    file,
    line,
    hint: `before publishing, write ${write}${where}`,
  });
}

/**
 * The site's settings for a command that does not load the content (preview, the dev server's address, the
 * link check): the defaults where content/site.yaml is missing or has a problem, which a build reports.
 */
export async function readSiteConfig(root: string): Promise<SiteConfig> {
  return parseSiteConfig(await readSiteFile(root)).config;
}
