import { z } from 'zod';

const CODE_EXTENSIONS = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** Default keywords per TODO category; the first category whose keyword occurs in the comment wins. */
export const DEFAULT_TODO_CATEGORIES: Record<string, string[]> = {
  security: ['security', 'secure', 'auth', 'xss', 'csrf', 'injection', 'sanitize', 'sanitise', 'vulnerab', 'secret', 'password', 'token', 'permission'],
  performance: ['performance', 'perf', 'slow', 'optimi', 'cache', 'memory', 'latency', 'n+1', 'speed'],
  bug: ['bug', 'fix', 'broken', 'wrong', 'crash', 'race', 'leak', 'incorrect', 'workaround'],
  documentation: ['doc', 'docs', 'document', 'comment', 'readme', 'explain', 'jsdoc'],
  refactor: ['refactor', 'cleanup', 'clean up', 'simplify', 'extract', 'rename', 'duplicat', 'split', 'move'],
  feature: ['feature', 'implement', 'support', 'add ', 'allow', 'enable'],
};

/** Default test-kind conventions; `unit` is the kind of every test file no convention matches. */
export const DEFAULT_TEST_KINDS: Record<string, { folders: string[]; suffixes: string[] }> = {
  integration: { folders: ['integration', 'int'], suffixes: ['int', 'integration'] },
  e2e: { folders: ['e2e'], suffixes: ['e2e'] },
  security: { folders: ['security'], suffixes: ['security', 'sec'] },
  performance: { folders: ['performance', 'perf', 'benchmark'], suffixes: ['performance', 'perf', 'bench'] },
};

const testKindConventionSchema = z.strictObject({
  folders: z.array(z.string()).default([]).describe('Folder names anywhere in the path, e.g. "integration" for tests/integration/…'),
  suffixes: z.array(z.string()).default([]).describe('File-name infixes before .spec/.test, e.g. "int" for foo.int.spec.ts'),
});

/** Options of the health analysis (the `health` block of the quality target's options). */
export const healthOptionsSchema = z
  .strictObject({
    maxFileLines: z.number().int().positive().default(500).describe('Files with more lines count as long files (ESLint max-lines).'),
    maxFunctionLines: z
      .number()
      .int()
      .positive()
      .default(50)
      .describe('Functions with more lines count as long functions (ESLint max-lines-per-function).'),
    maxComplexity: z.number().int().positive().default(10).describe('Functions with a higher cyclomatic complexity are counted (ESLint complexity).'),
    todoTags: z.array(z.string().min(1)).default(['TODO', 'FIXME', 'XXX', 'HACK']).describe('Comment tags counted as TODOs.'),
    todoCategories: z
      .record(z.string(), z.array(z.string()))
      .default(DEFAULT_TODO_CATEGORIES)
      .describe('Category → keywords (case-insensitive substrings); checked in order, unmatched comments are "other".'),
    untestedTopN: z.number().int().nonnegative().default(20).describe('How many untested modules health.json lists (the count stays exact).'),
    fanInScope: z
      .enum(['project', 'workspace'])
      // Dependents are not among an Nx task's inputs, so a cache hit could replay a stale workspace-wide fan-in.
      .default('project')
      .describe(
        'Whose imports count as fan-in of a module: files of the project only (default; exact under Nx caching), or every file of the workspace (add dependents to the quality target inputs when caching).',
      ),
    maxFindings: z.number().int().nonnegative().default(500).describe('Cap of the findings list (counts stay exact).'),
    testKinds: z
      .record(z.string(), testKindConventionSchema)
      .default({})
      .describe('Extra or overriding test kinds (merged over integration, e2e, security, performance); unmatched tests are "unit".'),
    defaultTestKind: z.string().default('unit').describe('Kind of test files no convention matches.'),
    errorBaseClass: z
      .string()
      .optional()
      .describe('Base class of the project error hierarchy, for no-bare-error-throw (e.g. "AppError").'),
    errorImportPath: z.string().optional().describe('Module the error hierarchy is imported from, for no-bare-error-throw.'),
    genericCatchBoundaries: z
      .strictObject({
        functions: z.array(z.string()).default([]).describe('Function names or /regex/ allowed to catch everything'),
        files: z.array(z.string()).default([]).describe('Globs (project-relative) of files allowed to catch everything'),
      })
      .default({ functions: [], files: [] })
      .describe('Top-level boundaries where a catch-all is intended (no-generic-catch).'),
    allowLogAndRethrow: z.boolean().default(true).describe('Whether a catch that logs and rethrows is fine (no-generic-catch).'),
    sourceGlobs: z
      .array(z.string())
      .default([`**/*.${CODE_EXTENSIONS}`])
      .describe('Project-relative globs of the files analysed (sources and tests).'),
    testGlobs: z
      .array(z.string())
      .default([`**/*.{spec,test}.${CODE_EXTENSIONS}`, `**/__tests__/**/*.${CODE_EXTENSIONS}`])
      .describe('Project-relative globs of test files (the rest of sourceGlobs are sources).'),
    excludeGlobs: z
      .array(z.string())
      .default([
        '**/node_modules/**',
        '**/dist/**',
        '**/out-tsc/**',
        '**/coverage/**',
        '**/__fixtures__/**',
        '**/*.d.{ts,mts,cts}',
        `*.config.${CODE_EXTENSIONS}`,
        `**/test-setup.${CODE_EXTENSIONS}`,
      ])
      .describe('Project-relative globs never analysed.'),
  })
  .transform((options) => ({
    ...options,
    // User kinds first, so a project's own convention wins over a default one matching the same file.
    testKinds: Object.fromEntries([
      ...Object.entries(options.testKinds).map(([kind, convention]) => [kind, { folders: convention.folders, suffixes: convention.suffixes }] as const),
      ...Object.entries(DEFAULT_TEST_KINDS).filter(([kind]) => !(kind in options.testKinds)),
    ]),
  }));

/** Health options as written by users. */
export type HealthOptions = z.input<typeof healthOptionsSchema>;
/** Health options after defaults and the test-kind merge. */
export type NormalizedHealthOptions = z.output<typeof healthOptionsSchema>;
