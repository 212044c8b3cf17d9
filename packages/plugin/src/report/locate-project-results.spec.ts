import type { ProjectGraph, TargetConfiguration } from '@nx/devkit';
import { interpolateOutput } from './interpolate-output';
import { locateProjectResults } from './locate-project-results';

describe('interpolateOutput', () => {
  const tokens = { workspaceRoot: '/ws', projectRoot: 'libs/a', projectName: 'a', options: { resultsDir: 'out/{projectRoot}', nested: { dir: 'n' } } };

  it('expands the tokens Nx expands, workspace-relative', () => {
    expect(interpolateOutput('{workspaceRoot}/dist/quality/{projectRoot}/test.json', tokens)).toBe('dist/quality/libs/a/test.json');
    expect(interpolateOutput('{projectRoot}/coverage', tokens)).toBe('libs/a/coverage');
    expect(interpolateOutput('{workspaceRoot}/r/{projectName}/{options.nested.dir}', tokens)).toBe('r/a/n');
    expect(interpolateOutput('{workspaceRoot}/dist/quality/{projectRoot}/lint.json', { ...tokens, projectRoot: '.' })).toBe('dist/quality/lint.json');
  });

  it('drops an output whose option is not set, as Nx does', () => {
    expect(interpolateOutput('{options.outputFile}', tokens)).toBeUndefined();
  });

  it('keeps a path that leaves the workspace recognisable', () => {
    expect(interpolateOutput('{workspaceRoot}/../x/{projectName}.json', tokens)).toBe('../x/a.json');
  });
});

describe('locateProjectResults', () => {
  it('finds result files through declared outputs (files or folders), falling back to resultsDir', () => {
    const graph: ProjectGraph = {
      nodes: {
        root: {
          name: 'root',
          type: 'lib',
          data: { root: '.', targets: { lint: { executor: '@nx-quality/plugin:lint', outputs: ['{workspaceRoot}/dist/quality/{projectRoot}/lint.json'] } } },
        },
        folder: {
          name: 'folder',
          type: 'lib',
          data: { root: 'libs/folder', targets: { check: { executor: '@nx-quality/plugin:quality', options: { resultsDir: 'q/{projectRoot}', tools: ['lint'] }, outputs: ['{workspaceRoot}/{options.resultsDir}'] } } },
        },
        undeclared: {
          name: 'undeclared',
          type: 'lib',
          data: { root: 'libs/u', targets: { tsc: { executor: '@nx-quality/plugin:typecheck', options: { resultsDir: 'r/{projectName}' } } } },
        },
        other: { name: 'other', type: 'lib', data: { root: 'libs/o', targets: { test: { executor: '@nx/jest:jest', outputs: ['{projectRoot}/coverage'] } } } },
      },
      dependencies: {},
    };
    const { projects, invalidOutputs } = locateProjectResults(graph, '/ws');
    expect(invalidOutputs).toEqual([]);
    expect(projects.map((p) => [p.name, Object.fromEntries(Object.entries(p.results).map(([k, v]) => [k, `${v.target} ${v.file}`]))])).toEqual([
      // No lint target, but the quality target evaluates lint (option tools): expected where it reads it.
      ['folder', { quality: 'check q/libs/folder/quality.json', health: 'check q/libs/folder/health.json', lint: 'check q/libs/folder/lint.json' }],
      ['root', { lint: 'lint dist/quality/lint.json' }],
      ['undeclared', { typecheck: 'tsc r/undeclared/typecheck.json' }],
    ]);
  });

  it('finds health.json through a health target, ahead of the quality target, and expects every listed tool', () => {
    const out = (file: string) => `{workspaceRoot}/dist/quality/{projectRoot}/${file}`;
    const targets = (order: 'health-first' | 'quality-first'): Record<string, TargetConfiguration> => {
      const quality = { executor: '@nx-quality/plugin:quality', options: {}, outputs: [out('quality.json'), out('health.json')] };
      const health = { executor: '@nx-quality/plugin:health', options: {}, outputs: ['{workspaceRoot}/h/{projectName}/health.json'] };
      const test = { executor: '@nx-quality/plugin:test', outputs: [out('test.json'), out('coverage-final.json')] };
      return order === 'health-first' ? { health, quality, test } : { test, quality, 'code-health': health };
    };
    const graph: ProjectGraph = {
      nodes: {
        a: { name: 'a', type: 'lib', data: { root: 'libs/a', targets: targets('health-first') } },
        b: { name: 'b', type: 'lib', data: { root: 'libs/b', targets: targets('quality-first') } },
        c: { name: 'c', type: 'lib', data: { root: 'libs/c', targets: { quality: { executor: '@nx-quality/plugin:quality', outputs: [out('quality.json'), out('health.json')] } } } },
      },
      dependencies: {},
    };
    const { projects } = locateProjectResults(graph, '/ws');
    const a = projects.find((p) => p.name === 'a');
    expect(a?.results.health).toEqual({ kind: 'health', target: 'health', file: 'h/a/health.json' });
    expect(a?.results.test).toEqual({ kind: 'test', target: 'test', file: 'dist/quality/libs/a/test.json' });
    expect(a?.results.lint).toMatchObject({ target: 'quality', file: 'dist/quality/libs/a/lint.json', missingReason: expect.stringMatching(/no lint target records it, but option tools of quality lists lint/) });
    expect(projects.find((p) => p.name === 'b')?.results.health).toEqual({ kind: 'health', target: 'code-health', file: 'h/b/health.json' });
    // Without a health target, the quality target's health.json is still found (the current layout).
    expect(projects.find((p) => p.name === 'c')?.results.health).toEqual({ kind: 'health', target: 'quality', file: 'dist/quality/libs/c/health.json' });
  });
});
