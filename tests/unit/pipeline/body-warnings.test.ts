import { describe, expect, it } from 'vitest';
import { bodyWarnings } from '../../../src/pipeline/body-warnings.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';

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

describe('bodyWarnings for a heading that skips a level', () => {
  it('gives the line to write as written, with what is before the #s and the text as written', () => {
    const skippedHeadings = [
      { line: 5, written: 4, expected: 3, published: 3, before: '> - ', source: 'Kdo je [sodeloval](/o-nas/) *tudi*', bold: false, under: { line: 1, written: 2 } },
      { line: 7, written: 4, expected: 3, published: 3, before: '', source: '**Opomba**', bold: true, under: { line: 1, written: 2 } },
    ];
    const [quoted, bold] = bodyWarnings({ skippedHeadings }, 'article', 'content/articles/2025/seja.md', 6);
    expect(quoted!.hint).toBe(
      'write > - ### Kdo je [sodeloval](/o-nas/) *tudi*, the level the page shows; for a line that should only stand out, write it in bold without #: > - **Kdo je [sodeloval](/o-nas/) *tudi***',
    );
    expect(bold!.hint).toBe('write ### **Opomba**, the level the page shows; for a line that should only stand out, write it in bold without #: **Opomba**');
  });
});

describe('bodyWarnings for a table pasted with tabs', () => {
  it('escapes a quote in a cell, so each row of the hint ends at its own closing quote, as Markdown still shows it', () => {
    const pastedTables = [{ line: 2, rows: [['Izdelek', 'Cena'], ['Prenosnik 15,6" "Pro"', '899 €'], ['Kabel \\"', '9 €']], rowCount: 3, figures: [false, true] }];
    const [warning] = bodyWarnings({ pastedTables }, 'article', 'content/articles/2025/cene.md', 6);
    expect(warning!.hint).toBe(
      'write it as a table, each row on a line of its own with | around the cells, the first row its header and a delimiter row under it (--: right-aligns a column of figures): "| Izdelek | Cena |", "|---|--:|", "| Prenosnik 15,6\\" \\"Pro\\" | 899 € |", "| Kabel \\\\\\" | 9 € |"; if the first row is data, put a row of column names above it',
    );
  });
});

describe('bodyWarnings for a table pasted with tabs, a long cell cut', () => {
  it('never cuts an emoji in half: one whose two halves the cut falls between is left out whole', () => {
    // The cut is at 60 UTF-16 code units: after 59 letters it falls between the two halves of 😀, after 58 behind it.
    const body = ['Opis\tOcena', `${'x'.repeat(59)}😀 konec\t5`, `${'y'.repeat(58)}😀 konec\t4`].join('\n');
    const facts = renderMarkdown(body);
    const [warning] = bodyWarnings(facts, 'article', 'content/articles/2025/ocene.md', 6);
    expect(warning!.code).toBe('article/pasted-table');
    const hint = warning!.hint ?? '';
    // A half of a pair alone, which a terminal prints as �.
    expect(hint).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(hint).toContain(`"| ${'x'.repeat(59)}… | 5 |"`);
    expect(hint).toContain(`"| ${'y'.repeat(58)}😀… | 4 |"`);
  });
});

describe('bodyWarnings for an address a page may not carry', () => {
  it('names every scheme a page keeps, for a link and for an image, and the page keeps each it names', () => {
    const droppedUrls = [
      { line: 1, kind: 'link' as const, url: 'ftp://arhiv.example.si/porocilo.pdf', text: 'poročilo' },
      { line: 3, kind: 'image' as const, url: 'ftp://arhiv.example.si/foto.jpg', text: 'Foto' },
    ];
    const [link, image] = bodyWarnings({ droppedUrls }, 'article', 'content/articles/2025/seja.md', 6);
    expect(link!.message).toBe(
      'this link\'s address "ftp://arhiv.example.si/porocilo.pdf" is not one a page may carry (only a path or an http, https, mailto, tel, irc, ircs or xmpp address), so it is published without it: readers see "poročilo" as plain text',
    );
    expect(image!.message).toContain('(only a path or an http or https address)');
    for (const scheme of /an (.*) address\)/.exec(link!.message)![1]!.split(/, | or /)) {
      expect(renderMarkdown(`[vir](${scheme}:vir)`).droppedUrls, scheme).toBeUndefined();
    }
  });
});

describe('bodyWarnings for an image whose alt text is a file name', () => {
  it('says a screen reader reads the name out and asks for a description, at the image\'s line of the file', () => {
    const [warning] = bodyWarnings({ imagesNamedByFile: [{ line: 3, alt: 'IMG_4521.JPG' }] }, 'person', 'content/people/ana-novak.md', 6);
    expect([warning!.code, warning!.line, warning!.message, warning!.hint]).toEqual([
      'person/image-alt-file-name',
      8,
      'the alt text of this image is a file name, "IMG_4521.JPG": a screen reader reads it out in place of what the picture shows',
      'describe what the image shows between the brackets: ![Županja Ana Novak na seji sveta](/slike/seja.jpg)',
    ]);
  });
});
