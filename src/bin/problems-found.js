// Plain JavaScript (typed by problems-found.d.ts): the command line's entry point says it too, for a template that does
// not parse, before any TypeScript can be loaded.

/**
 * What a command stopped by problems left undone, said after their count. A build writes nothing; `people` never
 * writes, it lists; `check` never writes either, and »nothing was written« under its problems read as if a check
 * that passed would have written something, or as if this one had meant to.
 * @type {Readonly<Record<string, string>>}
 */
const NOT_DONE = {
  people: 'nothing was listed',
  check: 'check changes no file: content/ and the built site are as they were',
};

/**
 * The last line under the problems of `command`: `2 problems found; nothing was written.`
 * @param {number} count
 * @param {string | undefined} command as given on the command line
 */
export function problemsFoundLine(count, command) {
  const notDone = (command !== undefined && Object.hasOwn(NOT_DONE, command) ? NOT_DONE[command] : undefined) ?? 'nothing was written';
  return `${count} ${count === 1 ? 'problem' : 'problems'} found; ${notDone}.`;
}
