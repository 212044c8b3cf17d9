import { lintResult } from '@nx-quality/core/test-support';
import { formatLintSummary } from './format-lint-summary';

describe('formatLintSummary', () => {
  it('says how many files were linted and how many of them have problems', () => {
    const summary = formatLintSummary(lintResult('alpha', 'packages/alpha', 0, 0), 'dist/quality/packages/alpha/lint.json');
    expect(summary.split('\n')[0]).toBe('alpha: lint PASSED (eslint 10.0.0) — 0 errors, 0 warnings (0 fixable); 4 files linted, 0 with problems');
  });

  it('lists the top rules and the first messages, then where the rest are', () => {
    const summary = formatLintSummary(lintResult('beta', 'packages/beta', 2, 1), 'dist/quality/packages/beta/lint.json', 2);
    expect(summary.split('\n')).toEqual([
      'beta: lint FAILED (eslint 10.0.0) — 2 errors, 1 warning (0 fixable); 4 files linted, 2 with problems',
      '  rules: @typescript-eslint/no-explicit-any 1, no-unused-vars 1, no-console 1',
      '  ✖ packages/beta/src/a.ts:1:1 Unexpected any | `x0` <b> (@typescript-eslint/no-explicit-any)',
      '  ✖ packages/beta/src/a.ts:2:1 Unexpected any | `x1` <b> (no-unused-vars)',
      '  … 1 more messages in dist/quality/packages/beta/lint.json',
      '  result: dist/quality/packages/beta/lint.json',
    ]);
  });
});
