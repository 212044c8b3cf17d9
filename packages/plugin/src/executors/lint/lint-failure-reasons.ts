import type { LintResult } from '@nx-quality/core';

/** One greppable sentence per reason the lint target fails; empty when it passes. */
export function lintFailureReasons(counts: LintResult['counts'], maxWarnings: number, projectName: string): string[] {
  const reasons: string[] = [];
  if (counts.errors > 0) {
    reasons.push(`${counts.errors} ESLint ${counts.errors === 1 ? 'error' : 'errors'} (project ${projectName})`);
  }
  if (maxWarnings >= 0 && counts.warnings > maxWarnings) {
    reasons.push(`${counts.warnings} ESLint warnings exceed maxWarnings ${maxWarnings} (project ${projectName})`);
  }
  return reasons;
}
