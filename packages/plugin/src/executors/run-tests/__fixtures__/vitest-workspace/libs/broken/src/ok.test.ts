import { expect, test } from 'vitest';

test('ok', () => {
  expect(1 + 1).toBe(2);
});
