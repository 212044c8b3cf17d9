import { type Book, findBySku, parseFeed, priceOf, search } from './catalog';

const feed = [
  '{"sku":"B-1","title":"The Pragmatic Programmer","author":"Hunt & Thomas","priceCents":4200,"tags":["craft"]}',
  '',
  '{"sku":"B-2","title":"Refactoring","author":"Martin Fowler","priceCents":3900,"tags":["craft","design"]}',
  '{not json',
].join('\n');

describe('catalog', () => {
  let books: Book[];
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    books = parseFeed(feed);
  });

  it('parses the feed and skips malformed lines', () => {
    expect(books.map((b) => b.sku)).toEqual(['B-1', 'B-2']);
  });

  it('searches title, author and exact tags', () => {
    expect(search(books, 'fowler').map((b) => b.sku)).toEqual(['B-2']);
    expect(search(books, 'DESIGN').map((b) => b.sku)).toEqual(['B-2']);
    expect(search(books, '  ')).toHaveLength(2);
  });

  it('finds books and prices by SKU', () => {
    expect(findBySku(books, 'B-1').title).toBe('The Pragmatic Programmer');
    expect(priceOf(books, 'B-2')).toBe(3900);
    expect(() => findBySku(books, 'nope')).toThrow('no book with SKU nope');
  });
});
