/**
 * `compute` with its results kept by argument. A build asks the same few thousand small questions (a
 * slug, a date's wall clock, a plural form, a first name's gender) tens of thousands of times, and each
 * answer costs an Intl call or a string of regular expressions. The memo is emptied when it holds `limit`
 * answers, so a long dev session cannot grow it without end. `compute` must not return undefined.
 */
export function memoize<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
