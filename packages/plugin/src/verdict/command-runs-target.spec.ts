import { targetsOfCommand } from './command-runs-target';

const nx = (...args: string[]) => targetsOfCommand(['/usr/bin/node', '/ws/node_modules/.bin/nx', ...args]);

describe('targetsOfCommand', () => {
  it('reads -t, --target and --targets in every spelling', () => {
    expect(nx('run-many', '-t', 'quality')).toEqual(new Set(['quality']));
    expect(nx('run-many', '-t', 'test', 'lint', '--parallel=1')).toEqual(new Set(['test', 'lint']));
    expect(nx('affected', '--targets=test,quality')).toEqual(new Set(['test', 'quality']));
    expect(nx('affected', '--target', 'quality', '--base=main')).toEqual(new Set(['quality']));
    expect(nx('run-many', '-t=lint')).toEqual(new Set(['lint']));
  });

  it('reads project:target[:configuration] of nx run, and not a project named like a target', () => {
    expect(nx('run', 'my-lib:quality')).toEqual(new Set(['quality']));
    expect(nx('run', 'quality:test:ci')).toEqual(new Set(['test']));
  });

  it('reads the infix form nx <target> <project>, and no target of other commands', () => {
    expect(nx('quality', 'my-lib')).toEqual(new Set(['quality']));
    expect(nx('show', 'projects', '--json')).toEqual(new Set());
    expect(nx('graph')).toEqual(new Set());
  });
});
