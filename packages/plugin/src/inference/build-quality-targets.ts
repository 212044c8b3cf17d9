import type { TargetConfiguration } from '@nx/devkit';
import { RESULT_FILE_NAMES } from '@nx-quality/core';
import type { NormalizedPluginOptions } from './plugin-options';
import type { ProjectTools } from './detect-project-tools';
import { resolveTargetNames, type InferredTargetKind } from './resolve-target-names';
import type { WorkspaceSharedFiles } from './workspace-shared-files';

/** The package name of this plugin, the prefix of its executors. */
export const PLUGIN_NAME = '@nx-quality/plugin';

/**
 * The package whose version stands for the installed nx-quality release in every target's hash.
 * Not the plugin itself: Nx hashes an external dependency together with everything it depends on,
 * peers included, and the plugin's peers are jest, eslint, typescript and nx (about 560 packages in
 * a create-nx-workspace workspace). A jest upgrade then invalidated typecheck results, and Nx hashed
 * those 560 entries for each task and sent them all to the after-run hook (4.3 MB at 30 projects).
 * Every nx-quality package has the same version and pins its siblings exactly (tools/pack.mjs
 * checks both), so core's version changes with each release. Where core is not installed at the
 * workspace root (pnpm), the plugin is named instead.
 */
/**
 * The executor of every inferred test, lint, typecheck and health target (`tool` option chooses):
 * Nx forms one batch per executor and runs batches one after another, so one executor makes one
 * batch of all their tasks, spread over the CPUs.
 */
export const TOOL_EXECUTOR = `${PLUGIN_NAME}:tool`;

const RELEASE_MARKER = '@nx-quality/core';

type Input = NonNullable<TargetConfiguration['inputs']>[number];

/** What the target builder needs to know about one project and its workspace. */
export interface QualityTargetsInput {
  projectRoot: string;
  tools: ProjectTools;
  shared: WorkspaceSharedFiles;
  /** Whether the `production` named input exists for the project. */
  hasProductionInput: boolean;
  /** Whether a package may be named in externalDependencies (installed in the workspace). */
  isInstalled: (name: string) => boolean;
  options: NormalizedPluginOptions;
  /** The name of each inferred target in this project (see resolveTargetNames); the configured names when absent. */
  targetNames?: Record<InferredTargetKind, string>;
  /** Per tool, the official target ours stands beside, passed as the executor's `officialTarget` (its .env files apply). */
  officialTargets?: Partial<Record<'test' | 'lint' | 'typecheck', string>>;
  /** Per tool, the `dependsOn` of the official target ours gave its name to (see inheritedDependsOn). */
  dependsOn?: Partial<Record<'test' | 'lint' | 'typecheck', TargetConfiguration['dependsOn']>>;
  /** Whether the quality target runs on the tool executor, in the tools' batch (`gatesInToolBatch`); the quality executor otherwise. */
  gatesInToolBatch?: boolean;
}

/**
 * Set by the plugin's preTasksExecution hook when the command runs the quality target; tool targets
 * then succeed whenever their tool produced a result. An input, so such a lenient success is never
 * replayed from cache for a plain `nx run x:test` (and the other way round).
 */
export const GATES_JUDGE_INPUT: Input = { env: 'NX_QUALITY_GATES_JUDGE' };


/**
 * The inferred targets of one project: test/lint/typecheck for each tool it is configured for,
 * health (unless `health: false`), and quality depending on those present. Health does not depend
 * on test, so it runs and records health.json even for a project whose tests fail.
 * Every option that names a results folder gets the same
 * template as the outputs, so executors write exactly what Nx caches and restores.
 */
