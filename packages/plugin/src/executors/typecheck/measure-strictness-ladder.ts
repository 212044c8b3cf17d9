import type { StrictnessStep, TypeDiagnostic } from '@nx-quality/core';
import type { CompilerOptions } from 'typescript';
import { checkConfig, type ConfigCheck } from './check-config';
import type { ProjectConfig } from './collect-project-configs';
import type { TypeScriptModule } from './resolve-typescript';
import { diagnosticKey } from './summarize-diagnostics';
import type { TypecheckRunCache } from './typecheck-run-cache';

const STRICT_FAMILY = [
  'noImplicitAny',
  'strictNullChecks',
  'strictFunctionTypes',
  'strictBindCallApply',
  'strictPropertyInitialization',
  'noImplicitThis',
  'useUnknownInCatchVariables',
  'alwaysStrict',
] as const;

/**
 * The ladder's steps: each flag, and the options it is measured with. Flags TypeScript only
 * accepts together with strictNullChecks get it too (else the check stops at an option error).
 */
export const STRICTNESS_STEPS: { flag: string; options: CompilerOptions }[] = [
  { flag: 'noImplicitAny', options: { noImplicitAny: true } },
  { flag: 'strictNullChecks', options: { strictNullChecks: true } },
  { flag: 'strictFunctionTypes', options: { strictFunctionTypes: true } },
  { flag: 'strictBindCallApply', options: { strictBindCallApply: true } },
  { flag: 'strictPropertyInitialization', options: { strictNullChecks: true, strictPropertyInitialization: true } },
  { flag: 'noImplicitThis', options: { noImplicitThis: true } },
  { flag: 'useUnknownInCatchVariables', options: { useUnknownInCatchVariables: true } },
  { flag: 'strict', options: { strict: true, ...Object.fromEntries(STRICT_FAMILY.map((flag) => [flag, true])) } },
  { flag: 'noUncheckedIndexedAccess', options: { noUncheckedIndexedAccess: true } },
  { flag: 'exactOptionalPropertyTypes', options: { strictNullChecks: true, exactOptionalPropertyTypes: true } },
  { flag: 'noImplicitReturns', options: { noImplicitReturns: true } },
  { flag: 'noImplicitOverride', options: { noImplicitOverride: true } },
  { flag: 'noPropertyAccessFromIndexSignature', options: { noPropertyAccessFromIndexSignature: true } },
  { flag: 'noFallthroughCasesInSwitch', options: { noFallthroughCasesInSwitch: true } },
  { flag: 'noUnusedLocals', options: { noUnusedLocals: true } },
  { flag: 'noUnusedParameters', options: { noUnusedParameters: true } },
];

/**
 * For each stricter flag not already in effect in every checked config: how many errors it adds
 * on top of the baseline run (diagnostics not in the baseline, deduplicated across configs), per
 * TS code. Each flag is measured alone against the baseline, reusing the baseline program.
 */
export function measureStrictnessLadder(
  ts: TypeScriptModule,
  configs: ProjectConfig[],
  baseline: ConfigCheck[],
  workspaceRoot: string,
  cache: TypecheckRunCache,
): StrictnessStep[] {
  // TypeScript 6 turned `strict` on by default.
  const strictByDefault = Number.parseInt(ts.versionMajorMinor, 10) >= 6;
  const baselineKeys = new Set(baseline.flatMap((check) => check.diagnostics).map(diagnosticKey));
  const steps: StrictnessStep[] = [];
  for (const step of STRICTNESS_STEPS) {
    if (configs.every((config) => alreadyInEffect(step.flag, config.parsed.options, strictByDefault))) continue;
    const added = new Map<string, TypeDiagnostic>();
    configs.forEach((config, index) => {
      const check = checkConfig(ts, config, workspaceRoot, cache, step.options, baseline[index]?.program);
      for (const diagnostic of check.diagnostics) {
        const key = diagnosticKey(diagnostic);
        if (diagnostic.category === 'error' && !baselineKeys.has(key) && !added.has(key)) added.set(key, diagnostic);
      }
    });
    const codes: Record<string, number> = {};
    for (const diagnostic of added.values()) codes[diagnostic.code] = (codes[diagnostic.code] ?? 0) + 1;
    // `strict` turns its family on by definition; other steps name the prerequisites they needed.
    const alsoEnabled = step.flag === 'strict' ? [] : Object.keys(step.options).filter((flag) => flag !== step.flag);
    steps.push({ flag: step.flag, additionalErrors: added.size, codes, ...(alsoEnabled.length > 0 ? { alsoEnabled } : {}) });
  }
  return steps;
}

function alreadyInEffect(flag: string, options: CompilerOptions, strictByDefault: boolean): boolean {
  const strict = options.strict ?? strictByDefault;
  if (flag === 'strict') return strict && STRICT_FAMILY.every((member) => options[member] !== false);
  if ((STRICT_FAMILY as readonly string[]).includes(flag)) return options[flag] === true || (strict && options[flag] !== false);
  return options[flag] === true;
}
