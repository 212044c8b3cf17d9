import { countPhrase } from './count-phrase';

describe('countPhrase', () => {
  it('puts the noun in the number the count needs', () => {
    expect(countPhrase(0, 'error')).toBe('0 errors');
    expect(countPhrase(1, 'error')).toBe('1 error');
    expect(countPhrase(2, 'error')).toBe('2 errors');
    expect(countPhrase(1, 'entry', 'entries')).toBe('1 entry');
    expect(countPhrase(3, 'entry', 'entries')).toBe('3 entries');
  });
});
