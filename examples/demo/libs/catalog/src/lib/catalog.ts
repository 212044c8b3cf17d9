/** A book in the catalog; prices in euro cents. */
export interface Book {
  sku: string;
  title: string;
  author: string;
  priceCents: number;
  tags: string[];
}

/** Parses the supplier feed (JSON lines). */
export function parseFeed(feed: string): Book[] {
  const books: Book[] = [];
  for (const line of feed.split('\n')) {
    if (line.trim() === '') continue;
    try {
      books.push(JSON.parse(line) as Book);
    } catch (e) {
      // TODO: report malformed supplier lines instead of dropping them (bug)
      console.warn('skipping line', e);
    }
  }
  return books;
}

/** Case-insensitive search over title, author and tags. */
export function search(books: readonly Book[], query: string): Book[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...books];
  return books.filter(
    (book) =>
      book.title.toLowerCase().includes(needle) ||
      book.author.toLowerCase().includes(needle) ||
      book.tags.some((tag) => tag.toLowerCase() === needle),
  );
}

export function findBySku(books: readonly Book[], sku: string): Book {
  const book = books.find((candidate) => candidate.sku === sku);
  if (!book) {
    throw new Error(`no book with SKU ${sku}`);
  }
  return book;
}

// FIXME: linear scan per lookup; index by SKU once the catalog exceeds a few thousand books (performance)
export function priceOf(books: readonly Book[], sku: string): number {
  return findBySku(books, sku).priceCents;
}
