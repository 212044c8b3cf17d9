import { DEFAULT_MARKDOWN_MAX_BYTES, DEFAULT_SARIF_MAX_RESULTS_PER_RUN, REPORT_FORMATS } from '@nx-quality/core';
import { z } from 'zod';

/** Normalises a workspace-relative path and rejects absolute ones and ones leaving the workspace. */
const workspaceRelative = (what: string) =>
  z
    .string()
    .transform((value) => value.replace(/^\{workspaceRoot\}\/?/, '').replace(/\/+$/, ''))
    .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:/.test(value), `${what} must be relative to the workspace root`)
    .refine((value) => !value.split('/').includes('..'), `${what} must stay inside the workspace (no "..")`);

/**
 * Options of the `quality-report` executor; `schema.json` is generated from this. The after-run
 * hook reads the same options (quality.config.json `report` < nx.json plugin `report` < the root
 * project's quality-report target), so both write the same report.
 */
export const optionsSchema = z
  .strictObject({
    outputDir: z.string().min(1).default('dist/quality-report').pipe(workspaceRelative('outputDir')).describe('Workspace-relative folder the report is written to.'),
    formats: z
      .array(z.enum(REPORT_FORMATS))
      .min(1)
      .default([...REPORT_FORMATS])
      .describe('Formats to write: json (report.json), md (report.md), html (index.html), junit (junit.xml), sarif (quality.sarif), coverage (merged coverage-final.json, lcov.info, cobertura.xml).'),
    baseline: z
      .string()
      .min(1)
      .pipe(workspaceRelative('baseline'))
      .optional()
      .describe('Workspace-relative baseline file. Default: the `baseline` of quality.config.json / plugin options, else quality-baseline.json.'),
    useBaseline: z.boolean().default(true).describe('Compare with the baseline (ratchet conditions and deltas) when the file exists.'),
    updateBaseline: z.boolean().default(false).describe('Tighten the baseline with this report: no metric ever moves in its worse direction.'),
    failOnViolations: z.boolean().default(false).describe('Fail the target when a project fails its gates (including the baseline ratchet).'),
    githubSummary: z.boolean().default(true).describe('Append report.md to $GITHUB_STEP_SUMMARY when that variable is set.'),
    annotations: z.boolean().default(true).describe('Print GitHub annotations for the first failures when running in GitHub Actions.'),
    markdownMaxBytes: z
      .number()
      .int()
      .min(10_000)
      .max(1_048_576)
      .default(DEFAULT_MARKDOWN_MAX_BYTES)
      .describe('Size limit of report.md in bytes; long sections are cut with a note. Use about 60000 for pull-request comments.'),
    sarifMaxResultsPerRun: z
      .number()
      .int()
      .positive()
      .default(DEFAULT_SARIF_MAX_RESULTS_PER_RUN)
      .describe('Most results per SARIF run (one run per project and tool).'),
    topGaps: z.number().int().positive().default(10).describe('Entries per top-gaps list.'),
  })
  .meta({ title: 'Quality report', description: 'Options of @nx-quality/plugin:quality-report' });

/** Options as written in project.json / nx.json; every option has a default (zod types a defaulted pipe's key as required). */
export type QualityReportExecutorOptions = Partial<z.input<typeof optionsSchema>>;
/** Options after defaults. */
export type NormalizedQualityReportOptions = z.output<typeof optionsSchema>;
