import { checkSign } from '../../src/throws';

jest.mock('../../src/errors');
jest.mock('node:fs');

describe('checkSign', () => {
  it.only('accepts 1', () => {
    expect(checkSign(1)).toBe(1);
  });
  test('runs without an assertion', () => {
    checkSign(2);
  });
  it.todo('rejects NaN');
});
