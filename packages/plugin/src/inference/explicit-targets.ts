import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { join, posix } from 'node:path';
import { applyingTargetDefaults } from '../tool-facts/applying-target-defaults';
import { OFFICIAL_EXECUTORS } from '../tool-facts/official-plugins';
import { officialTestRunner } from '../tool-facts/official-test-runner';
import { isEndToEndTargetName } from '../tool-facts/end-to-end-target-name';
import { parseEslintCommand } from '../tool-facts/parse-eslint-command';
import { runCommandsEntries } from '../tool-facts/run-commands-entries';
import { readJsonIfPresent } from './read-json-if-present';

/** The targets a project declares itself (project.json `targets`, package.json `nx.targets`). */
export interface ExplicitTargets {
  names: Set<string>;
  /**
   * Per kind, the first declared target that runs the official executor of that tool; for tests, the
   * first whose name does not say `e2e` (an end-to-end suite, which `nx run-many -t test` does not run);
   * for lint, else the first run-commands target whose command runs ESLint.
   */
  official: Partial<Record<keyof typeof OFFICIAL_EXECUTORS, string>>;
  /**
   * The config the official test target runs (`jestConfig` of `@nx/jest:jest`, `configFile` of
   * `@nx/vitest:test`), workspace-relative, when its options name one.
   */
  officialTestConfig?: { runner: 'jest' | 'vitest'; file: string };
  /**
   * Every declared target: its executor (`nx:run-commands` for a `command`; none for one that only
   * adds to an inferred target of its name) and its `dependsOn`: its own, else, where it has an
   * executor, what the target defaults Nx applies to it give (those of its executor, else of its name).
   */
  targets: Record<string, { executor?: string; dependsOn?: TargetConfiguration['dependsOn'] }>;
}

type DeclaredTarget = { executor?: unknown; command?: unknown; options?: Record<string, unknown>; dependsOn?: TargetConfiguration['dependsOn'] };

/**
 * The targets a project declares in its own files. A declared target replaces an inferred one of the
 * same name when their executors differ, so ours must not take such a name; and in a workspace that
 * declares its targets with executors (`useInferencePlugins: false`), the declared `@nx/jest:jest`,
 * `@nx/vitest:test` (`@nx/vite:test`) or `@nx/eslint:lint` target is the one ours stands beside.
 * A target declared without executor or command (`"lint": {}`) takes both from the target defaults of
 * its name, as Nx completes it (code-pushup declares `"unit-test": {}` and `"lint": {}` and sets their
 * executors, options and `dependsOn` in nx.json); without either there, it only adds to an inferred
 * target of its name.
 */
export function explicitTargets(workspaceRoot: string, projectRoot: string, targetDefaults?: NxJsonConfiguration['targetDefaults']): ExplicitTargets {
  const projectJson = readJsonIfPresent(join(workspaceRoot, projectRoot, 'project.json')) as { targets?: Record<string, DeclaredTarget | undefined> } | undefined;
  const packageJson = readJsonIfPresent(join(workspaceRoot, projectRoot, 'package.json')) as { nx?: { targets?: Record<string, DeclaredTarget | undefined> } } | undefined;
  const declared = { ...packageJson?.nx?.targets, ...projectJson?.targets };

  const targets: ExplicitTargets['targets'] = {};
  const options: Record<string, Record<string, unknown>> = {};
  for (const [name, target] of Object.entries(declared)) {
    const ownExecutor = executorOf(target);
    const entries = applyingTargetDefaults(targetDefaults, name, ownExecutor ? { executor: ownExecutor } : {}).filter((entry) => {
      // Nx applies defaults only to a target whose executor they do not contradict.
      const executor = executorOf(entry);
      return !ownExecutor || !executor || executor === ownExecutor;
    });
    const fromDefaults = ownExecutor ? undefined : entries.map(executorOf).findLast((executor) => executor !== undefined);
    const executor = ownExecutor ?? fromDefaults;
    // Nx looks the defaults up by the executor the target declares, else by its name (`entries` did the same).
    let dependsOn = target?.dependsOn;
    for (const entry of executor && dependsOn === undefined ? entries : []) {
      if (entry['dependsOn'] !== undefined) dependsOn = structuredClone(entry['dependsOn'] as TargetConfiguration['dependsOn']);
    }
    options[name] = Object.assign({}, ...entries.map(optionsOf), optionsOf(target)) as Record<string, unknown>;
    targets[name] = { ...(executor ? { executor } : {}), ...(dependsOn !== undefined ? { dependsOn } : {}) };
  }

  const official: ExplicitTargets['official'] = {};
  for (const kind of Object.keys(OFFICIAL_EXECUTORS) as (keyof typeof OFFICIAL_EXECUTORS)[]) {
    const executors: readonly string[] = OFFICIAL_EXECUTORS[kind];
    const name = Object.keys(targets).find((target) => executors.includes(String(targets[target]!.executor)) && !(kind === 'test' && isEndToEndTargetName(target)));
    if (name) official[kind] = name;
  }
  // A run-commands target whose command runs ESLint is the project's lint target as much as an @nx/eslint:lint one.
  official.lint ??= Object.keys(targets).find((target) => targets[target]!.executor === 'nx:run-commands' && runsEslint(options[target]!));
  const officialTestConfig = official.test ? testConfigOf(targets[official.test]!.executor!, options[official.test]!, projectRoot) : undefined;
  return {
    names: new Set(Object.keys(targets).filter((name) => targets[name]!.executor !== undefined)),
    official,
    ...(officialTestConfig ? { officialTestConfig } : {}),
    targets,
  };
}

function runsEslint(options: Record<string, unknown>): boolean {
  return runCommandsEntries(options).some((entry) => entry !== undefined && parseEslintCommand(entry.command) !== undefined);
}

/** A target's options; `command` beside them is Nx's shorthand for run-commands' `options.command`. */
function optionsOf(target: { command?: unknown; options?: unknown } | undefined): Record<string, unknown> {
  return { ...(target?.options as Record<string, unknown> | undefined), ...(typeof target?.command === 'string' ? { command: target.command } : {}) };
}

function executorOf(target: { executor?: unknown; command?: unknown } | undefined): string | undefined {
  return target?.executor !== undefined ? String(target.executor) : target?.command !== undefined ? 'nx:run-commands' : undefined;
}

/** The config an official test executor's options name, with the tokens Nx substitutes in options resolved; undefined for any other token. */
function testConfigOf(executor: string, options: Record<string, unknown>, projectRoot: string): ExplicitTargets['officialTestConfig'] {
  const { runner, configOption } = officialTestRunner(executor);
  const value = options[configOption];
  if (typeof value !== 'string' || value === '') return undefined;
  const file = value.replace(/^\{workspaceRoot\}\/?/, '').replaceAll('{projectRoot}', projectRoot);
  return /[{}]/.test(file) ? undefined : { runner, file: posix.normalize(file) };
}
