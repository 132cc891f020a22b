/**
 * The headings of a Markdown file (README.md) as written, less a closing run of #, in order; a line that begins
 * with # inside a fenced code block (a shell comment) is none.
 */
export function readmeHeadings(markdown: string): string[] {
  const headings: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    const heading = fence === undefined ? /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1] : undefined;
    if (heading !== undefined) headings.push(heading);
  }
  return headings;
}
