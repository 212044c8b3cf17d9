'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');

test('passes', () => {
  assert.equal(1 + 1, 2);
});
