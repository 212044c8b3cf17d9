/**
 * `1 error`, `2 errors`, `0 errors`: a count with its noun in the right number. `plural` is for
 * nouns that do not just take an s (`1 entry`, `2 entries`).
 */
export function countPhrase(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
