/**
 * The class of the box a body's table scrolls in (render.ts, wrapTables), which the client script
 * (src/client/tables.ts) finds the boxes by.
 */
export const TABLE_SCROLL = 'table-scroll';

/**
 * The name of the `index`th of `count` boxes that are named regions: GitHub's tables have no caption to name one
 * by, so it is »Tabela«, numbered when there are several (landmarks of one role need names of their own). The HTML
 * names every box (render.ts, wrapTables); the client script names again the ones still regions (tables.ts).
 */
export function tableLabel(index: number, count: number): string {
  return count === 1 ? 'Tabela' : `Tabela ${index + 1}`;
}

/** What the body's sanitiser lets through as a box's aria-label (render.ts BODY_SCHEMA): tableLabel's names only. */
export const TABLE_LABEL = /^Tabela(?: \d+)?$/;

/**
 * Whether rendered body HTML holds a table's box, so the page needs the script. The sanitiser lets no other
 * `div` through, and text that spells the tag out is escaped (`&lt;div`), so only a box matches.
 */
export function hasTableScroll(html: string): boolean {
  return html.includes(`<div class="${TABLE_SCROLL}"`);
}
