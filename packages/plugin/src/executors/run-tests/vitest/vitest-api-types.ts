/**
 * The parts of Vitest's Node API (`vitest/node`, the same in Vitest 3 and 4) that we use. Declared
 * here because the user's Vitest is loaded at run time, never bundled or typed from our own install.
 */
export interface VitestNodeModule {
  createVitest(mode: 'test', options: Record<string, unknown>, viteOverrides?: Record<string, unknown>): Promise<Vitest>;
}

export interface Vitest {
  start(filters?: string[]): Promise<{ testModules: VitestTestModule[]; unhandledErrors: unknown[] }>;
  close(): Promise<void>;
  readonly config: {
    coverage: { thresholds?: Record<string, unknown> };
    passWithNoTests?: boolean;
  };
}

export interface VitestSerializedError {
  message?: string;
  stack?: string;
  name?: string;
}

export interface VitestTestCase {
  readonly type: 'test';
  readonly name: string;
  readonly fullName: string;
  readonly options: { mode: 'run' | 'only' | 'skip' | 'todo' | 'queued' };
  readonly location?: { line: number; column: number };
  readonly parent: { type: 'suite' | 'module'; name?: string; parent?: unknown };
  result(): { state: 'passed' | 'failed' | 'skipped' | 'pending'; errors?: readonly VitestSerializedError[] };
  diagnostic(): { duration: number } | undefined;
}

export interface VitestTestModule {
  readonly moduleId: string;
  state(): 'queued' | 'pending' | 'passed' | 'failed' | 'skipped';
  errors(): VitestSerializedError[];
  diagnostic(): { duration: number };
  readonly children: { allTests(): Iterable<VitestTestCase> };
}

/** The reporter hook we attach: Vitest hands it the istanbul coverage map the json reporter also receives. */
export interface VitestCoverageReporter {
  onCoverage(coverage: unknown): void;
}
