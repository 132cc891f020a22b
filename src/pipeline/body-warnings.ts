import { ArhivarError } from '../errors.ts';
import type { MarkdownFacts } from '../markdown/render.ts';

/**
 * Warnings about what a rendered Markdown text publishes for readers who use a screen reader: images with
 * no alt text and links whose text says nothing out of context. Articles' bodies and people's bios get the
 * same ones, under their own code prefix; `firstLine` is the line of the file the Markdown starts on.
 */
export function bodyWarnings(facts: Pick<MarkdownFacts, 'imagesWithoutAlt' | 'vagueLinks'>, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError[] {
  const warnings: ArhivarError[] = [];
  for (const line of facts.imagesWithoutAlt ?? []) {
    warnings.push(
      new ArhivarError({
        code: `${owner}/image-without-alt`,
        message: 'an image has no alt text, so it is published with alt="" and screen readers skip it as decoration',
        file,
        line: firstLine + line - 1,
        hint: 'describe what the image shows between the brackets: ![Županja Ana Novak na seji sveta](/slike/seja.jpg)',
      }),
    );
  }
  for (const link of facts.vagueLinks ?? []) {
    warnings.push(
      new ArhivarError({
        code: `${owner}/vague-link-text`,
        message: link.text
          ? `the link text "${link.text}" says nothing out of context: screen-reader users who go through a page by its list of links hear only "${link.text}"`
          : 'this link has no text: it is published as a link nobody can see, and a screen reader names it by its address or not at all',
        file,
        line: firstLine + link.line - 1,
        hint: `write what the link leads to as its text ("poročilo ministrstva o …")${link.text ? ` instead of "${link.text}"` : ' between the brackets'}`,
      }),
    );
  }
  return warnings;
}
