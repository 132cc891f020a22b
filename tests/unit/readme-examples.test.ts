import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Editors copy README.md's examples into their files, so a block said to be a shipped file is that file. */
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
});
