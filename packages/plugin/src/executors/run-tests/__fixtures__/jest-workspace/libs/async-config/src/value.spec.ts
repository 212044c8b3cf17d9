import { value } from './value';

it('reads the value', () => {
  expect(value).toBe(42);
});
