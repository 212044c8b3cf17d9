import { countPhrase, type LintResult } from '@nx-quality/core';

/** A compact, human summary of a LintResult: totals, the top rules, the first messages. */
export function formatLintSummary(result: LintResult, resultFile: string, maxMessages = 10): string {
  const { counts } = result;
  const heading = `${result.project}: lint ${result.status.toUpperCase()} (${result.tool.name} ${result.tool.version})`;
  const lines = [
    result.status === 'error'
      ? heading
      : `${heading} — ${countPhrase(counts.errors, 'error')}, ${countPhrase(counts.warnings, 'warning')} (${counts.fixableErrors + counts.fixableWarnings} fixable); ` +
        `${countPhrase(counts.filesLinted, 'file')} linted, ${counts.filesWithProblems} with problems${result.fixed ? '; fixes written' : ''}`,
  ];
  if (result.officialTargetNotCarried) lines.push(`  ! ${result.officialTargetNotCarried}`);
  const topRules = Object.entries(result.rules)
    .sort(([, a], [, b]) => b.errors + b.warnings - (a.errors + a.warnings))
    .slice(0, 5)
    .map(([rule, count]) => `${rule} ${count.errors + count.warnings}`);
  if (topRules.length > 0) lines.push(`  rules: ${topRules.join(', ')}`);
  for (const message of result.messages.slice(0, maxMessages)) {
    // A message without a rule already carries its kind in parentheses, e.g. `(unused-disable-directive)`.
    const rule = message.ruleId.startsWith('(') ? message.ruleId : `(${message.ruleId})`;
    lines.push(`  ${message.severity === 'error' ? '✖' : '⚠'} ${message.file}:${message.line}:${message.column} ${message.message} ${rule}`);
  }
  const more = result.messages.length - Math.min(result.messages.length, maxMessages) + result.messagesOmitted;
  if (more > 0) lines.push(`  … ${more} more messages in ${resultFile}`);
  for (const reason of result.failureReasons ?? []) lines.push(`  ✖ ${reason}`);
  if (result.error) {
    lines.push(`  error ${result.error.code}: ${result.error.message}${result.error.file ? ` (${result.error.file})` : ''}`);
    if (result.error.hint) lines.push(`  Fix: ${result.error.hint}`);
  }
  lines.push(`  result: ${resultFile}`);
  return lines.join('\n');
}
