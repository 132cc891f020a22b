/**
 * The text people are detected in. A module of its own because the Markdown workers need it: whatever
 * article-people.ts imports (the registry, and through it YAML and zod) would be loaded by every
 * worker as it starts.
 */

/** The parts of an article searched for names. `summary` only when the front matter has one (else it repeats the body). */
export interface ArticleText {
  title: string;
  summary?: string | undefined;
  body: string;
}

/** Title, summary and body joined by blank lines (each starts a sentence), with where each part begins. */
export interface SearchText {
  text: string;
  titleStart: number;
  summaryStart: number | undefined;
  bodyStart: number;
}

export function joinArticleText({ title, summary, body }: ArticleText): SearchText {
  let text = `${title}\n\n`;
  let summaryStart: number | undefined;
  if (summary) {
    summaryStart = text.length;
    text += `${summary}\n\n`;
  }
  const bodyStart = text.length;
  text += body;
  return { text, titleStart: 0, summaryStart, bodyStart };
}
