import type { TargetConfiguration } from '@nx/devkit';

/** The tools the `tool` executor runs (its `tool` option), each with the options of its own executor. */
export const TOOL_KINDS = ['test', 'lint', 'typecheck', 'health'] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** Whether a value (a `tool` option) names one of the tools. */
export function isToolKind(value: unknown): value is ToolKind {
  return typeof value === 'string' && (TOOL_KINDS as readonly string[]).includes(value);
}

/** What one of our targets does, by the executor behind it. */
export type QualityTargetKind = ToolKind | 'quality';

/**
 * What the `tool` executor runs (its `tool` option): a tool, or the gates (`quality`), which join
 * the tools' batch where Nx re-hashes a batch task after its dependencies ran (see
 * `gatesInToolBatch`).
 */
export const TOOL_EXECUTOR_KINDS = [...TOOL_KINDS, 'quality'] as const;

/** Whether a value (a `tool` option) names what the `tool` executor can run. */
export function isToolExecutorKind(value: unknown): value is QualityTargetKind {
  return value === 'quality' || isToolKind(value);
}

const OWN_EXECUTOR = /^@nx-quality\/plugin:(test|lint|typecheck|health|quality|tool)$/;

/**
 * Which of our targets a target is: `@nx-quality/plugin:test` (…`:health`, `:quality`) by its
 * executor's name, `@nx-quality/plugin:tool` by its `tool` option (`quality` included); undefined
 * for any other target.
 */
export function qualityTargetKind(target: TargetConfiguration | undefined): QualityTargetKind | undefined {
  const executor = OWN_EXECUTOR.exec(target?.executor ?? '')?.[1];
  if (executor !== 'tool') return executor as QualityTargetKind | undefined;
  const tool = (target?.options as { tool?: unknown } | undefined)?.tool;
  return isToolExecutorKind(tool) ? tool : undefined;
}
