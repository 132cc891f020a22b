import { describe, expect, it } from 'vitest';
import { sanitize } from 'hast-util-sanitize';
import type { Element } from 'hast';
import type { Heading, Root } from 'mdast';
import { BODY_SCHEMA, nestHeadings, renderMarkdown } from '../../../src/markdown/render.ts';
import { fragmentElements, injectedMarkup, isDangerousUrl } from '../../support/html.ts';

/** Each payload next to text that must survive, so a test also fails when the whole paragraph vanishes. */
const payloads: Array<[string, string]> = [
  ['javascript: link', '[klik](javascript:alert(1))'],
  ['mixed-case scheme', '[klik](JaVaScRiPt:alert(1))'],
  ['entity-encoded letter in the scheme', '[klik](jav&#x61;script:alert(1))'],
  ['decimal entity for the first letter', '[klik](&#106;avascript:alert(1))'],
  ['entity-encoded colon', '[klik](javascript&#58;alert(1))'],
  ['named entity colon', '[klik](javascript&colon;alert(1))'],
  ['tab inside the scheme', '[klik](<java\tscript:alert(1)>)'],
  ['encoded tab inside the scheme', '[klik](java&#9;script:alert(1))'],
  ['newline entity inside the scheme', '[klik](java&#10;script:alert(1))'],
  ['leading control character', '[klik](&#1;javascript:alert(1))'],
  ['space before the scheme in angle brackets', '[klik](< javascript:alert(1)>)'],
  ['vbscript: link', '[klik](vbscript:msgbox(1))'],
  ['VBScript mixed case', '[klik](VBScript:msgbox(1))'],
  ['data: link', '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: image', '![slika](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['javascript: image', '![slika](javascript:alert(1))'],
  ['autolink', '<javascript:alert(1)>'],
  ['reference link', '[klik][r]\n\n[r]: javascript:alert(1)'],
  ['reference image', '![slika][r]\n\n[r]: DATA:image/png;base64,AAAA'],
  ['link title breaking out', '[klik](https://example.si "a\\" onmouseover=\\"alert(1)")'],
  ['raw script block', '<script>alert(1)</script>'],
  ['raw inline script', 'Besedilo <script>alert(1)</script> naprej.'],
  ['raw img with handler', '<img src=x onerror=alert(1)>'],
  ['raw anchor', '<a href="javascript:alert(1)">klik</a>'],
  ['raw iframe', '<iframe src="https://evil.example"></iframe>'],
  ['raw svg', '<svg onload=alert(1)></svg>'],
  ['raw style', '<style>body{display:none}</style>'],
  ['raw form', '<form action="https://evil.example"><input name=x></form>'],
  ['raw meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['html comment hiding markup', '<!-- --><script>alert(1)</script><!-- -->'],
  ['CDATA', '<![CDATA[<script>alert(1)</script>]]>'],
  ['attribute on a heading via raw html', '<h2 onclick="alert(1)">Naslov</h2>'],
];

describe('renderMarkdown drops raw HTML and dangerous URLs (issue 7)', () => {
  it.each(payloads)('%s', (_name, payload) => {
    const { html } = renderMarkdown(`Pred.\n\n${payload}\n\nPo.`);
    const elements = fragmentElements(html);
    expect(injectedMarkup(elements)).toEqual([]);
    for (const element of elements) for (const value of Object.values(element.attrs)) expect(isDangerousUrl(value)).toBe(false);
    expect(html).toContain('<p>Pred.</p>');
    expect(html).toContain('<p>Po.</p>');
    expect(html.toLowerCase()).not.toContain('<script');
    const tags = new Set(['p', 'a', 'img', 'code', 'pre', 'em', 'strong', 'h2']);
    expect(elements.filter((element) => !tags.has(element.tag)).map((element) => element.tag)).toEqual([]);
    expect(elements.filter((element) => 'id' in element.attrs).map((element) => element.tag)).toEqual([]);
  });

  it('keeps the text of a link whose URL it drops', () => {
    const { html } = renderMarkdown('[klik](javascript:alert(1))');
    expect(html).toContain('klik');
    expect(html).not.toMatch(/href=/);
  });

  it.each([
    ['https', '[vir](https://www.sta.si/novica)', 'https://www.sta.si/novica'],
    ['http', '[vir](http://example.si/)', 'http://example.si/'],
    ['mailto', '[pišite](mailto:urednistvo@example.si)', 'mailto:urednistvo@example.si'],
    ['relative', '[prej](/2025/12/22/clanek/)', '/2025/12/22/clanek/'],
    ['fragment', '[spodaj](#opombe)', '#opombe'],
  ])('keeps safe %s links', (_name, markdown, href) => {
    const [anchor] = fragmentElements(renderMarkdown(markdown).html).filter((element) => element.tag === 'a');
    expect(anchor?.attrs.href).toBe(href);
  });

  it('escapes text that looks like markup', () => {
    const { html, text } = renderMarkdown('Izraz 1 < 2 & "citat" in `<b>koda</b>`.');
    expect(html).toContain('1 &#x3C; 2 &#x26;');
    expect(html).toContain('<code>&#x3C;b>koda&#x3C;/b></code>');
    expect(fragmentElements(html).map((element) => element.tag)).toEqual(['p', 'code']);
    expect(text).toContain('1 < 2');
  });
});

describe('renderMarkdown nests body headings under the page h1', () => {
  const levels = (markdown: string) => [...renderMarkdown(markdown).html.matchAll(/<h(\d)[ >]/g)].map((match) => Number(match[1]));

  it.each([
    ['# starts at h2', '# Ena\n\nBesedilo.\n\n## Dve', [2, 3]],
    ['## stays h2', '## Ena\n\n### Dve\n\n## Tri', [2, 3, 2]],
    ['a skip after # is closed', '# Ena\n\n#### Dve\n\n##### Tri', [2, 3, 4]],
    ['### alone becomes h2', '### Ena\n\n### Dve', [2, 2]],
    ['a skip in the middle is closed, the level after it kept', '## Ena\n\n#### Dve\n\n### Tri\n\n## Štiri', [2, 3, 3, 2]],
    ['a first heading deeper than later ones starts at h2', '#### Ena\n\n## Dve\n\n### Tri', [2, 2, 3]],
    // Headings written at one level stay at one level after a skip is closed: each is one below the heading it belongs to.
    ['two headings at the level a skip reached stay siblings', '## Ena\n\n#### Dve\n\n#### Tri', [2, 3, 3]],
    ['two first headings deeper than later ones stay siblings', '#### Ena\n\n#### Dve\n\n## Tri', [2, 2, 2]],
    ['a skip closed twice in a row', '## Ena\n\n#### Dve\n\n###### Tri\n\n###### Štiri\n\n#### Pet', [2, 3, 4, 4, 3]],
    ['headings in a quote and a list count in document order', '# Ena\n\n> ### Dve\n\n- #### Tri', [2, 3, 4]],
    ['###### under # never goes past h6', '# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6', [2, 3, 4, 5, 6, 6]],
    ['setext headings too', 'Ena\n===\n\n#### Dve', [2, 3]],
  ])('%s', (_name, markdown, expected) => {
    expect(levels(markdown)).toEqual(expected);
  });

  it('leaves the plain text as it was', () => {
    expect(renderMarkdown('# Naslov\n\nBesedilo.').text).toBe(renderMarkdown('## Naslov\n\nBesedilo.').text);
  });
});

describe('nestHeadings', () => {
  it('takes a body of 150,000 headings, all ###, as skipping nothing, where Math.min(...depths) threw a RangeError', () => {
    // Told as markdown/too-complex (»nested too deeply«), which this flat body is not. Made as remark makes it:
    // parsing 150,000 headings takes seconds.
    const markdown = '### Poglavje\n\n'.repeat(150_000);
    const headings: Heading[] = Array.from({ length: 150_000 }, (_, index) => ({
      type: 'heading',
      depth: 3,
      children: [{ type: 'text', value: 'Poglavje' }],
      position: { start: { line: 2 * index + 1, column: 1, offset: 14 * index }, end: { line: 2 * index + 1, column: 13, offset: 14 * index + 12 } },
    }));
    const tree: Root = { type: 'root', children: headings };
    expect(nestHeadings(tree, markdown)).toEqual([]);
    expect(headings.every((heading) => heading.depth === 2)).toBe(true);
  });
});

describe('renderMarkdown ends a heading with a full stop in the plain text', () => {
  // A search snippet shows the plain text with its blank lines folded to spaces: »Ozadje Vlada je …« read as one sentence.
  it('when it has no closing punctuation of its own, so a snippet reads »Ozadje. Vlada je …«', () => {
    const rendered = renderMarkdown('Uvod.\n\n## Ozadje\n\nVlada je sklenila.\n\n### Kdo je kriv?\n\nNihče.\n\n## Golob: »Ne bomo odstopili!«\n\n## Načrt B\n');
    expect(rendered.text).toBe('Uvod.\n\nOzadje.\n\nVlada je sklenila.\n\nKdo je kriv?\n\nNihče.\n\nGolob: »Ne bomo odstopili!«\n\nNačrt B.');
    expect(rendered.wordCount).toBe(15);
    expect(renderMarkdown('Setext\n===\n\nBesedilo').text).toBe('Setext.\n\nBesedilo');
  });

  it('and leaves paragraphs as written', () => {
    expect(renderMarkdown('Brez pike\n\n> Citat brez pike\n\nKonec.').text).toBe('Brez pike\n\nCitat brez pike\n\nKonec.');
  });
});

describe('renderMarkdown ends a paragraph of images alone with a full stop in the plain text', () => {
  // A photo's alt text is a caption, a sentence of its own: a snippet read »Ognjemet nad Ljubljano Vlada je …«.
  it('when its alt text has no closing punctuation, so a snippet reads »Ognjemet nad Ljubljano. Vlada je …«', () => {
    const rendered = renderMarkdown('Uvod.\n\n![Ognjemet nad Ljubljano](slike/ognjemet.jpg)\n\nVlada je sklenila.\n\n![Golob: »Dovolj!«](a.jpg) ![Novak](b.jpg)\n\nKonec.\n');
    expect(rendered.text).toBe('Uvod.\n\nOgnjemet nad Ljubljano.\n\nVlada je sklenila.\n\nGolob: »Dovolj!« Novak.\n\nKonec.');
    expect(rendered.wordCount).toBe(11);
  });

  it('but not a paragraph with text of its own, nor an image in a list item, which ends with a semicolon', () => {
    expect(renderMarkdown('Foto ![Ognjemet](a.jpg) brez pike\n\n- ![Ognjemet](a.jpg)\n').text).toBe('Foto Ognjemet brez pike\n\nOgnjemet;');
  });
});

describe('renderMarkdown ends a list item or table cell with a semicolon in the plain text', () => {
  // A snippet of a list of names read »Janez Novak Ana Kovač Naslednji odstavek«.
  it('when it has no closing punctuation of its own, so a snippet reads »Janez Novak; Ana Kovač; Naslednji …«', () => {
    const rendered = renderMarkdown('- Janez Novak\n- Ana Kovač\n- Vlada je odstopila.\n\nNaslednji odstavek.\n');
    expect(rendered.text).toBe('Janez Novak;\n\nAna Kovač;\n\nVlada je odstopila.\n\nNaslednji odstavek.');
    expect(rendered.wordCount).toBe(9);
  });

  it('in a table, where a full stop would make a year an ordinal', () => {
    const rendered = renderMarkdown('| Leto | Rast |\n|---|---|\n| 2025 | 1,2 % |\n| 2026 | – |\n');
    expect(rendered.text).toBe('Leto;\n\nRast;\n\n2025;\n\n1,2 %;\n\n2026;\n\n–');
  });

  it('in nested and loose lists, after each paragraph of an item, but not in a quote inside one', () => {
    const rendered = renderMarkdown('1. Ukrepi\n   - prvi\n   - drugi: »Dovolj«\n2. Dva odstavka\n\n   drugi odstavek\n\n   > citat\n');
    expect(rendered.text).toBe('Ukrepi;\n\nprvi;\n\ndrugi: »Dovolj«;\n\nDva odstavka;\n\ndrugi odstavek;\n\ncitat');
  });
});

describe('renderMarkdown gives every body heading an id to link to', () => {
  const headings = (markdown: string) =>
    fragmentElements(renderMarkdown(markdown).html)
      .filter((element) => /^h[1-6]$/.test(element.tag))
      .map((element) => [element.tag, element.attrs]);

  it('makes it from the text by the slug rules, numbering repeats and keeping off the page ids', () => {
    const markdown = '# Ozadje pogovorov\n\nBesedilo.\n\n## Kaj pravi *Žižek*\n\n# Ozadje pogovorov\n\n> ## Vsebina\n\n- ### ***';
    expect(renderMarkdown(markdown).html).toContain('<h2 id="ozadje-pogovorov">Ozadje pogovorov</h2>');
    expect(headings(markdown)).toEqual([
      ['h2', { id: 'ozadje-pogovorov' }],
      ['h3', { id: 'kaj-pravi-zizek' }],
      ['h2', { id: 'ozadje-pogovorov-2' }],
      ['h3', { id: 'vsebina-2' }],
      ['h4', { id: 'razdelek' }],
    ]);
  });

  it('counts an image in a heading by its alt text, and leaves inline raw HTML out', () => {
    expect(headings('## Zemljevid ![občine Podlipa](/slike/podlipa.png) <span id="zlo">danes</span>')).toEqual([['h2', { id: 'zemljevid-obcine-podlipa-danes' }]]);
  });

  it.each([
    ['a heading written as raw HTML', '<h2 id="vsebina">Naslov</h2>'],
    ['an id on a raw paragraph', '<p id="sorodni-clanki">Besedilo</p>'],
    ['a name on a raw anchor', '<a name="vsebina" id="vsebina">x</a>'],
    ['raw HTML inside a heading', '## Naslov <a id="vsebina" href="#">x</a>'],
    ['a quote breaking out of the id', '## x" onmouseover="alert(1)'],
    ['a heading of markup only', '## <img src=x onerror=alert(1)>'],
  ])('lets no id or other attribute from content through: %s', (_name, markdown) => {
    const elements = fragmentElements(renderMarkdown(`Pred.\n\n${markdown}\n\nPo.`).html);
    expect(injectedMarkup(elements)).toEqual([]);
    for (const element of elements) {
      const allowed = /^h[2-6]$/.test(element.tag) ? ['id'] : element.tag === 'a' ? ['href'] : [];
      expect(Object.keys(element.attrs).filter((name) => !allowed.includes(name)), element.tag).toEqual([]);
      if (element.attrs.id !== undefined) expect(element.attrs.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(elements.map((element) => element.attrs.id).filter((id) => id === 'vsebina' || id === 'sorodni-clanki')).toEqual([]);
  });
});

describe('BODY_SCHEMA', () => {
  const element = (tagName: string, id: string): Element => ({ type: 'element', tagName, properties: { id }, children: [{ type: 'text', value: 'x' }] });
  const idAfter = (tagName: string, id: string) => (sanitize(element(tagName, id), BODY_SCHEMA) as Element).properties.id;

  it('keeps an id of a slug\'s shape on h2 to h6 as it is', () => {
    for (const tagName of ['h2', 'h3', 'h4', 'h5', 'h6']) expect(idAfter(tagName, 'ozadje-pogovorov-2')).toBe('ozadje-pogovorov-2');
  });

  it('drops any other id, and an id anywhere else', () => {
    expect(idAfter('h2', 'Ozadje')).toBeUndefined();
    expect(idAfter('h2', 'a" onclick="x')).toBeUndefined();
    expect(idAfter('h2', '')).toBeUndefined();
    for (const tagName of ['h1', 'p', 'a', 'div', 'li', 'img']) expect(idAfter(tagName, 'vsebina')).toBeUndefined();
  });

  it('still prefixes a name, as GitHub does', () => {
    const anchor: Element = { type: 'element', tagName: 'a', properties: { name: 'vsebina' }, children: [] };
    expect((sanitize(anchor, BODY_SCHEMA) as Element).properties.name).toBe('user-content-vsebina');
  });
});

describe('renderMarkdown takes the first paragraph with text of its own as the summary', () => {
  it.each([
    ['an image first', '![Opis slike](/slika.jpg)\n\nPrvi pravi odstavek.', 'Prvi pravi odstavek.'],
    ['two images and a line break', '![Ena](/a.jpg)\n![Dve](/b.jpg)\n\nPrvi pravi odstavek.', 'Prvi pravi odstavek.'],
    ['a linked image', '[![Opis](/a.jpg)](https://example.si/)\n\nPrvi pravi odstavek.', 'Prvi pravi odstavek.'],
    ['a reference image', '![Opis][s]\n\nPrvi pravi odstavek.\n\n[s]: /a.jpg', 'Prvi pravi odstavek.'],
    ['a heading first', '## Naslov\n\nPrvi pravi odstavek.', 'Prvi pravi odstavek.'],
    ['an image inside text', 'Pred ![sliko](/a.jpg) po.', 'Pred sliko po.'],
    ['only images', '![Opis](/a.jpg)', ''],
  ])('%s', (_name, markdown, expected) => {
    expect(renderMarkdown(markdown).defaultSummary).toBe(expected);
  });
});

describe('renderMarkdown writes an image whose URL the sanitiser drops as its alt text (valid HTML)', () => {
  it.each([
    ['data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', '<p>Pred x po.</p>'],
    ['javascript: image', '![slika](javascript:alert(1))', '<p>Pred slika po.</p>'],
    ['upper-case scheme no page may carry', '![slika](JAVASCRIPT:alert(1))', '<p>Pred slika po.</p>'],
    ['empty URL', '![slika]()', '<p>Pred slika po.</p>'],
    ['no alt text', '![](data:image/png;base64,AAAA)', '<p>Pred  po.</p>'],
    ['reference image', '![slika][r]\n\n[r]: DATA:image/png;base64,AAAA', '<p>Pred slika po.</p>'],
    ['linked image', '[![slika](data:image/png;base64,AAAA)](https://example.si/)', '<p>Pred <a href="https://example.si/">slika</a> po.</p>'],
  ])('%s', (_name, image, expected) => {
    const markdown = image.includes('\n\n') ? image.replace(/^(.*?)\n\n/, 'Pred $1 po.\n\n') : `Pred ${image} po.`;
    const { html } = renderMarkdown(markdown);
    expect(html).not.toContain('<img');
    expect(html.trim()).toBe(expected);
  });

  it.each([
    ['https', '![a](https://example.si/a.jpg)', 'https://example.si/a.jpg'],
    ['http', '![a](http://example.si/a.jpg)', 'http://example.si/a.jpg'],
    ['root-relative', '![a](/slike/a.jpg)', '/slike/a.jpg'],
    ['relative with a colon in the path', '![a](slike/a:b.jpg)', 'slike/a:b.jpg'],
    ['reference', '![a][r]\n\n[r]: /slike/r.jpg', '/slike/r.jpg'],
  ])('keeps a %s image', (_name, markdown, src) => {
    const [image] = fragmentElements(renderMarkdown(markdown).html).filter((element) => element.tag === 'img');
    expect(image?.attrs.src).toBe(src);
  });
});

it('skips a paragraph holding only an image whose URL is dropped when it takes the summary', () => {
  expect(renderMarkdown('![Opis](data:image/png;base64,AAAA)\n\nPrvi pravi odstavek.').defaultSummary).toBe('Prvi pravi odstavek.');
});

describe('renderMarkdown lists the images and links published without their address', () => {
  it('finds pasted pictures, files on a computer and schemes a page may not carry, with their lines and texts', () => {
    const pasted = `data:image/png;base64,${'A'.repeat(5000)}`;
    const markdown = [
      'Uvod.', // 1
      '',
      `![Županja na seji](${pasted})`, // 3
      '',
      '![](file:///C:/Users/urednik/Slike/seja.jpg) in ![Logo][r]', // 5
      '',
      '> Pokličite [tajništvo](ftp://example.si/) ali [pišite](mailto:tajnistvo@example.si).', // 7
      '',
      '[![Zemljevid](/slike/zemljevid.png)](javascript:alert(1))', // 9
      '',
      '[r]: C:\\Slike\\logo.png',
    ].join('\n');
    expect(renderMarkdown(markdown).droppedUrls).toEqual([
      { line: 3, kind: 'image', url: `${pasted.slice(0, 60)}…`, text: 'Županja na seji' },
      { line: 5, kind: 'image', url: 'file:///C:/Users/urednik/Slike/seja.jpg', text: '' },
      { line: 5, kind: 'image', url: 'C:\\Slike\\logo.png', text: 'Logo' },
      { line: 7, kind: 'link', url: 'ftp://example.si/', text: 'tajništvo' },
      { line: 9, kind: 'link', url: 'javascript:alert(1)', text: 'Zemljevid' },
    ]);
  });

  it('keeps a tel: link, and a scheme written in capitals, in small letters', () => {
    // A hotline's number is a link a reader's phone dials; HTTPS:// is https:// (schemes know no letter case),
    // which the sanitiser, comparing letter for letter, dropped with a warning that only https is allowed.
    const markdown = 'Pokličite [080 12 34](tel:+3868001234) ali glejte [vir](HTTPS://www.gov.si/) in [arhiv][a].\n\n![Foto](Http://example.si/a.jpg)\n\n[a]: Mailto:arhiv@example.si';
    const rendered = renderMarkdown(markdown);
    expect(rendered.droppedUrls).toBeUndefined();
    expect(rendered.html).toContain('<a href="tel:+3868001234">080 12 34</a>');
    expect(rendered.html).toContain('<a href="https://www.gov.si/">vir</a>');
    expect(rendered.html).toContain('<a href="mailto:arhiv@example.si">arhiv</a>');
    expect(rendered.html).toContain('<img src="http://example.si/a.jpg" alt="Foto" decoding="async">');
    // Capitals do not let a scheme no page may carry through.
    expect(renderMarkdown('[x](JavaScript:alert(1))').html).not.toContain('href');
  });

  it.each([
    ['an autolink', '<HTTPS://www.gov.si/>', 'https://www.gov.si/'],
    ['an address written out', 'Vir: HTTPS://www.gov.si/', 'https://www.gov.si/'],
    ['a link in angle brackets', '[vir](<HTTPS://www.gov.si/>)', 'https://www.gov.si/'],
    ['an escaped colon', '[vir](HTTPS\\://www.gov.si/)', 'https://www.gov.si/'],
    ['the colon as a reference', '[vir](HTTPS&colon;//www.gov.si/)', 'https://www.gov.si/'],
    ['a capital as a numeric reference', '[vir](&#72;ttps&#x3A;//www.gov.si/)', 'https://www.gov.si/'],
    ['a definition in angle brackets', '[vir][a]\n\n[a]: <Mailto:arhiv@example.si>', 'mailto:arhiv@example.si'],
  ])('keeps a scheme in capitals in small letters: %s', (_form, markdown, href) => {
    // The link as the page has it: what the parser reads from the text, not the text (a guard on the text must see these).
    const rendered = renderMarkdown(markdown);
    expect(rendered.droppedUrls).toBeUndefined();
    expect(rendered.html).toContain(`href="${href}"`);
  });

  it('lists none where every address is published', () => {
    const markdown = '![Foto](/slike/a.jpg) [vir](https://example.si/) [pošta](mailto:a@example.si) [razdelek](#ozadje) [stran](../drugi/)';
    expect(renderMarkdown(markdown).droppedUrls).toBeUndefined();
  });
});

describe('renderMarkdown lists tables pasted with tabs between their cells', () => {
  it('lists each run of lines with the same number of cells at its first line, with its first rows and its columns of figures', () => {
    const markdown = [
      'Rezultati 12. kroga:', // 1
      'Domači\tGostje\tGoli', // 2
      'Olimpija\tMaribor\t2 : 1', // 3
      '', // 4
      '- Ime:\tJanez Novak', // 5: in a list item too
      '  Stranka:\tSDS', // 6
      '',
      'Kraj\tObiskovalci\tDelež', // 8
      'Ljubljana\t1.234\t31,2 %', // 9
      'Maribor\t987\t25 %', // 10
      'Celje\t\t12 %', // 11: an empty cell keeps its place
      'Koper\t15\t8 %', // 12
    ].join('\n');
    expect(renderMarkdown(markdown).pastedTables).toEqual([
      { line: 2, rows: [['Domači', 'Gostje', 'Goli'], ['Olimpija', 'Maribor', '2 : 1']], rowCount: 2, figures: [false, false, false] },
      { line: 5, rows: [['Ime:', 'Janez Novak'], ['Stranka:', 'SDS']], rowCount: 2, figures: [false, false] },
      {
        line: 8,
        rows: [['Kraj', 'Obiskovalci', 'Delež'], ['Ljubljana', '1.234', '31,2 %'], ['Maribor', '987', '25 %']],
        rowCount: 5,
        figures: [false, true, true],
      },
    ]);
  });

  it('keeps a line ended by a hard break apart from the next, the rows and their line as written', () => {
    expect(renderMarkdown('Lestvica:\\\nKlub\tTočke\nOlimpija\t30').pastedTables).toEqual([
      { line: 2, rows: [['Klub', 'Točke'], ['Olimpija', '30']], rowCount: 2, figures: [false, true] },
    ]);
    expect(renderMarkdown('Klub\tTočke  \nOlimpija\t30  \nMaribor\t28').pastedTables).toEqual([
      { line: 1, rows: [['Klub', 'Točke'], ['Olimpija', '30'], ['Maribor', '28']], rowCount: 3, figures: [false, true] },
    ]);
  });

  it('lists none for a tab in one line alone, lines with different numbers of cells, or tabs in code', () => {
    for (const markdown of ['Besedilo\tz enim tabulatorjem.\nIn vrstica brez.', 'a\tb\nc\td\te', '```\na\tb\nc\td\n```', 'Olimpija | Maribor | 2 : 1']) {
      expect(renderMarkdown(markdown).pastedTables, markdown).toBeUndefined();
    }
  });
});

describe('renderMarkdown lists headings that skip a level', () => {
  it('lists each at its line with the level to write, against the heading it belongs to as written', () => {
    const markdown = [
      '#### Uvod', // 1: before the first ##, under the title
      '',
      '## Ozadje', // 3
      '',
      '#### Kdo', // 5: under ##
      '',
      '##### Kdaj', // 7: one below the #### it belongs to, so no skip of its own
      '',
      '> #### Kje', // 9: in a quote, under ## again
    ].join('\n');
    expect(renderMarkdown(markdown).skippedHeadings).toEqual([
      { line: 1, written: 4, expected: 2, published: 2, before: '', source: 'Uvod', bold: false },
      { line: 5, written: 4, expected: 3, published: 3, before: '', source: 'Kdo', bold: false, under: { line: 3, written: 2 } },
      { line: 9, written: 4, expected: 3, published: 3, before: '> ', source: 'Kje', bold: false, under: { line: 3, written: 2 } },
    ]);
  });

  it('keeps what is written before the #s and the text as written, links and emphasis and all, in full', () => {
    const long = 'Kdo je sodeloval pri pripravi proračuna, ki ga je vlada sprejela na seji v četrtek zvečer';
    const markdown = [
      '## Ozadje', // 1
      '',
      `- #### Kdo je [sodeloval](https://www.gov.si/) *tudi* \\#1 ####`, // 3: in a list item, the closing #s left out
      '',
      `>   #### ${long}`, // 5: in a quote, over 80 characters
      '',
      '#### **Opomba**', // 7: bold already
    ].join('\n');
    expect(renderMarkdown(markdown).skippedHeadings!.map(({ line, before, source, bold }) => ({ line, before, source, bold }))).toEqual([
      { line: 3, before: '- ', source: 'Kdo je [sodeloval](https://www.gov.si/) *tudi* \\#1', bold: false },
      { line: 5, before: '>   ', source: long, bold: false },
      { line: 7, before: '', source: '**Opomba**', bold: true },
    ]);
    // A Setext heading (underlined with ---) before a text's first #: its lines joined into the one to write.
    const [setext] = renderMarkdown('> Dolg\n> naslov\n> ---\n\n# Ena').skippedHeadings!;
    expect([setext!.line, setext!.before, setext!.source]).toEqual([1, '> ', 'Dolg naslov']);
  });

  it('gives a heading that skips under one that skipped the level the page shows, which skips nothing once both are fixed', () => {
    // ###### under a #### that is told to be ###: the page shows it as h4, so #### is what to write, not #####.
    const skipped = renderMarkdown('## Ena\n\n#### Dve\n\n###### Tri').skippedHeadings!;
    expect(skipped.map(({ line, written, expected, published }) => ({ line, written, expected, published }))).toEqual([
      { line: 3, written: 4, expected: 3, published: 3 },
      { line: 5, written: 6, expected: 4, published: 4 },
    ]);
    expect(renderMarkdown('## Ena\n\n### Dve\n\n#### Tri').skippedHeadings).toBeUndefined();
  });

  it('lists none where no heading skips, in a text written from # or from ### as well', () => {
    for (const markdown of ['## Ena\n\n### Dve\n\n## Tri', '# Ena\n\n## Dve', '### Ena\n\n#### Dve\n\n### Tri', 'Ena\n===\n\nDve\n---', '# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6\n\n###### 7']) {
      expect(renderMarkdown(markdown).skippedHeadings, markdown).toBeUndefined();
    }
  });
});

describe('renderMarkdown lists images and links left as text because their address has a space', () => {
  it('lists each at its line, with the address as written, and an autolinked address split by the space too', () => {
    const markdown = [
      'Uvod.', // 1
      '',
      '![Golob na seji](/slike/golob na seji.jpg)', // 3
      '',
      'Vir: [poročilo vlade](https://www.gov.si/novice/porocilo 2025.pdf) in', // 5
      '[sklep](/dokumenti/sklep', // 6
      'seje.pdf).', // 7
    ].join('\n');
    expect(renderMarkdown(markdown).spacedAddresses).toEqual([
      { line: 3, kind: 'image', url: '/slike/golob na seji.jpg', text: 'Golob na seji' },
      { line: 5, kind: 'link', url: 'https://www.gov.si/novice/porocilo 2025.pdf', text: 'poročilo vlade' },
      { line: 6, kind: 'link', url: '/dokumenti/sklep seje.pdf', text: 'sklep' },
    ]);
  });

  it('keeps a title after a spaced address apart from the address, and lists none whose only space is before its title', () => {
    const markdown = [
      '![Golob](/slike/golob na seji.jpg "Golob na seji")', // 1
      '',
      "[poročilo](/dokumenti/letno porocilo.pdf 'Letno poročilo')", // 3
      '',
      // Escaped by the editor, so text on purpose: its address has no space of its own.
      '\\[vir\\](https://example.si/ "Vir novice")', // 5
    ].join('\n');
    expect(renderMarkdown(markdown).spacedAddresses).toEqual([
      { line: 1, kind: 'image', url: '/slike/golob na seji.jpg', title: '"Golob na seji"', text: 'Golob' },
      { line: 3, kind: 'link', url: '/dokumenti/letno porocilo.pdf', title: "'Letno poročilo'", text: 'poročilo' },
    ]);
  });

  it('lists none for addresses written as Markdown reads them, a title after the address, or code', () => {
    const markdown = [
      '![Golob](/slike/golob%20na%20seji.jpg) ![Golob](</slike/golob na seji.jpg>) [vir](https://example.si/ "Vir novice")',
      '',
      'Koda `[x](a b)` in besedilo [v oklepajih] (kot to) ostaneta.',
      '',
      '    [y](c d)',
    ].join('\n');
    expect(renderMarkdown(markdown).spacedAddresses).toBeUndefined();
  });

  it('lists none whose brackets the editor escaped or wrote as code, and still the spaced one after them', () => {
    const markdown = [
      'Besedilo \\[x\\](a b) ostane besedilo, kot \\[vir](/dokumenti/a b.pdf) in [vir\\](/dokumenti/a b.pdf).', // 1
      '',
      '```', // 3
      '![Golob](/slike/golob na seji.jpg)',
      '```',
      '',
      'Koda `![Golob](/slike/golob na seji.jpg)` in `[x](a` b).', // 7
      '',
      '\\[opomba\\] [vir](/dokumenti/letno porocilo.pdf)', // 9
    ].join('\n');
    expect(renderMarkdown(markdown).spacedAddresses).toEqual([{ line: 9, kind: 'link', url: '/dokumenti/letno porocilo.pdf', text: 'vir' }]);
  });
});

describe('renderMarkdown lists the raw HTML it leaves out that readers would miss', () => {
  it('lists HTML blocks, and embeds, pictures and links written in HTML inside text, at their lines', () => {
    const markdown = [
      'Uvod z <b>krepkim</b> besedilom<br> in <a href="https://example.si/">povezavo</a>.', // 1
      '',
      '<iframe src="https://www.youtube.com/embed/abc"></iframe>', // 3
      '',
      '<!-- opomba uredniku -->', // 5
      '',
      '> <DIV class="okvir">Izjava.</DIV>', // 7
      '',
      '- Slika: <img src="/slike/a.jpg">', // 9
      '',
      '</section>', // 11
    ].join('\n');
    expect(renderMarkdown(markdown).droppedHtml).toEqual([
      { line: 1, tag: 'a', block: false },
      { line: 3, tag: 'iframe', block: true },
      { line: 7, tag: 'div', block: true },
      { line: 9, tag: 'img', block: false },
      { line: 11, tag: 'section', block: true },
    ]);
  });

  it('lists an HTML block indented by up to three spaces, as an embed code is often pasted', () => {
    expect(renderMarkdown('Uvod.\n\n  <iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n   <div class="okvir">Izjava.</div>').droppedHtml).toEqual([
      { line: 3, tag: 'iframe', block: true },
      { line: 5, tag: 'div', block: true },
    ]);
  });

  it('lists a comment never closed, which hides the text after it to the end of its container', () => {
    const markdown = [
      'Uvod.', // 1
      '',
      '> Izjava <!-- ne velja', // 3
      '',
      '> <!-- opomba v citatu', // 5
      '>', // 6
      '> Skrita izjava.', // 7
      '',
      'Odstavek po citatu.', // 9
      '',
      '<!-- opomba urednika', // 11
      '', // 12
      'Skriti odstavek.', // 13
      '',
      'Še en.', // 15
      '',
    ].join('\n');
    expect(renderMarkdown(markdown).droppedHtml).toEqual([
      { line: 5, tag: '!--', block: true, hiddenTo: 7 },
      { line: 11, tag: '!--', block: true, hiddenTo: 15 },
    ]);
  });

  it('lists a comment never closed whose <!-- is indented by up to three spaces, which still opens the block', () => {
    expect(renderMarkdown('Uvod.\n\n   <!-- opomba urednika\n\nSkriti odstavek.\n').droppedHtml).toEqual([{ line: 3, tag: '!--', block: true, hiddenTo: 5 }]);
    expect(renderMarkdown('> Izjava.\n>\n>  <!-- opomba\n> Skrita.').droppedHtml).toEqual([{ line: 3, tag: '!--', block: true, hiddenTo: 4 }]);
  });

  it('lists no comment left open that hides nothing: a last line, or blank lines after it', () => {
    expect(renderMarkdown('Besedilo.\n\n<!-- opomba').droppedHtml).toBeUndefined();
    expect(renderMarkdown('Besedilo.\n\n<!-- opomba\n\n   \n').droppedHtml).toBeUndefined();
  });

  it('lists nothing for comments, inline formatting and text that only looks like a tag', () => {
    expect(renderMarkdown('<!-- opomba -->\n\nBesedilo <i>ležeče</i>, <sup>2</sup> in 3 < 5, `<iframe>`.\n\n    <script>koda</script>').droppedHtml).toBeUndefined();
  });
});

describe('renderMarkdown renders GitHub tables', () => {
  const table = '| Leto | Prihodki |\n|---|--:|\n| 2025 | 12,1 |\n| 2026 | 12,4 |';

  it('as a table with a header row, without the obsolete align attribute', () => {
    const { html, text } = renderMarkdown(`Proračun po letih:\n\n${table}\n`);
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Leto</th>');
    expect(html).toContain('<td class="align-right">12,4</td>');
    expect(html).not.toContain('align=');
    expect(html).not.toContain('|');
    // Every cell is a block of the plain text (search, people detection), ended with a semicolon.
    expect(text).toBe('Proračun po letih:\n\nLeto;\n\nPrihodki;\n\n2025;\n\n12,1;\n\n2026;\n\n12,4;');
  });

  it('keeps a column\'s alignment (--: and :-:) as a class the stylesheet reads, so figures line up by their last digit', () => {
    const { html } = renderMarkdown('| Stranka | Glasovi | Sedeži |\n|:--|--:|:-:|\n| Prva | 120.345 | 12 |\n| Druga | 98.112 | 9 |\n');
    expect(html).toContain('<th>Stranka</th><th class="align-right">Glasovi</th><th class="align-center">Sedeži</th>'.replace(/></g, '>\n<'));
    expect(html).toContain('<td>Druga</td>\n<td class="align-right">98.112</td>\n<td class="align-center">9</td>');
    expect(html).not.toContain('align=');
  });

  it('inside a quote and a list too', () => {
    expect(renderMarkdown(table.replace(/^/gm, '> ')).html).toContain('<blockquote>\n<div class="table-scroll" tabindex="0" role="region" aria-label="Tabela"><table>');
    expect(renderMarkdown(`- ${table.replace(/\n/g, '\n  ')}`).html).toContain('<li>\n<div class="table-scroll" tabindex="0" role="region" aria-label="Tabela"><table>');
  });

  it('in a wrapper a keyboard can focus and a screen reader names, which scrolls a wide table instead of breaking its figures', () => {
    const { html, text } = renderMarkdown(`Proračun po letih:\n\n${table}\n\nNaprej.`);
    expect(html).toBe(
      '<p>Proračun po letih:</p>\n<div class="table-scroll" tabindex="0" role="region" aria-label="Tabela"><table>\n<thead>\n<tr>\n<th>Leto</th>\n' +
        '<th class="align-right">Prihodki</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>2025</td>\n<td class="align-right">12,1</td>\n</tr>\n' +
        '<tr>\n<td>2026</td>\n<td class="align-right">12,4</td>\n</tr>\n</tbody>\n</table></div>\n<p>Naprej.</p>\n',
    );
    // The wrapper adds no text for search or people detection.
    expect(text).toBe('Proračun po letih:\n\nLeto;\n\nPrihodki;\n\n2025;\n\n12,1;\n\n2026;\n\n12,4;\n\nNaprej.');
  });

  it('numbers the wrappers\' names when a body has several tables, so no two regions share a name', () => {
    const { html } = renderMarkdown(`${table}\n\nBesedilo.\n\n> ${table.replace(/\n/g, '\n> ')}\n\n- ${table.replace(/\n/g, '\n  ')}`);
    expect([...html.matchAll(/<div [^>]*aria-label="([^"]*)"[^>]*><table>/g)].map((match) => match[1])).toEqual(['Tabela 1', 'Tabela 2', 'Tabela 3']);
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(3);
  });

  it('lets the sanitiser keep a div only as that wrapper', () => {
    const div = (properties: Element['properties']): Element => ({ type: 'element', tagName: 'div', properties, children: [] });
    const wrapper = { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Tabela 2' };
    expect((sanitize(div(wrapper), BODY_SCHEMA) as Element).properties).toEqual(wrapper);
    expect((sanitize(div({ className: ['other'], role: 'button', ariaLabel: 'Klikni' }), BODY_SCHEMA) as Element).properties).toEqual({ className: [] });
  });

  it('joins a figure in a cell to its unit with a no-break space, so a narrow column never leaves the € or % on a line of its own', () => {
    const { html, text } = renderMarkdown('| Postavka | Znesek |\n|---|---|\n| Poraba | 1.234.567.890 € |\n| Rast | **+5,4 %** in `3 %` |\n| Mraz | -5 °C |\n| Izid | 2 : 1 |\n\nRast 5 % v letu.');
    expect(html).toContain('<td>1.234.567.890\u00a0€</td>');
    expect(html).toContain('<td><strong>+5,4\u00a0%</strong> in <code>3 %</code></td>');
    expect(html).toContain('<td>-5\u00a0°C</td>');
    expect(html).toContain('<td>2 : 1</td>');
    // Only cells: running text wraps where the browser likes, and search and people detection read plain spaces.
    expect(html).toContain('<p>Rast 5 % v letu.</p>');
    expect(text).not.toContain('\u00a0');
  });

  it('leaves pipes without a delimiter row as text, and a thematic break as a break', () => {
    expect(renderMarkdown('Izid: Olimpija | Maribor 2 : 1\n\n---\n\nKonec.').html).toBe('<p>Izid: Olimpija | Maribor 2 : 1</p>\n<hr>\n<p>Konec.</p>\n');
  });
});

describe('renderMarkdown lists the lines of images published without alt text', () => {
  it('finds inline, reference and linked images with empty or blank alt text, and none that has one or is dropped', () => {
    const markdown = [
      'Uvod.', // 1
      '',
      '![](/slike/foto.png)', // 3
      '',
      '![Županja na seji](/slike/seja.png) in ![ ][r]', // 5
      '',
      '> [![](/slike/logo.png)](https://example.si/)', // 7
      '',
      '![](javascript:alert(1))',
      '',
      '[r]: /slike/r.png',
    ].join('\n');
    expect(renderMarkdown(markdown).imagesWithoutAlt).toEqual([3, 5, 7]);
    expect(renderMarkdown('![Opis](/slike/a.jpg)\n\nBesedilo.').imagesWithoutAlt).toBeUndefined();
  });
});

describe('renderMarkdown lists links whose text says nothing out of context', () => {
  const phrases = [
    'tukaj', 'tu', 'klikni tukaj', 'kliknite tukaj', 'klik', 'več', 'preberi več', 'preberite več', 'več o tem',
    'povezava', 'ta povezava', 'link', 'to', 'here', 'click here', 'read more', 'more',
  ];

  it.each(phrases)('"%s"', (phrase) => {
    expect(renderMarkdown(`Poročilo je [${phrase}](https://example.si/porocilo).`).vagueLinks).toEqual([{ line: 1, text: phrase }]);
  });

  it('in any letter case, with punctuation, quotes or an arrow at either end, across a line break and in bold', () => {
    const texts = ['Tukaj', 'TUKAJ', 'Preberi več »', 'Več …', 'tukaj.', 'Klikni tukaj!', '»Tukaj«', '"here"', 'Read more:', 'Read more →', '**Več**'];
    const markdown = `${texts.map((text) => `Besedilo, [${text}](https://example.si/).`).join('\n\n')}\n\nBesedilo, [Preberi\nveč](https://example.si/).`;
    expect(renderMarkdown(markdown).vagueLinks).toEqual([
      ...texts.map((text, index) => ({ line: 2 * index + 1, text: text.replaceAll('**', '') })),
      { line: 2 * texts.length + 1, text: 'Preberi več' },
    ]);
  });

  it('only the whole text: a descriptive link, "več" inside a longer phrase and a URL as the text are fine', () => {
    const markdown = [
      'Ministrstvo je objavilo [poročilo o proračunu za leto 2026](https://example.si/porocilo).',
      '[Več o pogajanjih v Miamiju](https://example.si/miami), [tukajšnji odbor](https://example.si/odbor),',
      '[Tu je poročilo](https://example.si/a), [To Be](https://example.si/b), [Link Evropske unije](https://example.si/c),',
      '[https://example.si/tukaj](https://example.si/tukaj), <https://example.si/vec>, <mailto:tu@example.si>',
      'in [tukaj](https://example.si/d).',
    ].join('\n');
    expect(renderMarkdown(markdown).vagueLinks).toEqual([{ line: 5, text: 'tukaj' }]);
  });

  it('reference links, full, collapsed and shortcut, at the line of the link and not of its definition', () => {
    const markdown = [
      'Uvod.', // 1
      '',
      'Vlada je sprejela [sklep o draginji][s].', // 3
      '',
      'Celotno besedilo je [tukaj][s], povzetek [Več][] in', // 5
      '[povezava].', // 6
      '',
      '[s]: https://example.si/sklep',
      '[več]: https://example.si/povzetek',
      '[povezava]: https://example.si/povezava',
    ].join('\n');
    expect(renderMarkdown(markdown).vagueLinks).toEqual([
      { line: 5, text: 'tukaj' },
      { line: 5, text: 'Več' },
      { line: 6, text: 'povezava' },
    ]);
  });

  it('names a link made of an image by its alt text; one whose image has none is left to imagesWithoutAlt', () => {
    const markdown = '[![Tukaj](/slike/gumb.png)](https://example.si/a)\n\n[![](/slike/logo.png)](https://example.si/b)';
    const rendered = renderMarkdown(markdown);
    expect(rendered.vagueLinks).toEqual([{ line: 1, text: 'Tukaj' }]);
    expect(rendered.imagesWithoutAlt).toEqual([3]);
  });

  it('leaves out a link whose URL the sanitiser drops (an <a> without href is no link), and keeps mailto: links', () => {
    const markdown = [
      '[tukaj](javascript:alert(1)) [Več](JaVaScRiPt:alert(1)) [povezava][d]', // 1
      '[klik](mailto:urednistvo@example.si) [here](/arhiv/)', // 2
      '',
      '[d]: data:text/html,x',
    ].join('\n');
    const rendered = renderMarkdown(markdown);
    expect(rendered.html).not.toContain('javascript');
    expect(rendered.vagueLinks).toEqual([
      { line: 2, text: 'klik' },
      { line: 2, text: 'here' },
    ]);
  });

  it('lists a link with no text (or only spaces) as one with empty text, unless an image is all it holds', () => {
    const markdown = 'Vir: [](https://example.si/vir) in [ ](https://example.si/drugi).\n\n[![](/slike/logo.png)](https://example.si/b) [](javascript:x)';
    const rendered = renderMarkdown(markdown);
    expect(rendered.vagueLinks).toEqual([
      { line: 1, text: '' },
      { line: 1, text: '' },
    ]);
    expect(rendered.imagesWithoutAlt).toEqual([3]);
  });

  it('is absent when no link is vague', () => {
    const markdown = 'Uvod.\n\n[Poročilo ministrstva](https://example.si/).';
    expect(renderMarkdown(markdown).vagueLinks).toBeUndefined();
    expect(renderMarkdown(`${markdown}\n\n[Tukaj](https://example.si/).`).vagueLinks).toEqual([{ line: 5, text: 'Tukaj' }]);
  });
});

describe('renderMarkdown names the first image published with the body', () => {
  it('in document order, inline or by reference, inside a link too, with its alt text', () => {
    expect(renderMarkdown('Uvod.\n\n![Seja  sveta](slike/seja.jpg "Foto")\n\n![Drugo](/b.jpg)').firstImage).toEqual({ url: 'slike/seja.jpg', alt: 'Seja sveta' });
    expect(renderMarkdown('Uvod [![Logotip][l]](https://example.si/).\n\n[l]: /slike/logo.png').firstImage).toEqual({ url: '/slike/logo.png', alt: 'Logotip' });
    expect(renderMarkdown('> ![](https://cdn.example.si/a.jpg)').firstImage).toEqual({ url: 'https://cdn.example.si/a.jpg', alt: '' });
  });

  it('skips an image whose URL the sanitiser drops, or that has none, and a reference with no definition', () => {
    const markdown = '![a](javascript:alert(1)) ![b](data:image/png;base64,AAAA) ![c]() ![d][nikjer]\n\n![Prava](slike/prava.jpg)';
    expect(renderMarkdown(markdown).firstImage).toEqual({ url: 'slike/prava.jpg', alt: 'Prava' });
    expect(renderMarkdown('Brez slik. `![x](y.png)`\n\n    ![koda](z.png)').firstImage).toBeUndefined();
  });

  it('gives a shared link the first picture that is no SVG, which X, Facebook and LinkedIn do not show, while an SVG is still the body\'s first image', () => {
    const markdown = '![Zemljevid](/slike/zemljevid.svg)\n\n![Graf](grafi/rast.SVG?v=2#x)\n\n![Seja](/slike/seja.jpg)';
    expect(renderMarkdown(markdown)).toMatchObject({ firstImage: { url: '/slike/zemljevid.svg', alt: 'Zemljevid' }, sharedImage: { url: '/slike/seja.jpg', alt: 'Seja' } });
    // An SVG alone is a picture of the body (no empty-body warning, Google's Article image) but shared by no card.
    const svgOnly = renderMarkdown('![](/slike/zemljevid.svg)');
    expect(svgOnly.firstImage).toEqual({ url: '/slike/zemljevid.svg', alt: '' });
    expect(svgOnly.sharedImage).toBeUndefined();
    expect(renderMarkdown('![Ne SVG](/slike/svg/foto.svg.jpg)')).toMatchObject({ firstImage: { url: '/slike/svg/foto.svg.jpg' }, sharedImage: { url: '/slike/svg/foto.svg.jpg', alt: 'Ne SVG' } });
  });

  it('passes over AVIF, HEIC, TIFF, BMP, ICO and JPEG XL for a shared link as it does SVG: the cards show JPG, PNG, WebP and GIF alone', () => {
    const markdown = '![Naslovna](/slike/naslovna.avif)\n\n![Telefon](IMG_0042.HEIC)\n\n![Sken](arhiv/sken.tif?v=1)\n\n![Stara](stara.bmp) ![Ikona](favicon.ico) ![Nova](nova.jxl)\n\n![Seja](/slike/seja.webp)';
    expect(renderMarkdown(markdown)).toMatchObject({ firstImage: { url: '/slike/naslovna.avif', alt: 'Naslovna' }, sharedImage: { url: '/slike/seja.webp', alt: 'Seja' } });
    expect(renderMarkdown('![](/slike/naslovna.avif)').sharedImage).toBeUndefined();
    // A URL without an extension (an image CDN's) may be any format: it is shared, as before.
    for (const url of ['https://cdn.example.si/slika?id=5', '/slike/foto.jpeg', '/slike/foto.PNG', '/slike/anim.gif', '/slike/avif/foto.jpg']) {
      expect(renderMarkdown(`![x](${url})`).sharedImage).toEqual({ url, alt: 'x' });
    }
  });
});

describe('renderMarkdown shows a picture\'s title as its caption, not only as a tooltip', () => {
  // A title (the credit or caption in quotes after the address) as an img title attribute shows only while a mouse
  // rests on the picture: a keyboard or touch reader never sees »Foto: Janez Kranjc/STA«.
  it.each([
    ['inline', '![Poplavljena cesta](/slike/cesta.jpg "Foto: Janez Kranjc/STA")'],
    ['reference', '![Poplavljena cesta][c]\n\n[c]: /slike/cesta.jpg "Foto: Janez Kranjc/STA"'],
  ])('a paragraph of one %s picture with a title becomes a figure with that caption', (_name, markdown) => {
    const { html } = renderMarkdown(`Reka je prestopila bregove.\n\n${markdown}\n\nNaslednji odstavek.`);
    expect(html).toContain('<figure><img src="/slike/cesta.jpg" alt="Poplavljena cesta" decoding="async"><figcaption>Foto: Janez Kranjc/STA</figcaption></figure>');
    // Once, as the caption: as a title attribute too, a screen reader would read it twice.
    expect(html).not.toContain('title=');
    expect(html).toContain('<p>Reka je prestopila bregove.</p>');
  });

  it('escapes the caption as text', () => {
    const { html } = renderMarkdown('![Most](/slike/most.jpg "<b>Foto</b> & STA")');
    expect(html).toContain('<figcaption>&#x3C;b>Foto&#x3C;/b> &#x26; STA</figcaption>');
  });

  it.each([
    ['no title', '![Most](/slike/most.jpg)', '<p><img src="/slike/most.jpg" alt="Most" decoding="async"></p>'],
    ['an empty title', '![Most](/slike/most.jpg "")', '<p><img src="/slike/most.jpg" alt="Most" decoding="async"></p>'],
    ['text beside it', 'Pred ![Most](/slike/most.jpg "Foto: STA") po.', '<p>Pred <img src="/slike/most.jpg" alt="Most" title="Foto: STA" decoding="async"> po.</p>'],
    ['two pictures', '![A](/a.jpg "Foto: A")\n![B](/b.jpg "Foto: B")', '<p><img src="/a.jpg" alt="A" title="Foto: A" decoding="async">\n<img src="/b.jpg" alt="B" title="Foto: B" loading="lazy" decoding="async"></p>'],
    ['a linked picture', '[![A](/a.jpg "Foto: A")](https://example.si/)', '<p><a href="https://example.si/"><img src="/a.jpg" alt="A" title="Foto: A" decoding="async"></a></p>'],
  ])('leaves a picture with %s as it was', (_name, markdown, expected) => {
    expect(renderMarkdown(markdown).html.trim()).toBe(expected);
  });
});

describe('renderMarkdown loads pictures after the first one lazily', () => {
  // A long article's photos all loaded with the page; the first, most often the photo at the top, is the page's
  // largest contentful paint and must not wait.
  it('makes every picture but the first lazy, and all of them decoded off the main thread, wherever they stand', () => {
    const markdown = [
      '![Seja](/slike/seja.jpg "Foto: Bor Kos/STA")',
      '',
      'Besedilo ![Most][m] in [![Logo](logo.png)](https://example.si/).',
      '',
      '> ![Citat](https://example.si/c.webp)',
      '',
      '| Slika |',
      '|---|',
      '| ![Graf](/grafi/g.svg) |',
      '',
      '[m]: /slike/most.jpg "Foto: STA"',
    ].join('\n');
    const images = fragmentElements(renderMarkdown(markdown).html).filter((element) => element.tag === 'img');
    expect(images.map((image) => [image.attrs.src, image.attrs.loading, image.attrs.decoding])).toEqual([
      ['/slike/seja.jpg', undefined, 'async'],
      ['/slike/most.jpg', 'lazy', 'async'],
      ['logo.png', 'lazy', 'async'],
      ['https://example.si/c.webp', 'lazy', 'async'],
      ['/grafi/g.svg', 'lazy', 'async'],
    ]);
  });

  it('counts a picture dropped for its address as none: the first one published is not lazy', () => {
    const images = fragmentElements(renderMarkdown('![Prilepljena](data:image/png;base64,AAAA)\n\n![Seja](/slike/seja.jpg)').html).filter((element) => element.tag === 'img');
    expect(images.map((image) => [image.attrs.src, image.attrs.loading, image.attrs.decoding])).toEqual([['/slike/seja.jpg', undefined, 'async']]);
  });
});

describe('renderMarkdown lists the images whose alt text is a file name', () => {
  it('finds an alt text that ends in a picture\'s extension, as a camera, a phone or a drag and drop names it', () => {
    const markdown = '![IMG_4521.JPG](/slike/IMG_4521.JPG)\n\n![Most čez Savo](/slike/most.jpg)\n\nPred ![ Posnetek zaslona 2025-12-22 ob 10.30.12.png ][p] po.\n\n![image.webp](/a.webp)\n\n[p]: /slike/p.png\n';
    expect(renderMarkdown(markdown).imagesNamedByFile).toEqual([
      { line: 1, alt: 'IMG_4521.JPG' },
      { line: 5, alt: 'Posnetek zaslona 2025-12-22 ob 10.30.12.png' },
      { line: 7, alt: 'image.webp' },
    ]);
  });

  it('lists none for alt text that describes the picture, even one naming a file type in its words', () => {
    expect(renderMarkdown('![Logotip v obliki PNG](/logo.png) ![Zemljevid poplav](/z.svg)').imagesNamedByFile).toBeUndefined();
  });
});

describe('renderMarkdown marks a link whose text is its own address', () => {
  // Print writes an outside link's address after its text (site.css): `https://www.gov.si/` printed as
  // »https://www.gov.si/ (https://www.gov.si/)«, and a long address took four lines of paper for two.
  const marked = (markdown: string) => [...renderMarkdown(markdown).html.matchAll(/<a ([^>]*)>/g)].map((match) => /class="address-link"/.test(match[1]!));

  it('as written bare, in angle brackets, as its own text, with www. and no scheme, percent-encoded or by reference', () => {
    expect(marked('Več na https://www.gov.si/novice/2026/01/odlok?id=5&vir=sta.')).toEqual([true]);
    expect(marked('Več na <https://www.gov.si/> in www.gov.si/novice.')).toEqual([true, true]);
    expect(marked('[https://www.gov.si/novice](https://www.gov.si/novice) in [gov.si/novice/](https://gov.si/novice)')).toEqual([true, true]);
    expect(marked('[https://sl.wikipedia.org/wiki/Šmarna_gora](https://sl.wikipedia.org/wiki/%C5%A0marna_gora)')).toEqual([true]);
    expect(marked('[https://www.gov.si/][vlada]\n\n[vlada]: https://www.gov.si/')).toEqual([true]);
  });

  it('and no link whose text says something else, or names another address', () => {
    expect(marked('Na [spletni strani občine](https://podlipa.si/knjiznica) in [podlipa.si](https://podlipa.si/knjiznica).')).toEqual([false, false]);
    expect(marked('[https://www.gov.si/](https://www.gov.si/novice) in [**https://www.gov.si/**](https://evil.example/)')).toEqual([false, false]);
  });
});
