import { posix } from 'node:path';
import { createNodesFromFiles, type CreateNodesContextV2, type CreateNodesResult, type CreateNodesV2 } from '@nx/devkit';
import { createOfficialCoverage } from './apply-official-coverage';
import { buildQualityTargets } from './build-quality-targets';
import { detectProjectTools } from './detect-project-tools';
import { findProjectRoots } from './find-project-roots';
import { hasNamedInput } from './has-named-input';
import { createInheritedConfigLintCheck } from './inherited-eslint-config-lints';
import { createInstalledPackageCheck } from './installed-packages';
import { createPackageWorkspacesMatcher } from './package-workspaces-matcher';
import { explicitTargets } from './explicit-targets';
import { withOfficialTestConfig } from './with-official-test-config';
import { findToolScripts } from './find-tool-scripts';
import { packageScriptTargets } from './package-script-targets';
import { normalizePluginOptions, type PluginOptions } from './plugin-options';
import { configuredNameKinds, resolveTargetNames } from './resolve-target-names';
import { findWorkspaceSharedFiles } from './workspace-shared-files';
import { gatesInToolBatch } from './gates-in-tool-batch';
import { installedNxVersion } from './installed-nx-version';
import { inheritedDependsOn } from './inherited-depends-on';
import { officialNamesTaken } from './official-names-taken';
import { PLUGIN_NAME } from './build-quality-targets';
import { pluginName } from '../tool-facts/official-plugins';

/** Files that make a folder an Nx project; the plugin adds targets to those projects. */
export const PROJECT_FILES_GLOB = '**/{project.json,package.json}';

/**
 * Infers test, lint, typecheck, health and quality targets for every project that has a Jest config, an
 * ESLint config (flat or eslintrc, own or inherited) or a tsconfig.json, and that the official plugin of that tool
 * (@nx/jest/plugin, @nx/eslint/plugin, @nx/js/typescript), when registered, gives a target too
 * (see createOfficialCoverage). The workspace root project gets
 * targets only in a standalone workspace (no package workspaces, no other project): in a monorepo
 * its configs are the shared ones, and the root has the quality-report target instead.
 * A target whose name the project's own package.json script, declared target or official plugin
 * target takes, or (unless the options set it) a target another project declares, is inferred as
 * `<quality>-<kind>` instead (see resolveTargetNames), with the `dependsOn` of the target it stands
 * beside (see inheritedDependsOn).
 */
export const createNodesV2: CreateNodesV2<PluginOptions> = [
  PROJECT_FILES_GLOB,
  async (configFiles, rawOptions, context: CreateNodesContextV2) => {
    const options = normalizePluginOptions(rawOptions);
    const workspaces = createPackageWorkspacesMatcher(context.workspaceRoot);
    const roots = findProjectRoots(configFiles, workspaces.isPackageProject);
    // A monorepo's root configs (jest.config.ts with projects, eslint.config.mjs, solution tsconfig)
    // are shared ones, not a root project's own: linting or type-checking them would cover everything.
    const standalone = !workspaces.declaresWorkspaces && roots.length === 1 && roots[0]?.root === '.';
    const shared = findWorkspaceSharedFiles(context.workspaceRoot);
    const isInstalled = createInstalledPackageCheck(context.workspaceRoot);
    const byConfigFile = new Map(roots.map((found) => [found.configFile, found]));
    const nxVersion = installedNxVersion(context.workspaceRoot);
    const coverage = createOfficialCoverage(context.nxJsonConfiguration.plugins, options, context.workspaceRoot, nxVersion);
    const inheritedConfigLints = createInheritedConfigLintCheck(context.workspaceRoot);
    const gatesJoinToolBatch = gatesInToolBatch(nxVersion);
    const ownTargets = new Map(
      roots.map((found) => [found.root, { scripts: packageScriptTargets(context.workspaceRoot, found.root), declared: explicitTargets(context.workspaceRoot, found.root, context.nxJsonConfiguration.targetDefaults) }]),
    );
    // A name a project declares a target or a script under is not ours in any project (unless
    // configured): a project without such a target must not gain one, or `nx run-many -t test` would run more.
    const declaredNames = new Set([...ownTargets.values()].flatMap(({ scripts, declared }) => [...scripts.keys(), ...declared.names]));
    const configured = configuredNameKinds(rawOptions);
    const ourIndex = (context.nxJsonConfiguration.plugins ?? []).findIndex((entry) => pluginName(entry) === PLUGIN_NAME);

    return createNodesFromFiles(
      async (configFile): Promise<CreateNodesResult> => {
        const found = byConfigFile.get(configFile);
        if (!found || (found.root === '.' && !standalone)) return {};
        const { scripts, declared } = ownTargets.get(found.root)!;
        const detected = withOfficialTestConfig(detectProjectTools(context.workspaceRoot, found.root), declared.officialTestConfig, context.workspaceRoot);
        if (detected.eslintConfig && posix.dirname(detected.eslintConfig) !== found.root && !(await inheritedConfigLints(found.root, detected.eslintConfigChain))) {
          detected.eslintConfig = undefined;
          detected.eslintConfigChain = [];
        }
        const { tools, officialEntries } = coverage(found.root, detected, { test: declared.official.test !== undefined, lint: declared.official.lint !== undefined });
        const targetNames = resolveTargetNames(options, new Set([...scripts.keys(), ...declared.names, ...officialNamesTaken(officialEntries, configured, ourIndex)]), declaredNames, configured);
        // Without an official plugin, the package.json script of that name is the target ours stands
        // beside (the `test` script a `node --test` project runs, or whichever script took our name);
        // without one, the script that runs the tool (`"test:lib": "vitest"`).
        const taken = (name: string): boolean => scripts.has(name) || declared.names.has(name);
        const toolScripts = findToolScripts(scripts, tools);
        const byScript = {
          test: !taken(options.testTargetName) ? toolScripts.test : undefined,
          lint: !taken(options.lintTargetName) ? toolScripts.lint : undefined,
        };
        const besides = {
          test: officialEntries.test?.targetName ?? declared.official.test ?? (tools.nodeTests && scripts.has('test') ? 'test' : (byScript.test ?? options.testTargetName)),
          lint: officialEntries.lint?.targetName ?? declared.official.lint ?? byScript.lint ?? options.lintTargetName,
          typecheck: officialEntries.typecheck?.targetName ?? options.typecheckTargetName,
        };
        const dependsOn = inheritedDependsOn({
          options,
          targetNames,
          besides,
          toolScripts: byScript,
          declared: declared.targets,
          scripts,
          officialEntries,
          targetDefaults: context.nxJsonConfiguration.targetDefaults,
        });
        const targets = buildQualityTargets({
          projectRoot: found.root,
          tools,
          shared,
          hasProductionInput: hasNamedInput('production', context.nxJsonConfiguration, context.workspaceRoot, found.configFile),
          isInstalled,
          options,
          targetNames,
          gatesInToolBatch: gatesJoinToolBatch,
          dependsOn,
          officialTargets: besides,
        });
        return Object.keys(targets).length === 0 ? {} : { projects: { [found.root]: { root: found.root, targets } } };
      },
      roots.map((found) => found.configFile),
      options,
      context,
    );
  },
];

/** Nx 23+ reads `createNodes`, Nx 22 prefers `createNodesV2`; both have the v2 signature. */
export const createNodes = createNodesV2;
