/** `TokenExpired` → `TokenExpiredError`; names already ending in Error stay. */
export function withErrorSuffix(name: string): string {
  return name.endsWith('Error') ? name : `${name}Error`;
}

/** `TokenExpiredError` → `TOKEN_EXPIRED`. */
export function defaultCode(className: string): string {
  const stem = className.replace(/Error$/, '') || className;
  return stem
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

/** `TokenExpiredError` → `Token expired.` */
export function defaultMessage(className: string): string {
  const words = (className.replace(/Error$/, '') || className)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/** `TokenExpiredError` → `token-expired-error` (file names). */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
