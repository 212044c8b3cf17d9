import type { TargetConfiguration } from '@nx/devkit';

/** What one of our targets does, by the executor behind it. */
export type QualityTargetKind = 'test' | 'lint' | 'typecheck' | 'health' | 'quality';

const OWN_EXECUTOR = /^@nx-quality\/plugin:(test|lint|typecheck|health|quality|tool)$/;
const TOOLS: readonly string[] = ['test', 'lint', 'typecheck', 'health'];

/**
 * Which of our targets a target is: `@nx-quality/plugin:test` (…`:health`, `:quality`) by its
 * executor's name, `@nx-quality/plugin:tool` by its `tool` option; undefined for any other target.
 */
export function qualityTargetKind(target: TargetConfiguration | undefined): QualityTargetKind | undefined {
  const executor = OWN_EXECUTOR.exec(target?.executor ?? '')?.[1];
  if (executor !== 'tool') return executor as QualityTargetKind | undefined;
  const tool = (target?.options as { tool?: unknown } | undefined)?.tool;
  return typeof tool === 'string' && TOOLS.includes(tool) ? (tool as QualityTargetKind) : undefined;
}
