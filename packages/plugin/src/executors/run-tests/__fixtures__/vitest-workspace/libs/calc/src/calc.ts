export function add(a: number, b: number): number {
  return a + b;
}

export function clamp(value: number, min: number, max: number): number {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}

export function neverCalled(flag: boolean): string {
  return flag ? 'yes' : 'no';
}
