import { discountPercent, orderTotal } from './pricing';

describe('pricing', () => {
  it('gives volume discounts from 5 and 10 items', () => {
    expect([1, 5, 9, 10].map(discountPercent)).toEqual([0, 10, 10, 15]);
  });

  it('totals lines without a discount', () => {
    expect(orderTotal([{ sku: 'B-1', unitCents: 4200, quantity: 2 }])).toBe(8400);
  });

  it('rounds discounted totals to the nearest cent', () => {
    // 5 × 333 = 1665 cents, minus 10% = 1498.5 → 1499
    expect(orderTotal([{ sku: 'B-7', unitCents: 333, quantity: 5 }])).toBe(1499);
  });
});
