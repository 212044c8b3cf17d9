import type { RunTasksHere } from '../shared/spread-batch-over-workers';
import type { QualityTargetKind } from '../../shared/quality-target-kind';

/** A new batch runner (with its own state) of one tool or of the gates, its module loaded on first use: a worker that only lints need not load Jest. */
export function loadToolBatchRunner(tool: QualityTargetKind): RunTasksHere<Record<string, unknown>> {
  switch (tool) {
    case 'test':
      return (require('../run-tests/batch') as typeof import('../run-tests/batch')).createTestBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'lint':
      return (require('../lint/batch') as typeof import('../lint/batch')).createLintBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'typecheck':
      return (require('../typecheck/batch') as typeof import('../typecheck/batch')).createTypecheckBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'health':
      return (require('../health/batch') as typeof import('../health/batch')).createHealthBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'quality':
      return (require('../quality/batch') as typeof import('../quality/batch')).createQualityBatchRunner() as RunTasksHere<Record<string, unknown>>;
  }
}
