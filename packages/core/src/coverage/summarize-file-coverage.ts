/** Total and covered count of one coverage metric (istanbul never reports skipped items here). */
export interface MetricCount {
  total: number;
  covered: number;
}

/** Counts of one file's coverage, as istanbul's `FileCoverage#toSummary()` computes them. */
export interface FileCoverageCounts {
  lines: MetricCount;
  statements: MetricCount;
  functions: MetricCount;
  branches: MetricCount;
}

/** One file's counts and its hits per source line (keyed by line, in istanbul's key order). */
export interface FileCoverageDigest {
  counts: FileCoverageCounts;
  lineHits: Record<string, unknown>;
}

/** istanbul's percentage: truncated to two decimals, 100 when there is nothing to cover. */
export function coveragePercent(covered: number, total: number): number {
  return total > 0 ? Math.floor((1000 * 100 * covered) / total / 10) / 100 : 100;
}

type Loose = Record<string, unknown>;

function countTruthy(values: Loose, keys: string[]): number {
  let covered = 0;
  for (const key of keys) if (values[key]) covered++;
  return covered;
}

function countBranches(branches: unknown): MetricCount {
  const counts = { total: 0, covered: 0 };
  const record = branches as Record<string, { filter(test: (hits: number) => boolean): unknown[]; length: number }>;
  for (const key of Object.keys(branches as object)) {
    const hits = record[key] as (typeof record)[string];
    counts.covered += hits.filter((count) => count > 0).length;
    counts.total += hits.length;
  }
  return counts;
}

/**
 * Counts statements, lines, functions and branches of one istanbul file coverage object with the
 * same operations, in the same order, as istanbul-lib-coverage (`getLineCoverage`, `toSummary`):
 * on data istanbul accepts the results are equal, and it throws a TypeError where istanbul throws.
 * The caller checks that the seven required properties are present first.
 */
export function summarizeFileCoverage(data: Loose): FileCoverageDigest {
  const statementMap = data['statementMap'] as Record<string, { start: { line: unknown } } | undefined>;
  const s = data['s'] as Loose;
  const lineHits: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const addHits = (statement: { start: { line: unknown } } | undefined, count: unknown): void => {
    if (!statement) return;
    const line = statement.start.line as string;
    const previous = lineHits[line];
    if (previous === undefined || (previous as number) < (count as number)) lineHits[line] = count;
  };
  const statementKeys = Object.keys(s);
  for (const key of statementKeys) addHits(statementMap[key], s[key]);
  const lineKeys = Object.keys(lineHits);
  const f = data['f'] as Loose;
  const functionKeys = Object.keys(f);
  const counts: FileCoverageCounts = {
    lines: { total: lineKeys.length, covered: countTruthy(lineHits, lineKeys) },
    functions: { total: functionKeys.length, covered: countTruthy(f, functionKeys) },
    statements: { total: statementKeys.length, covered: countTruthy(s, statementKeys) },
    branches: countBranches(data['b']),
  };
  // istanbul also totals branch truthiness when present, so a malformed `bT` fails there too.
  if (data['bT']) countBranches(data['bT']);
  return { counts, lineHits };
}
