export interface Range {
  min: number;
  max: number;
}

export function add(a: number, b: number): number {
  return a + b;
}

export function clamp(value: number, range: Range): number {
  if (value < range.min) {
    return range.min;
  }
  // Known uncovered branch: no test passes a value above range.max.
  if (value > range.max) {
    return range.max;
  }
  return value;
}
