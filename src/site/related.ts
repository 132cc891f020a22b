/**
 * Related articles: the articles that share the most informative people and tags with each article.
 *
 * A shared feature (a person or a tag) scores its inverse document frequency, ln(1 + N / df): a person
 * named in 3 articles links them far more strongly than a tag on 3,000. Candidates come from inverted
 * lists (feature → articles), never from comparing all pairs. A list is read whole when it is short;
 * for a feature on more than `2 × window` articles only the `window` articles on either side in time
 * are read, which keeps the work linear in the archive size (a feature that common adds little score,
 * and near-in-time articles are the ones readers want among equally related ones).
 */
export interface RelatedInput {
  readonly people: readonly string[];
  readonly tags: readonly { readonly slug: string }[];
  readonly date: { readonly instant: Date };
}

export interface RelatedOptions {
  /** How many related articles each article gets. */
  limit?: number;
  /** Neighbours read on each side in a long inverted list. */
  window?: number;
}

const EPSILON = 1e-9;

/**
 * For each article (by index into `articles`), the indices of its related articles, most related first;
 * equal scores put the newer article first. Articles that share nothing are never related.
 */
export function findRelated<T extends RelatedInput>(articles: readonly T[], options: RelatedOptions = {}): number[][] {
  const limit = options.limit ?? 5;
  const window = options.window ?? 100;
  const count = articles.length;
  if (limit <= 0) return articles.map(() => []);
  const times = articles.map((article) => article.date.instant.getTime());

  // Inverted lists, each sorted newest first, and each article's position inside every list it is on.
  const lists = new Map<string, number[]>();
  const featuresOf: string[][] = [];
  for (let index = 0; index < count; index++) {
    const features = articleFeatures(articles[index]!);
    featuresOf.push(features);
    for (const feature of features) {
      let list = lists.get(feature);
      if (!list) lists.set(feature, (list = []));
      list.push(index);
    }
  }
  const newerFirst = (a: number, b: number) => times[b]! - times[a]! || a - b;
  const weights = new Map<string, number>();
  const positions = new Map<string, Map<number, number>>();
  for (const [feature, list] of lists) {
    list.sort(newerFirst);
    weights.set(feature, Math.log(1 + count / list.length));
    if (list.length > 2 * window + 1) positions.set(feature, new Map(list.map((index, position) => [index, position])));
  }

  const scores = new Float64Array(count);
  const touched: number[] = [];
  const result: number[][] = [];
  for (let index = 0; index < count; index++) {
    for (const feature of featuresOf[index]!) {
      const list = lists.get(feature)!;
      const weight = weights.get(feature)!;
      const at = positions.get(feature)?.get(index);
      const from = at === undefined ? 0 : Math.max(0, at - window);
      const to = at === undefined ? list.length : Math.min(list.length, at + window + 1);
      for (let position = from; position < to; position++) {
        const other = list[position]!;
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    const ranksAbove = (a: number, b: number) => {
      const difference = scores[a]! - scores[b]!;
      return Math.abs(difference) > EPSILON ? difference > 0 : newerFirst(a, b) < 0;
    };
    // Top `limit` by insertion into a short sorted list: no sort of every candidate.
    const best: number[] = [];
    for (const other of touched) {
      if (best.length === limit && !ranksAbove(other, best[limit - 1]!)) continue;
      let position = best.length;
      while (position > 0 && ranksAbove(other, best[position - 1]!)) position--;
      best.splice(position, 0, other);
      if (best.length > limit) best.pop();
    }
    result.push(best);
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  }
  return result;
}

function articleFeatures(article: RelatedInput): string[] {
  const features = new Set<string>();
  for (const id of article.people) features.add(`person:${id}`);
  for (const tag of article.tags) features.add(`tag:${tag.slug}`);
  return [...features];
}
