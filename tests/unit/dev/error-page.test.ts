import { describe, expect, it } from 'vitest';
import { renderFailurePage } from '../../../src/dev/error-page.ts';

describe('renderFailurePage', () => {
  it('shows a message coloured for a terminal as plain text, keeping the file and line', () => {
    const error = new Error(
      "Transform failed with 1 error:\n\n\u001b[31m[PARSE_ERROR] \u001b[0mExpected corresponding JSX closing tag for 'h1'.\n" +
        '   \u001b[38;5;246m╭\u001b[0m\u001b[38;5;246m─\u001b[0m\u001b[38;5;246m[\u001b[0m templates/home.tsx:12:25 \u001b[38;5;246m]\u001b[0m\n' +
        ' \u001b[38;5;246m12 │\u001b[0m \u001b[38;5;249m<\u001b[0mh1\u001b[38;5;249m>\u001b[0m\u001b[38;5;249mN\u001b[0m\u001b[38;5;249ma\u001b[0m</h2>\n' +
        '\u001b]8;;file:///projekt/templates/home.tsx\u0007home.tsx\u001b]8;;\u0007',
    );
    const html = renderFailurePage('a template failed', error);
    expect(html).not.toMatch(/\u001b|\[\d+(;\d+)*m/);
    expect(html).toContain("[PARSE_ERROR] Expected corresponding JSX closing tag for 'h1'.");
    expect(html).toContain('╭─[ templates/home.tsx:12:25 ]');
    expect(html).toContain('12 │ &lt;h1&gt;Na&lt;/h2&gt;');
    expect(html).toContain('\nhome.tsx');
  });

  it('does the same for a thrown value that is not an Error', () => {
    expect(renderFailurePage('loading the site failed', '\u001b[1mfailed\u001b[22m at content/site.yaml:3')).toContain('<pre>failed at content/site.yaml:3</pre>');
  });
});
