import type { TargetConfiguration } from '@nx/devkit';

/** Name of our executor behind a target (`test` for `@nx-quality/plugin:test`), or undefined. */
export function qualityExecutorName(target: TargetConfiguration | undefined): string | undefined {
  const match = /^@nx-quality\/plugin:(test|lint|typecheck|quality|health)$/.exec(target?.executor ?? '');
  return match?.[1];
}
