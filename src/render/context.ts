import type { SiteConfig } from '../content/schema.ts';
import type { Person } from '../content/person.ts';

/** What every template may read besides its own records. */
export interface SiteContext {
  site: SiteConfig;
  /** Root-relative URLs of the built assets (content-hashed file names). */
  assets: AssetUrls;
  /** Everyone with a page, by id: lets lists show and link people without another lookup. */
  people: ReadonlyMap<string, Person>;
  /**
   * False when no article is published: the site has no /feed.xml then (render/pages.ts), and no page links it.
   * Left out, the site has one.
   */
  siteFeed?: boolean;
}

export interface AssetUrls {
  stylesheet: string;
  /** Client script URLs by entry name: `src/client/search.ts` is `scripts.search`. */
  scripts: Record<string, string>;
  /** The site's icon in public/ (favicon.svg, .png or .ico), when it has one (output/site-icon.ts). */
  icon?: SiteIcon | undefined;
}

export interface SiteIcon {
  url: string;
  /** Its media type, for the link's `type`. */
  type: string;
}

export interface FeedLink {
  title: string;
  url: string;
}

export interface Breadcrumb {
  label: string;
  url: string;
}

/** Head metadata of one page. */
export interface PageMeta {
  title: string;
  description: string;
  /** Root-relative URL of the page itself. */
  url: string;
  kind?: 'website' | 'article' | 'profile';
  feeds?: FeedLink[];
  /** The navigation section the page belongs to when its URL is not under the section's (year and month pages: the archive). */
  section?: string;
  /** Ancestors of the page, outermost first (the page itself is not included). */
  breadcrumbs?: Breadcrumb[];
  /**
   * The page's own name at the end of its JSON-LD BreadcrumbList, when the trails of the pages below it call it
   * otherwise than its title (/2025/ is »Leto 2025« but »2025« in a trail); the title by default.
   */
  crumb?: string;
  /** Structured data blocks, serialised safely by the layout. */
  jsonLd?: object[];
  /** Which page of a paginated list this is (a later page's description says so). */
  page?: { number: number; total: number };
  /** Links to neighbouring pages of a paginated list. */
  prev?: string | undefined;
  next?: string | undefined;
  noindex?: boolean;
  /** The picture a shared link shows (og:image), absolute, with its alt text, and its size when its file in public/ gives it. */
  image?: { url: string; alt: string; width?: number; height?: number } | undefined;
  /** Open Graph article:* properties (ISO instants, tag names). */
  article?: { published: string; modified: string; tags: string[] };
}
