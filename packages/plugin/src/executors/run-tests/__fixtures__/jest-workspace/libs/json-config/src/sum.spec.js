const { sum } = require('./sum');

describe('sum', () => {
  it('adds', () => expect(sum(1, 2)).toBe(3));
  it('adds negatives (planted failure)', () => expect(sum(-1, -2)).toBe(3));
  it.todo('adds many');
});
