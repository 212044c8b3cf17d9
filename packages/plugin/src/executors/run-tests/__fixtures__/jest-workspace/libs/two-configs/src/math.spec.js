'use strict';
const { add } = require('./math');

describe('add', () => {
  it('adds', () => {
    expect(add(1, 2)).toBe(3);
  });

  it('fails on purpose', () => {
    expect(add(1, 1)).toBe(3);
  });

  it.todo('adds many');
});
