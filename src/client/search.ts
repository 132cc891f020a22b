import { plural, type PluralForms } from '../text/sl.ts';
import { parseQuery, SearchEngine, type QueryTerm, type SearchHit, type SearchResult, type Segment } from '../search/query.ts';

/**
 * The /iskanje/ page in the browser. Everything from the index reaches the page as text nodes
 * (textContent, createElement), never as HTML, so an article title cannot inject markup.
 */
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;
const HIT_FORMS: PluralForms = { one: 'zadetek', two: 'zadetka', few: 'zadetki', other: 'zadetkov' };
const countHits = (count: number) => plural(count, HIT_FORMS);

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

if (form && input && status && list && more) {
  const engine = new SearchEngine(fetchJson, form.dataset.index ?? '/iskanje/indeks.json');
  let hits: SearchHit[] = [];
  let terms: QueryTerm[] = [];
  let shown = 0;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  form.classList.add('search-ready');

  const run = async (query: string) => {
    const current = ++generation;
    terms = parseQuery(query);
    list.replaceChildren();
    more.hidden = true;
    shown = 0;
    if (query.trim() === '') {
      hits = [];
      status.textContent = '';
      return;
    }
    if (terms.length === 0) {
      hits = [];
      status.textContent = 'Vpišite daljšo ali bolj določno besedo.';
      return;
    }
    status.textContent = 'Iščem …';
    try {
      const found = await engine.search(terms);
      if (current !== generation) return;
      hits = found;
      await showMore(current);
    } catch {
      if (current === generation) status.textContent = 'Iskanja ni bilo mogoče izvesti: kazala ni bilo mogoče naložiti. Poskusite znova.';
    }
  };

  const showMore = async (current: number) => {
    const page = hits.slice(shown, shown + PAGE_SIZE);
    const results = await engine.results(page, terms);
    if (current !== generation) return;
    for (const result of results) list.append(renderResult(result));
    shown += page.length;
    status.textContent = hits.length === 0 ? 'Ni zadetkov.' : `${countHits(hits.length)}${shown < hits.length ? `, prikazanih ${shown}` : ''}.`;
    more.hidden = shown >= hits.length;
  };

  const syncUrl = (query: string) => {
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };

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
    const firstNew = shown;
    void showMore(generation).then(() => resultLinks()[firstNew]?.focus());
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

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
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
