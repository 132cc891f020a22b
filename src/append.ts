/**
 * Appends `items` to `target`, one at a time. `target.push(...items)` passes every item as an argument on the
 * stack, and past about 125,000 of them (Node 20) throws »RangeError: Maximum call stack size exceeded«: an
 * archive's warnings, errors or files are that many, and the command ended with exit code 3.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
