import type { ExecutorContext, TargetConfiguration } from '@nx/devkit';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionsError } from '@nx-quality/core';
import { readOfficialEslintTarget } from './read-official-eslint-target';

const project = { workspaceRoot: '/ws', name: 'store', root: 'packages/store', tags: [] };
const ours = { officialTarget: 'lint', resultsDir: 'dist/quality/{projectRoot}' };

/** A task context whose project graph holds `targets` for the project (as Nx gives it to a task of `quality-lint`). */
function contextWith(targets: Record<string, TargetConfiguration>, configurationName?: string): ExecutorContext {
  return {
    root: '/ws',
    cwd: '/ws',
    isVerbose: false,
    projectName: project.name,
    targetName: 'quality-lint',
    configurationName,
    projectGraph: { nodes: { store: { name: 'store', type: 'lib', data: { root: project.root, targets } } }, dependencies: {} },
    projectsConfigurations: { version: 2, projects: {} },
    nxJsonConfiguration: {},
  } as ExecutorContext;
}

const eslintTarget = (options: Record<string, unknown>, extra: Partial<TargetConfiguration> = {}): Record<string, TargetConfiguration> => ({
  lint: { executor: '@nx/eslint:lint', options, ...extra },
});

describe('readOfficialEslintTarget', () => {
  it('reads the file selection of the official target, `!` patterns kept as the executor hands them to ESLint', () => {
    const context = contextWith(eslintTarget({ lintFilePatterns: ['packages/store/**/*.ts', '!packages/store/types'], format: 'json', quiet: true }));
    expect(readOfficialEslintTarget(project, ours, context)).toEqual({
      target: 'lint',
      lintFilePatterns: ['packages/store/**/*.ts', '!packages/store/types'],
      errorOnUnmatchedPattern: true,
      noEslintrc: false,
      rulesdir: [],
    });
  });

  it("applies the official executor's defaults: the project root as the one pattern", () => {
    expect(readOfficialEslintTarget(project, ours, contextWith(eslintTarget({})))).toMatchObject({ lintFilePatterns: ['packages/store'] });
    const root = { ...project, root: '.' };
    expect(readOfficialEslintTarget(root, ours, contextWith(eslintTarget({})))).toMatchObject({ lintFilePatterns: ['.'] });
  });

  it('interpolates tokens per path segment as the executor does (a leading {workspaceRoot}/ dropped, segments normalized)', () => {
    const patterns = ['{projectRoot}/**/*.ts', '!{projectRoot}/types', '{workspaceRoot}/tools/{projectName}.js', '{projectRoot}/./src/../lib', '/abs/{projectRoot}', '{unknown}/x'];
    expect(readOfficialEslintTarget(project, ours, contextWith(eslintTarget({ lintFilePatterns: patterns })))).toMatchObject({ lintFilePatterns: [
      'packages/store/**/*.ts',
      '!packages/store/types',
      'tools/store.js',
      'packages/store/lib',
      '/abs/{projectRoot}',
      '{unknown}/x',
    ] });
  });

  it("equals Nx's own interpolate with the official executor's data, for a project root and the root project", () => {
    // The function @nx/eslint:lint calls on each pattern (`interpolate` of nx/src/tasks-runner/utils).
    const { interpolate } = require('nx/src/tasks-runner/utils') as { interpolate: (template: string, data: Record<string, unknown>) => string };
    const patterns = ['{projectRoot}', '{projectRoot}/**/*.ts', '!{projectRoot}/types', '{workspaceRoot}/tools/{projectName}.js', '{projectRoot}/./src/../lib', 'a/b', '{projectName}/{unknown}'];
    for (const root of ['packages/store', '.']) {
      const expected = patterns.map((pattern) => interpolate(pattern, { workspaceRoot: '', projectRoot: root, projectName: project.name }));
      expect(readOfficialEslintTarget({ ...project, root }, ours, contextWith(eslintTarget({ lintFilePatterns: patterns })))).toMatchObject({ lintFilePatterns: expected });
    }
  });

  it('carries the config and the eslintrc options that change what ESLint reports', () => {
    const options = {
      eslintConfig: 'packages/store/types/.eslintrc.js',
      errorOnUnmatchedPattern: false,
      noEslintrc: true,
      rulesdir: ['tools/rules'],
      ignorePath: '.lintignore',
      resolvePluginsRelativeTo: 'tools',
      reportUnusedDisableDirectives: 'error',
    };
    expect(readOfficialEslintTarget(project, ours, contextWith(eslintTarget(options)))).toEqual({ target: 'lint', lintFilePatterns: ['packages/store'], ...options });
  });

  it('carries the warnings limit past which the executor fails, and none where its quiet drops the warnings or its force always succeeds', () => {
    const limit = (options: Record<string, unknown>) => {
      const read = readOfficialEslintTarget(project, ours, contextWith(eslintTarget(options)));
      return read && 'maxWarnings' in read ? read.maxWarnings : undefined;
    };
    expect([limit({ maxWarnings: 0 }), limit({ maxWarnings: 7 }), limit({}), limit({ maxWarnings: -1 })]).toEqual([0, 7, undefined, undefined]);
    expect([limit({ maxWarnings: 0, quiet: true }), limit({ maxWarnings: 0, force: true })]).toEqual([undefined, undefined]);
    expect(() => limit({ maxWarnings: '0' })).toThrow(/maxWarnings/);
  });

  it("merges the configuration Nx would run: the task's own when the official target has it, else its defaultConfiguration", () => {
    const targets = eslintTarget(
      { lintFilePatterns: ['a'], eslintConfig: 'base.js' },
      { defaultConfiguration: 'strict', configurations: { strict: { lintFilePatterns: ['strict'] }, ci: { lintFilePatterns: ['ci'] } } },
    );
    expect(readOfficialEslintTarget(project, ours, contextWith(targets))).toMatchObject({ lintFilePatterns: ['strict'], eslintConfig: 'base.js' });
    expect(readOfficialEslintTarget(project, ours, contextWith(targets, 'ci'))).toMatchObject({ lintFilePatterns: ['ci'] });
    expect(readOfficialEslintTarget(project, ours, contextWith(targets, 'other'))).toMatchObject({ lintFilePatterns: ['strict'] });
  });

  it('accepts the older executor names and reads projectsConfigurations when the graph lacks the project', () => {
    const context = { ...contextWith({}), projectGraph: undefined, projectsConfigurations: { version: 2, projects: { store: { root: project.root, targets: { lint: { executor: '@nrwl/linter:eslint', options: { lintFilePatterns: ['x'] } } } } } } } as unknown as ExecutorContext;
    expect(readOfficialEslintTarget(project, ours, context)).toMatchObject({ lintFilePatterns: ['x'] });
    expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: '@nx/linter:eslint' } }))?.target).toBe('lint');
  });

  it('carries nothing without an officialTarget, a context, or an official ESLint executor behind the name', () => {
    const context = contextWith(eslintTarget({ lintFilePatterns: ['x'] }));
    expect(readOfficialEslintTarget(project, { resultsDir: 'x' }, context)).toBeUndefined();
    expect(readOfficialEslintTarget(project, ours, undefined)).toBeUndefined();
    expect(readOfficialEslintTarget(project, { officialTarget: 'quality-lint' }, context)).toBeUndefined();
    expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: '@nx/js:tsc', options: { main: 'src/index.ts' } } }))).toBeUndefined();
    expect(readOfficialEslintTarget(project, ours, contextWith({}))).toBeUndefined();
  });

  describe('a command that runs ESLint', () => {
    const commandOptions = { errorOnUnmatchedPattern: true, noEslintrc: false, rulesdir: [], warnIgnored: true };

    it('reads a package.json script as ESLint runs in the project root: patterns and config resolved there', () => {
      const root = mkdtempSync(join(tmpdir(), 'nxq-official-script-'));
      mkdirSync(join(root, 'packages/store'), { recursive: true });
      writeFileSync(join(root, 'packages/store/package.json'), JSON.stringify({ scripts: { lint: 'eslint --concurrency=auto -c ../../eslint.strict.mjs ./src ./tests', other: 'tsc' } }));
      const inRoot = { ...project, workspaceRoot: root };
      const context = { ...contextWith({ lint: { executor: 'nx:run-script', options: { script: 'lint' } } }), root };
      expect(readOfficialEslintTarget(inRoot, ours, context)).toEqual({
        target: 'lint',
        lintFilePatterns: [join(root, 'packages/store/src'), join(root, 'packages/store/tests')],
        eslintConfig: join(root, 'eslint.strict.mjs'),
        runsIn: join(root, 'packages/store'),
        ...commandOptions,
      });
      const otherScript = { ...contextWith({ lint: { executor: 'nx:run-script', options: { script: 'other' } } }), root };
      expect(readOfficialEslintTarget(inRoot, ours, otherScript)).toBeUndefined();
      const missingScript = { ...contextWith({ lint: { executor: 'nx:run-script', options: { script: 'gone' } } }), root };
      expect(readOfficialEslintTarget(inRoot, ours, missingScript)).toBeUndefined();
    });

    it('reads run-commands in its cwd (the `eslint .` @nx/eslint/plugin infers), else the workspace root, with its args', () => {
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: { command: 'eslint .', cwd: 'packages/store' } } }))).toEqual({
        target: 'lint',
        lintFilePatterns: ['/ws/packages/store'],
        runsIn: '/ws/packages/store',
        ...commandOptions,
      });
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: { command: 'eslint packages/store/src', args: '--no-warn-ignored' } } }))).toEqual({
        target: 'lint',
        lintFilePatterns: ['/ws/packages/store/src'],
        runsIn: '/ws',
        ...commandOptions,
        warnIgnored: false,
      });
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: { commands: ['tsc -b', { command: 'eslint lib' }] } } }))).toMatchObject({ lintFilePatterns: ['/ws/lib'] });
    });

    it("adds what run-commands adds: an option it does not know as `--name=value`, then args (typescript-eslint's lint target)", () => {
      const typescriptEslint = { command: 'eslint', cwd: '', config: 'eslint.config.mjs', args: ['packages/store'] };
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: typescriptEslint } }))).toEqual({
        target: 'lint',
        lintFilePatterns: ['/ws/packages/store'],
        eslintConfig: '/ws/eslint.config.mjs',
        runsIn: '/ws',
        ...commandOptions,
      });
      const placed = { command: 'eslint {args} src', cwd: 'packages/store', 'no-warn-ignored': true };
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: placed } }))).toMatchObject({ lintFilePatterns: ['/ws/packages/store/src'], warnIgnored: false });
      const notForwarded = { commands: [{ command: 'eslint src', forwardAllArgs: false }], cwd: 'packages/store', rule: 'no-console: error' };
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: notForwarded } }))).toMatchObject({ lintFilePatterns: ['/ws/packages/store/src'] });
      expect(readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: { ...notForwarded, commands: ['eslint src'] } } }))).toEqual({
        target: 'lint',
        uncarried: 'its option `--rule` changes what ESLint reports and is not carried',
      });
    });

    // code-pushup's lint target: `eslint … --max-warnings=0 …` (its CLI applies the limit with --quiet too).
    it("carries a command's `--max-warnings`, from the command or what run-commands adds to it", () => {
      const limit = (options: Record<string, unknown>) => readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options } }));
      expect(limit({ command: 'eslint src --max-warnings=0 --quiet', cwd: 'packages/store' })).toMatchObject({ lintFilePatterns: ['/ws/packages/store/src'], maxWarnings: 0 });
      expect(limit({ command: 'eslint src', cwd: 'packages/store', 'max-warnings': 3 })).toMatchObject({ maxWarnings: 3 });
      expect(limit({ command: 'eslint src', cwd: 'packages/store', args: ['--max-warnings', '2'] })).toMatchObject({ maxWarnings: 2 });
      expect(limit({ command: 'eslint src', cwd: 'packages/store' })).not.toHaveProperty('maxWarnings');
    });

    it('carries nothing from a command it cannot reproduce, and says why: our lint then lints the project as without an official target', () => {
      const read = (command: string) => readOfficialEslintTarget(project, ours, contextWith({ lint: { executor: 'nx:run-commands', options: { command } } }));
      expect(read('eslint src --fix')).toEqual({ target: 'lint', uncarried: 'its option `--fix` changes what ESLint reports and is not carried' });
      expect(read('eslint src && eslint test')).toEqual({ target: 'lint', uncarried: 'it runs ESLint more than once' });
      expect(read('tsc --noEmit')).toBeUndefined();
    });
  });

  it('names the official target and the option when a carried option has the wrong shape', () => {
    const read = () => readOfficialEslintTarget(project, ours, contextWith(eslintTarget({ lintFilePatterns: 'packages/store/**/*.ts' })));
    expect(read).toThrow(InvalidOptionsError);
    expect(read).toThrow(/official target "lint" of project "store".*\n.*lintFilePatterns/);
  });
});
