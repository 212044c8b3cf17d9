import type { ExecutorContext } from '@nx/devkit';
import type { QualityTargetKind } from '../../shared/quality-target-kind';

type ToolExecutor = (options: Record<string, unknown>, context: ExecutorContext) => Promise<{ success: boolean }>;

/** The single-task executor of one tool (or of the gates), loaded on first use: a lint task need not load Jest. */
export function loadToolExecutor(tool: QualityTargetKind): ToolExecutor {
  switch (tool) {
    case 'test':
      return (require('../run-tests/executor') as { default: ToolExecutor }).default;
    case 'lint':
      return (require('../lint/executor') as { default: ToolExecutor }).default;
    case 'typecheck':
      return (require('../typecheck/executor') as { default: ToolExecutor }).default;
    case 'health':
      return (require('../health/executor') as { default: ToolExecutor }).default;
    case 'quality':
      return (require('../quality/executor') as { default: ToolExecutor }).default;
  }
}
