import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { double } from './double';

describe('double', () => {
  it('doubles', () => {
    expect(double(2)).toBe(4);
  });

  it('reads a fixture relative to the working directory, the project', () => {
    expect(readFileSync('src/fixture.txt', 'utf8').trim()).toBe('relative');
  });
});

it('runs under NODE_ENV test, as the vitest command sets it', () => {
  expect(process.env.NODE_ENV).toBe('test');
});
