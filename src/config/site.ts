import { ArhivarError } from '../errors.ts';
import { parseYamlBlock } from '../content/front-matter.ts';
import { SITE_EXAMPLES, SiteConfigSchema, isPlainObject, issuesToErrors, type SiteConfig } from '../content/schema.ts';
import { readSiteFile, type SourceFile } from '../content/read.ts';

export type { SiteConfig } from '../content/schema.ts';

/** content/site.yaml → SiteConfig, defaults filled. A missing file means all defaults. */
export function parseSiteConfig(source: SourceFile | undefined): { config: SiteConfig; errors: ArhivarError[] } {
  const defaults = SiteConfigSchema.parse({});
  if (!source) return { config: defaults, errors: [] };
  let block;
  try {
    block = parseYamlBlock(source.text, source.file, 1, 'site.yaml');
  } catch (error) {
    if (error instanceof ArhivarError) return { config: defaults, errors: [error] };
    throw error;
  }
  const data = block.data ?? {};
  if (!isPlainObject(data)) {
    return {
      config: defaults,
      errors: [new ArhivarError({ code: 'site/not-a-mapping', message: 'site.yaml must hold keys and values', file: source.file, line: 1, hint: 'write lines such as title: Arhiv novic' })],
    };
  }
  const result = SiteConfigSchema.safeParse(data);
  if (result.success) return { config: result.data, errors: [] };
  return {
    config: defaults,
    errors: issuesToErrors(result.error.issues, {
      file: source.file,
      code: 'site',
      keyLines: block.keyLines,
      fallbackLine: 1,
      knownKeys: Object.keys(SiteConfigSchema.shape),
      examples: SITE_EXAMPLES,
      data,
      text: source.text,
    }),
  };
}

/**
 * The site's settings for a command that does not load the content (preview, the dev server's address, the
 * link check): the defaults where content/site.yaml is missing or has a problem, which a build reports.
 */
export async function readSiteConfig(root: string): Promise<SiteConfig> {
  return parseSiteConfig(await readSiteFile(root)).config;
}
