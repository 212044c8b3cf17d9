import { countPhrase, type TypecheckResult } from '@nx-quality/core';

/** A compact, human summary of a TypecheckResult: totals, the top codes, the first diagnostics, the ladder. */
export function formatTypecheckSummary(result: TypecheckResult, resultFile: string, maxDiagnostics = 10): string {
  const { counts } = result;
  const heading = `${result.project}: typecheck ${result.status.toUpperCase()} (${result.tool.name} ${result.tool.version})`;
  const lines = [
    result.status === 'error'
      ? heading
      : `${heading} — ${countPhrase(counts.errors, 'error')}, ${countPhrase(counts.warnings, 'warning')} in ${countPhrase(counts.filesChecked, 'file')} of ${result.configs.length ? result.configs.join(', ') : result.tsconfig}`,
  ];
  const codes = Object.entries(result.codes)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5)
    .map(([code, count]) => `${code} ${count}`);
  if (codes.length > 0) lines.push(`  codes: ${codes.join(', ')}`);
  for (const diagnostic of result.diagnostics.slice(0, maxDiagnostics)) {
    const where = diagnostic.file ? `${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}:${diagnostic.column}` : ''}` : diagnostic.tsconfig;
    lines.push(`  ${diagnostic.category === 'error' ? '✖' : '⚠'} ${where} ${diagnostic.code}: ${diagnostic.message.split('\n')[0]}`);
  }
  const more = result.diagnostics.length - Math.min(result.diagnostics.length, maxDiagnostics) + result.diagnosticsOmitted;
  if (more > 0) lines.push(`  … ${more} more diagnostics in ${resultFile}`);
  if (result.strictness?.length) {
    lines.push(`  stricter flags would add: ${result.strictness.map((step) => `${step.flag} +${step.additionalErrors}`).join(', ')}`);
  }
  if (result.error) {
    lines.push(`  error ${result.error.code}: ${result.error.message}${result.error.file ? ` (${result.error.file})` : ''}`);
    if (result.error.hint) lines.push(`  Fix: ${result.error.hint}`);
  }
  lines.push(`  result: ${resultFile}`);
  return lines.join('\n');
}
