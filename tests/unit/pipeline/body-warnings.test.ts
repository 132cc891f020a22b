import { describe, expect, it } from 'vitest';
import { bodyWarnings } from '../../../src/pipeline/body-warnings.ts';

describe('bodyWarnings for an address with a space', () => {
  it('keeps the title after the address out of the name to rename to and out of the %20s', () => {
    const spacedAddresses = [{ line: 2, kind: 'image' as const, url: '/slike/golob na seji.jpg', title: '"Golob na seji"', text: 'Golob' }];
    const [warning] = bodyWarnings({ spacedAddresses }, 'article', 'content/articles/2025/golob.md', 6);
    expect([warning!.line, warning!.message, warning!.hint]).toEqual([
      7,
      'this image\'s address "/slike/golob na seji.jpg" has a space in it, where Markdown ends an address, so the page shows "![Golob](/slike/golob na seji.jpg "Golob na seji")" as text instead of the picture',
      'rename the file without spaces (public/slike/golob-na-seji.jpg) and write ![Golob](/slike/golob-na-seji.jpg "Golob na seji"), or keep its name and write each space as %20: ![Golob](/slike/golob%20na%20seji.jpg "Golob na seji")',
    ]);
  });
});

describe('bodyWarnings for a telephone number with spaces', () => {
  it('asks for the number without them, not for %20 in place of each', () => {
    const spacedAddresses = [{ line: 1, kind: 'link' as const, url: 'tel:+386 1 234 56 78', text: 'Pokličite nas' }];
    const [warning] = bodyWarnings({ spacedAddresses }, 'article', 'content/articles/2025/dezurni.md', 6);
    expect(warning!.hint).toBe('write the number without spaces (the link text may keep them): [Pokličite nas](tel:+38612345678)');
  });
});

describe('bodyWarnings for a comment never closed', () => {
  it('names the lines it hides and asks for the -->', () => {
    const droppedHtml = [{ line: 3, tag: '!--', block: true, hiddenTo: 7 }];
    const [warning] = bodyWarnings({ droppedHtml }, 'article', 'content/articles/2025/seja.md', 6);
    expect([warning!.code, warning!.line, warning!.message, warning!.hint]).toEqual([
      'article/unclosed-comment',
      8,
      'this comment (<!--) is never closed with -->, so it hides everything after it: lines 9–12 are left out of the page',
      'end the comment with --> where the note ends (<!-- opomba urednika -->), or delete the <!--',
    ]);
  });
});
