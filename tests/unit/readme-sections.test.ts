import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readmeHeadings } from '../support/readme-headings.ts';

/**
 * A hint that sends the reader to a section of README.md names it by its heading, and the heading must be there:
 * public/shadowed sent robots.txt to Pages, which says of it only »for search engines«. Messages name a section
 * as »see Feeds in the README« or »README, "Feeds"« (quotes around a name that holds parentheses); the text of
 * every string of src/ is read, comments aside, so a section name made by code inside one cannot be checked and
 * is refused too.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

const NAMED = [/see (.+?) in the README/g, /README, (".+?"|»[^«]+«)/g];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(at) : /\.(ts|tsx|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [at] : [];
  });
}

/** The text of every string literal and template part of a file that mentions the README, with its line. */
function readmeMentions(file: string): { at: string; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { at: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (literal && node.text.includes('README')) {
      found.push({ at: `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const mentions = sourceFiles(path.join(ROOT, 'src')).flatMap(readmeMentions);
const named = mentions.flatMap(({ at, text }) =>
  NAMED.flatMap((form) => [...text.matchAll(form)].map((match) => ({ at, section: match[1]!.replace(/^["»](.*)["«]$/, '$1') }))),
);

describe('README sections named in messages of src/', () => {
  const headings = new Set(readmeHeadings(README).flatMap((heading) => [heading, heading.replace(/`/g, '')]));

  it('are found', () => {
    expect(named.map(({ section }) => section)).toEqual(expect.arrayContaining(['Pages', 'Sitemap and robots.txt', 'Feeds']));
  });

  it('are headings of README.md', () => {
    expect(named.filter(({ section }) => !headings.has(section)).map(({ at, section }) => `${at}  ${section}`)).toEqual([]);
  });

  it('are each named whole, in one of the forms read here (README.md alone names no section)', () => {
    const unread = mentions.filter(({ text }) => !NAMED.some((form) => new RegExp(form.source).test(text)) && text.replace(/README\.md/g, '').includes('README'));
    expect(unread.map(({ at, text }) => `${at}  ${text}`)).toEqual([]);
  });
});
