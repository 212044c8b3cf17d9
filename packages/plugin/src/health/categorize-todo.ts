import type { TodoCategory } from '@nx-quality/core';

const KNOWN_CATEGORIES = new Set<string>(['security', 'performance', 'bug', 'feature', 'refactor', 'documentation', 'other']);

function startsAWord(haystack: string, keyword: string): boolean {
  for (let at = haystack.indexOf(keyword); at >= 0; at = haystack.indexOf(keyword, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}_]/u.test(haystack[at - 1] as string)) return true;
  }
  return false;
}

/**
 * Sorts a TODO comment into the first category (in the order of `categories`) one of whose keywords
 * starts a word of its text ("race" matches "race condition", not "trace"), case-insensitively; `other`
 * when none does. Category names outside the result schema's list map to `other`.
 */
export function categorizeTodo(text: string, categories: Record<string, string[]>): TodoCategory {
  const haystack = text.toLowerCase();
  for (const [category, keywords] of Object.entries(categories)) {
    if (keywords.some((keyword) => keyword !== '' && startsAWord(haystack, keyword.toLowerCase()))) {
      return (KNOWN_CATEGORIES.has(category) ? category : 'other') as TodoCategory;
    }
  }
  return 'other';
}
