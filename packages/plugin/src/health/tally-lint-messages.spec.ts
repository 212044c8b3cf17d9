import type { HealthLintMessage } from './run-health-eslint';
import { tallyLintMessages } from './tally-lint-messages';

const message = (file: string, ruleId: string | null, extra: Partial<HealthLintMessage> = {}): HealthLintMessage => ({
  file,
  ruleId,
  fatal: false,
  line: 1,
  column: 1,
  message: `${ruleId} says so`,
  ...extra,
});

describe('tallyLintMessages', () => {
  const tally = tallyLintMessages(
    [
      message('src/a.ts', '@nx-quality/no-generic-catch', { line: 4, column: 5 }),
      message('src/a.ts', 'no-warning-comments'),
      message('src/a.ts', '@nx/enforce-module-boundaries'),
      message('src/b.ts', null, { fatal: true, line: 2, column: 3, message: 'Parsing error: x' }),
      message('src/b.ts', null, { fatal: true, line: 9, column: 1, message: 'Parsing error: y' }),
      message('src/c.spec.ts', 'jest/no-focused-tests'),
    ],
    (file) => `libs/demo/${file}`,
  );

  it('maps health rules to counts and findings with workspace paths', () => {
    expect(tally.counts).toMatchObject({ genericCatches: 1, focusedTests: 1, parseErrors: 1, bareThrows: 0 });
    expect(tally.findings[0]).toEqual({
      kind: 'genericCatch',
      file: 'libs/demo/src/a.ts',
      line: 4,
      column: 5,
      ruleId: '@nx-quality/no-generic-catch',
      message: '@nx-quality/no-generic-catch says so',
    });
  });

  it('keeps TODO messages apart, drops rules the health config does not run, and counts one parse error per file', () => {
    expect(tally.todoMessages).toHaveLength(1);
    expect(tally.findings.map((finding) => finding.kind)).toEqual(['genericCatch', 'parseError', 'focusedTest']);
    expect(tally.findings[1]).toEqual({ kind: 'parseError', file: 'libs/demo/src/b.ts', line: 2, column: 3, message: 'Parsing error: x' });
    expect([...tally.unparsableFiles]).toEqual(['src/b.ts']);
  });
});
