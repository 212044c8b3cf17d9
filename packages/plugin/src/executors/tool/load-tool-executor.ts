import type { ExecutorContext } from '@nx/devkit';
import type { ToolKind } from './options';

type ToolExecutor = (options: Record<string, unknown>, context: ExecutorContext) => Promise<{ success: boolean }>;

/** The single-task executor of one tool, loaded on first use: a lint task need not load Jest. */
export function loadToolExecutor(tool: ToolKind): ToolExecutor {
  switch (tool) {
    case 'test':
      return (require('../run-tests/executor') as { default: ToolExecutor }).default;
    case 'lint':
      return (require('../lint/executor') as { default: ToolExecutor }).default;
    case 'typecheck':
      return (require('../typecheck/executor') as { default: ToolExecutor }).default;
    case 'health':
      return (require('../health/executor') as { default: ToolExecutor }).default;
  }
}
