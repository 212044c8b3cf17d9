import type { OfficialEntry, ToolKind } from '../tool-facts/official-plugins';
import type { InferredTargetKind } from './resolve-target-names';

/**
 * The target names an official plugin infers in a project that ours must not take. Of two plugins
 * inferring one name, Nx keeps the target of the one registered later: an official plugin added
 * after ours (a generator run after `init` registers it last) would replace our target, so its name
 * is taken. One registered before ours keeps its name from our default names only: a name the options
 * set (`init --replaceOfficial` carries `test` over, and ours then stands for the Vitest projects of
 * an @nx/vitest registered before it too) is ours by that order. `ourIndex` is our place in nx.json
 * `plugins`, -1 when registered under another name (a local path).
 */
export function officialNamesTaken(
  officialEntries: Partial<Record<ToolKind, OfficialEntry>>,
  configured: ReadonlySet<InferredTargetKind>,
  ourIndex: number,
): string[] {
  return (Object.keys(officialEntries) as ToolKind[]).flatMap((kind) => {
    const entry = officialEntries[kind];
    return entry && (!configured.has(kind) || ourIndex < 0 || entry.index > ourIndex) ? [entry.targetName] : [];
  });
}
