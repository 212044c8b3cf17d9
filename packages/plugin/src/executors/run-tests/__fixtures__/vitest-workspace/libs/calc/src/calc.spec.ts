import { describe, expect, it } from 'vitest';
import { add, clamp } from './calc';

describe('calc', () => {
  describe('add', () => {
    it('adds', () => {
      expect(add(1, 2)).toBe(3);
    });

    it('is wrong on purpose', () => {
      expect(add(1, 1)).toBe(3);
    });
  });

  it('clamps below min', () => {
    expect(clamp(-1, 0, 10)).toBe(0);
  });

  it.skip('is skipped', () => {
    expect(true).toBe(false);
  });

  it.todo('handles overflow');
});

it('top-level passes', () => {
  expect(clamp(5, 0, 10)).toBe(5);
});
