import { expect, test } from 'vitest';

test('compares objects', () => {
  expect({ a: 1 }).toEqual({ a: 2 });
});

test.skipIf(true)('skipped by condition', () => {
  expect(1).toBe(1);
});

test('passes', () => {
  expect('a'.toUpperCase()).toBe('A');
});
