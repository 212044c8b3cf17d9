import { healthResult, testResult } from './__fixtures__/sample-inputs';
import { countTestsPerKind } from './count-tests-per-kind';

describe('countTestsPerKind', () => {
  const health = {
    ...healthResult('alpha', 'libs/alpha'),
    testFiles: [
      { file: 'libs/alpha/src/a.spec.ts', kind: 'unit', tests: 1, mockCalls: 0 },
      { file: 'libs/alpha/src/b.int.spec.ts', kind: 'integration', tests: 2, mockCalls: 0 },
    ],
    testKinds: { unit: { files: 1, tests: 1 }, integration: { files: 1, tests: 2 }, e2e: { files: 0, tests: 0 } },
  };

  it("puts the test result's executed count over a file's declared test calls (it.each rows included)", () => {
    // a.spec.ts declares one call; the run executed 3 tests in it. b.int.spec.ts did not run: declared count stays.
    expect(countTestsPerKind(health, testResult('alpha', 'libs/alpha'))).toEqual({
      unit: { files: 1, tests: 3 },
      integration: { files: 1, tests: 2 },
      e2e: { files: 0, tests: 0 },
    });
    expect(health.testKinds.unit.tests).toBe(1);
  });

  it("keeps the declared counts without a usable test result (none, an error, another project's)", () => {
    expect(countTestsPerKind(health, undefined)).toBe(health.testKinds);
    expect(countTestsPerKind(health, { ...testResult('alpha', 'libs/alpha'), status: 'error' })).toBe(health.testKinds);
    expect(countTestsPerKind(health, testResult('beta', 'libs/alpha'))).toBe(health.testKinds);
  });
});
