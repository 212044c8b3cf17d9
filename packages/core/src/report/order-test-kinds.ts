const KNOWN_ORDER = ['unit', 'integration', 'e2e', 'security', 'performance'];

/** Test kinds in reading order: the well-known ones first, then the rest alphabetically. */
export function orderTestKinds(kinds: Iterable<string>): string[] {
  const rank = (kind: string) => {
    const index = KNOWN_ORDER.indexOf(kind);
    return index === -1 ? KNOWN_ORDER.length : index;
  };
  return [...new Set(kinds)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
