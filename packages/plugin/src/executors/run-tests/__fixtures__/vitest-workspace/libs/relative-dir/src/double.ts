export function double(value: number): number {
  if (value < 0) return -double(-value);
  return value * 2;
}
