import { isToolExecutorKind, TOOL_EXECUTOR_KINDS, type QualityTargetKind } from '../../shared/quality-target-kind';

/**
 * What a `tool` target runs (a tool, or `quality`) and the options for its own executor, which
 * validates them (so a bad option is named by that executor, in its result file). Throws when
 * `tool` names nothing it can run: then no result file can be chosen.
 */
export function splitToolOptions(raw: unknown, subject: string): { tool: QualityTargetKind; options: Record<string, unknown> } {
  const { tool, ...options } = (raw ?? {}) as Record<string, unknown>;
  if (!isToolExecutorKind(tool)) {
    // Loaded only for the error: the batch process splits options before it starts its workers.
    const { InvalidOptionsError } = require('@nx-quality/core') as typeof import('@nx-quality/core');
    throw new InvalidOptionsError(subject, [
      { path: 'tool', message: `${tool === undefined ? 'missing' : `${JSON.stringify(tool)} is not a tool`}: set it to one of ${TOOL_EXECUTOR_KINDS.map((kind) => `"${kind}"`).join(', ')}` },
    ]);
  }
  return { tool, options };
}
