import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeHeadings } from '../support/readme-headings.ts';

/**
 * README.md links its sections by the anchors GitHub gives headings, which change with a heading's words: a
 * renamed heading left links that led nowhere.
 */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/**
 * GitHub's anchor of a heading (github-slugger): the text as shown, lower case, with every character but a
 * letter, a mark, a digit, `_`, `-` and a space dropped, and the spaces made `-`; a repeated anchor gets `-1`, `-2`, ….
 */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const heading of readmeHeadings(markdown)) {
    const base = heading
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let anchor = base;
    for (let repeat = 1; anchors.has(anchor); repeat++) anchor = `${base}-${repeat}`;
    anchors.add(anchor);
  }
  return anchors;
}

describe('README links within itself', () => {
  const anchors = headingAnchors(README);
  const links = [...README.matchAll(/\]\(#([^)\s]+)\)/g)].map((match) => ({
    anchor: match[1]!,
    line: README.slice(0, match.index).split('\n').length,
  }));

  it('finds headings and links', () => {
    expect(anchors).toContain('the-two-commands');
    expect(anchors).toContain('building-on-ci-keep-cache-between-runs');
    expect(links.length).toBeGreaterThan(50);
  });

  it('lead to a heading', () => {
    expect(links.filter((link) => !anchors.has(link.anchor)).map((link) => `README.md:${link.line} #${link.anchor}`)).toEqual([]);
  });
});
