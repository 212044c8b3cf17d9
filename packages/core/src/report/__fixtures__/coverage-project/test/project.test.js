const lib = require('../src');

test('math', () => {
  expect(lib.clamp(-5)).toBe(0);
  expect(lib.clamp(50)).toBe(50);
  expect(lib.sign(3)).toBe(1);
  expect(lib.describe('a')).toBe('first');
  expect(lib.describe('c')).toBe('second or third');
});

test('shapes', () => {
  expect(lib.area('square', 3)).toBe(9);
  expect(lib.unit('cm')).toBe(0.01);
});

test('strings', () => {
  expect(new lib.Formatter('x').format('y')).toBe('x: y');
  expect(lib.Formatter.shout('hi')).toBe('HI');
});
