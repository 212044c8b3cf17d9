'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');

test('upper-cases', () => {
  assert.equal('a'.toUpperCase(), 'A');
});

test('compares objects', () => {
  assert.deepEqual({ name: 'alpha' }, { name: 'beta' });
});

test('a todo test', { todo: 'later' }, () => {});
