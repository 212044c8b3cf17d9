import { greet } from './greet';

describe('greet', () => {
  it('greets', () => {
    expect(greet('x')).toBe('hello x');
  });
});
