import type { PageSpec } from '../render/pages.ts';

/**
 * The site's pages by URL for the dev server, listed only as far as a request needs. After every reload the
 * pages are listed again, and at 100,000 articles the list holds 143,000 of them: a page near its start (the
 * home page, a new article, a recent one) is found without listing the rest. A URL not in the list (a file
 * of public/, a 404) still lists them all, once per reload.
 *
 * A URL appears once in the list (two articles with one URL are refused by loadSite, and people, tags and
 * months are listed once each), so the first page listed for a URL is the one a complete listing would give.
 */
export class PageIndex {
  private readonly listed = new Map<string, PageSpec>();
  private failure: { error: unknown } | undefined;
  private done = false;

  constructor(private readonly pages: Iterator<PageSpec>) {}

  get(url: string): PageSpec | undefined {
    return this.listed.get(url) ?? this.listUntil(url);
  }

  has(url: string): boolean {
    return this.get(url) !== undefined;
  }

  /** Lists pages until `url`; a listing that failed fails every later lookup the same way. */
  private listUntil(url: string): PageSpec | undefined {
    if (this.failure) throw this.failure.error;
    while (!this.done) {
      let next: IteratorResult<PageSpec>;
      try {
        next = this.pages.next();
      } catch (error) {
        this.failure = { error };
        throw error;
      }
      if (next.done) {
        this.done = true;
        break;
      }
      const page = next.value;
      if (!this.listed.has(page.url)) this.listed.set(page.url, page);
      if (page.url === url) return page;
    }
    return undefined;
  }
}
