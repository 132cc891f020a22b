import { ArhivarError } from '../errors.ts';
import { parseYamlBlock } from '../content/front-matter.ts';
import { SITE_EXAMPLES, SiteConfigSchema, isPlainObject, issuesToErrors, type SiteConfig } from '../content/schema.ts';
import { readSiteFile, type SourceFile } from '../content/read.ts';

export type { SiteConfig } from '../content/schema.ts';

/**
 * Above this a description is no sentence about the site. Every page shows it whole in its masthead and footer, and search
 * engines show about 160 characters of a page's description (text/shorten.ts); 300 leaves room for a long
 * sentence and still catches a pasted paragraph.
 */
export const LONG_DESCRIPTION = 300;

/** content/site.yaml → SiteConfig, defaults filled. A missing file means all defaults. */
export function parseSiteConfig(source: SourceFile | undefined): { config: SiteConfig; errors: ArhivarError[]; warnings: ArhivarError[] } {
  const defaults = SiteConfigSchema.parse({});
  if (!source) return { config: defaults, errors: [], warnings: [] };
  let block;
  try {
    block = parseYamlBlock(source.text, source.file, 1, 'site.yaml');
  } catch (error) {
    if (error instanceof ArhivarError) return { config: defaults, errors: [error], warnings: [] };
    throw error;
  }
  const data = block.data ?? {};
  if (!isPlainObject(data)) {
    return {
      config: defaults,
      warnings: [],
      errors: [new ArhivarError({ code: 'site/not-a-mapping', message: 'site.yaml must hold keys and values', file: source.file, line: 1, hint: 'write lines such as title: Arhiv novic' })],
    };
  }
  const result = SiteConfigSchema.safeParse(data);
  if (result.success) return { config: result.data, errors: [], warnings: descriptionWarnings(result.data.description, source.file, block.keyLines.get('description')) };
  return {
    config: defaults,
    warnings: [],
    errors: issuesToErrors(result.error.issues, {
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

/**
 * The site's settings for a command that does not load the content (preview, the dev server's address, the
 * link check): the defaults where content/site.yaml is missing or has a problem, which a build reports.
 */
export async function readSiteConfig(root: string): Promise<SiteConfig> {
  return parseSiteConfig(await readSiteFile(root)).config;
}
