// Jest snapshot serializer: prints report files verbatim, with absolute roots and times normalised.

/** Roots (absolute paths) to replace by `<root>` in snapshots; tests add theirs. */
export const snapshotRoots: string[] = [];

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/** Replaces absolute roots, ISO times and epoch timestamps attributes with placeholders. */
export function normalizeForSnapshot(text: string): string {
  let out = text;
  for (const root of snapshotRoots) out = out.split(root).join('<root>');
  return out.replace(ISO_TIME, '<time>').replace(/timestamp="\d+"/g, 'timestamp="<epoch>"');
}

/** Serializer for `expect.addSnapshotSerializer`: multi-line strings are printed raw, normalised. */
export const pathTimeSerializer = {
  test: (value: unknown): boolean => typeof value === 'string' && value.includes('\n'),
  serialize: (value: string): string => normalizeForSnapshot(value),
};
