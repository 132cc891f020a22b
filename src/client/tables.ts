import { TABLE_SCROLL } from '../markdown/table-scroll.ts';

/**
 * A body's table sits in a box that is a tab stop and a named region in the HTML (render.ts, wrapTables), so that
 * without JavaScript a table wider than the column can still be scrolled from the keyboard. A table that fits has
 * nothing to scroll, and its box would be a tab stop that does nothing and a landmark that says nothing. This takes
 * the tabindex, role and name off each box whose table fits, and puts them back while it does not (a narrower
 * window, larger text), checked again whenever the box or its table changes size. The three go together, as in
 * Adrian Roselli's »Under-Engineered Responsive Tables«: the role and name say what a keyboard has landed on.
 */
const boxes = [...document.querySelectorAll<HTMLElement>(`.${TABLE_SCROLL}`)];
const names = new Map(boxes.map((box) => [box, box.getAttribute('aria-label') ?? 'Tabela']));

function update(box: HTMLElement): void {
  if (box.scrollWidth > box.clientWidth) {
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', names.get(box)!);
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}

// Without ResizeObserver (browsers before 2020) the boxes stay as the HTML has them: all tab stops.
if (boxes.length > 0 && 'ResizeObserver' in window) {
  // The table grows inside a box of the same size when its text gets larger or a font loads: watch both.
  const boxOf = new Map<Element, HTMLElement>();
  const observer = new ResizeObserver((entries) => {
    for (const box of new Set(entries.map((entry) => boxOf.get(entry.target)!))) update(box);
  });
  for (const box of boxes) {
    for (const element of [box, box.firstElementChild]) {
      if (!element) continue;
      boxOf.set(element, box);
      observer.observe(element);
    }
  }
}
