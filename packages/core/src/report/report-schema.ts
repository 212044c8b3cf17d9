import { z } from 'zod';
import { MetricDeltaSchema } from '../baseline/baseline-schema';
import { CoverageSummarySchema } from '../schemas/coverage';
import { InvalidOutputSchema } from '../schemas/common';
import { EvaluatedConditionSchema } from '../schemas/gates';
import { HealthCountsSchema } from '../schemas/health-result';
import { TestCountsSchema, TestFailureSchema } from '../schemas/test-result';

/** Version of `report.json`; bump when the report changes incompatibly. */
export const REPORT_SCHEMA_VERSION = 1;

/** The result kinds a project's report row is made of. */
export const REPORT_RESULT_KINDS = ['test', 'lint', 'typecheck', 'health', 'quality'] as const;
/** A per-project result the report reads. */
export type ReportResultKind = (typeof REPORT_RESULT_KINDS)[number];

/**
 * Where a result comes from: `fresh` (its task wrote it in this invocation), `cached` (Nx restored it
 * from the local or remote cache in this invocation), `stale` (its task ran in this invocation but the
 * file on disk was left by an earlier run: the task ended without replacing it), `recorded` (read
 * from disk by the report executor, which cannot tell how it got there), `not-run` (its task was not
 * part of this invocation, e.g. `nx affected`; a valid result on disk is shown as the last known one),
 * `missing` (no file), `invalid` (unreadable, wrong schema or schema version, or declared outside the
 * workspace). Only `fresh`, `cached`, `recorded` and a last known `not-run` result count; a stale one is
 * shown but never passes a gate.
 */
export const ResultOriginSchema = z.enum(['fresh', 'cached', 'stale', 'recorded', 'not-run', 'missing', 'invalid']);
export type ResultOrigin = z.infer<typeof ResultOriginSchema>;

/** How one result of one project was found. */
export const ReportResultStateSchema = z.object({
  origin: ResultOriginSchema,
  file: z.string().optional().describe('Workspace-relative result file'),
  reason: z.string().optional().describe('Why the result is missing or invalid'),
  lastKnown: z.boolean().optional().describe('not-run only: a valid earlier result was found and is shown'),
  startedAt: z.string().optional().describe('When the result was produced'),
  status: z.enum(['passed', 'failed', 'error']).optional().describe("The tool's own status"),
  taskStatus: z.string().optional().describe('Nx task status in this invocation'),
  error: z
    .object({ code: z.string(), message: z.string(), hint: z.string().optional() })
    .optional()
    .describe('status error only: why the tool could not produce a result'),
});
export type ReportResultState = z.infer<typeof ReportResultStateSchema>;

/** A tool that could not run for a project (its result has status `error`). */
export const ReportToolErrorSchema = z.object({
  kind: z.string(),
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  hint: z.string().optional(),
});

/** One project's row of the report. */
export const ProjectReportSchema = z.object({
  name: z.string(),
  root: z.string(),
  tags: z.array(z.string()),
  origin: z
    .enum(['fresh', 'cached', 'stale', 'mixed', 'recorded', 'not-run', 'missing', 'invalid'])
    .describe('Summary of the result origins: one origin when all agree, else mixed'),
  results: z.record(z.string(), ReportResultStateSchema),
  metrics: z.record(z.string(), z.number()),
  tests: z
    .object({
      counts: TestCountsSchema,
      suitesErrored: z.number().int().nonnegative(),
      status: z.string(),
      targets: z.array(z.string()).optional().describe("test.json's officialTargets: the official test targets whose tests these counts hold together, when there are several"),
      notRun: z.array(z.string()).optional().describe("test.json's officialTargetsNotRun: the project's other test targets, whose tests these counts do not include"),
    })
    .nullable(),
  coverage: CoverageSummarySchema.nullable(),
  lint: z
    .object({
      errors: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
      fixable: z.number().int().nonnegative(),
      topRules: z.array(z.object({ rule: z.string(), errors: z.number().int(), warnings: z.number().int() })),
      notCarried: z
        .string()
        .optional()
        .describe("lint.json's officialTargetNotCarried: the official lint target's command could not be reproduced, and why"),
    })
    .nullable(),
  typecheck: z
    .object({
      errors: z.number().int().nonnegative(),
      topCodes: z.array(z.object({ code: z.string(), count: z.number().int() })),
    })
    .nullable(),
  health: HealthCountsSchema.nullable(),
  testKinds: z.record(
    z.string(),
    z.object({
      files: z.number().int(),
      tests: z.number().int(),
      counted: z
        .enum(['executed', 'static', 'mixed'])
        .optional()
        .describe("executed: tests the test run ran (test.json); static: test calls the health scan found in the files (health.json); mixed: some of each"),
    }),
  ),
  failures: z.array(TestFailureSchema).describe('First failing tests'),
  failuresOmitted: z.number().int().nonnegative(),
  lintErrors: z
    .array(z.object({ file: z.string(), line: z.number().int().nonnegative().optional(), rule: z.string(), message: z.string() }))
    .describe('First lint errors (severity error)'),
  lintErrorsOmitted: z.number().int().nonnegative(),
  typeErrors: z
    .array(z.object({ file: z.string().optional(), line: z.number().int().nonnegative().optional(), code: z.string(), message: z.string() }))
    .describe('First type errors'),
  typeErrorsOmitted: z.number().int().nonnegative(),
  toolErrors: z.array(ReportToolErrorSchema),
  gate: z.object({
    status: z.enum(['passed', 'failed', 'not-evaluated']),
    conditions: z.array(EvaluatedConditionSchema),
    violations: z.array(z.string()),
    reason: z.string().optional().describe('Why a gate recorded in quality.json is not shown: the results it judged were replaced since'),
  }),
  deltas: z.array(MetricDeltaSchema),
});
export type ProjectReport = z.infer<typeof ProjectReportSchema>;

