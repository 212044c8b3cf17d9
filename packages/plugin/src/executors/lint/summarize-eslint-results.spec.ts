import { LINT_PSEUDO_RULES } from '@nx-quality/core';
import { summarizeEslintResults } from './summarize-eslint-results';

const file = (filePath: string, messages: { ruleId: string | null; severity: number; message: string; fatal?: boolean; fix?: unknown; line?: number }[]) => ({
  filePath,
  messages: messages.map((message) => ({ line: 1, column: 1, ...message })),
  errorCount: messages.filter((message) => message.severity === 2).length,
  warningCount: messages.filter((message) => message.severity === 1).length,
  fixableErrorCount: messages.filter((message) => message.severity === 2 && message.fix).length,
  fixableWarningCount: messages.filter((message) => message.severity === 1 && message.fix).length,
  fatalErrorCount: messages.filter((message) => message.fatal).length,
});

describe('summarizeEslintResults', () => {
  const results = [
    file('/ws/libs/a/src/b.ts', [
      { ruleId: 'no-console', severity: 1, message: 'Unexpected console statement.', line: 3 },
      { ruleId: null, severity: 2, message: "Unused eslint-disable directive (no problems were reported from 'eqeqeq').", fix: {}, line: 1 },
      { ruleId: null, severity: 1, message: 'Unused eslint-enable directive (no matching eslint-disable directives were found).', line: 9 },
    ]),
    file('/ws/libs/a/src/a.ts', [{ ruleId: null, severity: 2, message: 'Parsing error: Unexpected token', fatal: true, line: 5 }]),
    file('/ws/libs/a/src/c.ts', []),
    file('/ws/libs/a/src/d.ts', [{ ruleId: null, severity: 1, message: 'Some future rule-less notice.' }]),
  ];

  it('counts rule-less messages under the pseudo rules and keeps totals exact', () => {
    const summary = summarizeEslintResults(results, '/ws', 10);
    expect(summary.counts).toEqual({ errors: 2, warnings: 3, fixableErrors: 1, fixableWarnings: 0, fatal: 1, filesLinted: 4, filesWithProblems: 3 });
    expect(summary.rules).toEqual({
      [LINT_PSEUDO_RULES.parseError]: { errors: 1, warnings: 0 },
      [LINT_PSEUDO_RULES.other]: { errors: 0, warnings: 1 },
      [LINT_PSEUDO_RULES.unusedDisableDirective]: { errors: 1, warnings: 1 },
      'no-console': { errors: 0, warnings: 1 },
    });
  });

  it('lists errors first, then by file and position, with workspace-relative paths, capped', () => {
    const summary = summarizeEslintResults(results, '/ws', 3);
    expect(summary.messages.map((message) => `${message.severity} ${message.file}:${message.line}`)).toEqual([
      'error libs/a/src/a.ts:5',
      'error libs/a/src/b.ts:1',
      'warning libs/a/src/b.ts:3',
    ]);
    expect(summary.messages[1]).toMatchObject({ fixable: true, ruleId: LINT_PSEUDO_RULES.unusedDisableDirective });
    expect(summary.messagesOmitted).toBe(2);
  });
});
