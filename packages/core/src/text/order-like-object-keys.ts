const MAX_ARRAY_INDEX = 2 ** 32 - 2;

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) <= MAX_ARRAY_INDEX;
}

/**
 * The order JavaScript enumerates an object's keys in when they were added in `keys` order: array
 * indices first, ascending, then the other keys as given. Lets a Map reproduce a plain object's order.
 */
export function orderLikeObjectKeys(keys: readonly string[]): string[] {
  const indices = keys.filter(isArrayIndex);
  if (indices.length === 0) return [...keys];
  indices.sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}
