import { TestResultSchema, type TestResult } from '@nx-quality/core';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installTestPackages } from '../../test-support/install-test-packages';
import { runInChild } from '../../test-support/run-in-child';

// Jest 29 for real: a throwaway install under <repo>/tmp (the repository itself uses Jest 30), with
// the fixture workspace copied inside it so `jest`, `@swc/jest` and `jest-environment-node` resolve to 29.
jest.setTimeout(300_000);

const EXECUTOR = join(__dirname, 'executor.ts');
let ws: string;
/** Jest 29 with the SWC transform, beside the repository's Jest 30. */
let depsDir: string;

beforeAll(() => {
  depsDir = installTestPackages('jest29-deps', { jest: '29', '@swc/jest': '0.2', '@swc/core': '*' }, 'jest', '29.');
  ws = mkdtempSync(join(depsDir, 'ws-'));
  cpSync(join(__dirname, '__fixtures__/jest-workspace'), ws, { recursive: true });
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

async function runExecutor(root: string): Promise<{ success: boolean; result: TestResult }> {
  const name = root.split('/').pop()!;
  const context = { root: ws, cwd: ws, isVerbose: false, projectName: name, projectsConfigurations: { version: 2, projects: { [name]: { root } } } };
  const { value } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [{ testPathPatterns: ['spec'] }, context]);
  return { success: value.success, result: TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'test.json'), 'utf8'))) };
}

function jest29Json(configFile: string): Promise<Record<string, number>> {
  const out = join(ws, `.jest29-${configFile.replace(/\W/g, '_')}.json`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(depsDir, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${out}`, '--config', configFile], { cwd: ws }, () => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')));
      } catch (error) {
        reject(error);
      }
    });
  });
}

describe('test executor with real Jest 29', () => {
  it('runs through Jest 29’s runCLI with the same counts as its `--json`', async () => {
    const [{ success, result }, json] = await Promise.all([runExecutor('libs/mixed'), jest29Json('libs/mixed/jest.config.js')]);
    expect(success).toBe(false);
    expect(result.tool).toEqual({ name: 'jest', version: '29.7.0' });
    expect(result.counts).toEqual({
      total: json['numTotalTests'],
      passed: json['numPassedTests'],
      failed: json['numFailedTests'],
      skipped: json['numPendingTests'],
      todo: json['numTodoTests'],
    });
    expect(result.counts).toEqual({ total: 9, passed: 3, failed: 2, skipped: 2, todo: 2 });
    expect(result.suites).toMatchObject({ total: 3, errored: json['numRuntimeErrorTestSuites'] });
    expect(result.coverage!.files.map((file) => file.file)).toEqual(['libs/mixed/src/math.ts']);
  });

  it('loads an Nx-style jest.config.cts under Jest 29', async () => {
    const { success, result } = await runExecutor('libs/nx-style');
    expect(success).toBe(true);
    expect(result).toMatchObject({ status: 'passed', tool: { version: '29.7.0' }, counts: { passed: 1, total: 1 } });
  });
});
