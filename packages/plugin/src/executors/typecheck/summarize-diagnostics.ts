import type { TypeDiagnostic, TypecheckResult } from '@nx-quality/core';

/** The counting part of a TypecheckResult. */
export type DiagnosticsSummary = Pick<TypecheckResult, 'codes' | 'diagnostics' | 'diagnosticsOmitted'> & {
  errors: number;
  warnings: number;
};

/** Identity of a diagnostic across configs: two configs that include one file report it twice. */
export function diagnosticKey(diagnostic: TypeDiagnostic): string {
  return [diagnostic.file ?? '', diagnostic.line ?? '', diagnostic.column ?? '', diagnostic.code].join(':');
}

/**
 * Deduplicates diagnostics (first config wins), counts errors per TS code exactly and keeps at
 * most `cap` diagnostics, errors first, then by file and position.
 */
export function summarizeDiagnostics(diagnostics: TypeDiagnostic[], cap: number): DiagnosticsSummary {
  const seen = new Set<string>();
  const unique: TypeDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = diagnosticKey(diagnostic);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(diagnostic);
  }
  const codes: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of unique) {
    if (diagnostic.category === 'error') {
      errors += 1;
      codes[diagnostic.code] = (codes[diagnostic.code] ?? 0) + 1;
    } else if (diagnostic.category === 'warning') {
      warnings += 1;
    }
  }
  const rank = (diagnostic: TypeDiagnostic) => (diagnostic.category === 'error' ? 0 : diagnostic.category === 'warning' ? 1 : 2);
  unique.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
  const kept = unique.slice(0, cap);
  const sortedCodes = Object.fromEntries(Object.entries(codes).sort(([a], [b]) => Number(a.slice(2)) - Number(b.slice(2))));
  return { errors, warnings, codes: sortedCodes, diagnostics: kept, diagnosticsOmitted: unique.length - kept.length };
}
