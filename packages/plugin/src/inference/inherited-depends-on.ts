import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { retargetSelfDependencies } from '../tool-facts/retarget-self-dependencies';
import { targetDefaultDependsOn } from '../tool-facts/target-default-depends-on';
import type { OfficialEntry, ToolKind } from '../tool-facts/official-plugins';
import type { ExplicitTargets } from './explicit-targets';
import type { NormalizedPluginOptions } from './plugin-options';
import { TARGET_NAME_OPTIONS, type InferredTargetKind } from './resolve-target-names';

/** What `inheritedDependsOn` reads about one project. */
export interface InheritedDependsOnInput {
  options: NormalizedPluginOptions;
  /** Our targets' names in the project. */
  targetNames: Record<InferredTargetKind, string>;
  /** Per tool, the target ours stands beside (its `officialTarget`). */
  besides: Record<ToolKind, string>;
  /** The targets the project declares itself. */
  declared: ExplicitTargets['targets'];
  /** The project's package.json scripts (Nx makes each a target of that name). */
  scripts: ReadonlyMap<string, string>;
  /** Per tool, the script ours stands beside because it runs the tool, where no target has our name (`findToolScripts`). */
  toolScripts?: Partial<Record<ToolKind, string>>;
  /** Per tool, the official plugin entry that infers a target for the project. */
  officialEntries: Partial<Record<ToolKind, OfficialEntry>>;
  targetDefaults: NxJsonConfiguration['targetDefaults'];
}

/**
 * Per tool, the `dependsOn` our target takes over from the target it stands beside under another
 * name, so both run after the same tasks (e.g. `^build`, or the build of a workspace ESLint plugin
 * the ESLint config imports):
 * - a target the project declares with an executor or a command (`lint` in package.json `nx.targets`):
 *   its own `dependsOn`, else what the target defaults give it; a package.json script: what the
 *   target defaults give it;
 * - an official plugin's target ours gave its name to (ours `quality-test` beside the `test` of an
 *   @nx/jest/plugin registered after `init`): the `dependsOn` the project adds to it, else what the
 *   target defaults give that name;
 * - the script that runs the tool under another name (ours `test` beside `"test:lib": "vitest"`):
 *   what the target defaults give that script (TanStack's `test:lib` and `test:eslint` build the
 *   dependencies first: `"dependsOn": ["^compile"]`).
 * Where that `dependsOn` names the target itself in other projects (`^typecheck`), it names ours. As
 * `init` does for the names it chooses, a target default of our target's own name is left to apply.
 * Nothing is taken for a name the options set (`testTargetName: 'unit'`).
 */
export function inheritedDependsOn(input: InheritedDependsOnInput): Partial<Record<ToolKind, TargetConfiguration['dependsOn']>> {
  const { options, targetNames, besides, toolScripts, declared, scripts, officialEntries, targetDefaults } = input;
  const inherited: Partial<Record<ToolKind, TargetConfiguration['dependsOn']>> = {};
  for (const kind of Object.keys(besides) as ToolKind[]) {
    const ours = targetNames[kind];
    const official = besides[kind];
    // Only where ours took another name than the options give it, or stands beside the tool's script: a name the options set is the user's, and `init` copies its defaults.
    const besideToolScript = toolScripts?.[kind] === official;
    if (ours === official || (official !== options[TARGET_NAME_OPTIONS[kind]] && !besideToolScript) || targetDefaults?.[ours]) continue;
    const own = declared[official];
    const entry = officialEntries[kind];
    let dependsOn: TargetConfiguration['dependsOn'] | undefined;
    if (own?.executor) dependsOn = own.dependsOn;
    else if (entry?.targetName === official) dependsOn = own?.dependsOn ?? targetDefaultDependsOn(targetDefaults, official, { plugin: entry.plugin });
    else if (scripts.has(official)) dependsOn = targetDefaultDependsOn(targetDefaults, official, { executor: 'nx:run-script' });
    if (dependsOn !== undefined) inherited[kind] = retargetSelfDependencies(dependsOn, official, ours);
  }
  return inherited;
}
