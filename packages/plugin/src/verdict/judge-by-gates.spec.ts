import { judgeByGates } from './judge-by-gates';

const argv = (...args: string[]) => ['/usr/bin/node', '/ws/node_modules/.bin/nx', ...args];

describe('judgeByGates', () => {
  it('judges a run of the quality target (by its configured name), not a run of tool targets alone', () => {
    expect(judgeByGates({}, argv('run-many', '-t', 'quality'))).toBe(true);
    expect(judgeByGates({}, argv('affected', '-t', 'test', 'lint'))).toBe(false);
    expect(judgeByGates({ qualityTargetName: 'gate' }, argv('run-many', '-t', 'gate'))).toBe(true);
    expect(judgeByGates({ qualityTargetName: 'gate' }, argv('run-many', '-t', 'quality'))).toBe(false);
  });

  it('leaves every run to the targets themselves with strict: true, or with invalid options', () => {
    expect(judgeByGates({ strict: true }, argv('run-many', '-t', 'quality'))).toBe(false);
    expect(judgeByGates({ strict: 'yes' }, argv('run-many', '-t', 'quality'))).toBe(false);
  });
});
