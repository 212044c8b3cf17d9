import { join } from 'node:path';
import { detectTestRunner } from './detect-test-runner';

const fixtures = join(__dirname, '__fixtures__');

describe('detectTestRunner', () => {
  it('finds Jest by its config and the node runner by the test script', () => {
    expect(detectTestRunner(join(fixtures, 'jest-workspace/libs/nx-style'))).toBe('jest');
    expect(detectTestRunner(join(fixtures, 'node-workspace/libs/plain-js'))).toBe('node');
    expect(detectTestRunner(join(fixtures, 'node-workspace/libs/typescript'))).toBe('node');
    expect(detectTestRunner(join(fixtures, 'jest-workspace/libs/no-config'))).toBeUndefined();
  });
});
