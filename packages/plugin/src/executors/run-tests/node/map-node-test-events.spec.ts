import { mapNodeTestEvents } from './map-node-test-events';
import type { NodeTestEvent } from './node-test-event';

const file = '/ws/libs/a/test/a.test.js';
const broken = '/ws/libs/a/test/broken.test.js';
const start = (name: string, nesting: number, f = file): NodeTestEvent => ({ type: 'test:start', data: { name, nesting, file: f } });
const pass = (name: string, nesting: number, extra: NodeTestEvent['data'] = {}): NodeTestEvent => ({
  type: 'test:pass',
  data: { name, nesting, file, details: { duration_ms: 2 }, ...extra },
});

describe('mapNodeTestEvents', () => {
  it('counts like node (suites are not tests; skip and todo win over pass/fail) and names tests by their ancestors', () => {
    const events: NodeTestEvent[] = [
      { type: 'meta', data: { node: '20.20.2' } },
      start('outer', 0),
      start('inner', 1),
      start('works', 2),
      pass('works', 2),
      start('breaks', 2),
      {
        type: 'test:fail',
        data: {
          name: 'breaks',
          nesting: 2,
          file,
          line: 5,
          column: 3,
          details: {
            error: {
              message: 'test failed',
              failureType: 'testCodeFailure',
              cause: { name: 'AssertionError', message: 'Expected 1\n\n1 !== 2\n', stack: `AssertionError: x\n    at TestContext.<anonymous> (${file}:7:12)` },
            },
          },
        },
      },
      { type: 'test:fail', data: { name: 'inner', nesting: 1, file, details: { type: 'suite', error: { message: '1 subtest failed' } } } },
      start('todo but failing', 1),
      { type: 'test:fail', data: { name: 'todo but failing', nesting: 1, file, todo: true, details: { error: { message: 'x' } } } },
      start('skipped', 1),
      pass('skipped', 1, { skip: 'reason' }),
      { type: 'test:fail', data: { name: 'outer', nesting: 0, file, details: { type: 'suite', duration_ms: 10 } } },
      { type: 'test:stderr', data: { file: broken, message: `${broken}:3\n` } },
      { type: 'test:stderr', data: { file: broken, message: 'SyntaxError: Unexpected token\n' } },
      start(broken, 0, broken),
      { type: 'test:fail', data: { name: broken, nesting: 0, file: broken, details: { error: { message: 'test failed', failureType: 'testCodeFailure' } } } },
    ];
    const outcome = mapNodeTestEvents(events, '/ws', 10);
    expect(outcome.counts).toEqual({ total: 5, passed: 1, failed: 2, skipped: 1, todo: 1 });
    expect(outcome.suites).toEqual({ total: 2, passed: 0, failed: 2, errored: 1 });
    expect(outcome.failures).toEqual([
      { file: 'libs/a/test/a.test.js', fullName: 'outer › inner › breaks', message: 'AssertionError: Expected 1\n\n1 !== 2', line: 7, column: 12 },
      { file: 'libs/a/test/broken.test.js', fullName: '(test file failed to run)', message: '/ws/libs/a/test/broken.test.js:3\nSyntaxError: Unexpected token' },
    ]);
    expect(outcome.files.map((f) => [f.file, f.status])).toEqual([
      ['libs/a/test/a.test.js', 'failed'],
      ['libs/a/test/broken.test.js', 'error'],
    ]);
    expect(outcome.files[0]!.tests.map((test) => `${test.status} ${test.fullName}`)).toEqual([
      'passed outer › inner › works',
      'failed outer › inner › breaks',
      'todo outer › todo but failing',
      'skipped outer › skipped',
    ]);
  });

  it('caps failures but keeps counts exact', () => {
    const events: NodeTestEvent[] = [1, 2, 3].flatMap((n) => [
      start(`t${n}`, 0),
      { type: 'test:fail', data: { name: `t${n}`, nesting: 0, file, details: { error: { message: 'no' } } } } as NodeTestEvent,
    ]);
    const outcome = mapNodeTestEvents(events, '/ws', 2);
    expect(outcome.counts.failed).toBe(3);
    expect(outcome.failures).toHaveLength(2);
    expect(outcome.failuresOmitted).toBe(1);
  });
});
