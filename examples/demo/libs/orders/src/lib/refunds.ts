import { type OrderLine, orderTotal } from './pricing';

/** Why a refund was requested. */
export type RefundReason = 'damaged' | 'late' | 'changed-mind';

/** Refund in cents for returned lines; changed-mind returns pay a restocking fee. */
export function refundFor(lines: readonly OrderLine[], reason: RefundReason): number {
  const total = orderTotal(lines);
  switch (reason) {
    case 'damaged':
    case 'late':
      return total;
    case 'changed-mind':
      return Math.max(0, total - restockingFee(lines));
  }
}

function restockingFee(lines: readonly OrderLine[]): number {
  const items = lines.reduce((n, line) => n + line.quantity, 0);
  return Math.min(500, items * 150);
}
