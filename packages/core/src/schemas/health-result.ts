import { z } from 'zod';
import { resultHeaderShape } from './common';

/** Headline health counts; each is also a gate metric `health.<name>`. */
export const HealthCountsSchema = z.object({
  genericCatches: z.number().int().nonnegative(),
  bareThrows: z.number().int().nonnegative(),
  explicitAny: z.number().int().nonnegative(),
  longFiles: z.number().int().nonnegative(),
  longFunctions: z.number().int().nonnegative(),
  complexFunctions: z.number().int().nonnegative(),
  todos: z.number().int().nonnegative(),
  assertionFreeTests: z.number().int().nonnegative(),
  skippedTests: z.number().int().nonnegative(),
  focusedTests: z.number().int().nonnegative(),
  untestedModules: z.number().int().nonnegative().describe('Source files no test imports, directly or transitively'),
  indirectlyTestedModules: z.number().int().nonnegative().describe('Source files reached by tests only through other sources'),
  parseErrors: z.number().int().nonnegative(),
});
export type HealthCounts = z.infer<typeof HealthCountsSchema>;

/** One health finding with its location. */
export const HealthFindingSchema = z.object({
  kind: z.enum([
    'genericCatch',
    'bareThrow',
    'explicitAny',
    'longFile',
    'longFunction',
    'complexFunction',
    'assertionFreeTest',
    'skippedTest',
    'focusedTest',
    'parseError',
  ]),
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  ruleId: z.string().optional(),
  message: z.string(),
});
export type HealthFinding = z.infer<typeof HealthFindingSchema>;

/** Categories a TODO/FIXME comment is sorted into. */
export const TodoCategorySchema = z.enum(['security', 'performance', 'bug', 'feature', 'refactor', 'documentation', 'other']);
export type TodoCategory = z.infer<typeof TodoCategorySchema>;

/** One TODO/FIXME/XXX/HACK comment. */
export const TodoItemSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  tag: z.string().describe('TODO, FIXME, XXX or HACK'),
  category: TodoCategorySchema,
  text: z.string(),
});
export type TodoItem = z.infer<typeof TodoItemSchema>;

/** A source file no test imports, ranked by fan-in and size. */
export const UntestedModuleSchema = z.object({
  file: z.string(),
  fanIn: z.number().int().nonnegative().describe('Modules of the workspace that import it'),
  lines: z.number().int().nonnegative(),
  reachedIndirectly: z.boolean().describe('Tests reach it through other source files, but none imports it'),
});
export type UntestedModule = z.infer<typeof UntestedModuleSchema>;

/** Tests counted per kind (unit, integration, e2e, …). */
export const TestKindCountSchema = z.object({
  files: z.number().int().nonnegative(),
  tests: z.number().int().nonnegative().describe('From the test result when available, else declared test calls'),
});

/** Result of the health analysis (`health.json`), written by the `quality` target. */
export const HealthResultSchema = z.object({
  kind: z.literal('health'),
  ...resultHeaderShape,
  counts: HealthCountsSchema,
  findings: z.array(HealthFindingSchema).describe('Capped list; counts stay exact'),
  findingsOmitted: z.number().int().nonnegative(),
  todos: z.array(TodoItemSchema),
  todosByCategory: z.record(z.string(), z.number().int().nonnegative()),
  testFiles: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      tests: z.number().int().nonnegative(),
      mockCalls: z.number().int().nonnegative(),
    }),
  ),
  testKinds: z.record(z.string(), TestKindCountSchema),
  untestedModules: z.array(UntestedModuleSchema).describe('Top N, ranked'),
  sourceFiles: z.number().int().nonnegative(),
  mockCalls: z.number().int().nonnegative().optional().describe('jest.mock / vi.mock calls in all test files (per file: testFiles[].mockCalls)'),
});
export type HealthResult = z.infer<typeof HealthResultSchema>;
