// The lines by which a build knows an output folder as one arhivar published (pipeline/folders.ts). Kept apart from
// the feed and the sitemap that write them: the check of the output folder runs before any command's pipeline is
// loaded, and the sitemap's module imports a package a build with nothing changed must not load.

/** Every feed says who made it. */
export const FEED_GENERATOR = '<generator>arhivar</generator>';

/**
 * The first line of every robots.txt: a build knows a site it published by it when the site has no feed.xml (no
 * article is published yet) and .cache/ holds no record of it. Crawlers skip a # line.
 */
export const ROBOTS_GENERATOR = '# generator: arhivar';
