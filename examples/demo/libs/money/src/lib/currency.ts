/** ISO 4217 codes the shop sells in, with their minor-unit digits. */
export const CURRENCIES = {
  EUR: { symbol: '€', minorDigits: 2 },
  USD: { symbol: '$', minorDigits: 2 },
  JPY: { symbol: '¥', minorDigits: 0 },
} as const;

export type CurrencyCode = keyof typeof CURRENCIES;

/** Whether `code` is a currency the shop supports. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}
