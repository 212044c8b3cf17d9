// The layering rules of .dependency-cruiser.cjs (run by `npm test` as `npm run deps`): the repository
// keeps them, and each kind of wrong import, planted in a small copy of the layout, makes them fail.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO = join(__dirname, '../../..');
const CLI = join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(REPO, '.dependency-cruiser.cjs');

interface CruiseReport {
  summary: { error: number; violations: { rule: { name: string; severity: string } }[] };
}

/** depcruise's JSON report: its error count and its violations as `<severity> <rule>`. */
function cruise(cwd: string): { errors: number; violations: string[] } {
  const args = [CLI, 'packages', '--config', CONFIG, '--output-type', 'json'];
  const { summary } = JSON.parse(execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 })) as CruiseReport;
  return { errors: summary.error, violations: summary.violations.map((v) => `${v.rule.severity} ${v.rule.name}`) };
}

/** A workspace with one module per layer, each importing the layer below it: no violation. */
const CLEAN: Record<string, string> = {
  'packages/core/src/schemas/result.ts': 'export const RESULT = 1;\n',
  'packages/core/src/gates/evaluate.ts': "import { RESULT } from '../schemas/result';\nexport const evaluate = () => RESULT;\n",
  'packages/core/src/coverage/merge.ts': "import { RESULT } from '../schemas/result';\nexport const merge = () => RESULT;\n",
  'packages/core/src/report/build.ts': "import { evaluate } from '../gates/evaluate';\nimport { merge } from '../coverage/merge';\nexport const build = () => evaluate() + merge();\n",
  'packages/core/src/index.ts': "export { build } from './report/build';\n",
  'packages/plugin/src/shared/parse-options.ts': 'export const parseOptions = (x: unknown) => x;\n',
  'packages/plugin/src/health/analyze.ts': "import { parseOptions } from '../shared/parse-options';\nexport const analyze = () => parseOptions(1);\n",
  'packages/plugin/src/health/counts.ts': "import type { analyze } from './analyze';\nexport type Counts = ReturnType<typeof analyze>;\n",
  'packages/plugin/src/executors/quality/options.ts': "import { parseOptions } from '../../shared/parse-options';\nexport const optionsSchema = parseOptions({});\n",
  'packages/plugin/src/report/generate.ts':
    "import { build } from '../../../core/src/index';\nimport { optionsSchema } from '../executors/quality/options';\nimport { analyze } from '../health/analyze';\nexport const generate = () => [build(), optionsSchema, analyze()];\n",
  'packages/plugin/src/executors/quality-report/executor.ts': "import { generate } from '../../report/generate';\nexport default generate;\n",
  'packages/plugin/src/generators/init/generator.ts': "import { optionsSchema } from '../../executors/quality/options';\nexport default () => optionsSchema;\n",
  'packages/plugin/src/report/generate.spec.ts': "import executor from '../executors/quality-report/executor';\nexecutor();\n",
};

describe('dependency-cruiser layering rules', () => {
  let dir: string;

  function workspace(extra: Record<string, string>): string {
    rmSync(dir, { recursive: true, force: true });
    for (const [file, text] of Object.entries({ ...CLEAN, ...extra })) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    copyFileSync(join(REPO, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
    mkdirSync(join(dir, 'node_modules/@nx/devkit'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/@nx/devkit/package.json'), '{ "name": "@nx/devkit", "version": "0.0.0", "main": "index.js" }\n');
    writeFileSync(join(dir, 'node_modules/@nx/devkit/index.js'), 'exports.logger = console;\n');
    return dir;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nx-quality-deps-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hold on this repository', () => {
    const result = cruise(REPO);
    expect(result.violations).toEqual([]);
    expect(result.errors).toBe(0);
  }, 60_000);

  it('pass the clean layout (specs may import any layer)', () => {
    const result = cruise(workspace({}));
    expect(result.violations).toEqual([]);
    expect(result.errors).toBe(0);
  });

  it.each([
    [
      'a lower layer imports a higher one (shared → report)',
      { 'packages/plugin/src/shared/parse-options.ts': "import type { generate } from '../report/generate';\nexport const parseOptions = (x: unknown): unknown => x as ReturnType<typeof generate>;\n" },
      'plugin: shared imports no higher layer',
    ],
    [
      'analysis imports an executor (health → executors)',
      { 'packages/plugin/src/health/bad.ts': "import executor from '../executors/quality-report/executor';\nexport const bad = executor;\n" },
      'plugin: health imports no higher layer',
    ],
    [
      'core imports a higher core layer (gates → report)',
      { 'packages/core/src/gates/bad.ts': "import { build } from '../report/build';\nexport const bad = build;\n" },
      'core: gates imports no higher layer',
    ],
    [
      'a type-only import cycle',
      { 'packages/plugin/src/health/analyze.ts': "import type { Counts } from './counts';\nimport { parseOptions } from '../shared/parse-options';\nexport const analyze = (): Counts | unknown => parseOptions(1);\n" },
      'no-cycles',
    ],
    [
      "a package reaches into another package's src/",
      { 'packages/plugin/src/report/bad.ts': "import { build } from '../../../core/src/report/build';\nexport const bad = build;\n" },
      'no-other-package-internals',
    ],
    ['core imports Nx', { 'packages/core/src/report/bad.ts': "import { logger } from '@nx/devkit';\nexport const bad = logger;\n" }, 'core-without-nx'],
    [
      'an executor imports another executor',
      { 'packages/plugin/src/executors/quality/bad.ts': "import executor from '../quality-report/executor';\nexport const bad = executor;\n" },
      'executors-do-not-import-each-other',
    ],
  ])('fail when %s', (_what, extra, rule) => {
    const result = cruise(workspace(extra));
    expect(result.violations).toContain(`error ${rule}`);
    expect(result.errors).toBeGreaterThan(0);
  });
});
