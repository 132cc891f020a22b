/**
 * The class of the box a body's table scrolls in (render.ts, wrapTables), which the client script
 * (src/client/tables.ts) finds the boxes by.
 */
export const TABLE_SCROLL = 'table-scroll';

/**
 * Whether rendered body HTML holds a table's box, so the page needs the script. The sanitiser lets no other
 * `div` through, and text that spells the tag out is escaped (`&lt;div`), so only a box matches.
 */
export function hasTableScroll(html: string): boolean {
  return html.includes(`<div class="${TABLE_SCROLL}"`);
}
