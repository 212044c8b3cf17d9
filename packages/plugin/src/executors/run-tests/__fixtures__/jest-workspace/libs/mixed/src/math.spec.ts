import { add, subtract } from './math';

describe('math', () => {
  describe('add', () => {
    it('adds two numbers', () => {
      expect(add(1, 2)).toBe(3);
    });

    it('is wrong on purpose', () => {
      expect(add(1, 1)).toBe(3);
    });
  });

  it('subtracts', () => {
    expect(subtract(3, 1)).toBe(2);
  });

  it.skip('is skipped', () => {
    expect(add(0, 0)).toBe(0);
  });

  xit('is skipped with xit', () => {
    expect(add(0, 0)).toBe(0);
  });

  it.todo('handles overflow');
});
