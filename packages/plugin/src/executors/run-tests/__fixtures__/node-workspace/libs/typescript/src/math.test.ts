import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { add, clamp, type Range } from './math';

const range: Range = { min: 0, max: 10 };

describe('math', () => {
  it('adds', () => {
    assert.equal(add(2, 3), 5);
  });

  it('clamps below min', () => {
    assert.equal(clamp(-1, range), 0);
  });

  it('keeps values in range', () => {
    assert.equal(clamp(5, range), 5);
  });

  it('is wrong on purpose', () => {
    assert.equal(add(2, 2), 5);
  });

  it.skip('is skipped', () => {
    assert.equal(add(0, 0), 0);
  });

  it.todo('supports bigint');
});
