import { LINT_PSEUDO_RULES, QualityError } from '@nx-quality/core';
import { spawnSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';

/** One file of `eslint --format json`. */
export interface CliFile {
  filePath: string;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  messages: { ruleId: string | null; severity: number; message: string; fatal?: boolean }[];
}

/** `eslint <args> --format json` run in `cwd` with the ESLint of `eslintDir`, as a user would. */
export function eslintCli(eslintDir: string, cwd: string, args: string[] = ['.'], env: NodeJS.ProcessEnv = {}): CliFile[] {
  const run = spawnSync(process.execPath, [join(eslintDir, 'bin/eslint.js'), ...args, '--format', 'json'], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (!run.stdout.trim().startsWith('[')) throw new QualityError('ESLINT_CLI_NO_JSON', `eslint CLI gave no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout) as CliFile[];
}

/** The exit code of `eslint <args>` run in `cwd` with the ESLint of `eslintDir`: 0 passed, 1 lint problems (errors, too many warnings), 2 a failure. */
export function eslintCliExitCode(eslintDir: string, cwd: string, args: string[]): number | null {
  return spawnSync(process.execPath, [join(eslintDir, 'bin/eslint.js'), ...args], { cwd, encoding: 'utf8' }).status;
}

/** The CLI's output in the shape of our counts; rule-less messages named the way LINT_PSEUDO_RULES documents. */
export function cliCounts(files: CliFile[], ws: string) {
  const rules: Record<string, { errors: number; warnings: number }> = {};
  for (const file of files) {
    for (const message of file.messages) {
      const rule =
        message.ruleId ??
        (message.fatal ? LINT_PSEUDO_RULES.parseError : message.message.startsWith('Unused eslint-disable') ? LINT_PSEUDO_RULES.unusedDisableDirective : LINT_PSEUDO_RULES.other);
      const count = (rules[rule] ??= { errors: 0, warnings: 0 });
      if (message.severity === 2) count.errors += 1;
      else count.warnings += 1;
    }
  }
  const sum = (key: keyof CliFile) => files.reduce((total, file) => total + (file[key] as number), 0);
  return {
    counts: {
      errors: sum('errorCount'),
      warnings: sum('warningCount'),
      fixableErrors: sum('fixableErrorCount'),
      fixableWarnings: sum('fixableWarningCount'),
      fatal: sum('fatalErrorCount'),
      filesLinted: files.length,
      filesWithProblems: files.filter((file) => file.errorCount + file.warningCount > 0).length,
    },
    rules,
    files: files.map((file) => relative(ws, file.filePath).split(sep).join('/')).sort(),
    filesWithProblems: files
      .filter((file) => file.messages.length > 0)
      .map((file) => relative(ws, file.filePath).split(sep).join('/'))
      .sort(),
  };
}
