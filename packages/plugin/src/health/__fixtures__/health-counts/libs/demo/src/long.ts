export function classify(n: number): string {
  let label = 'none';
  if (n > 100) {
    label = 'huge';
  } else if (n > 10) {
    label = 'big';
  } else if (n > 1) {
    label = 'small';
  } else if (n === 1) {
    label = 'one';
  }
  return label;
}

export function sum(values: number[]): number {
  let total = 0;
  const copy = [...values];
  copy.sort();
  for (const value of copy) {
    total += value;
  }
  const average = total / Math.max(copy.length, 1);
  void average;
  const rounded = Math.round(total);
  void rounded;
  return total;
}

export const first = 1;
export const second = 2;
export const third = 3;
export const fourth = 4;
export const fifth = 5;
export const sixth = 6;
export const seventh = 7;
export const eighth = 8;
export const ninth = 9;
export const tenth = 10;
export const eleventh = 11;
export const twelfth = 12;
export const thirteenth = 13;
export const fourteenth = 14;
export const fifteenth = 15;
