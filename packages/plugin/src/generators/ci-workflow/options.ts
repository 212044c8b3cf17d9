import { z } from 'zod';
import { forceOption, skipFormatOption } from '../shared/generator-options';

/** Options of the `ci-workflow` generator; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a file name without extension such as quality')
    .default('quality')
    .describe('Workflow file name: .github/workflows/<name>.yml.'),
  reportTarget: z
    .string()
    .regex(/^[^:\s]+:[^:\s]+$/, 'must be <project>:<target>, e.g. my-workspace:quality-report')
    .optional()
    .describe('Target that writes the workspace report. Default: <root project>:quality-report.'),
  mainBranch: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/, 'must be a branch name such as main')
    .default('main')
    .describe('Branch that runs on push and is the affected base (nx-set-shas main-branch-name).'),
  nodeVersion: z
    .string()
    .regex(/^(\d+(\.\d+){0,2}|lts\/\*|node)$/, "must be a Node.js version such as 22 or 'lts/*'")
    .default('22')
    .describe('Node.js version for actions/setup-node.'),
  reportDir: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, 'must be a workspace-relative folder such as dist/quality-report')
    .default('dist/quality-report')
    .describe('Workspace-relative folder the report target writes quality.sarif and report.md to.'),
  shards: z
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe(
      'Jobs the affected quality runs are split over. 1: one job runs quality, then quality-report. 2 or more: each job runs `nx affected -t quality` on its share of the projects with the Nx remote cache from the NX_SELF_HOSTED_REMOTE_CACHE_SERVER and NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN secrets, and a last job restores the results and runs quality-report.',
    ),
  force: forceOption('Overwrite an existing workflow file with other content (refused otherwise).'),
  skipFormat: skipFormatOption('the workflow'),
}).meta({
  title: 'CI workflow',
  description:
    'Writes a GitHub Actions workflow that runs `nx affected -t quality`, in one job or sharded over several with the Nx remote cache, then (always) the quality report with SARIF upload, report and coverage artifacts and Markdown job summary.',
});

/** Raw options as Nx passes them. */
export type CiWorkflowGeneratorOptions = z.input<typeof optionsSchema>;
/** Options after validation and defaults. */
export type NormalizedCiWorkflowOptions = z.output<typeof optionsSchema>;
