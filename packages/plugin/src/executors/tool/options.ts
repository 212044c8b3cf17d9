import { z } from 'zod';
import { TOOL_EXECUTOR_KINDS, type QualityTargetKind } from '../../shared/quality-target-kind';
import { optionsSchema as healthOptions } from '../health/options';
import { optionsSchema as lintOptions } from '../lint/options';
import { optionsSchema as qualityOptions } from '../quality/options';
import { optionsSchema as testOptions } from '../run-tests/options';
import { optionsSchema as typecheckOptions } from '../typecheck/options';

export { TOOL_KINDS, type ToolKind } from '../../shared/quality-target-kind';

const toolOption = (kind: QualityTargetKind) =>
  z.literal(kind).describe(`What the target runs: ${TOOL_EXECUTOR_KINDS.map((tool) => `'${tool}'`).join(', ')} (the gates); the other options are those of its own executor.`);

/**
 * Options of the `tool` executor; `schema.json` is generated from this (`npm run schemas`). One
 * executor for the four tools and the gates, so that Nx puts all their tasks into one batch (it
 * forms batches per executor and runs them one after another).
 */
export const optionsSchema = z
  .discriminatedUnion('tool', [
    testOptions.extend({ tool: toolOption('test') }),
    lintOptions.extend({ tool: toolOption('lint') }),
    typecheckOptions.extend({ tool: toolOption('typecheck') }),
    healthOptions.extend({ tool: toolOption('health') }),
    qualityOptions.extend({ tool: toolOption('quality') }),
  ])
  .meta({
    title: 'Tool',
    description:
      "Runs one of the project's tools (tests, lint, typecheck or health, by `tool`), or evaluates its gates (`quality`), with the options of that one's own executor, and records its result. The inferred targets use it, so that all their tasks form one Nx batch.",
  });

/** Options as written in project.json / nx.json. */
export type ToolExecutorOptions = z.input<typeof optionsSchema>;
