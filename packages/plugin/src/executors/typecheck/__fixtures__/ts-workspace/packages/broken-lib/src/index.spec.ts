import { greet, greetLoudly } from './index.js';

describe('greet', () => {
  it('greets', () => {
    expect(greet('a').loud).toBe(false);
    expect(greetLoudly('a').text).toBe('A');
    // An error of the spec config itself.
    const flag: boolean = greet('b').text;
    expect(flag).toBe(true);
  });
});
