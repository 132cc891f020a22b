import { resultsStatus, SUGGESTION_LEAD } from '../search/status.ts';
import { IndexChangedError, MAX_QUERY_LENGTH, parseQuery, SearchEngine, type QueryTerm, type SearchHit, type SearchResult, type Segment } from '../search/query.ts';

/**
 * The /iskanje/ page in the browser. Everything from the index reaches the page as text nodes
 * (textContent, createElement), never as HTML, so an article title cannot inject markup.
 */
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

if (form && input && status && list && more) {
  // The page puts its own scroll position back once the results it had are shown again (see restoreView):
  // the browser's own restoring comes before they are, and left a reader who went Back at the top.
  history.scrollRestoration = 'manual';
  const manifestUrl = form.dataset.index ?? '/iskanje/indeks.json';
  // The manifest keeps its address from build to build, so the browser asks for it again each time (a 304 when
  // unchanged): a copy kept by a host's default (GitHub Pages lets browsers keep every file 10 minutes) named the
  // shards of the build before, which the rebuild deleted.
  const engine = new SearchEngine((url) => fetchJson(url, url === manifestUrl ? 'no-cache' : 'default'), manifestUrl);
  /** The page's own title (»Iskanje – « and the site's): a query's title is the query before it. */
  const pageTitle = document.title;
  /** The results of the query on screen; replaced (undefined while searching) as soon as another query runs. */
  let listing: Listing | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  form.classList.add('search-ready');

  /** Runs `query` and shows its first `count` results (more than a page when Back restores a longer list). */
  const run = async (query: string, count = PAGE_SIZE) => {
    const current = ++generation;
    const terms = parseQuery(query);
    // Tabs and history entries tell searches apart, as the site's other titles name what their page lists (Layout).
    // document.title takes text, so a query with markup stays text.
    document.title = terms.length > 0 ? `${query.trim()} – ${pageTitle}` : pageTitle;
    listing = undefined;
    list.replaceChildren();
    more.hidden = true;
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    if (terms.length === 0) {
      status.textContent = 'Vpišite daljšo ali bolj določno besedo.';
      return;
    }
    status.textContent = 'Iščem …';
    try {
      const found = await engine.find(terms);
      // A newer query ran meanwhile: this one's suggestion would fetch files and never be shown.
      if (current !== generation) return;
      // A query that finds nothing may have a typo the archive can correct; not finding one is no failure.
      const suggestion = found.hits.length === 0 ? await engine.suggest(query, found).catch(() => undefined) : undefined;
      if (current !== generation) return;
      listing = { query: query.trim(), hits: found.hits, terms, shown: 0, queue: Promise.resolve(), suggestion };
      await showMore(listing, count);
    } catch {
      if (current === generation) status.textContent = 'Iskanja ni bilo mogoče izvesti: kazala ni bilo mogoče naložiti. Poskusite znova.';
    }
  };

  /**
   * Appends the next page of `of`'s hits and gives the place of its first result in the list (undefined when
   * nothing was added). Pages are loaded one after another: a press that comes while the previous page is still
   * loading (a double click, Enter twice) waits for it and then takes the page after it, never the same one.
   */
  const showMore = (of: Listing, count = PAGE_SIZE): Promise<number | undefined> => {
    const next = of.queue.then(async () => {
      if (listing !== of) return undefined;
      const first = of.shown;
      const page = of.hits.slice(first, first + count);
      const results = page.length > 0 ? await engine.results(page, of.terms) : [];
      // Another query ran meanwhile: its list is on screen now.
      if (listing !== of) return undefined;
      for (const result of results) list.append(renderResult(result));
      of.shown += page.length;
      showStatus(of);
      more.hidden = of.shown >= of.hits.length;
      saveView({ ...savedView(), q: of.query, shown: of.shown });
      return page.length > 0 ? first : undefined;
    });
    // A page that failed to load is asked for again by the next press.
    of.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };

  /** The count, or what to try when nothing was found, with the suggested query as a link that runs it. */
  const showStatus = (of: Listing) => {
    status.textContent = resultsStatus(of.hits.length, of.shown, of.terms.length);
    if (of.suggestion === undefined) return;
    const link = document.createElement('a');
    const url = new URL(location.href);
    url.search = '';
    url.searchParams.set('q', of.suggestion);
    link.href = url.pathname + url.search;
    link.textContent = of.suggestion;
    link.addEventListener('click', (event) => followSuggestion(event, of.suggestion!));
    status.append(` ${SUGGESTION_LEAD}`, link, '?');
  };

  /**
   * Runs the suggested query on this page, as Enter in the field does, and leaves the focus in the field. Followed as
   * a link, it loaded the page afresh and the focus started at its top, above the masthead: a keyboard user had to
   * Tab back to the field or the results. A new tab or window (Ctrl, Cmd, Shift) still opens the link.
   */
  const followSuggestion = (event: MouseEvent, suggestion: string) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // Before the status line is replaced: the focused link goes with it, and the focus would fall to the page's body.
    input.value = suggestion;
    input.focus();
    clearTimeout(timer);
    syncUrl(suggestion);
    void run(suggestion);
  };

  const syncUrl = (query: string) => {
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };

  // Where the page was scrolled, kept in its history entry as the reader leaves (a result, a menu link, a reload).
  addEventListener('pagehide', () => saveView({ ...savedView(), scrollY }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    syncUrl(input.value.trim());
    void run(input.value);
  });

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncUrl(input.value.trim());
      void run(input.value);
    }, TYPING_DELAY_MS);
  });

  more.addEventListener('click', () => {
    const of = listing;
    if (!of) return;
    showMore(of).then(
      (first) => {
        if (first !== undefined) resultLinks()[first]?.focus();
      },
      (error: unknown) => {
        if (listing !== of) return;
        if (error instanceof IndexChangedError) {
          // The site was rebuilt since these results were found (the page was left open): the query runs again in
          // the new index, with the ten more asked for, and the focus goes where the next ten begin.
          void run(of.query, of.shown + PAGE_SIZE).then(() => {
            if (listing?.query === of.query) resultLinks()[of.shown]?.focus();
          });
        } else {
          status.textContent = 'Zadetkov ni bilo mogoče naložiti. Poskusite znova.';
        }
      },
    );
  });

  // Arrow keys walk from the field through the result links and back; Escape returns to the field.
  const resultLinks = () => Array.from(list.querySelectorAll<HTMLAnchorElement>('a'));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && resultLinks().length > 0) {
      event.preventDefault();
      resultLinks()[0]!.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const links = resultLinks();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      (links[index + 1] ?? (more.hidden ? links[index] : more))!.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (index === 0 ? input : links[index - 1]!).focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });
  // The button is the last stop below the results: arrow up goes back to the last one, Escape to the field.
  more.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      const links = resultLinks();
      links[links.length - 1]?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });

  // As much of a ?q= link's query as the field takes and parseQuery reads, so the field shows what is searched.
  const initial = (new URLSearchParams(location.search).get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  if (initial) {
    input.value = initial;
    void restoreView(initial);
  }

  /**
   * Runs the query of the URL. When the reader comes back to this history entry (Back from a result, a
   * reload), as many results as were shown then are shown again, and the page is scrolled to where it was.
   */
  async function restoreView(query: string): Promise<void> {
    const saved = savedView();
    const restoring = saved.q === query.trim();
    await run(query, restoring && saved.shown !== undefined ? Math.max(PAGE_SIZE, saved.shown) : PAGE_SIZE);
    // Not when the reader has started another search meanwhile.
    if (restoring && saved.scrollY !== undefined && listing?.query === saved.q) scrollTo(0, saved.scrollY);
  }
}

