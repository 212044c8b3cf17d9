import type { RunTasksHere } from '../shared/spread-batch-over-workers';
import type { ToolKind } from './options';

/** A new batch runner (with its own state) of one tool, its module loaded on first use: a worker that only lints need not load Jest. */
export function loadToolBatchRunner(tool: ToolKind): RunTasksHere<Record<string, unknown>> {
  switch (tool) {
    case 'test':
      return (require('../run-tests/batch') as typeof import('../run-tests/batch')).createTestBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'lint':
      return (require('../lint/batch') as typeof import('../lint/batch')).createLintBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'typecheck':
      return (require('../typecheck/batch') as typeof import('../typecheck/batch')).createTypecheckBatchRunner() as RunTasksHere<Record<string, unknown>>;
    case 'health':
      return (require('../health/batch') as typeof import('../health/batch')).createHealthBatchRunner() as RunTasksHere<Record<string, unknown>>;
  }
}
