import { commandNamesOurTargets } from './prepare-report';

const argv = (...args: string[]) => ['/usr/bin/node', '/ws/node_modules/nx/bin/nx.js', ...args];

describe('commandNamesOurTargets (whether to load the report code while tasks run)', () => {
  afterEach(() => delete process.env['NX_QUALITY_REPORT_AFTER_RUN']);

  it.each([
    [argv('run-many', '-t', 'quality')],
    [argv('run-many', '--targets=lint,quality', '--parallel=3')],
    [argv('affected', '-t', 'typecheck', '--base=main')],
    [argv('run', 'app:test')],
    [argv('health', 'app')],
    [argv('run', 'app:quality-test')],
  ])('is true for %j', (args) => {
    expect(commandNamesOurTargets({}, args)).toBe(true);
  });

  it.each([[argv('run-many', '-t', 'build')], [argv('show', 'projects')], [argv('run', 'app:e2e', '--configuration=ci')]])('is false for %j', (args) => {
    expect(commandNamesOurTargets({}, args)).toBe(false);
  });

  it('uses the configured target names', () => {
    const options = { testTargetName: 'q-test', qualityTargetName: 'check' };
    expect(commandNamesOurTargets(options, argv('run-many', '-t', 'q-test'))).toBe(true);
    expect(commandNamesOurTargets(options, argv('run-many', '-t', 'check-lint'))).toBe(true);
    expect(commandNamesOurTargets(options, argv('run-many', '-t', 'test'))).toBe(false);
  });

  it('is false when the report after runs is turned off, or the options are invalid', () => {
    expect(commandNamesOurTargets({ reportAfterRun: false }, argv('run-many', '-t', 'quality'))).toBe(false);
    expect(commandNamesOurTargets({ testTargetName: 'a b' }, argv('run-many', '-t', 'quality'))).toBe(false);
    process.env['NX_QUALITY_REPORT_AFTER_RUN'] = 'false';
    expect(commandNamesOurTargets({}, argv('run-many', '-t', 'quality'))).toBe(false);
  });
});
