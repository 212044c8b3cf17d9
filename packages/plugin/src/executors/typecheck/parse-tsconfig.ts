import { ConfigLoadError, toWorkspacePath } from '@nx-quality/core';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic, ParsedCommandLine } from 'typescript';
import type { TypeScriptModule } from './resolve-typescript';

/**
 * Reads and parses a tsconfig (with `extends`) as `tsc -p` would. A missing file, broken JSON,
 * an unknown option or a missing base config throws ConfigLoadError naming the file at fault:
 * the project cannot be type-checked as configured, so its result is status 'error', not errors
 * counted as if they were type errors.
 */
export function parseTsconfig(ts: TypeScriptModule, file: string, workspaceRoot: string, cache?: Map<string, ParsedCommandLine>): ParsedCommandLine {
  const cached = cache?.get(file);
  if (cached) return cached;
  const relative = toWorkspacePath(workspaceRoot, file);
  if (!existsSync(file)) {
    throw new ConfigLoadError('TSCONFIG_NOT_FOUND', relative, `The tsconfig ${relative} does not exist.`, {
      hint: 'Create it, correct the `tsConfig` option (workspace-relative), or fix the `references` entry that points to it.',
    });
  }
  const source = ts.readJsonConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonSourceFileConfigFileContent(source, ts.sys, dirname(file), undefined, file);
  const problems = [...((source as { parseDiagnostics?: Diagnostic[] }).parseDiagnostics ?? []), ...parsed.errors].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
  const first = problems[0];
  if (first) {
    const at = first.file ? toWorkspacePath(workspaceRoot, first.file.fileName) : relative;
    const position = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : undefined;
    const where = position ? `${at}:${position.line + 1}:${position.character + 1}` : at;
    const text = ts.flattenDiagnosticMessageText(first.messageText, ' ').replaceAll(`${workspaceRoot}/`, '');
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    throw new ConfigLoadError('TSCONFIG_INVALID', at, `The tsconfig ${relative} cannot be used: TS${first.code} at ${where}: ${text}${more}`, {
      hint: `Fix ${at} (\`npx tsc -p ${relative} --showConfig\` shows the same problem).`,
    });
  }
  cache?.set(file, parsed);
  return parsed;
}
