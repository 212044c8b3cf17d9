import type { ExecutorContext, Task } from '@nx/devkit';
import type { DeadTaskRecord } from '../shared/record-dead-worker-task';
import type { WorkerDeath } from '../shared/run-batch-in-workers';
import type { ToolKind } from './options';

/**
 * Records the `error` result of a `tool` task whose batch worker died, through its tool's own
 * recorder (`recordDeadWorkerTask`, or `recordDeadHealthTask`). The tools' modules are loaded only
 * here, when a worker died: the batch process that hands tasks out holds none of them otherwise.
 */
export function recordDeadToolTask(kind: ToolKind, death: WorkerDeath, task: Task, rawOptions: unknown, context: ExecutorContext): DeadTaskRecord {
  const { recordDeadWorkerTask } = require('../shared/record-dead-worker-task') as typeof import('../shared/record-dead-worker-task');
  switch (kind) {
    case 'test':
      return recordDeadWorkerTask((require('../run-tests/test-tool') as typeof import('../run-tests/test-tool')).testTool(), death, task, rawOptions as never, context);
    case 'lint':
      return recordDeadWorkerTask((require('../lint/lint-tool') as typeof import('../lint/lint-tool')).lintTool(), death, task, rawOptions as never, context);
    case 'typecheck':
      return recordDeadWorkerTask((require('../typecheck/typecheck-tool') as typeof import('../typecheck/typecheck-tool')).typecheckTool(), death, task, rawOptions as never, context);
    case 'health':
      return (require('../health/record-dead-health-task') as typeof import('../health/record-dead-health-task')).recordDeadHealthTask(death, task, rawOptions, context);
  }
}
