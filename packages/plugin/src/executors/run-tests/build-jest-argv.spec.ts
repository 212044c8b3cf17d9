import type { ProjectRef } from '../../shared/project-ref';
import { buildJestArgv } from './build-jest-argv';
import { normalizeTestOptions } from './normalize-test-options';

const project: ProjectRef = { workspaceRoot: '/ws', name: 'lib-a', root: 'libs/a', tags: [] };

describe('buildJestArgv', () => {
  it('passes the loaded config as JSON and turns Jest’s own coverage reporters off', () => {
    const options = normalizeTestOptions(project, { jestConfig: 'libs/a/jest.config.ts' });
    const argv = buildJestArgv({ rootDir: '/ws/libs/a', testEnvironment: 'node' }, options, 30);
    expect(JSON.parse(argv.config)).toEqual({ rootDir: '/ws/libs/a', testEnvironment: 'node' });
    expect(argv).toMatchObject({ coverage: true, coverageReporters: [], testLocationInResults: true, passWithNoTests: true, watch: false, watchAll: false });
    expect(argv).not.toHaveProperty('ci');
    expect(argv).not.toHaveProperty('maxWorkers');
  });

  it('keeps coverage reporters the project config chose', () => {
    const options = normalizeTestOptions(project, { jestConfig: 'libs/a/jest.config.ts' });
    const argv = buildJestArgv({ rootDir: '/ws/libs/a', coverageReporters: ['lcov'] }, options, 30);
    expect(argv.coverageReporters).toBeUndefined();
  });

  it('forwards run options', () => {
    const runOptions = {
      coverage: false,
      ci: true,
      maxWorkers: '50%',
      runInBand: true,
      testNamePattern: 'adds',
      testPathPatterns: ['math', 'strings'],
      passWithNoTests: true,
    };
    const options = normalizeTestOptions(project, { jestConfig: 'libs/a/jest.config.ts', ...runOptions });
    const argv = buildJestArgv({ rootDir: '/ws/libs/a' }, options, 30);
    expect(argv).toMatchObject(runOptions);
    expect(argv.coverageReporters).toBeUndefined();
  });

  it('passes the path of the JSON file written for a multi-project config instead of a JSON string', () => {
    const options = normalizeTestOptions(project, { jestConfig: 'libs/a/jest.config.ts' });
    const argv = buildJestArgv({ rootDir: '/ws/libs/a', projects: [{ rootDir: '/ws/libs/a/x' }] }, options, 30, '/tmp/x/jest.config.json');
    expect(argv.config).toBe('/tmp/x/jest.config.json');
  });

  it('gives Jest 29 one testPathPattern regular expression', () => {
    const options = normalizeTestOptions(project, { jestConfig: 'libs/a/jest.config.ts', testPathPatterns: ['math', 'str.ngs'] });
    const argv = buildJestArgv({ rootDir: '/ws/libs/a' }, options, 29);
    expect(argv.testPathPattern).toBe('(?:math)|(?:str.ngs)');
    expect(argv.testPathPatterns).toBeUndefined();
    expect(new RegExp(argv.testPathPattern!).test('libs/a/src/strings.spec.ts')).toBe(true);
  });
});

describe('normalizeTestOptions', () => {
  it('resolves paths and result files', () => {
    const options = normalizeTestOptions(project, { jestConfig: 'libs/a/jest.config.ts' });
    expect(options.jestConfig).toEqual({ absolute: '/ws/libs/a/jest.config.ts', relative: 'libs/a/jest.config.ts' });
    expect(options.resultsDir.relative).toBe('dist/quality/libs/a');
    expect(options.testResultFile.relative).toBe('dist/quality/libs/a/test.json');
    expect(options.coverageFile.relative).toBe('dist/quality/libs/a/coverage-final.json');
    expect(options).toMatchObject({ runner: 'jest', coverage: true, failuresCap: 50 });
  });

  it('names each invalid option with its path', () => {
    expect(() => normalizeTestOptions(project, { runner: 'mocha', coverageThreshold: { lines: 120 }, bogus: 1 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        message: expect.stringMatching(/runner[\s\S]*coverageThreshold\.lines/),
      }),
    );
  });
});
