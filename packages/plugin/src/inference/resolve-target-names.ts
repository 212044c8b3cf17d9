import type { NormalizedPluginOptions } from './plugin-options';

/** The kinds of target the plugin infers besides quality. */
export type InferredTargetKind = 'test' | 'lint' | 'typecheck' | 'health';

/** The plugin options that name an inferred target, per kind. */
export const TARGET_NAME_OPTIONS: Record<InferredTargetKind, 'testTargetName' | 'lintTargetName' | 'typecheckTargetName' | 'healthTargetName'> = {
  test: 'testTargetName',
  lint: 'lintTargetName',
  typecheck: 'typecheckTargetName',
  health: 'healthTargetName',
};

/** The kinds whose target name the plugin's options set explicitly (init pins the names it carries over from a replaced official plugin). */
export function configuredNameKinds(rawOptions: unknown): Set<InferredTargetKind> {
  const raw = (rawOptions ?? {}) as Record<string, unknown>;
  return new Set((Object.keys(TARGET_NAME_OPTIONS) as InferredTargetKind[]).filter((kind) => raw[TARGET_NAME_OPTIONS[kind]] !== undefined));
}

/**
 * The name each inferred target gets in one project: the configured name, or
 * `<qualityTargetName>-<kind>` (e.g. `quality-test`) when it is taken. A name is taken by a
 * package.json script or a declared target (project.json, `nx.targets`) of the project itself, which
 * Nx would let replace ours; and, unless the options set the name explicitly, by a script or target
 * any other project declares: ours would otherwise add projects to what `nx run-many -t <name>` runs
 * in a workspace that declares its targets (one whose tests are switched off under another name, one
 * tested by other means, one package of an npm workspace without the `test` script the others have).
 */
export function resolveTargetNames(
  options: NormalizedPluginOptions,
  projectNames: ReadonlySet<string>,
  workspaceDeclaredNames: ReadonlySet<string> = new Set(),
  configured: ReadonlySet<InferredTargetKind> = new Set(),
): Record<InferredTargetKind, string> {
  const pick = (name: string, kind: InferredTargetKind) =>
    projectNames.has(name) || (!configured.has(kind) && workspaceDeclaredNames.has(name)) ? `${options.qualityTargetName}-${kind}` : name;
  return {
    test: pick(options.testTargetName, 'test'),
    lint: pick(options.lintTargetName, 'lint'),
    typecheck: pick(options.typecheckTargetName, 'typecheck'),
    health: pick(options.healthTargetName, 'health'),
  };
}
