import type { TypeDiagnostic } from '@nx-quality/core';
import { summarizeDiagnostics } from './summarize-diagnostics';

const diagnostic = (overrides: Partial<TypeDiagnostic>): TypeDiagnostic => ({
  code: 'TS2322',
  category: 'error',
  message: 'm',
  file: 'libs/a/src/index.ts',
  line: 1,
  column: 1,
  tsconfig: 'libs/a/tsconfig.lib.json',
  ...overrides,
});

describe('summarizeDiagnostics', () => {
  it('counts a diagnostic two configs report for the same file, position and code once (first config wins)', () => {
    const summary = summarizeDiagnostics(
      [diagnostic({}), diagnostic({ tsconfig: 'libs/a/tsconfig.spec.json' }), diagnostic({ code: 'TS2304' })],
      10,
    );
    expect(summary.errors).toBe(2);
    expect(summary.codes).toEqual({ TS2304: 1, TS2322: 1 });
    expect(summary.diagnostics.map((d) => d.tsconfig)).toEqual(['libs/a/tsconfig.lib.json', 'libs/a/tsconfig.lib.json']);
  });

  it('lists errors first and caps the list while the counts stay exact', () => {
    const summary = summarizeDiagnostics(
      [diagnostic({ category: 'warning', line: 1 }), diagnostic({ line: 3, code: 'TS7006' }), diagnostic({ line: 2 }), diagnostic({ file: undefined, line: undefined, column: undefined, code: 'TS5023' })],
      2,
    );
    expect(summary.errors).toBe(3);
    expect(summary.warnings).toBe(1);
    expect(summary.codes).toEqual({ TS2322: 1, TS5023: 1, TS7006: 1 });
    expect(summary.diagnostics.map((d) => d.code)).toEqual(['TS5023', 'TS2322']);
    expect(summary.diagnosticsOmitted).toBe(2);
  });
});
