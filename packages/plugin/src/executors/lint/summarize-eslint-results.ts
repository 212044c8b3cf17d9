import { toWorkspacePath, type LintMessage, type LintResult } from '@nx-quality/core';
import { ruleIdOf } from './classify-rule-less-message';
import type { EslintFileResult } from './eslint-api';

/** The counting part of a LintResult. */
export type LintSummary = Pick<LintResult, 'counts' | 'rules' | 'messages' | 'messagesOmitted'>;

/**
 * Counts ESLint's per-file results exactly (totals from ESLint's own per-file counts, per rule from
 * the messages) and keeps at most `messagesCap` messages, errors first, with workspace-relative paths.
 */
export function summarizeEslintResults(results: EslintFileResult[], workspaceRoot: string, messagesCap: number): LintSummary {
  const counts = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, fatal: 0, filesLinted: results.length, filesWithProblems: 0 };
  const rules: LintResult['rules'] = {};
  const messages: LintMessage[] = [];
  for (const file of results) {
    counts.errors += file.errorCount;
    counts.warnings += file.warningCount;
    counts.fixableErrors += file.fixableErrorCount;
    counts.fixableWarnings += file.fixableWarningCount;
    counts.fatal += file.fatalErrorCount ?? file.messages.filter((message) => message.fatal).length;
    if (file.errorCount + file.warningCount > 0) counts.filesWithProblems += 1;
    const path = toWorkspacePath(workspaceRoot, file.filePath);
    for (const message of file.messages) {
      // Severity 0 never reaches results; anything not an error is a warning, as in ESLint's own counts.
      const severity = message.severity === 2 ? 'error' : 'warning';
      const ruleId = ruleIdOf(message);
      const count = (rules[ruleId] ??= { errors: 0, warnings: 0 });
      if (severity === 'error') count.errors += 1;
      else count.warnings += 1;
      messages.push({
        file: path,
        line: message.line ?? 0,
        column: message.column ?? 0,
        ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
        ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
        ruleId,
        severity,
        message: message.message,
        fixable: message.fix !== undefined && message.fix !== null,
      });
    }
  }
  messages.sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.ruleId, b.ruleId),
  );
  const kept = messages.slice(0, messagesCap);
  return { counts, rules: sortKeys(rules), messages: kept, messagesOmitted: messages.length - kept.length };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
