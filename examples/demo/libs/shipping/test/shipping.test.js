'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { zoneOf, shippingCents, parcelsFor } = require('../src/index.js');

describe('zones', () => {
  test('Germany is domestic', () => assert.equal(zoneOf('DE'), 'domestic'));
  test('France is in the EU zone', () => assert.equal(zoneOf('FR'), 'eu'));
  test('Japan ships worldwide', () => assert.equal(zoneOf('JP'), 'world'));
});

describe('shipping cost', () => {
  test('domestic orders over 50 € ship free', () => assert.equal(shippingCents(5000, 'DE'), 0));
  test('small domestic orders pay the flat rate', () => assert.equal(shippingCents(1200, 'DE'), 490));
  test('EU orders never ship free', () => assert.equal(shippingCents(9000, 'NL'), 990));
});

describe('parcels', () => {
  test('splits heavy orders into 20 kg parcels', () => assert.equal(parcelsFor(45000), 3));
  test('rejects empty shipments', () => assert.throws(() => parcelsFor(0), RangeError));
  test.todo('supports oversize parcels');
});
