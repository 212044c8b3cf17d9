import type { NormalizedPluginOptions } from './plugin-options';

/** The kinds of target the plugin infers besides quality. */
export type InferredTargetKind = 'test' | 'lint' | 'typecheck' | 'health';

/**
 * The name each inferred target gets in one project: the configured name, or
 * `<qualityTargetName>-<kind>` (e.g. `quality-test`) when a package.json script or a target the
 * project declares (project.json) takes that name, because Nx lets it replace the inferred target.
 */
export function resolveTargetNames(options: NormalizedPluginOptions, scriptTargets: ReadonlySet<string>): Record<InferredTargetKind, string> {
  const pick = (configured: string, kind: InferredTargetKind) => (scriptTargets.has(configured) ? `${options.qualityTargetName}-${kind}` : configured);
  return {
    test: pick(options.testTargetName, 'test'),
    lint: pick(options.lintTargetName, 'lint'),
    typecheck: pick(options.typecheckTargetName, 'typecheck'),
    health: pick(options.healthTargetName, 'health'),
  };
}
