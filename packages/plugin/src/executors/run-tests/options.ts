import { CoverageThresholdsSchema } from '@nx-quality/core';
import { z } from 'zod';
import { listCapOption } from '../../shared/list-cap-option';
import { resultsDirOption } from '../../shared/results-dir-option';
import { taskEnvironmentOptionsShape } from '../../shared/task-environment-options';

/** Options of the `test` executor; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z
  .strictObject({
    ...taskEnvironmentOptionsShape,
    runner: z
      .enum(['jest', 'node', 'vitest'])
      .default('jest')
      .describe("Test runner: 'jest' (in-process runCLI), 'node' (Node's test runner under c8) or 'vitest' (in-process through Vitest's Node API, Vitest 3 or 4)."),
    jestConfig: z
      .string()
      .min(1)
      .optional()
      .describe("Workspace-relative Jest config (inference passes the one it found). Default: the first jest.config.{js,ts,mjs,cjs,mts,cts,json} in the project root, in Jest's own order."),
    vitestConfig: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Workspace-relative Vitest config (inference passes the one it found). Default: the first vitest.config.* in the project root, else a vite.config.* with a `test` block, in Vitest's own order.",
      ),
    coverage: z.boolean().default(true).describe('Collect coverage and write coverage-final.json beside test.json.'),
    otherOfficialTargets: z
      .boolean()
      .default(true)
      .describe(
        "Beside an official test target (officialTarget), also run the tests of the project's other official test targets on the same runner (@nx/jest:jest, @nx/vitest:test; not those whose name says e2e), each with its own config, directory, passWithNoTests and environment, into this one result with their coverage merged; a target whose config is the same file is run once, one whose environment sets other NODE_OPTIONS is not run. false: only the one ours stands beside (test.json names the others).",
      ),
    coverageThreshold: CoverageThresholdsSchema.strict()
      .optional()
      .describe("Minimum coverage in percent per dimension; unmet thresholds fail the target. Jest's own global coverageThreshold, or Vitest's coverage.thresholds (percentages), is honoured for dimensions not set here."),
    resultsDir: resultsDirOption('Workspace-relative folder of test.json and coverage-final.json; {projectRoot} and {projectName} are substituted.'),
    testNamePattern: z.string().min(1).optional().describe('Run only tests whose full name matches this regular expression.'),
    testPathPatterns: z
      .array(z.string().min(1))
      .optional()
      .describe('Jest: run only test files whose path matches one of these regular expressions.'),
    testFiles: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Node runner: test file globs relative to the project root. Default: node --test's own patterns (**/*.test.*, **/*-test.*, **/*_test.*, **/test-*.*, **/test.*, **/test/**/*) for js, cjs, mjs, ts, cts and mts files, outside node_modules and dist.",
      ),
    passWithNoTests: z
      .boolean()
      .default(false)
      .describe(
        "Pass when no test files are found instead of failing. Unset, it follows the official target ours stands beside (its passWithNoTests option or flag) and the Jest or Vitest config's own passWithNoTests.",
      ),
    ci: z.boolean().optional().describe("Jest's --ci: new snapshots are not written. Default: Jest's own CI detection."),
    maxWorkers: z
      .union([z.number().int().positive(), z.string().regex(/^\d+%?$/)])
      .optional()
      .describe("Jest's or Vitest's maxWorkers (a number or a percentage such as '50%')."),
    runInBand: z.boolean().optional().describe('Jest: run all test files serially in the current process. Node runner: --test-concurrency=1. Vitest: fileParallelism false.'),
    failuresCap: listCapOption(50, 'failures listed in test.json'),
    nodeImport: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Node runner: modules preloaded with --import (e.g. ['tsx']). Default: ['tsx'] when a test file is TypeScript, none otherwise.",
      ),
    nodeArgs: z.array(z.string()).optional().describe('Node runner: extra arguments for the node process that runs the tests.'),
    nodeExecutable: z
      .string()
      .min(1)
      .optional()
      .describe('Node runner: the node binary that runs the tests. Default: the node running Nx.'),
    coverageExclude: z
      .array(z.string().min(1))
      .optional()
      .describe("Node runner: globs (relative to the project root) excluded from coverage, added to c8's defaults (test files, node_modules)."),
  })
  .meta({
    title: 'Test',
    description:
      "Runs a project's tests (Jest or Vitest in-process, or Node's test runner with c8) with coverage and records test.json and a workspace-relative coverage-final.json.",
  });

/** Options as written in project.json / nx.json. */
export type TestExecutorOptions = z.input<typeof optionsSchema>;
/** Options after defaults. */
export type ParsedTestOptions = z.output<typeof optionsSchema>;
