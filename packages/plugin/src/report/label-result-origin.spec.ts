import { labelResultOrigin, type TaskOrigin } from './label-result-origin';

const RUN_START = Date.parse('2026-01-02T03:04:06.000Z');
const BEFORE = '2026-01-02T03:04:05.000Z';
const DURING = '2026-01-02T03:04:07.000Z';
const ran = (taskStatus: 'success' | 'failure', taskHash?: string): TaskOrigin => ({ origin: 'fresh', taskStatus, ranSince: RUN_START, ...(taskHash ? { taskHash } : {}) });

describe('labelResultOrigin', () => {
  it('keeps what Nx says for cache hits, tasks outside the run and the report executor', () => {
    expect(labelResultOrigin({ origin: 'cached', taskStatus: 'local-cache' }, { taskHash: 'other', startedAt: BEFORE })).toEqual({ origin: 'cached' });
    expect(labelResultOrigin({ origin: 'not-run' }, { startedAt: BEFORE })).toEqual({ origin: 'not-run' });
    expect(labelResultOrigin({ origin: 'recorded' }, { startedAt: BEFORE })).toEqual({ origin: 'recorded' });
  });

  it('success: fresh when this task wrote it; stale when another task run did (other hash) or, without a hash, before the run', () => {
    expect(labelResultOrigin(ran('success', 'h1'), { taskHash: 'h1', startedAt: DURING })).toEqual({ origin: 'fresh' });
    expect(labelResultOrigin(ran('success', 'h1'), { taskHash: 'h1', startedAt: BEFORE })).toEqual({ origin: 'fresh' });
    expect(labelResultOrigin(ran('success', 'h1'), { taskHash: 'h0', startedAt: DURING })).toEqual({
      origin: 'stale',
      reason: `this run's task succeeded without replacing it; it was written by another task run (hash h0, this run's h1) at ${new Date(DURING).toISOString()}`,
    });
    expect(labelResultOrigin(ran('success', 'h1'), { startedAt: BEFORE })).toEqual({
      origin: 'stale',
      reason: `this run's task succeeded without replacing it; it was written at ${BEFORE}, before this run started`,
    });
    expect(labelResultOrigin(ran('success', 'h1'), { startedAt: DURING })).toEqual({ origin: 'fresh' });
  });

  it('failure: fresh or (NX_CACHE_FAILURES replay) cached only when the task hash matches; stale otherwise', () => {
    expect(labelResultOrigin(ran('failure', 'h1'), { taskHash: 'h1', startedAt: DURING })).toEqual({ origin: 'fresh' });
    expect(labelResultOrigin(ran('failure', 'h1'), { taskHash: 'h1', startedAt: BEFORE })).toEqual({ origin: 'cached' });
    expect(labelResultOrigin(ran('failure', 'h1'), { taskHash: 'h0', startedAt: BEFORE })).toMatchObject({ origin: 'stale', reason: expect.stringMatching(/^this run's task failed without replacing it; it was written by another task run \(hash h0/) });
    // No hash, written before the run: the failing task did not write it.
    expect(labelResultOrigin(ran('failure', 'h1'), { startedAt: BEFORE })).toMatchObject({ origin: 'stale' });
  });

  it('uses the evaluatedAt of a quality.json, and keeps Nx\'s word when neither a hash nor a run start can tell', () => {
    expect(labelResultOrigin(ran('success'), { evaluatedAt: BEFORE })).toMatchObject({ origin: 'stale' });
    expect(labelResultOrigin({ origin: 'fresh', taskStatus: 'failure' }, { startedAt: BEFORE })).toEqual({ origin: 'fresh' });
    expect(labelResultOrigin(ran('failure'), { startedAt: 'not a date' })).toEqual({ origin: 'fresh' });
  });
});
