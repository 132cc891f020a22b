import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import { SiteConfigSchema } from '../../../src/content/schema.ts';
import type { SiteContext } from '../../../src/render/context.ts';
import { articleImage, newsArticleJsonLd } from '../../../src/render/structured-data.ts';
import { testArticle } from '../../helpers/article.ts';

const context: SiteContext = {
  site: SiteConfigSchema.parse({ title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' }),
  assets: { stylesheet: '/assets/site.css', scripts: {} },
  people: new Map(),
};

function article(title: string): Article {
  return testArticle({ file: 'content/articles/x.md', title });
}

describe('newsArticleJsonLd', () => {
  it('gives the headline whole, as the page shows it, however long', () => {
    const title =
      'Vlada je po dolgi seji sprejela rebalans proračuna za leto 2026, ki zmanjšuje izdatke za investicije v občinah Savinjske, Šaleške in Zasavske regije';
    expect([...title].length).toBeGreaterThan(110);
    expect(newsArticleJsonLd(article(title), context).headline).toBe(title);
  });
});

describe('articleImage', () => {
  const withImage = (url: string) => ({ url: '/2025/12/22/x/', image: { url, alt: 'Seja sveta' } });
  const underPath: Pick<SiteContext, 'site'> = { site: SiteConfigSchema.parse({ baseUrl: 'https://example.si/arhiv/' }) };

  it('resolves the URL as the body\'s <img src> resolves on the article page, under the site\'s path too', () => {
    expect(articleImage(withImage('slike/seja.jpg'), context)).toEqual({ url: 'https://novice.example.si/2025/12/22/x/slike/seja.jpg', alt: 'Seja sveta' });
    expect(articleImage(withImage('slike/seja.jpg'), underPath)?.url).toBe('https://example.si/arhiv/2025/12/22/x/slike/seja.jpg');
    // From the host's root, as the body writes it (the link check reports one that leads out of the path).
    expect(articleImage(withImage('/slike/seja.jpg'), underPath)?.url).toBe('https://example.si/slike/seja.jpg');
    expect(articleImage(withImage('https://cdn.example.si/seja.jpg'), underPath)?.url).toBe('https://cdn.example.si/seja.jpg');
    expect(articleImage(withImage('../../slike/č š.jpg'), context)?.url).toBe('https://novice.example.si/2025/12/slike/%C4%8D%20%C5%A1.jpg');
  });

  it('gives none without an image, or for a URL that does not parse', () => {
    expect(articleImage({ url: '/2025/12/22/x/', image: undefined }, context)).toBeUndefined();
    expect(articleImage(withImage('http://[nepravilno/slika.jpg'), context)).toBeUndefined();
  });

  it('puts the image into the NewsArticle data', () => {
    expect(newsArticleJsonLd({ ...article('Seja'), image: { url: 'slike/seja.jpg', alt: '' } }, context).image).toEqual(['https://novice.example.si/2025/12/22/x/slike/seja.jpg']);
    expect(newsArticleJsonLd(article('Seja'), context).image).toBeUndefined();
  });
});