export function buildQualityTargets(input: QualityTargetsInput): Record<string, TargetConfiguration> {
  const { tools, shared, options } = input;
  const names = input.targetNames ?? resolveTargetNames(options, new Set());
  const resultsDir = options.resultsDir;
  const output = (file: string) => `{workspaceRoot}/${resultsDir}/${file}`;
  const upstream: Input = input.hasProductionInput ? '^production' : '^default';
  // Files inside the project are already in `default`; shared ones outside it are listed.
  const outside = (file: string | undefined): Input[] => {
    const inProject = input.projectRoot === '.' || file?.startsWith(`${input.projectRoot}/`);
    return file === undefined || inProject ? [] : [`{workspaceRoot}/${file}`];
  };
  const release = input.isInstalled(RELEASE_MARKER) ? RELEASE_MARKER : PLUGIN_NAME;
  const externals = (...names: string[]): Input[] => {
    const installed = [...names, release].filter((name) => input.isInstalled(name));
    return installed.length > 0 ? [{ externalDependencies: installed }] : [];
  };

  const official = (kind: 'test' | 'lint' | 'typecheck') => {
    const name = input.officialTargets?.[kind];
    return name !== undefined && name !== names[kind] ? { officialTarget: name } : {};
  };
  const prerequisites = (kind: 'test' | 'lint' | 'typecheck'): Pick<TargetConfiguration, 'dependsOn'> => {
    const dependsOn = input.dependsOn?.[kind];
    return dependsOn === undefined ? {} : { dependsOn };
  };

  const targets: Record<string, TargetConfiguration> = {};
  const present: string[] = [];
  if (tools.jestConfig) {
    targets[names.test] = {
      executor: TOOL_EXECUTOR,
      ...prerequisites('test'),
      options: { tool: 'test', jestConfig: tools.jestConfig, resultsDir, ...official('test') },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.jestPreset), ...outside(shared.tsconfigBase), GATES_JUDGE_INPUT, ...externals('jest')],
      outputs: [output(RESULT_FILE_NAMES.test), output(RESULT_FILE_NAMES.coverage)],
      metadata: { technologies: ['jest'], description: `Runs the project's Jest tests with coverage and records ${RESULT_FILE_NAMES.test}` },
    };
    present.push(names.test);
  } else if (tools.vitestConfig) {
    targets[names.test] = {
      executor: TOOL_EXECUTOR,
      ...prerequisites('test'),
      options: { tool: 'test', runner: 'vitest', vitestConfig: tools.vitestConfig, resultsDir, ...official('test') },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.tsconfigBase), GATES_JUDGE_INPUT, ...externals('vitest')],
      outputs: [output(RESULT_FILE_NAMES.test), output(RESULT_FILE_NAMES.coverage)],
      metadata: { technologies: ['vitest'], description: `Runs the project's Vitest tests with coverage and records ${RESULT_FILE_NAMES.test}` },
    };
    present.push(names.test);
  } else if (tools.nodeTests) {
    targets[names.test] = {
      executor: TOOL_EXECUTOR,
      ...prerequisites('test'),
      options: { tool: 'test', runner: 'node', resultsDir, ...official('test') },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.tsconfigBase), GATES_JUDGE_INPUT, ...externals('c8')],
      outputs: [output(RESULT_FILE_NAMES.test), output(RESULT_FILE_NAMES.coverage)],
      metadata: { technologies: ['node'], description: `Runs the project's tests with Node's test runner under c8 and records ${RESULT_FILE_NAMES.test}` },
    };
    present.push(names.test);
  }
  if (tools.eslintConfig) {
    targets[names.lint] = {
      executor: TOOL_EXECUTOR,
      ...prerequisites('lint'),
      options: { tool: 'lint', resultsDir, ...official('lint') },
      cache: true,
      inputs: ['default', upstream, ...tools.eslintConfigChain.flatMap(outside), ...outside(shared.tsconfigBase), ...outside(shared.eslintIgnore), GATES_JUDGE_INPUT, ...externals('eslint')],
      outputs: [output(RESULT_FILE_NAMES.lint)],
      metadata: { technologies: ['eslint'], description: `Lints the project with ESLint and records ${RESULT_FILE_NAMES.lint}` },
    };
    present.push(names.lint);
  }
  if (tools.tsconfig) {
    targets[names.typecheck] = {
      executor: TOOL_EXECUTOR,
      ...prerequisites('typecheck'),
      options: { tool: 'typecheck', resultsDir, ...official('typecheck') },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.tsconfigBase), GATES_JUDGE_INPUT, ...externals('typescript')],
      outputs: [output(RESULT_FILE_NAMES.typecheck)],
      metadata: { technologies: ['typescript'], description: `Type-checks the project with the TypeScript compiler and records ${RESULT_FILE_NAMES.typecheck}` },
    };
    present.push(names.typecheck);
  }
  if (present.length === 0) return targets;

  if (options.health !== false) {
    targets[names.health] = {
      executor: TOOL_EXECUTOR,
      options: { tool: 'health', resultsDir, ...options.health },
      cache: true,
      inputs: [
        'default',
        '{workspaceRoot}/quality.config.json',
        ...tools.eslintConfigChain.flatMap(outside),
        ...outside(shared.tsconfigBase),
        ...externals('eslint', 'typescript'),
      ],
      outputs: [output(RESULT_FILE_NAMES.health)],
      metadata: { technologies: ['nx-quality'], description: `Analyses the project's code health and records ${RESULT_FILE_NAMES.health}` },
    };
    present.push(names.health);
  }

  const inputTools: string[] = [];
  if (tools.jestConfig || tools.vitestConfig || tools.nodeTests) inputTools.push('test');
  if (tools.eslintConfig) inputTools.push('lint');
  if (tools.tsconfig) inputTools.push('typecheck');
  targets[options.qualityTargetName] = {
    executor: input.gatesInToolBatch ? TOOL_EXECUTOR : `${PLUGIN_NAME}:quality`,
    options: {
      ...(input.gatesInToolBatch && { tool: 'quality' }),
      resultsDir,
      tools: inputTools,
      ...(options.gates && { gates: options.gates }),
      ...(options.coverage && { coverage: options.coverage }),
      ...(options.health !== undefined && { health: options.health }),
    },
    dependsOn: present,
    cache: true,
    inputs: [
      'default',
      upstream,
      '{workspaceRoot}/quality.config.json',
      // The results of test/lint/typecheck/health of this project are what quality evaluates.
      { dependentTasksOutputFiles: '**/*.json', transitive: false },
      GATES_JUDGE_INPUT,
      ...externals(),
    ],
    outputs: [output(RESULT_FILE_NAMES.quality)],
    metadata: {
      technologies: ['nx-quality'],
      description: `Evaluates the project's quality gates on its ${[...inputTools, ...(options.health === false ? [] : ['health'])].join(', ')} results; records ${RESULT_FILE_NAMES.quality}`,
    },
  };
  return targets;
}
