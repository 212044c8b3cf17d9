import { add, CurrencyMismatchError, format, money, multiply, sum } from './money';
import { isCurrencyCode } from './currency';

describe('money', () => {
  it('rejects fractional minor units', () => {
    expect(() => money(1.5, 'EUR')).toThrow(RangeError);
  });

  it('adds amounts of one currency', () => {
    expect(add(money(150, 'EUR'), money(275, 'EUR'))).toEqual(money(425, 'EUR'));
  });

  it('refuses to add different currencies', () => {
    expect(() => add(money(1, 'EUR'), money(1, 'USD'))).toThrow(CurrencyMismatchError);
  });

  it('sums a list, starting from zero', () => {
    expect(sum([money(100, 'USD'), money(5, 'USD')], 'USD')).toEqual(money(105, 'USD'));
    expect(sum([], 'JPY')).toEqual(money(0, 'JPY'));
  });

  it('multiplies with half-away-from-zero rounding', () => {
    expect(multiply(money(999, 'EUR'), 0.5)).toEqual(money(500, 'EUR'));
    expect(multiply(money(-999, 'EUR'), 0.5)).toEqual(money(-500, 'EUR'));
  });

  it('formats currencies with and without minor units', () => {
    expect(format(money(1250, 'EUR'))).toBe('€12.50');
    expect(format(money(-305, 'USD'))).toBe('-$3.05');
    expect(format(money(1200, 'JPY'))).toBe('¥1200');
  });

  it('knows the supported currency codes', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('GBP')).toBe(false);
  });
});