interface Listing {
  /** The query as the URL keeps it (trimmed). */
  query: string;
  hits: SearchHit[];
  terms: QueryTerm[];
  /** How many of `hits` are in the list. */
  shown: number;
  /** Settles when the last page asked for is in the list (or failed). */
  queue: Promise<void>;
  /** When nothing was found, the query with its typos corrected (SearchEngine.suggest). */
  suggestion?: string | undefined;
}

/** What the page's history entry remembers of it (history.state), for Back to return to. */
interface SavedView {
  /** The query the other fields belong to. */
  q?: string;
  /** How many results were shown. */
  shown?: number;
  scrollY?: number;
}

function savedView(): SavedView {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null ? (state as SavedView) : {};
}

function saveView(view: SavedView): void {
  history.replaceState(view, '');
}

async function fetchJson(url: string, cache: RequestCache): Promise<unknown> {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function renderResult(result: SearchResult): HTMLLIElement {
  const item = document.createElement('li');
  const article = document.createElement('article');
  article.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'teaser-title';
  const link = document.createElement('a');
  link.href = result.url;
  appendSegments(link, result.title);
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'teaser-meta';
  const time = document.createElement('time');
  time.dateTime = result.dateTime;
  time.textContent = result.date;
  meta.append(time);
  const snippet = document.createElement('p');
  snippet.className = 'search-snippet';
  appendSegments(snippet, result.snippet);
  article.append(heading, meta, snippet);
  item.append(article);
  return item;
}

function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const segment of segments) {
    if (segment.mark) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(segment.text));
    }
  }
}
