/** One order line; prices in cents. */
export interface OrderLine {
  sku: string;
  unitCents: number;
  quantity: number;
}

/** Volume discount in percent for a number of items. */
export function discountPercent(items: number): number {
  if (items >= 10) return 15;
  if (items >= 5) return 10;
  return 0;
}

/** Order total after the volume discount, rounded to whole cents. */
export function orderTotal(lines: readonly OrderLine[]): number {
  const items = lines.reduce((n, line) => n + line.quantity, 0);
  const gross = lines.reduce((total, line) => total + line.unitCents * line.quantity, 0);
  // Truncates instead of rounding: the test for 5 × 333 cents catches it.
  return Math.floor(gross * (1 - discountPercent(items) / 100));
}
