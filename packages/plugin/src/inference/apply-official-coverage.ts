import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { PluginConfiguration } from '@nx/devkit';
import { isEndToEndTargetName } from '../tool-facts/end-to-end-target-name';
import { OFFICIAL_JEST_CONFIG_FILE_NAMES } from '../tool-facts/jest-config-files';
import { findOfficialEntries, findOfficialVitestEntries, type OfficialEntry, type ToolKind } from '../tool-facts/official-plugins';
import type { ProjectTools } from './detect-project-tools';
import { isFileSystemError } from './read-json-if-present';
import { createPluginFileFilter, type PluginFileFilter } from './plugin-file-filter';
import type { NormalizedPluginOptions } from './plugin-options';

/** One project's tools narrowed to what the official plugins (or our include/exclude options) cover. */
export interface CoveredTools {
  tools: ProjectTools;
  /**
   * Per kind, the official plugin entry that gives the project a target ours stands beside: its target
   * name, its plugin (e.g. `@nx/vitest` for a Vitest project) and its place in nx.json.
   */
  officialEntries: Partial<Record<ToolKind, OfficialEntry>>;
}

/** Whether the project declares its own official target of a kind (`explicitTargets`), which stands whatever the plugin entries cover. */
export interface DeclaredOfficialTargets {
  test?: boolean;
  lint?: boolean;
}

interface KindRule {
  entries: OfficialEntry[];
  filters: PluginFileFilter[];
  own: PluginFileFilter;
}

const NEXT_CONFIG_FILES = ['next.config.js', 'next.config.cjs', 'next.config.mjs', 'next.config.ts'];

/**
 * Decides, per project and kind, whether our target is inferred: where the project declares its own
 * official test or lint target (`declared`), always; where official plugin entries of a kind are
 * registered, only for projects one of them gives a target (their include/exclude applied to the
 * files their createNodes glob matches, and the conditions under which they infer one); otherwise by
 * our own `<kind>Include`/`<kind>Exclude` applied to the same files. Built once per createNodes call.
 */
export function createOfficialCoverage(
  plugins: readonly PluginConfiguration[] | undefined,
  options: NormalizedPluginOptions,
  workspaceRoot: string,
  nxVersion: string | undefined,
): (projectRoot: string, tools: ProjectTools, declared?: DeclaredOfficialTargets) => CoveredTools {
  const rule = (kind: ToolKind, include: string[] | undefined, exclude: string[] | undefined): KindRule => {
    const entries = kind === 'test' ? unitTestEntries(findOfficialEntries(plugins, kind)) : findOfficialEntries(plugins, kind);
    return { entries, filters: entries.map((entry) => createPluginFileFilter(entry.include, entry.exclude)), own: createPluginFileFilter(include, exclude) };
  };
  const rules = {
    test: rule('test', options.testInclude, options.testExclude),
    lint: rule('lint', options.lintInclude, options.lintExclude),
    typecheck: rule('typecheck', options.typecheckInclude, options.typecheckExclude),
  };
  // @nx/vitest (or, before Nx 23, @nx/vite/plugin) entries decide for Vitest projects as @nx/jest/plugin's do for Jest ones.
  const vitestEntries = unitTestEntries(findOfficialVitestEntries(plugins, nxVersion));
  const vitestRule: KindRule = { entries: vitestEntries, filters: vitestEntries.map((entry) => createPluginFileFilter(entry.include, entry.exclude)), own: rules.test.own };
  const exists = (file: string) => existsSync(join(workspaceRoot, file));

  // The first entry that infers the kind's target for the project, its name standing for the official one.
  const covering = (kind: ToolKind, covers: (filter: PluginFileFilter, entry: OfficialEntry) => boolean) => {
    const { entries, filters } = rules[kind];
    const index = entries.findIndex((entry, i) => covers(filters[i] as PluginFileFilter, entry));
    return index >= 0 ? entries[index] : undefined;
  };

  return (projectRoot, tools, declared = {}) => {
    const covered: ProjectTools = { ...tools };
    const officialEntries: Partial<Record<ToolKind, OfficialEntry>> = {};
    const projectFiles = ['project.json', 'package.json'].map((name) => posix.join(projectRoot, name)).filter(exists);

    if (declared.test && (tools.jestConfig || tools.vitestConfig)) {
      // The project's own test target (an @nx/jest:jest or @nx/vitest:test it declares) is official whatever the plugin entries cover.
    } else if (tools.jestConfig) {
      if (rules.test.entries.length > 0) {
        // @nx/jest/plugin globs jest.config.{cjs,mjs,js,cts,mts,ts}: a jest.config.json project has no official target.
        const configs = OFFICIAL_JEST_CONFIG_FILE_NAMES.map((name) => posix.join(projectRoot, name)).filter(exists);
        const entry = covering('test', (filter) => configs.some(filter));
        if (entry) officialEntries.test = entry;
        else delete covered.jestConfig;
      } else if (!rules.test.own(tools.jestConfig)) {
        delete covered.jestConfig;
      }
    } else if (tools.vitestConfig) {
      // The official Vitest plugins glob {vite,vitest}.config.*: the config file is what their include/exclude see.
      if (vitestRule.entries.length > 0) {
        const index = vitestRule.entries.findIndex((_entry, i) => vitestRule.filters[i]!(tools.vitestConfig!));
        if (index >= 0) officialEntries.test = vitestRule.entries[index];
        else delete covered.vitestConfig;
      } else if (!rules.test.own(tools.vitestConfig)) {
        delete covered.vitestConfig;
      }
    } else if (tools.nodeTests) {
      // The official target of a `node --test` project is its package.json script, whatever Jest entries say.
      if (!rules.test.own(posix.join(projectRoot, 'package.json'))) covered.nodeTests = false;
    }

    if (tools.eslintConfig) {
      // @nx/eslint/plugin globs ESLint configs and project files alike; a project needs its project
      // file to pass and a config at or above its root to pass (the nearest passing one is its root).
      const lints = (filter: PluginFileFilter) => projectFiles.some(filter) && tools.eslintConfigChain.some(filter);
      if (rules.lint.entries.length > 0) {
        const entry = covering('lint', lints);
        if (entry) officialEntries.lint = entry;
      }
      const isCovered = declared.lint === true || (rules.lint.entries.length > 0 ? officialEntries.lint !== undefined : lints(rules.lint.own));
      // The chain stays: the health target reads the same ESLint config.
      if (!isCovered) delete covered.eslintConfig;
    }

    if (tools.tsconfig) {
      if (rules.typecheck.entries.length > 0) {
        const entry = covering('typecheck', (filter, candidate) => typecheckInferred(projectRoot, candidate, filter, exists, workspaceRoot));
        if (entry) officialEntries.typecheck = entry;
        else delete covered.tsconfig;
      } else if (!rules.typecheck.own(tools.tsconfig)) {
        delete covered.tsconfig;
      }
    }
    return { tools: covered, officialEntries };
  };
}

