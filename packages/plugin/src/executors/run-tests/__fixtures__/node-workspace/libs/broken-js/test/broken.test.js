'use strict';
// A test file with a syntax error: node --test reports it as one failed test named after the file.
const { test } = require('node:test');

test('never runs', () => {
  (;
});
