import type { HealthResult } from '../schemas/health-result';
import type { TestResult } from '../schemas/test-result';

/**
 * Tests per kind of one project: the health analysis classifies its test files and counts their
 * declared test calls; where the same run's test result has the file, its executed count (what
 * really ran, `it.each` rows included) replaces the declared one. The join happens here, not in the
 * health target, because health does not depend on the test target (it must run when tests fail)
 * and so may not read test.json.
 */
export function countTestsPerKind(health: HealthResult, test: TestResult | undefined): HealthResult['testKinds'] {
  if (!test || test.status === 'error' || test.project !== health.project) return health.testKinds;
  const executed = new Map(test.files.map((entry) => [entry.file, entry.counts.total]));
  const kinds: HealthResult['testKinds'] = Object.fromEntries(Object.entries(health.testKinds).map(([kind, count]) => [kind, { ...count }]));
  for (const file of health.testFiles) {
    const ran = executed.get(file.file);
    const bucket = kinds[file.kind];
    if (ran !== undefined && bucket) bucket.tests += ran - file.tests;
  }
  return kinds;
}
