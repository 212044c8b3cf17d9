import type { ProjectGraph } from '@nx/devkit';
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
          data: { root: 'libs/folder', targets: { check: { executor: '@nx-quality/plugin:quality', options: { resultsDir: 'q/{projectRoot}' }, outputs: ['{workspaceRoot}/{options.resultsDir}'] } } },
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
      ['folder', { quality: 'check q/libs/folder/quality.json', health: 'check q/libs/folder/health.json' }],
      ['root', { lint: 'lint dist/quality/lint.json' }],
      ['undeclared', { typecheck: 'tsc r/undeclared/typecheck.json' }],
    ]);
  });
});
