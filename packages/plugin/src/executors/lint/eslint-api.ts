// The slice of ESLint's public API (9 and 10) the lint executor uses. Declared structurally so the
// user's ESLint, whatever its version, is checked against what we call, and tests can fake it.

/** One message of `ESLint.LintResult#messages`. */
export interface EslintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  fix?: unknown;
}

/** One file of `ESLint#lintFiles`' result. */
export interface EslintFileResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount?: number;
  output?: string;
}

/** Constructor options we pass to `new ESLint()`. */
export interface EslintOptions {
  cwd: string;
  overrideConfigFile: string;
  fix: boolean;
  cache: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'metadata' | 'content';
  errorOnUnmatchedPattern: boolean;
  warnIgnored: boolean;
}

/** An `ESLint` instance. */
export interface EslintInstance {
  lintFiles(patterns: string[]): Promise<EslintFileResult[]>;
  calculateConfigForFile(filePath: string): Promise<unknown>;
}

/** The `ESLint` class. */
export interface EslintClass {
  new (options: EslintOptions): EslintInstance;
  readonly version: string;
  outputFixes(results: EslintFileResult[]): Promise<void>;
}
