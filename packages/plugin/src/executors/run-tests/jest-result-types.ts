/** The parts of Jest's `AggregatedResult` (identical in Jest 29 and 30) that we read. */
export interface JestAggregatedResult {
  success: boolean;
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  numPassedTestSuites: number;
  numFailedTestSuites: number;
  numPendingTestSuites: number;
  numRuntimeErrorTestSuites: number;
  testResults: JestTestFileResult[];
  coverageMap?: { toJSON(): unknown } | null;
}

/** One test file's result. */
export interface JestTestFileResult {
  testFilePath: string;
  numPassingTests: number;
  numFailingTests: number;
  numPendingTests: number;
  numTodoTests: number;
  failureMessage?: string | null;
  testExecError?: { message?: string; stack?: string } | null;
  perfStats?: { start?: number; end?: number; runtime?: number };
  testResults: JestAssertionResult[];
}

/** One test case. */
export interface JestAssertionResult {
  ancestorTitles: string[];
  title: string;
  fullName?: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled' | 'focused';
  duration?: number | null;
  failureMessages: string[];
  location?: { line: number; column: number } | null;
}

/** What `runCLI` resolves to. */
export interface JestRunOutput {
  results: JestAggregatedResult;
  globalConfig: { coverageThreshold?: { global?: Record<string, number> } };
}

/** Jest's `runCLI(argv, projects)`. */
export type JestRunCLI = (argv: object, projects: string[]) => Promise<JestRunOutput>;
