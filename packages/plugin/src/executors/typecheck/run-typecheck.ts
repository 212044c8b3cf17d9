import { QualityError, toWorkspacePath, type TypecheckResult, type ToolInfo } from '@nx-quality/core';
import { describeError } from '../shared/describe-error';
import type { ProjectRef } from '../../shared/project-ref';
import { resultHeader } from '../../shared/result-header';
import { checkConfig } from './check-config';
import { collectProjectConfigs } from './collect-project-configs';
import { measureStrictnessLadder } from './measure-strictness-ladder';
import type { NormalizedTypecheckOptions } from './normalize-typecheck-options';
import { resolveTypeScript } from './resolve-typescript';
import { summarizeDiagnostics } from './summarize-diagnostics';
import { createTypecheckRunCache, type TypecheckRunCache } from './typecheck-run-cache';

/**
 * Type-checks a project with the workspace's TypeScript compiler API (no emit): the entry tsconfig
 * and its references inside the project, in `tsc -b` order, and returns its TypecheckResult.
 * Never throws for tool problems (missing/broken tsconfig, no TypeScript): status 'error' with an
 * `error` naming the file. Pass one `cache` to every project of a batch to share parsed files.
 */
export async function runTypecheckForProject(
  project: ProjectRef,
  options: NormalizedTypecheckOptions,
  cache: TypecheckRunCache = createTypecheckRunCache(),
): Promise<TypecheckResult> {
  const startedAt = new Date();
  let tool: ToolInfo = { name: 'typescript', version: 'unknown' };
  let configs: string[] = [];
  // The config whose program TypeScript is building, so that a throw there names it.
  let checking: string | undefined;
  const header = (): Omit<TypecheckResult, 'status' | 'counts' | 'codes' | 'diagnostics' | 'diagnosticsOmitted'> => ({
    ...resultHeader('typecheck', { name: project.name, root: options.projectRoot.relative }, startedAt),
    tool,
    tsconfig: options.tsConfig.relative,
    configs,
  });
  try {
    const searchFrom = [options.projectRoot.absolute, project.workspaceRoot];
    const key = searchFrom.join('\0');
    const resolved = cache.typescript.get(key) ?? resolveTypeScript(searchFrom);
    cache.typescript.set(key, resolved);
    const { ts } = resolved;
    tool = { name: 'typescript', version: ts.version };

    const projectConfigs = collectProjectConfigs(ts, options.tsConfig.absolute, options.projectRoot.absolute, project.workspaceRoot, cache.parsedConfigs);
    configs = projectConfigs.map((config) => toWorkspacePath(project.workspaceRoot, config.file));
    const checks = projectConfigs.map((config, index) => {
      checking = configs[index];
      return checkConfig(ts, config, project.workspaceRoot, cache);
    });
    checking = undefined;
    const summary = summarizeDiagnostics(
      checks.flatMap((check) => check.diagnostics),
      options.diagnosticsCap,
    );
    const filesChecked = new Set(projectConfigs.flatMap((config) => config.parsed.fileNames)).size;
    const strictness = options.strictnessLadder ? measureStrictnessLadder(ts, projectConfigs, checks, project.workspaceRoot, cache) : undefined;
    return {
      ...header(),
      status: summary.errors > 0 ? 'failed' : 'passed',
      counts: { errors: summary.errors, warnings: summary.warnings, filesChecked },
      codes: summary.codes,
      diagnostics: summary.diagnostics,
      diagnosticsOmitted: summary.diagnosticsOmitted,
      ...(strictness ? { strictness } : {}),
    };
  } catch (error) {
    // The "never throws" boundary: our errors carry code, file and hint; anything else keeps its message.
    const described = describeError(error, 'TYPECHECK_FAILED');
    return {
      ...header(),
      status: 'error',
      error:
        error instanceof QualityError
          ? described
          : checking
            ? { ...described, file: checking, hint: typescriptThrewHint(checking) }
            : { ...described, hint: 'An unexpected failure inside the typecheck executor, not a known TypeScript/tsconfig problem: please report it with this typecheck.json.' },
      counts: { errors: 0, warnings: 0, filesChecked: 0 },
      codes: {},
      diagnostics: [],
      diagnosticsOmitted: 0,
    };
  }
}

/**
 * Where TypeScript threw while building or checking a config's program: a patched TypeScript (ts-patch)
 * loading a compiler plugin the tsconfig names that is not built yet (code-pushup's models), a crash of
 * TypeScript itself, or ours; `tsc` on the same config tells them apart.
 */
function typescriptThrewHint(config: string): string {
  return (
    `Run \`tsc -p ${config} --noEmit\` with the workspace's TypeScript. If it fails the same way, the cause is that tsconfig: a module it cannot find is often ` +
    'a compiler plugin of its compilerOptions.plugins, which a patched TypeScript (ts-patch) loads; build the plugin first (add its build to the dependsOn of this target). ' +
    'If tsc succeeds, please report it with this typecheck.json.'
  );
}
