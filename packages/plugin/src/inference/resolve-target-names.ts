import type { NormalizedPluginOptions } from './plugin-options';

/** The kinds of target the plugin infers besides quality. */
export type InferredTargetKind = 'test' | 'lint' | 'typecheck' | 'health';

/**
 * The name each inferred target gets: the configured name, or `<qualityTargetName>-<kind>` (e.g.
 * `quality-test`) when the workspace's own targets take that name, a package.json script or a
 * target declared in project.json of any project. In the project that has it, Nx would let it
 * replace ours; in every other one, ours would add that project to what `nx run-many -t <name>`
 * already runs (a project whose tests are switched off under another name, one tested elsewhere).
 */
export function resolveTargetNames(options: NormalizedPluginOptions, takenNames: ReadonlySet<string>): Record<InferredTargetKind, string> {
  const pick = (configured: string, kind: InferredTargetKind) => (takenNames.has(configured) ? `${options.qualityTargetName}-${kind}` : configured);
  return {
    test: pick(options.testTargetName, 'test'),
    lint: pick(options.lintTargetName, 'lint'),
    typecheck: pick(options.typecheckTargetName, 'typecheck'),
    health: pick(options.healthTargetName, 'health'),
  };
}
