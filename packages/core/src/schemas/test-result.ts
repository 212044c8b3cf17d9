import { z } from 'zod';
import { resultHeaderShape } from './common';
import { TestCoverageSchema } from './coverage';

/** Test counts as the runner reports them. */
export const TestCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  todo: z.number().int().nonnegative(),
});
export type TestCounts = z.infer<typeof TestCountsSchema>;

/** One failing test (or a test file that failed to run, with fullName describing that). */
export const TestFailureSchema = z.object({
  file: z.string().describe('Workspace-relative test file'),
  fullName: z.string().describe('Ancestor titles and title joined by " › "'),
  message: z.string().describe('First lines of the failure message, ANSI codes stripped'),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type TestFailure = z.infer<typeof TestFailureSchema>;

/** One test case, recorded so JUnit and test-kind matrices need no re-run. */
export const TestCaseSchema = z.object({
  fullName: z.string(),
  status: z.enum(['passed', 'failed', 'skipped', 'todo']),
  durationMs: z.number().nonnegative().optional(),
});
export type TestCase = z.infer<typeof TestCaseSchema>;

/** Per test file counts (the test-kind matrix classifies files by path). */
export const TestFileResultSchema = z.object({
  file: z.string().describe('Workspace-relative test file'),
  status: z.enum(['passed', 'failed', 'error']).describe('error: the file could not run (syntax error, crash)'),
  counts: TestCountsSchema,
  durationMs: z.number().nonnegative(),
  failureMessage: z.string().optional().describe('Why the file could not run, when status is error'),
  tests: z.array(TestCaseSchema).describe('Test cases: every failing one, the others capped per file; counts stay exact'),
});
export type TestFileResult = z.infer<typeof TestFileResultSchema>;

/** Result of the `test` executor (`test.json`). */
export const TestResultSchema = z.object({
  kind: z.literal('test'),
  ...resultHeaderShape,
  runner: z.enum(['jest', 'node', 'vitest']),
  counts: TestCountsSchema,
  suites: z.object({
    total: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    errored: z.number().int().nonnegative().describe('Test files that could not run at all'),
  }),
  failures: z.array(TestFailureSchema).describe('Capped list; counts.failed stays exact'),
  failuresOmitted: z.number().int().nonnegative(),
  files: z.array(TestFileResultSchema),
  coverage: TestCoverageSchema.optional(),
  officialTargets: z
    .array(z.string())
    .optional()
    .describe(
      "The official test targets whose tests this result holds, in the order they ran, when there are several: the one ours stands beside, then the project's other official test targets on the same runner with configs of their own (code-pushup's unit-test and int-test); counts, failures and files are theirs together, coverage their merged coverage",
    ),
  officialTargetsNotRun: z
    .array(z.string())
    .optional()
    .describe(
      "The project's other test targets on an official test executor whose tests this result does not include: on another runner, without a config to run, with other NODE_OPTIONS than the task's, or every one when the test executor's otherOfficialTargets is false",
    ),
});
export type TestResult = z.infer<typeof TestResultSchema>;
