import { createHash, type Hash } from 'node:crypto';
import { sha1 } from '../hash.ts';

/**
 * A page's fingerprint: a hash of everything its template is given. Two builds that give a page the same
 * props (and run the same arhivar code, which the writer adds to the key) produce the same HTML, so the
 * writer can skip rendering it. Shared records (the site context, each article) are hashed once per build
 * and then stand in by their hash, so a person page listing 300 articles costs 300 short strings, not
 * 300 article bodies. Maps and Sets are hashed by their entries (JSON.stringify would see them as {}).
 */
const contentKeys = new WeakMap<object, string>();

/**
 * Declares that the record's `html` and `text` are exactly what `key` names (the hash of the Markdown they
 * were rendered from, under this arhivar code): fingerprints then hash the key instead of the rendered text,
 * about 7 KB per article.
 */
export function setContentKey(record: { html: string; text: string }, key: string): void {
  contentKeys.set(record, key);
}

const recordKeys = new WeakMap<object, string>();

/**
 * Declares that every field of the record (getters included) is made from what `key` names, under this
 * arhivar code: fingerprints then hash the key instead of walking the record. loadSite gives each article
 * one (its file's path and text, the registry, the detection setting), which saves encoding 10,000 articles
 * on every rebuild.
 */
export function setRecordKey(record: object, key: string): void {
  recordKeys.set(record, key);
}

/** The key given to the record by setRecordKey, if any. */
export function recordKeyOf(record: object): string | undefined {
  return recordKeys.get(record);
}

/** The key given to the record by setContentKey, if any. */
export function contentKeyOf(record: object): string | undefined {
  return contentKeys.get(record);
}

export class Fingerprinter {
  private readonly memo = new WeakMap<object, string>();
  private readonly quotedFields = new Map<string, string>();

  constructor(private readonly codeKey: string) {}

  page(url: string, props: object): string {
    return sha1(`${this.codeKey}\0${url}\0${this.encode(props, '')}`);
  }

  /**
   * A string that differs whenever the value does, like JSON.stringify but walked by hand: with a replacer
   * function JSON.stringify takes its slow path, and 15,000 pages spent 300 ms there. `key` is the property
   * the value was found under (the context and the registry map are recognised by it).
   */
  private encode(value: unknown, key: string): string {
    switch (typeof value) {
      case 'string':
        return JSON.stringify(value);
      case 'number':
      case 'boolean':
        return String(value);
      case 'bigint':
        return `${value}n`;
      case 'undefined':
        return 'u';
      case 'function':
      case 'symbol':
        return 'f';
    }
    if (value === null) return 'null';
    const item = value as object;
    // Looked up first: most objects pages are given are shared records met before (a person page lists hundreds
    // of articles), and the checks below cost more than the lookup. Only a shared record's digest is kept, and
    // it stands for the whole record, wherever the record is met again.
    const known = this.memo.get(item);
    if (known !== undefined) return known;
    if (item instanceof Date) return `D${item.getTime()}`;
    if (item instanceof Set) return `@set${this.encodeList([...item])}`;
    // The registry map is handed to every feed: hash it once, like the context and the articles.
    // So is a person's, tag's or month's entry, which every one of its list pages is given whole.
    if (key === 'context' || (key === 'people' && item instanceof Map) || isArticleLike(item) || isEntryLike(item)) return this.shared(item);
    if (item instanceof Map) return `@map${this.encodeList([...item])}`;
    if (Array.isArray(item)) return this.encodeList(item);
    if (typeof (item as { toJSON?: unknown }).toJSON === 'function') return `J${this.encode((item as { toJSON: (key: string) => unknown }).toJSON(key), key)}`;
    return this.encodeFields(item);
  }

  private encodeList(items: readonly unknown[]): string {
    let out = '[';
    for (let n = 0; n < items.length; n++) out += (n === 0 ? '' : ',') + this.encode(items[n], String(n));
    return `${out}]`;
  }

  /** An object's own fields; like JSON, fields holding undefined are left out. */
  private encodeFields(item: object): string {
    let out = '{';
    for (const field of Object.keys(item)) {
      const inner: unknown = (item as Record<string, unknown>)[field];
      if (inner === undefined) continue;
      out += `${this.quoted(field)}:${this.encode(inner, field)},`;
    }
    return `${out}}`;
  }

  /** A field's name as JSON: the names are few (those of the records and props), and 15,000 pages have about 100,000 fields. */
  private quoted(field: string): string {
    let quoted = this.quotedFields.get(field);
    if (quoted === undefined) this.quotedFields.set(field, (quoted = JSON.stringify(field)));
    return quoted;
  }

  /** The hash of a record that many pages share; computed once per object. */
  private shared(item: object): string {
    let digest = this.memo.get(item);
    if (digest === undefined) {
      const recordKey = recordKeys.get(item);
      // Hashed, not quoted: a record key is about 90 characters, and a person page lists hundreds of records.
      if (recordKey !== undefined) digest = `"R${sha1(recordKey)}"`;
      else {
        const hash = createHash('sha1');
        if (item instanceof Map) hash.update(`@map${this.encodeList([...item])}`);
        else this.hashRecord(item, hash);
        digest = JSON.stringify(`#${hash.digest('base64url')}`);
      }
      this.memo.set(item, digest);
    }
    return digest;
  }

  private hashRecord(item: object, hash: Hash): void {
    // Long strings (an article's HTML and text) go to the hash as they are: escaping them for JSON costs more.
    const rest: Record<string, unknown> = {};
    const contentKey = contentKeys.get(item);
    if (contentKey !== undefined) hash.update(`@content\0${contentKey}\0`);
    const keys = Object.keys(item);
    // An article's html and text are getters (pipeline/records.ts ArticleWithBody), not own properties: without a
    // content key they must still be hashed. With one they are skipped unread, so nothing is decoded.
    if (contentKey === undefined) for (const key of ['html', 'text']) if (key in item && !keys.includes(key)) keys.push(key);
    for (const key of keys) {
      if (contentKey !== undefined && (key === 'html' || key === 'text')) continue;
      const value: unknown = (item as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.length > 256) hash.update(`${key}\0${value.length}\0`).update(value);
      else rest[key] = value;
    }
    // The fields themselves, not encode(rest): a record that looks like an article would be shared again.
    hash.update(this.encodeFields(rest));
  }
}

function isEntryLike(item: object): boolean {
  return 'articles' in item && Array.isArray(item.articles) && ('person' in item || 'tag' in item || 'month' in item);
}

function isArticleLike(item: object): boolean {
  return 'url' in item && 'html' in item && 'file' in item;
}
