import { InvalidOptionsError } from '@nx-quality/core';
import { isToolKind, TOOL_KINDS, type ToolKind } from '../../shared/quality-target-kind';

/**
 * The tool a `tool` target runs and the options for that tool's own executor, which validates them
 * (so a bad option is named by the tool's executor, in the tool's result file). Throws when `tool`
 * names no tool: then no result file can be chosen.
 */
export function splitToolOptions(raw: unknown, subject: string): { tool: ToolKind; options: Record<string, unknown> } {
  const { tool, ...options } = (raw ?? {}) as Record<string, unknown>;
  if (!isToolKind(tool)) {
    throw new InvalidOptionsError(subject, [
      { path: 'tool', message: `${tool === undefined ? 'missing' : `${JSON.stringify(tool)} is not a tool`}: set it to one of ${TOOL_KINDS.map((kind) => `"${kind}"`).join(', ')}` },
    ]);
  }
  return { tool, options };
}
