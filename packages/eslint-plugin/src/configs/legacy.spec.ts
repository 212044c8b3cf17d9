import { Linter } from 'eslint';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { installEslintVersion } from '../../../plugin/src/test-support/install-eslint-version';
import { configs } from '../index';
import { HEALTH_SAMPLE_SOURCE } from './__fixtures__/health-sample-source';

// The eslintrc configs run through ESLint 8.57.1's own CLI (`extends: plugin:@nx-quality/…`, the plugin
// loaded from the repository's build by name, as in a workspace) and must report exactly what their flat
// counterparts report on the same files.
jest.setTimeout(180_000);

const REPO_ROOT = join(__dirname, '../../../..');

const FILES: Record<string, string> = {
  'src/f.ts': HEALTH_SAMPLE_SOURCE,
  'src/g.js': 'export function g(x) {\n  try { return JSON.parse(x); } catch { return 0; }\n}\nthrow new Error("x");\n',
  'src/f.spec.ts': 'it.skip("skipped", () => {});\nit("no assertion", () => { try { run(); } catch (e) { seen = e; } });\n',
};

type Found = Record<string, string[]>;

function flatFindings(config: Linter.Config[]): Found {
  const linter = new Linter({ configType: 'flat' });
  const withParser: Linter.Config[] = [{ files: ['**/*.{ts,js}'], languageOptions: { parser: require('typescript-eslint').parser } }, ...config];
  return Object.fromEntries(
    Object.entries(FILES).map(([file, code]) => [file, linter.verify(code, withParser, { filename: file }).map((m) => `${m.ruleId}:${m.line}`).sort()]),
  );
}

describe('legacy (eslintrc) configs with ESLint 8.57.1', () => {
  let ws: string;
  let eslint: string;

  beforeAll(() => {
    eslint = installEslintVersion('8.57.1', '8.57.1');
    mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
    ws = mkdtempSync(join(REPO_ROOT, 'tmp', 'legacy-configs-'));
    for (const [file, code] of Object.entries(FILES)) {
      mkdirSync(dirname(join(ws, file)), { recursive: true });
      writeFileSync(join(ws, file), code);
    }
    // eslintrc loads the plugins a plugin's config names from the workspace; npm hoists typescript-eslint's
    // plugin there in a workspace, while this repository keeps it nested under typescript-eslint.
    mkdirSync(join(ws, 'node_modules/@typescript-eslint'), { recursive: true });
    const tsPlugin = dirname(require.resolve('@typescript-eslint/eslint-plugin/package.json', { paths: [require.resolve('typescript-eslint')] }));
    symlinkSync(tsPlugin, join(ws, 'node_modules/@typescript-eslint/eslint-plugin'), 'dir');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  function cliFindings(extendsName: string, extra: object = {}): Found {
    writeFileSync(join(ws, '.eslintrc.json'), JSON.stringify({ root: true, extends: [extendsName], ...extra }));
    const run = spawnSync(process.execPath, [join(eslint, 'bin/eslint.js'), '.', '--ext', '.ts,.js', '--format', 'json'], {
      cwd: ws,
      encoding: 'utf8',
      env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false' },
    });
    if (!run.stdout.startsWith('[')) throw new Error(`eslint CLI gave no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
    return Object.fromEntries(results.map((result) => [relative(ws, result.filePath), result.messages.map((m) => `${m.ruleId ?? m.message}:${m.line}`).sort()]));
  }

  it('legacy-health reports what health reports, its own parser and test-file rules included', () => {
    const found = cliFindings('plugin:@nx-quality/legacy-health');
    expect(found).toEqual(flatFindings(configs.health));
    expect(found['src/f.ts']).toContain('@nx-quality/no-generic-catch:3');
    expect(found['src/f.spec.ts']).toContain('jest/no-disabled-tests:1');
  });

  it('legacy-recommended reports what recommended reports, and leaves test files alone', () => {
    // recommended sets no parser: the workspace's own TypeScript setup provides it, as in the flat case.
    const found = cliFindings('plugin:@nx-quality/legacy-recommended', {
      overrides: [{ files: ['*.ts', '*.js'], parser: require.resolve('@typescript-eslint/parser', { paths: [require.resolve('typescript-eslint')] }) }],
    });
    expect(found).toEqual(flatFindings(configs.recommended));
    expect(found['src/g.js']).toEqual(['@nx-quality/no-bare-error-throw:4', '@nx-quality/no-generic-catch:2']);
    expect(found['src/f.spec.ts']).toEqual([]);
  });
});
