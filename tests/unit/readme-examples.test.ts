import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../src/content/article.ts';
import { parsePerson } from '../../src/content/person.ts';

/**
 * Editors copy README.md's examples into their files, so a block said to be a shipped file is that file, and
 * front matter is shown with its `---` lines (without them, a copy is refused with `article/no-front-matter`).
 */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const blocks = [...README.matchAll(/^```(?:yaml|markdown)\n([\s\S]*?)^```/gm)].map((match) => ({
  text: match[1] ?? '',
  line: README.slice(0, match.index).split('\n').length,
  before: README.slice(Math.max(0, match.index - 300), match.index),
}));

describe('README examples', () => {
  // »`content/people/x.md`, …, reads:« right before a block says the block is that file as shipped.
  const quoted = blocks.flatMap((block) => {
    const file = /`(content\/[^`]+\.md)`[^`]*reads:\s*$/.exec(block.before)?.[1];
    return file === undefined ? [] : [{ ...block, file }];
  });

  it('quote at least one shipped file', () => {
    expect(quoted.map((block) => block.file)).toContain('content/people/sergej-rjabkov.md');
  });

  it.each(quoted)('README.md:$line is $file as the repository holds it', ({ file, text }) => {
    expect(text).toBe(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
  });

  // A block whose first key is an article's title: or a person's name: is a file's front matter to copy.
  const frontMatter = blocks.filter((block) => /^(?:---\n)?(?:title|name):/.test(block.text));

  it('show front matter', () => {
    expect(frontMatter.length).toBeGreaterThanOrEqual(4);
  });

  it.each(frontMatter)('README.md:$line is front matter that an article or person file takes as it is', ({ text }) => {
    const errors = text.replace(/^---\n/, '').startsWith('title:')
      ? validateArticle({ file: 'content/articles/2025/primer.md', text, mtimeMs: 0 }).errors
      : parsePerson({ file: 'content/people/ana-kovac.md', text, mtimeMs: 0 }).errors;
    expect(errors.map((error) => error.code)).toEqual([]);
  });
});
