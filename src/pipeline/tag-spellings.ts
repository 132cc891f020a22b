import { ArhivarError } from '../errors.ts';
import type { TagEntry } from '../site/archive.ts';
import { slugify } from '../site/slug.ts';
import { urls } from '../site/urls.ts';
import type { Draft } from './records.ts';

/**
 * Tags are one when they give one slug, so ZDA and zda share /oznake/zda/, as they should. But so do Kras (the
 * region) and Kraš (the company), or Ukrajina and a mistyped Ukrajína: slugs drop diacritics and punctuation.
 * Such a merge is silent otherwise: one of the words vanishes from the site, even from the article that wrote
 * it. Spellings that differ only in capitals and spaces are one word and are not told.
 */
// toLowerCase, not toLocaleLowerCase('sl'): Slovenian has no casing rules of its own (č, š, ž lower as they
// should), and the locale-aware form cost 30 ms of a one-article rebuild at 10,000 articles.
const sameWord = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

interface Spelling {
  name: string;
  /** The newest published article that writes it, which the warning points at. */
  newest: Draft;
  articles: Set<string>;
}

/**
 * One warning per spelling that lost its name to another word with its slug, at the newest article writing
 * it. `tagsBySlug` names each tag as its page does.
 */
export function mergedTagWarnings(published: readonly Draft[], tagsBySlug: ReadonlyMap<string, TagEntry>): ArhivarError[] {
  const lost = new Map<string, Spelling>();
  for (const draft of published) {
    for (const name of draft.frontMatter.tags) {
      const slug = slugify(name);
      const tag = tagsBySlug.get(slug)?.tag;
      // Nearly every tag is written as its page names it: no need to fold the two.
      if (!tag || name === tag.name || sameWord(name) === sameWord(tag.name)) continue;
      const key = `${slug}\0${sameWord(name)}`;
      let spelling = lost.get(key);
      if (!spelling) lost.set(key, (spelling = { name, newest: draft, articles: new Set() }));
      else if (draft.frontMatter.date.instant > spelling.newest.frontMatter.date.instant) Object.assign(spelling, { name, newest: draft });
      spelling.articles.add(draft.file);
    }
  }
  return [...lost.values()].map(({ name, newest, articles }) => {
    const { tag, articles: tagged } = tagsBySlug.get(slugify(name))!;
    // The article whose spelling names the tag: the newest one with the tag (site/archive.ts withTagNames).
    const namer = tagged[0]!.file;
    const count = articles.size === 1 ? '1 article says' : `${articles.size} articles say`;
    return new ArhivarError({
      code: 'article/tags-merged',
      message: `tag ${JSON.stringify(name)} has the address ${urls.tag(tag.slug)}, as tag ${JSON.stringify(tag.name)} of ${namer} has, so they are one tag, named ${JSON.stringify(tag.name)} (${count} ${JSON.stringify(name)})`,
      file: newest.file,
      line: newest.keyLines.get('tags'),
      hint: `if ${JSON.stringify(name)} and ${JSON.stringify(tag.name)} are different things, write one of them so that its address differs (such as "Kras (pokrajina)" beside "Kraš"); if they are one, spell it as ${JSON.stringify(tag.name)} everywhere`,
    });
  });
}
