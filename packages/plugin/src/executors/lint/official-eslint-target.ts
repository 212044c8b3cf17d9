/**
 * An official ESLint target's file selection and config: as its executor hands them to ESLint (paths
 * relative to the workspace root), or as a command's ESLint CLI reads them (`runsIn` set; paths absolute).
 */
export interface OfficialEslintTarget {
  /** The target's name (`lint`), for messages. */
  target: string;
  /** Interpolated as the executor does; `!` patterns stay as they are (ESLint's `lintFiles` matches nothing with them). */
  lintFilePatterns: string[];
  eslintConfig?: string;
  /**
   * Executor: whether a run that lints no file at all fails (it gives ESLint `errorOnUnmatchedPattern: false`).
   * Command: ESLint's own `errorOnUnmatchedPattern` (each pattern must match).
   */
  errorOnUnmatchedPattern: boolean;
  /** A command's `--ext`: extensions linted in the folders it names, besides those the config matches. */
  extensions?: string[];
  /** A command's `--ignore-pattern`s, relative to `runsIn` as its CLI reads them. */
  ignorePatterns?: string[];
  /** A command's `--no-ignore` makes this false. */
  ignore?: false;
  /** A command's `--no-inline-config` makes this false. */
  inlineConfig?: false;
  /** A command's directory (package.json script, run-commands): where its ESLint runs and looks up its config. */
  runsIn?: string;
  /** A command's `--no-warn-ignored` makes this false: ignored files it names are then not reported. */
  warnIgnored?: boolean;
  /**
   * The most warnings with which the target still succeeds: `@nx/eslint:lint`'s `maxWarnings` (none
   * with `quiet`, whose warnings it drops before counting, or `force`, which always succeeds), a
   * command's `--max-warnings` (which its CLI applies with `--quiet` too). Absent or -1: no limit.
   */
  maxWarnings?: number;
  /** The eslintrc-only options; with flat config the official executor refuses them. */
  noEslintrc: boolean;
  rulesdir: string[];
  ignorePath?: string;
  resolvePluginsRelativeTo?: string;
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
}

/**
 * An official target whose command runs ESLint in a way ESLint's API cannot reproduce (`--fix`,
 * `--rule`, ESLint run twice): its name, and why, as one clause (`its option \`--fix\` changes …`).
 */
export interface UncarriedOfficialEslintTarget {
  target: string;
  uncarried: string;
}
