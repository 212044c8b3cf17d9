// The slice of ESLint's public API (8.57, 9 and 10; flat and eslintrc classes) the lint executor uses. Declared structurally so the
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

/** Constructor options we pass to `new ESLint()` (the eslintrc class rejects `warnIgnored`). */
export interface EslintOptions {
  cwd: string;
  /** Flat: the config to use. eslintrc: a config applied on top of the cascade (`eslint --config`). */
  overrideConfigFile?: string;
  fix: boolean;
  cache: boolean;
  cacheLocation?: string;
  cacheStrategy?: 'metadata' | 'content';
  errorOnUnmatchedPattern: boolean;
  warnIgnored?: boolean;
  /**
   * Configs applied on top of the config file: for the flat class `files` patterns (the CLI's
   * `--ext`), for the eslintrc class `ignorePatterns` (the CLI's `--ignore-pattern`).
   */
  overrideConfig?: { files: string[] }[] | { ignorePatterns: string[] };
  /** Flat class: ignore patterns relative to `cwd`, beside the config's. */
  ignorePatterns?: string[];
  ignore?: false;
  allowInlineConfig?: false;
  /** eslintrc class only (the flat class rejects them). */
  extensions?: string[];
  useEslintrc?: boolean;
  rulePaths?: string[];
  ignorePath?: string;
  resolvePluginsRelativeTo?: string;
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
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
  /** 'flat' or 'eslintrc' (ESLint 8.57+; `loadESLint` of ESLint 10 returns the flat class whatever is asked). */
  readonly configType?: string;
  outputFixes(results: EslintFileResult[]): Promise<void>;
}

/** What `require('eslint')` gives: `loadESLint` exists from ESLint 8.57 on. */
export interface EslintModule {
  ESLint?: EslintClass;
  loadESLint?: (options: { useFlatConfig: boolean; cwd?: string }) => Promise<EslintClass>;
}
