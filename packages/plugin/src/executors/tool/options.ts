import { z } from 'zod';
import { TOOL_KINDS, type ToolKind } from '../../shared/quality-target-kind';
import { optionsSchema as healthOptions } from '../health/options';
import { optionsSchema as lintOptions } from '../lint/options';
import { optionsSchema as testOptions } from '../run-tests/options';
import { optionsSchema as typecheckOptions } from '../typecheck/options';

export { TOOL_KINDS, type ToolKind } from '../../shared/quality-target-kind';

const toolOption = (kind: ToolKind) => z.literal(kind).describe(`Which tool the target runs: ${TOOL_KINDS.map((tool) => `'${tool}'`).join(', ')}; the other options are those of that tool's own executor.`);

/**
 * Options of the `tool` executor; `schema.json` is generated from this (`npm run schemas`). One
 * executor for the four tools, so that Nx puts all their tasks into one batch (it forms batches per
 * executor and runs them one after another).
 */
export const optionsSchema = z
  .discriminatedUnion('tool', [
    testOptions.extend({ tool: toolOption('test') }),
    lintOptions.extend({ tool: toolOption('lint') }),
    typecheckOptions.extend({ tool: toolOption('typecheck') }),
    healthOptions.extend({ tool: toolOption('health') }),
  ])
  .meta({
    title: 'Tool',
    description:
      "Runs one of the project's tools (tests, lint, typecheck or health, by `tool`) with the options of that tool's own executor, and records its result. The inferred targets use it, so that all their tasks form one Nx batch.",
  });

/** Options as written in project.json / nx.json. */
export type ToolExecutorOptions = z.input<typeof optionsSchema>;
