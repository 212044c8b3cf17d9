import type { HealthResult } from '../schemas/health-result';
import type { TestResult } from '../schemas/test-result';
import type { ProjectReport } from './report-schema';

/** Tests per kind with how they were counted (see `ProjectReport['testKinds']`). */
export type TestKindCounts = ProjectReport['testKinds'];

function countedOf(executedFiles: number, files: number): 'executed' | 'static' | 'mixed' {
  if (executedFiles === 0) return 'static';
  return executedFiles >= files ? 'executed' : 'mixed';
}

/**
 * Tests per kind of one project: the health analysis classifies its test files and counts their
 * declared test calls; where the same run's test result has the file, its executed count (what
 * really ran, `it.each` rows included) replaces the declared one. Each kind says which it holds
 * (`counted`), because a declared count is not a number of tests that ran. The join happens here,
 * not in the health target, because health does not depend on the test target (it must run when
 * tests fail) and so may not read test.json.
 */
export function countTestsPerKind(health: HealthResult, test: TestResult | undefined): TestKindCounts {
  const usable = test && test.status !== 'error' && test.project === health.project ? test : undefined;
  const executed = new Map(usable?.files.map((entry) => [entry.file, entry.counts.total]));
  const executedFiles = new Map<string, number>();
  const kinds: TestKindCounts = Object.fromEntries(Object.entries(health.testKinds).map(([kind, count]) => [kind, { ...count }]));
  for (const file of health.testFiles) {
    const ran = executed.get(file.file);
    const bucket = kinds[file.kind];
    if (ran === undefined || !bucket) continue;
    bucket.tests += ran - file.tests;
    executedFiles.set(file.kind, (executedFiles.get(file.kind) ?? 0) + 1);
  }
  for (const [kind, bucket] of Object.entries(kinds)) bucket.counted = countedOf(executedFiles.get(kind) ?? 0, bucket.files);
  return kinds;
}
