import type { TestCase } from '@nx-quality/core';
import { capTestCases } from './cap-test-cases';

const cases = (statuses: TestCase['status'][]): TestCase[] => statuses.map((status, index) => ({ fullName: `case ${index}`, status }));

describe('capTestCases', () => {
  it('keeps every failing case and fills the rest of the cap with the others, in order', () => {
    const many = cases([...Array.from({ length: 10 }, () => 'passed' as const), 'failed', 'passed', 'failed', 'skipped']);
    expect(capTestCases(many, 4).map((c) => c.fullName)).toEqual(['case 0', 'case 1', 'case 10', 'case 12']);
  });

  it('keeps all failing cases even past the cap', () => {
    const allFailing = cases(Array.from({ length: 5 }, () => 'failed' as const));
    expect(capTestCases(allFailing, 2)).toHaveLength(5);
  });

  it('keeps 5,001 cases with 50 failures as 1,000 cases holding all 50 failures', () => {
    const suite = cases(Array.from({ length: 5001 }, (_, index) => (index % 100 === 7 ? 'failed' : 'passed')));
    const kept = capTestCases(suite);
    expect(kept).toHaveLength(1000);
    expect(kept.filter((c) => c.status === 'failed')).toHaveLength(50);
  });
});
