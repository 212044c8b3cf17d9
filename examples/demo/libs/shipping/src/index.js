'use strict';

/** Flat rates in cents per zone; orders over the free-shipping threshold ship free. */
const RATES = { domestic: 490, eu: 990, world: 1990 };
const FREE_SHIPPING_CENTS = 5000;

/** Which zone a country ships to. */
function zoneOf(countryCode) {
  if (countryCode === 'DE') return 'domestic';
  const eu = ['AT', 'BE', 'FR', 'IT', 'NL', 'PL', 'ES'];
  return eu.includes(countryCode) ? 'eu' : 'world';
}

/** Shipping cost in cents for an order total and a destination. */
function shippingCents(orderCents, countryCode) {
  const zone = zoneOf(countryCode);
  if (zone === 'domestic' && orderCents >= FREE_SHIPPING_CENTS) return 0;
  return RATES[zone];
}

/** Parcels needed for a weight; heavy orders are split into 20 kg parcels. */
function parcelsFor(weightGrams) {
  if (weightGrams <= 0) {
    throw new RangeError('weight must be positive');
  }
  return Math.ceil(weightGrams / 20000);
}

module.exports = { zoneOf, shippingCents, parcelsFor };
