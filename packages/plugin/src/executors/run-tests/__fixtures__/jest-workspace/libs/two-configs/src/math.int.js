'use strict';
const { subtract } = require('./math');

describe('subtract', () => {
  it('subtracts', () => {
    expect(subtract(3, 2)).toBe(1);
  });

  it('reads its environment from the target', () => {
    expect(process.env['TWO_CONFIGS_TARGET']).toBe('int-test');
  });
});
