import FeedParser from 'feedparser';

export interface ParsedFeed {
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

/** Parses a feed the way a feed reader does; strict mode rejects any XML well-formedness error. */
export function parseFeed(xml: string, feedurl = 'https://novice.example.si/feed.xml'): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    // resume_saxerror: false makes every XML error fail the parse instead of being skipped.
    const parser = new FeedParser({ strict: true, resume_saxerror: false, feedurl });
    const items: FeedParser.Item[] = [];
    parser.on('error', reject);
    parser.on('readable', function (this: FeedParser) {
      let item: FeedParser.Item | null;
      while ((item = this.read())) items.push(item);
    });
    parser.on('end', () => resolve({ meta: parser.meta, items }));
    parser.end(xml);
  });
}
