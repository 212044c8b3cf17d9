'use strict';
const { describe, it, test } = require('node:test');
const assert = require('node:assert/strict');
const { add, clamp } = require('../src/math');

describe('math', () => {
  describe('add', () => {
    it('adds', () => {
      assert.equal(add(1, 2), 3);
    });

    it('is wrong on purpose', () => {
      assert.equal(add(1, 1), 3);
    });
  });

  it('clamps below max', () => {
    assert.equal(clamp(1, 5), 1);
  });

  it('is skipped', { skip: true }, () => {
    assert.equal(add(0, 0), 0);
  });

  it.todo('handles overflow');
});

test('top-level passes', () => {
  assert.ok(true);
});

test('top-level skipped with t.skip()', (t) => {
  t.skip('not today');
});