/** Whether @nx/js/typescript infers a typecheck target for the project (its createNodes conditions, Nx 23). */
function typecheckInferred(projectRoot: string, entry: OfficialEntry, filter: PluginFileFilter, exists: (file: string) => boolean, workspaceRoot: string): boolean {
  if (projectRoot === '.') return false;
  const config = posix.join(projectRoot, entry.typecheckConfigName ?? 'tsconfig.json');
  if (!exists(config) || !filter(config) || !exists(posix.join(projectRoot, 'tsconfig.json'))) return false;
  if (NEXT_CONFIG_FILES.some((name) => exists(posix.join(projectRoot, name)))) return false;
  return !optsOutOfTypecheck(join(workspaceRoot, config));
}

// tsconfig files may have comments, so the `nx.addTypecheckTarget: false` opt-out is found in the text.
function optsOutOfTypecheck(file: string): boolean {
  try {
    return /"addTypecheckTarget"\s*:\s*false/.test(readFileSync(file, 'utf8'));
  } catch (error) {
    if (isFileSystemError(error)) return false;
    throw error;
  }
}

/**
 * The @nx/jest/plugin (or Vitest plugin) entries that infer a project's unit tests. A workspace often
 * registers a second entry for its end-to-end suites (a target such as `e2e-local`, atomized as
 * `e2e-ci`), whose config starts servers or a local registry and which it runs with other
 * prerequisites: our test target does not stand beside those, unless every entry is of that kind.
 * A `ciTargetName` alone says nothing: Nx 23's generators register @nx/vitest with `test-ci`.
 */
function unitTestEntries(entries: OfficialEntry[]): OfficialEntry[] {
  const ciTargetName = (entry: OfficialEntry) => (typeof entry.options['ciTargetName'] === 'string' ? entry.options['ciTargetName'] : '');
  const isEndToEnd = (entry: OfficialEntry) => isEndToEndTargetName(entry.targetName) || isEndToEndTargetName(ciTargetName(entry));
  const unit = entries.filter((entry) => !isEndToEnd(entry));
  return unit.length > 0 ? unit : entries;
}
