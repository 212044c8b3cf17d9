import { posix, join } from 'node:path';
import {
  readProjectResult,
  RESULT_FILE_NAMES,
  type InputState,
  type LintResult,
  type TestResult,
  type TypecheckResult,
} from '@nx-quality/core';
import type { ProjectRef } from '../../shared/project-ref';
import { QUALITY_TOOLS, type QualityTool } from './options';

/** How one input of the quality target was found (the `inputs` entries of quality.json). */
export interface InputRecord {
  state: InputState;
  file: string;
  detail?: string;
  /** The judged result's startedAt: which result this was, for the report. */
  startedAt?: string;
}

/** The tool results read for one project. */
export interface ToolResults {
  results: { test?: TestResult; lint?: LintResult; typecheck?: TypecheckResult };
  inputs: Record<QualityTool, InputRecord>;
  /** Why a metric family (`tests`, `coverage`, `lint`, `typecheck`) has no values. */
  unknownReasons: Record<string, string>;
}

const FAMILIES: Record<QualityTool, string[]> = { test: ['tests', 'coverage'], lint: ['lint'], typecheck: ['typecheck'] };

/**
 * Reads test.json, lint.json and typecheck.json from the project's results folder. Never throws:
 * a missing, corrupt, foreign or errored result is recorded with its state and the reason.
 */
export function readToolResults(
  project: ProjectRef,
  resultsDir: string,
  tools: readonly QualityTool[],
  targetNames: Partial<Record<QualityTool, string>> = {},
): ToolResults {
  const results: ToolResults['results'] = {};
  const inputs = {} as Record<QualityTool, InputRecord>;
  const unknownReasons: Record<string, string> = {};
  const because = (tool: QualityTool, reason: string) => {
    for (const family of FAMILIES[tool]) unknownReasons[family] = reason;
  };

  for (const tool of QUALITY_TOOLS) {
    const file = posix.join(resultsDir, RESULT_FILE_NAMES[tool]);
    if (!tools.includes(tool)) {
      inputs[tool] = { state: 'disabled', file, detail: `the project has no ${tool} target` };
      because(tool, `the project has no ${tool} target`);
      continue;
    }
    const read = readProjectResult(join(project.workspaceRoot, file), tool, project.name);
    if (read.state === 'missing') {
      inputs[tool] = { state: 'missing', file, detail: `${file} does not exist; run the ${targetNames[tool] ?? tool} target first` };
      because(tool, `${tool} result missing at ${file}`);
    } else if (read.state === 'invalid') {
      inputs[tool] = { state: 'invalid', file, detail: `${file} ${read.reason}` };
      because(tool, `${tool} result invalid at ${file}: ${read.reason}`);
    } else if (read.value.status === 'error') {
      const error = read.value.error;
      inputs[tool] = { state: 'error', file, detail: error ? `${error.message}${error.file ? ` (${error.file})` : ''}` : `${tool} could not run`, startedAt: read.value.startedAt };
      because(tool, `${tool} could not run: ${error?.message ?? 'tool error'}`);
      Object.assign(results, { [tool]: read.value });
    } else {
      inputs[tool] = { state: 'ok', file, startedAt: read.value.startedAt };
      Object.assign(results, { [tool]: read.value });
      if (tool === 'test' && !(read.value as TestResult).coverage) unknownReasons['coverage'] = 'tests ran without coverage';
    }
  }
  return { results, inputs, unknownReasons };
}
