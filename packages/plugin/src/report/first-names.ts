/** A printed list kept to one line: the first `shown` names, then how many more there are. */
export function firstNames(names: readonly string[], shown = 10): string {
  const more = names.length - shown;
  return `${names.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
