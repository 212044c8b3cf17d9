import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProjectResult } from './read-project-result';
import { lintResult } from '../test-support/sample-inputs';

describe('readProjectResult', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nxq-read-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const put = (content: unknown) => {
    const file = join(dir, 'lint.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it("returns the project's own valid result", () => {
    expect(readProjectResult(put(lintResult('alpha', 'libs/alpha', 1, 0)), 'lint', 'alpha')).toMatchObject({ state: 'ok', value: { project: 'alpha', counts: { errors: 1 } } });
  });

  it('names the owner of a result of another project, and the option to check', () => {
    expect(readProjectResult(put(lintResult('beta', 'libs/beta', 0, 0)), 'lint', 'alpha')).toEqual({
      state: 'invalid',
      reason: 'belongs to project "beta", not "alpha"; check the resultsDir options',
    });
  });

  it('validates with the schema of the kind asked for, and never throws on a missing or truncated file', () => {
    expect(readProjectResult(put(lintResult('alpha', 'libs/alpha', 0, 0)), 'test', 'alpha')).toMatchObject({ state: 'invalid' });
    expect(readProjectResult(put('{"kind":'), 'lint', 'alpha')).toMatchObject({ state: 'invalid', reason: expect.stringMatching(/not valid JSON.*truncated/) });
    expect(readProjectResult(join(dir, 'absent.json'), 'lint', 'alpha')).toEqual({ state: 'missing' });
  });
});
