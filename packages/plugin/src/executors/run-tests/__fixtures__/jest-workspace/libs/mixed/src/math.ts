export function add(a: number, b: number): number {
  return a + b;
}

export function subtract(a: number, b: number): number {
  return a - b;
}

// Known uncovered function: no test calls it.
export function neverCalled(value: number): number {
  if (value > 0) {
    return value * 2;
  }
  return -value;
}
