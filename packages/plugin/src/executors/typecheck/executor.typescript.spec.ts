import type { TypecheckResult } from '@nx-quality/core';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';
import { STRICTNESS_STEPS } from './measure-strictness-ladder';

// Real TypeScript runs of the typecheck executor on Nx-layout fixture projects, in a child process.
// Every number is checked against `tsc`'s own diagnostics on the same files.
jest.setTimeout(240_000);

const EXECUTOR = join(__dirname, 'executor.ts');
const FIXTURE = join(__dirname, '__fixtures__/ts-workspace');
const TSC = require.resolve('typescript/bin/tsc');

let ws: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir: ws, cleanup } = copyFixture(FIXTURE, 'ts-ws'));
});
afterAll(() => cleanup());

async function runExecutor(root: string, options: Record<string, unknown> = {}): Promise<{ success: boolean; result: TypecheckResult; stdout: string }> {
  const name = root.split('/').pop()!;
  const context = { root: ws, cwd: ws, isVerbose: false, projectName: name, projectsConfigurations: { version: 2, projects: { [name]: { root } } } };
  const { value, stdout, stderr } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [options, context]);
  const result = JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'typecheck.json'), 'utf8')) as TypecheckResult;
  return { success: value.success, result, stdout: stdout + stderr };
}

/** tsc's own errors (`--pretty false` lines), as workspace-relative `file:line:column:code` keys. */
function tsc(root: string, args: string[]): string[] {
  const run = spawnSync(process.execPath, [TSC, ...args, '--pretty', 'false'], { cwd: join(ws, root), encoding: 'utf8' });
  return run.stdout
    .split('\n')
    .map((line) => /^(.+)\((\d+),(\d+)\): error (TS\d+):/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${root}/${match[1]}:${match[2]}:${match[3]}:${match[4]}`)
    .sort();
}

function keysOf(result: TypecheckResult): string[] {
  return result.diagnostics.filter((d) => d.category === 'error').map((d) => `${d.file}:${d.line}:${d.column}:${d.code}`).sort();
}

function countCodes(keys: string[]): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const key of keys) {
    const code = key.split(':').pop()!;
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}

describe('typecheck executor with real TypeScript', () => {
  it('reports the root errors of a solution-style Nx library (lib and spec config), without the TS6305 cascade of `tsc -b`', async () => {
    const { success, result, stdout } = await runExecutor('packages/broken-lib');
    expect(success).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.tsconfig).toBe('packages/broken-lib/tsconfig.json');
    expect(result.configs).toEqual(['packages/broken-lib/tsconfig.lib.json', 'packages/broken-lib/tsconfig.spec.json']);

    // What `tsc -b` says as is: the lib's error, then TS6305 in the spec (the lib did not emit).
    const build = tsc('packages/broken-lib', ['-b', 'tsconfig.json']);
    expect(build.some((key) => key.endsWith(':TS6305'))).toBe(true);
    expect(Object.keys(result.codes)).not.toContain('TS6305');

    // What `tsc -b` says once the lib may emit despite its error: the root errors of both configs.
    const libConfig = join(ws, 'packages/broken-lib/tsconfig.lib.json');
    const original = readFileSync(libConfig, 'utf8');
    writeFileSync(libConfig, original.replace('"emitDeclarationOnly": false,', '"emitDeclarationOnly": false, "noEmitOnError": false,'));
    const rootErrors = tsc('packages/broken-lib', ['-b', 'tsconfig.json', '--force']);
    writeFileSync(libConfig, original);

    expect(rootErrors).toEqual([
      'packages/broken-lib/src/index.spec.ts:8:11:TS2322',
      'packages/broken-lib/src/index.ts:10:9:TS2322',
    ]);
    expect(keysOf(result)).toEqual(rootErrors);
    expect(result.counts.errors).toBe(rootErrors.length);
    expect(result.codes).toEqual(countCodes(rootErrors));
    // The lib's own error, as `tsc --noEmit -p tsconfig.lib.json` reports it.
    expect(tsc('packages/broken-lib', ['--noEmit', '-p', 'tsconfig.lib.json'])).toEqual(['packages/broken-lib/src/index.ts:10:9:TS2322']);
    const libError = result.diagnostics.find((d) => d.file === 'packages/broken-lib/src/index.ts');
    expect(libError).toMatchObject({ tsconfig: 'packages/broken-lib/tsconfig.lib.json', message: "Type 'number' is not assignable to type 'string'." });
    expect(stdout).toContain('broken-lib: typecheck FAILED (typescript');
  });

  it('passes a clean library, as `tsc -b` does', async () => {
    const { success, result } = await runExecutor('packages/clean-lib');
    expect(tsc('packages/clean-lib', ['-b', 'tsconfig.json'])).toEqual([]);
    expect(success).toBe(true);
    expect(result.status).toBe('passed');
    expect(result.counts).toEqual({ errors: 0, warnings: 0, filesChecked: 2 });
  });

  it('caps the diagnostics list but keeps the counts exact', async () => {
    const { result } = await runExecutor('packages/broken-lib', { diagnosticsCap: 1 });
    expect(result.counts.errors).toBe(2);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnosticsOmitted).toBe(1);
  });

  it('records a broken tsconfig as status error naming the file and the JSON problem', async () => {
    const { success, result, stdout } = await runExecutor('packages/broken-config');
    expect(success).toBe(false);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'TSCONFIG_INVALID', file: 'packages/broken-config/tsconfig.json' });
    expect(result.error?.message).toContain("TS1005 at packages/broken-config/tsconfig.json:7:1: '}' expected.");
    expect(stdout).toContain('TSCONFIG_INVALID');
  });

  it('records a missing tsconfig as status error naming it', async () => {
    const { result } = await runExecutor('packages/clean-lib', { tsConfig: '{projectRoot}/tsconfig.missing.json' });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'TSCONFIG_NOT_FOUND', file: 'packages/clean-lib/tsconfig.missing.json' });
  });

  it('measures the strictness ladder: each flag adds as many errors as tsc reports with that flag', async () => {
    const { success, result } = await runExecutor('packages/loose-lib', { strictnessLadder: true });
    const baseline = tsc('packages/loose-lib', ['--noEmit', '-p', 'tsconfig.json']);
    expect(baseline).toEqual([]);
    expect(success).toBe(true);
    expect(result.strictness?.map((step) => step.flag)).toEqual(STRICTNESS_STEPS.map((step) => step.flag));
    for (const step of result.strictness ?? []) {
      const options = STRICTNESS_STEPS.find((candidate) => candidate.flag === step.flag)!.options;
      const withFlag = tsc('packages/loose-lib', ['--noEmit', '-p', 'tsconfig.json', ...Object.keys(options).map((flag) => `--${flag}`)]);
      expect(step.alsoEnabled ?? []).toEqual(step.flag === 'strict' ? [] : Object.keys(options).filter((flag) => flag !== step.flag));
      expect({ flag: step.flag, additionalErrors: step.additionalErrors, codes: step.codes }).toEqual({
        flag: step.flag,
        additionalErrors: withFlag.length,
        codes: countCodes(withFlag),
      });
    }
    const byFlag = Object.fromEntries((result.strictness ?? []).map((step) => [step.flag, step.additionalErrors]));
    expect(byFlag['noImplicitAny']).toBeGreaterThan(0);
    expect(byFlag['strictNullChecks']).toBeGreaterThan(0);
    expect(byFlag['strict']).toBeGreaterThanOrEqual(byFlag['noImplicitAny']!);
  });
});
