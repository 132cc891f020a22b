import { TABLE_LABEL, TABLE_SCROLL, tableLabel } from '../markdown/table-scroll.ts';

/**
 * A body's table sits in a box that is a tab stop and a named region in the HTML (render.ts, wrapTables), so that
 * without JavaScript a table wider than the column can still be scrolled from the keyboard. A table that fits has
 * nothing to scroll, and its box would be a tab stop that does nothing and a landmark that says nothing. This takes
 * the tabindex, role and name off each box whose table fits, and puts them back while it does not (a narrower
 * window, larger text), checked again whenever a box or its table changes size. The three go together, as in
 * Adrian Roselli's »Under-Engineered Responsive Tables«: the role and name say what a keyboard has landed on.
 */
const boxes = [...document.querySelectorAll<HTMLElement>(`.${TABLE_SCROLL}`)];
/**
 * The names the HTML gives the boxes. A body's are »Tabela …«, numbered again here; a box a template names itself
 * (a person chart's table, »Število člankov po mesecih«) keeps its name, and is left out of the numbering.
 */
const names = new Map(boxes.map((box) => [box, box.getAttribute('aria-label') ?? '']));
const numbered = (box: HTMLElement) => TABLE_LABEL.test(names.get(box)!);

/**
 * The HTML numbers every box (»Tabela 1«, »Tabela 2«), which is right while all are regions. Once some are not,
 * the regions are numbered again among themselves, so a screen reader never lists a »Tabela 2« without a
 * »Tabela 1«; a lone region is »Tabela«, as in a body with one table. The box that has the focus stays a tab stop
 * until the focus leaves it (blur calls this again): an element that stops being focusable loses the focus to the
 * page's body, and a keyboard or screen-reader user who widened the window would lose their place.
 */
function update(): void {
  const regions = boxes.filter((box) => box === document.activeElement || box.scrollWidth > box.clientWidth);
  const numberedRegions = regions.filter(numbered);
  for (const box of boxes) {
    if (regions.includes(box)) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', numbered(box) ? tableLabel(numberedRegions.indexOf(box), numberedRegions.length) : names.get(box)!);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
}

// Without ResizeObserver (browsers before 2020) the boxes stay as the HTML has them: all tab stops.
if (boxes.length > 0 && 'ResizeObserver' in window) {
  // The table grows inside a box of the same size when its text gets larger or a font loads: watch both. One box
  // changing may change the others' numbers, so every change looks at all of them (a body has a handful).
  const observer = new ResizeObserver(update);
  for (const box of boxes) {
    for (const element of [box, box.firstElementChild]) if (element) observer.observe(element);
    box.addEventListener('blur', update);
  }
}
