import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/config/site.ts';
import { validateArticle } from '../../src/content/article.ts';
import { parsePerson } from '../../src/content/person.ts';
import { ArticleFrontMatterSchema, PersonFrontMatterSchema, SiteConfigSchema } from '../../src/content/schema.ts';

/**
 * README.md is the editor's reference: every code a key of content/site.yaml, an article or a person file can be
 * refused with must be findable there. The codes are made from the key's name (`site/bad-baseUrl`), so a new key
 * gives a new code; README named none of site.yaml's but `site/bad-title`, `site/bad-description` and
 * `site/bad-detectPeople`, nor `person/bad-gender`.
 */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

// No key takes a mapping, so `key: {x: 1}` is refused by each with its own code.
const refused = (key: string) => `${key}: {x: 1}`;

const files = {
  site: (key: string) => parseSiteConfig({ file: 'content/site.yaml', text: `${refused(key)}\n`, mtimeMs: 0 }).errors,
  article: (key: string) => {
    const lines = { title: 'title: Seja vlade', date: 'date: 2025-12-22', [key]: refused(key) };
    return validateArticle({ file: 'content/articles/2025/seja.md', text: `---\n${Object.values(lines).join('\n')}\n---\n\nBesedilo.\n`, mtimeMs: 0 }).errors;
  },
  person: (key: string) => {
    const lines = { name: 'name: Ana Kos', [key]: refused(key) };
    return parsePerson({ file: 'content/people/ana-kos.md', text: `---\n${Object.values(lines).join('\n')}\n---\n`, mtimeMs: 0 }).errors;
  },
};

const schemas = { site: SiteConfigSchema, article: ArticleFrontMatterSchema, person: PersonFrontMatterSchema };

describe('README names the code of every key a file refuses', () => {
  for (const [kind, schema] of Object.entries(schemas) as [keyof typeof files, typeof SiteConfigSchema][]) {
    it.each(Object.keys(schema.shape))(`${kind}: %s`, (key) => {
      const codes = [...new Set(files[kind](key).map((error) => error.code))];
      expect(codes).not.toEqual([]);
      expect(codes.filter((code) => !README.includes(`\`${code}\``))).toEqual([]);
    });
  }
});
