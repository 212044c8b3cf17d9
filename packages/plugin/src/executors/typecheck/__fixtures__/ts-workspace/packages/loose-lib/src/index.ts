export function total(items) {
  let sum = 0;
  for (const item of items) sum += item.price;
  return sum;
}

export function first(values: string[]): string {
  const value = values[0];
  return value.toUpperCase();
}

export function maybeName(user: { name?: string }): string {
  return user.name.trim();
}

export function pick(map: Record<string, number>, key: string): number {
  return map[key] + 1;
}

export function parse(input: string) {
  if (input) {
    return input.length;
  }
}
