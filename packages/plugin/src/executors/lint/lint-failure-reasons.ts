import type { LintResult } from '@nx-quality/core';

/**
 * One greppable sentence per reason the lint target fails; empty when it passes. `limitOf` names the
 * official target whose warnings limit `maxWarnings` is, when it is not our own option's.
 */
export function lintFailureReasons(counts: LintResult['counts'], maxWarnings: number, projectName: string, limitOf?: string): string[] {
  const reasons: string[] = [];
  if (counts.errors > 0) {
    reasons.push(`${counts.errors} ESLint ${counts.errors === 1 ? 'error' : 'errors'} (project ${projectName})`);
  }
  if (maxWarnings >= 0 && counts.warnings > maxWarnings) {
    const whose = limitOf === undefined ? '' : `, the limit of the official target "${limitOf}"`;
    const what = counts.warnings === 1 ? 'warning exceeds' : 'warnings exceed';
    reasons.push(`${counts.warnings} ESLint ${what} maxWarnings ${maxWarnings}${whose} (project ${projectName})`);
  }
  return reasons;
}
