import { CURRENCIES, type CurrencyCode } from './currency';

/** An amount in minor units (cents) of one currency; never a float. */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

/** Thrown when amounts of different currencies are combined. */
export class CurrencyMismatchError extends Error {
  constructor(
    readonly left: CurrencyCode,
    readonly right: CurrencyCode,
  ) {
    super(`cannot combine ${left} with ${right}`);
    this.name = 'CurrencyMismatchError';
  }
}

export function money(minor: number, currency: CurrencyCode): Money {
  if (!Number.isInteger(minor)) throw new RangeError(`minor units must be an integer, got ${minor}`);
  return { minor, currency };
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.minor + b.minor, a.currency);
}

export function sum(amounts: readonly Money[], currency: CurrencyCode): Money {
  return amounts.reduce((total, amount) => add(total, amount), money(0, currency));
}

/** Multiplies by a quantity or a rate, rounding half away from zero to whole minor units. */
export function multiply(amount: Money, factor: number): Money {
  const exact = amount.minor * factor;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return money(rounded, amount.currency);
}

/** Formats for receipts: `€12.50`, `¥1200`, `-$3.05`. */
export function format(amount: Money): string {
  const { symbol, minorDigits } = CURRENCIES[amount.currency];
  const sign = amount.minor < 0 ? '-' : '';
  const abs = Math.abs(amount.minor);
  if (minorDigits === 0) return `${sign}${symbol}${abs}`;
  const scale = 10 ** minorDigits;
  const major = Math.floor(abs / scale);
  const minor = String(abs % scale).padStart(minorDigits, '0');
  return `${sign}${symbol}${major}.${minor}`;
}
