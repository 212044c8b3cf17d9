export function remember<T>(value: T): T {
  return value;
}
