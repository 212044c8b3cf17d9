const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/**
 * Replaces `& < > ' "` by entities and nothing else, as istanbul-reports does for cobertura's
 * package, class and method names (control characters are kept). Throws for null and undefined.
 */
export function escapeMarkupCharacters(value: unknown): string {
  if (value === null || value === undefined) throw new TypeError(`cannot escape ${String(value)}`);
  return String(value).replace(/[&<>'"]/g, (char) => ENTITIES[char] as string);
}
