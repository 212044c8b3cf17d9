import { parse } from '../../src/any';

describe('parse', () => {
  it('returns its input', () => {
    expect(parse('<script>')).toBe('<script>');
  });
});