/** A failing condition with the project it belongs to. */
export const ReportConditionSchema = EvaluatedConditionSchema.extend({ project: z.string() });
export type ReportCondition = z.infer<typeof ReportConditionSchema>;

/** The workspace report as `report.json` holds it. */
export const ReportSchema = z.object({
  kind: z.literal('workspace-report'),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.string(),
  producer: z.enum(['executor', 'hook']).describe('The quality-report executor or the after-run hook'),
  invocation: z
    .object({ projectsRun: z.array(z.string()), targets: z.array(z.string()) })
    .optional()
    .describe('Projects and targets this Nx invocation ran (hook only)'),
  totals: z.object({
    projects: z.number().int().nonnegative(),
    gatesPassed: z.number().int().nonnegative(),
    gatesFailed: z.number().int().nonnegative(),
    gatesNotEvaluated: z.number().int().nonnegative(),
    tests: TestCountsSchema,
    suitesErrored: z.number().int().nonnegative(),
    coverage: CoverageSummarySchema.nullable().describe('Merged coverage of all projects'),
    lint: z.object({ errors: z.number().int().nonnegative(), warnings: z.number().int().nonnegative() }),
    typecheck: z.object({ errors: z.number().int().nonnegative() }),
    health: z.record(z.string(), z.number()),
    failingConditions: z.number().int().nonnegative(),
    resultOrigins: z.record(z.string(), z.number().int().nonnegative()),
  }),
  testKinds: z.array(z.string()).describe('Columns of the projects × test kinds matrix'),
  projects: z.array(ProjectReportSchema),
  failingConditions: z.array(ReportConditionSchema),
  gaps: z.object({
    lowestCoverage: z.array(z.object({ project: z.string(), lines: z.number() })),
    lowestCoverageFiles: z.array(z.object({ project: z.string(), file: z.string(), lines: z.number(), totalLines: z.number() })),
    mostLintErrors: z.array(z.object({ project: z.string(), errors: z.number(), warnings: z.number() })),
    untestedModules: z.array(
      z.object({ project: z.string(), file: z.string(), fanIn: z.number(), lines: z.number(), reachedIndirectly: z.boolean() }),
    ),
  }),
  baseline: z.object({
    file: z.string(),
    state: z.enum(['ok', 'missing', 'invalid', 'disabled']),
    reason: z.string().optional(),
  }),
  invalidOutputs: z.array(InvalidOutputSchema),
  coverageLeftOut: z
    .array(z.object({ project: z.string(), reason: z.string() }))
    .describe('Projects whose coverage the merged coverage leaves out, because their test result is stale or could not run'),
  problems: z.array(z.string()).describe('Configuration problems the report worked around (e.g. an invalid quality.config.json)'),
});
/** The content of `report.json`: the report model (`Report`) without its findings. */
export type ReportJson = z.infer<typeof ReportSchema>;
