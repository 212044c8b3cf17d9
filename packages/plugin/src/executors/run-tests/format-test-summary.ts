import type { TestResult } from '@nx-quality/core';
import { hintForCrashText } from '../shared/hint-for-tool-crash';

/** A compact, human summary of a TestResult (a few lines; failures listed up to `maxFailures`). */
export function formatTestSummary(result: TestResult, resultFile: string, maxFailures = 10): string {
  const { counts, suites } = result;
  const lines = [
    `${result.project}: tests ${result.status.toUpperCase()} (${result.runner} ${result.tool.version}) — ` +
      `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.todo} todo of ${counts.total}; ` +
      `${suites.total} files${suites.errored ? `, ${suites.errored} could not run` : ''}`,
  ];
  if (result.officialTargets) lines.push(`  the tests of the official targets ${result.officialTargets.join(', ')}, coverage merged`);
  if (result.officialTargetsNotRun) {
    lines.push(`  ! not in this result: the tests of ${result.officialTargetsNotRun.join(', ')} (another runner, no config of their own, other NODE_OPTIONS, or otherOfficialTargets false)`);
  }
  if (result.coverage) {
    const { lines: l, statements: s, functions: f, branches: b } = result.coverage.totals;
    lines.push(`  coverage: lines ${l.pct}%, statements ${s.pct}%, functions ${f.pct}%, branches ${b.pct}%`);
    for (const violation of result.coverage.thresholdViolations) lines.push(`  ✖ ${violation}`);
  }
  for (const failure of result.failures.slice(0, maxFailures)) {
    const where = failure.line ? `${failure.file}:${failure.line}${failure.column ? `:${failure.column}` : ''}` : failure.file;
    lines.push(`  ✖ ${failure.fullName} (${where})`);
  }
  const more = result.failures.length - Math.min(result.failures.length, maxFailures) + result.failuresOmitted;
  if (more > 0) lines.push(`  … ${more} more failures in ${resultFile}`);
  // A failure whose cause is the environment (not the code under test) gets the fix printed once.
  const environmentHint = result.failures.map((failure) => hintForCrashText(failure.message)).find((hint) => hint !== undefined);
  if (environmentHint && !result.error?.hint) lines.push(`  Fix: ${environmentHint}`);
  if (result.error) {
    lines.push(`  error ${result.error.code}: ${result.error.message}${result.error.file ? ` (${result.error.file})` : ''}`);
    if (result.error.hint) lines.push(`  Fix: ${result.error.hint}`);
  }
  lines.push(`  result: ${resultFile}`);
  return lines.join('\n');
}
