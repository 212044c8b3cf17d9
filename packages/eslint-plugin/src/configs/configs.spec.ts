import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { configs, createHealthConfig } from '../index';
import { HEALTH_SAMPLE_SOURCE } from './__fixtures__/health-sample-source';

// Linter (synchronous, no dynamic imports) runs inside Jest; the ESLint class is exercised in child processes
// by the health analysis tests of @nx-quality/plugin.
function ruleIdsOf(code: string, config: Linter.Config[], filename: string): string[] {
  const messages = new Linter({ configType: 'flat' }).verify(code, config, { filename });
  return messages.map((message) => message.ruleId ?? `fatal:${message.message}`);
}

describe('recommended config', () => {
  it('reports both rules as errors on TypeScript with the typescript-eslint parser', () => {
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      ...configs.recommended,
    ];
    const messages = new Linter({ configType: 'flat' }).verify(
      'export function f(x: string): number {\n  try { return JSON.parse(x) as number; } catch { return 0; }\n}\nthrow new Error("x");\n',
      config,
      { filename: 'src/a.ts' },
    );
    expect(messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['@nx-quality/no-generic-catch', 2, 2],
      ['@nx-quality/no-bare-error-throw', 2, 4],
    ]);
  });

  it('leaves test files alone: they throw bare errors and catch everything on purpose', () => {
    const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } }, ...configs.recommended];
    const code = 'try { run(); } catch (e) { seen = e; }\nthrow new Error("boom");\n';
    expect(ruleIdsOf(code, config, 'src/a.spec.ts')).toEqual([]);
    expect(ruleIdsOf(code, config, 'src/a.ts')).toEqual(['@nx-quality/no-generic-catch', '@nx-quality/no-bare-error-throw']);
  });
});

describe('health config', () => {
  const source = HEALTH_SAMPLE_SOURCE;

  it('measures catches, throws, any and TODOs in sources with its own parser', () => {
    expect(ruleIdsOf(source, configs.health, 'src/f.ts').sort()).toEqual([
      '@nx-quality/no-bare-error-throw',
      '@nx-quality/no-generic-catch',
      '@typescript-eslint/no-explicit-any',
      '@typescript-eslint/no-explicit-any',
      'no-warning-comments',
    ]);
  });

  it('applies thresholds from options', () => {
    const long = `export function g(): number {\n${'  let x = 1;\n'.repeat(5)}  return 1;\n}\n`;
    const ids = ruleIdsOf(long, createHealthConfig({ maxFileLines: 5, maxFunctionLines: 4, maxComplexity: 1 }), 'src/g.ts');
    expect(ids.sort()).toEqual(['max-lines', 'max-lines-per-function']);
    expect(ruleIdsOf('export const h = (a: number) => (a > 1 ? 1 : 2);\n', createHealthConfig({ maxComplexity: 1 }), 'src/h.ts')).toEqual([
      'complexity',
    ]);
  });

  it('runs the jest rules on test files only, and not the catch/throw rules there', () => {
    const spec = "describe('x', () => {\n  it('has no assertion', () => { try { run(); } catch { throw 'x'; } });\n  it.skip('skipped', () => { expect(1).toBe(1); });\n  it.only('focused', () => { expect(1).toBe(1); });\n});\n";
    expect(ruleIdsOf(spec, configs.health, 'src/x.spec.ts').sort()).toEqual(['jest/expect-expect', 'jest/no-disabled-tests', 'jest/no-focused-tests']);
    expect(ruleIdsOf(spec, configs.health, 'src/x.ts')).toEqual(['@nx-quality/no-bare-error-throw']);
  });

  it('respects disable comments, and only names unknown rules a project disables (the analysis skips those)', () => {
    const code = '// eslint-disable-next-line @nx/enforce-module-boundaries\nimport x from "y";\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport default x as any;\n';
    expect(ruleIdsOf(code, configs.health, 'src/y.ts')).toEqual(['@nx/enforce-module-boundaries']);
  });
});
