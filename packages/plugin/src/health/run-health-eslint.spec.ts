import type { Linter } from 'eslint';
import { join } from 'node:path';
import { resolveWorkspaceTool } from './resolve-workspace-tool';
import { runHealthEslint } from './run-health-eslint';

jest.mock('./resolve-workspace-tool');

const projectDir = join('/ws', 'libs', 'demo');
const config: Linter.Config[] = [{ rules: { complexity: 'warn' } }];

function fakeEslint(version: string, lintFiles: (files: string[]) => Promise<unknown>, moduleExtras: Record<string, unknown> = {}) {
  const constructed: unknown[] = [];
  class FakeESLint {
    static version = version;
    lintFiles = jest.fn(lintFiles);
    constructor(options: unknown) {
      constructed.push(options);
    }
  }
  jest.mocked(resolveWorkspaceTool).mockReturnValue({ ESLint: FakeESLint, ...moduleExtras });
  return { constructed, FakeESLint };
}

const result = (file: string, messages: object[]) => ({ filePath: join(projectDir, file), messages });

describe('runHealthEslint (ESLint mocked)', () => {
  it('runs only the health config, from the project root, and maps messages to project-relative files', async () => {
    const { constructed } = fakeEslint('10.1.0', async () => [
      result('src/a.ts', [{ ruleId: 'complexity', line: 3, column: 1, endLine: 9, endColumn: 2, message: 'too complex', severity: 1 }]),
      result('src/b.ts', [{ ruleId: null, fatal: true, line: 1, column: 5, message: 'Parsing error', severity: 2 }]),
    ]);
    const run = await runHealthEslint('/ws', projectDir, ['src/a.ts', 'src/b.ts'], config);
    expect(resolveWorkspaceTool).toHaveBeenCalledWith('eslint', '/ws');
    expect(constructed).toEqual([
      { cwd: projectDir, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false, warnIgnored: false, cache: false },
    ]);
    expect(run).toEqual({
      eslintVersion: '10.1.0',
      messages: [
        { file: 'src/a.ts', ruleId: 'complexity', fatal: false, line: 3, column: 1, endLine: 9, endColumn: 2, message: 'too complex' },
        { file: 'src/b.ts', ruleId: null, fatal: true, line: 1, column: 5, message: 'Parsing error' },
      ],
    });
  });

  it('when ESLint crashes, lints file by file and reports the crashing file as fatal', async () => {
    fakeEslint('9.30.0', async (files) => {
      if (files.length > 1 || files[0] === 'src/bad.ts') throw new TypeError("Cannot read properties of undefined (reading 'type')\n    at rule");
      return [result(files[0] as string, [])];
    });
    const run = await runHealthEslint('/ws', projectDir, ['src/good.ts', 'src/bad.ts'], config);
    expect(run.messages).toEqual([
      {
        file: 'src/bad.ts',
        ruleId: null,
        fatal: true,
        line: 0,
        column: 0,
        message: "ESLint failed on this file: Cannot read properties of undefined (reading 'type')",
      },
    ]);
  });

  it("uses ESLint 8.57's flat class (loadESLint({ useFlatConfig: true })), not its eslintrc `ESLint`", async () => {
    const flatConstructed: unknown[] = [];
    class FakeFlatESLint {
      constructor(options: unknown) {
        flatConstructed.push(options);
      }
      lintFiles = async () => [result('src/a.ts', [{ ruleId: 'complexity', line: 1, column: 1, message: 'm', severity: 1 }])];
    }
    const loadESLint = jest.fn(async () => FakeFlatESLint);
    const { constructed } = fakeEslint('8.57.1', async () => [], { loadESLint });
    const run = await runHealthEslint('/ws', projectDir, ['src/a.ts'], config);
    expect(loadESLint).toHaveBeenCalledWith({ useFlatConfig: true });
    expect(constructed).toEqual([]);
    expect(flatConstructed).toHaveLength(1);
    expect(run.eslintVersion).toBe('8.57.1');
    expect(run.messages.map((message) => message.ruleId)).toEqual(['complexity']);
  });

  it('refuses ESLint before 8.57 (no flat config API) with an error that says how to fix it', async () => {
    fakeEslint('8.56.0', async () => []);
    await expect(runHealthEslint('/ws', projectDir, ['src/a.ts'], config)).rejects.toMatchObject({
      code: 'HEALTH_ESLINT_TOO_OLD',
      hint: expect.stringContaining('eslint@^8.57.0'),
    });
  });
});
