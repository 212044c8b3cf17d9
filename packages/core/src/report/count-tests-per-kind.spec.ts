import { healthResult, testResult } from '../test-support/sample-inputs';
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
  const declared = {
    unit: { files: 1, tests: 1, counted: 'static' },
    integration: { files: 1, tests: 2, counted: 'static' },
    e2e: { files: 0, tests: 0, counted: 'static' },
  };

  it("puts the test result's executed count over a file's declared test calls (it.each rows included), and says which is which", () => {
    // a.spec.ts declares one call; the run executed 3 tests in it. b.int.spec.ts did not run: declared count stays.
    expect(countTestsPerKind(health, testResult('alpha', 'libs/alpha'))).toEqual({
      unit: { files: 1, tests: 3, counted: 'executed' },
      integration: { files: 1, tests: 2, counted: 'static' },
      e2e: { files: 0, tests: 0, counted: 'static' },
    });
    expect(health.testKinds.unit.tests).toBe(1);
  });

  it('calls a kind mixed when only some of its files ran', () => {
    const two = {
      ...health,
      testFiles: [...health.testFiles, { file: 'libs/alpha/src/c.spec.ts', kind: 'unit', tests: 4, mockCalls: 0 }],
      testKinds: { unit: { files: 2, tests: 5 } },
    };
    expect(countTestsPerKind(two, testResult('alpha', 'libs/alpha'))).toEqual({ unit: { files: 2, tests: 7, counted: 'mixed' } });
  });

  it("keeps the declared counts, labelled static, without a usable test result (none, an error, another project's)", () => {
    expect(countTestsPerKind(health, undefined)).toEqual(declared);
    expect(countTestsPerKind(health, { ...testResult('alpha', 'libs/alpha'), status: 'error' })).toEqual(declared);
    expect(countTestsPerKind(health, testResult('beta', 'libs/alpha'))).toEqual(declared);
  });
});
