import { describe, expect, it } from 'vitest';
import { blankUnshownMarkdown } from '../../../src/markdown/shown-text.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { tokenize } from '../../../src/people/detect.ts';

const words = (text: string) => {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.length }, (_, i) => tokens.word(i));
};

describe('blankUnshownMarkdown', () => {
  it.each([
    ['an HTML comment', 'Uvod.\n\n<!-- TODO: citat Trump preveri -->\n\nTrump je dejal.\n'],
    ['a comment inside a paragraph', 'Prvi stavek <!-- Trump --> in Trump.\n'],
    ['inline HTML, whose text between the tags is shown', 'Vir: <span title="Donald Trump">Donald Trump</span> je dejal.\n'],
    ['an HTML block, shown not at all', '<div class="opomba">\nDonald Trump\n</div>\n\nTrump je dejal.\n'],
    ['a link with an address and a title', '[vir](https://en.wikipedia.org/wiki/Donald_Trump "Donald Trump") Trump je dejal.\n'],
    ['a link with an address in angle brackets and a title in parentheses', '[Trump](<https://x.si/Donald Trump> (Donald Trump)) in Putin.\n'],
    ['an autolink, whose address is shown', 'Glej <https://www.sds.si/Golob>. Golob je dejal.\n'],
    ['an image, whose alt text is shown', '![Donald [Trump] na odru](https://x.si/Trump.jpg "Trump") in Trump.\n'],
    ['a reference link and its definition', 'Po [poročilu][vir] Trump.\n\n[vir]: https://x.si/Donald_Trump "Donald Trump"\n'],
    ['code', 'Ukaz `Trump --help` in:\n\n```Trump\nDonald Trump\n```\n\n    Putin koda\n'],
    ['markup around words', '# Trump\n\n> **Donald** _Trump_ in\n> Putin\n\n- Xi\n- Modi\\\nLula\n'],
  ])('leaves the words the rendered text shows: %s', (_, markdown) => {
    const blanked = blankUnshownMarkdown(markdown);
    expect(words(blanked)).toEqual(words(renderMarkdown(markdown).text));
    expect(blanked).toHaveLength(markdown.length);
    expect(blanked.split('\n').length).toBe(markdown.split('\n').length);
  });

  it('keeps every shown word at its offset', () => {
    const markdown = '<!-- Trump -->\n\nPo [viru](https://x.si/Trump "Trump") je Trump dejal.\n';
    const blanked = blankUnshownMarkdown(markdown);
    expect(blanked.indexOf('Trump')).toBe(markdown.lastIndexOf('Trump'));
    expect(blanked.indexOf('viru')).toBe(markdown.indexOf('viru'));
  });
});
