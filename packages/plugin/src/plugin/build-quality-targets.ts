import type { TargetConfiguration } from '@nx/devkit';
import { RESULT_FILE_NAMES } from '@nx-quality/core';
import type { NormalizedPluginOptions } from './plugin-options';
import type { ProjectTools } from './detect-project-tools';
import type { WorkspaceSharedFiles } from './workspace-shared-files';

/** The package name of this plugin, the prefix of its executors. */
export const PLUGIN_NAME = '@nx-quality/plugin';

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
}

type Input = NonNullable<TargetConfiguration['inputs']>[number];

/**
 * The inferred targets of one project: test/lint/typecheck for each tool it is configured for,
 * and quality depending on those present. Every option that names a results folder gets the same
 * template as the outputs, so executors write exactly what Nx caches and restores.
 */
export function buildQualityTargets(input: QualityTargetsInput): Record<string, TargetConfiguration> {
  const { tools, shared, options } = input;
  const resultsDir = options.resultsDir;
  const output = (file: string) => `{workspaceRoot}/${resultsDir}/${file}`;
  const upstream: Input = input.hasProductionInput ? '^production' : '^default';
  // Files inside the project are already in `default`; shared ones outside it are listed.
  const outside = (file: string | undefined): Input[] => {
    const inProject = input.projectRoot === '.' || file?.startsWith(`${input.projectRoot}/`);
    return file === undefined || inProject ? [] : [`{workspaceRoot}/${file}`];
  };
  const externals = (...names: string[]): Input[] => {
    const installed = [...names, PLUGIN_NAME].filter((name) => input.isInstalled(name));
    return installed.length > 0 ? [{ externalDependencies: installed }] : [];
  };

  const targets: Record<string, TargetConfiguration> = {};
  const present: string[] = [];
  if (tools.jestConfig) {
    targets[options.testTargetName] = {
      executor: `${PLUGIN_NAME}:test`,
      options: { resultsDir },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.jestPreset), ...outside(shared.tsconfigBase), ...externals('jest')],
      outputs: [output(RESULT_FILE_NAMES.test), output(RESULT_FILE_NAMES.coverage)],
      metadata: { technologies: ['jest'], description: `Runs the project's Jest tests with coverage and records ${RESULT_FILE_NAMES.test}` },
    };
    present.push(options.testTargetName);
  } else if (tools.nodeTests) {
    targets[options.testTargetName] = {
      executor: `${PLUGIN_NAME}:test`,
      options: { runner: 'node', resultsDir },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.tsconfigBase), ...externals('c8')],
      outputs: [output(RESULT_FILE_NAMES.test), output(RESULT_FILE_NAMES.coverage)],
      metadata: { technologies: ['node'], description: `Runs the project's tests with Node's test runner under c8 and records ${RESULT_FILE_NAMES.test}` },
    };
    present.push(options.testTargetName);
  }
  if (tools.eslintConfig) {
    targets[options.lintTargetName] = {
      executor: `${PLUGIN_NAME}:lint`,
      options: { resultsDir },
      cache: true,
      inputs: ['default', upstream, ...tools.eslintConfigChain.flatMap(outside), ...outside(shared.tsconfigBase), ...externals('eslint')],
      outputs: [output(RESULT_FILE_NAMES.lint)],
      metadata: { technologies: ['eslint'], description: `Lints the project with ESLint and records ${RESULT_FILE_NAMES.lint}` },
    };
    present.push(options.lintTargetName);
  }
  if (tools.tsconfig) {
    targets[options.typecheckTargetName] = {
      executor: `${PLUGIN_NAME}:typecheck`,
      options: { resultsDir },
      cache: true,
      inputs: ['default', upstream, ...outside(shared.tsconfigBase), ...externals('typescript')],
      outputs: [output(RESULT_FILE_NAMES.typecheck)],
      metadata: { technologies: ['typescript'], description: `Type-checks the project with the TypeScript compiler and records ${RESULT_FILE_NAMES.typecheck}` },
    };
    present.push(options.typecheckTargetName);
  }
  if (present.length === 0) return targets;

  const inputTools: string[] = [];
  if (tools.jestConfig || tools.nodeTests) inputTools.push('test');
  if (tools.eslintConfig) inputTools.push('lint');
  if (tools.tsconfig) inputTools.push('typecheck');
  targets[options.qualityTargetName] = {
    executor: `${PLUGIN_NAME}:quality`,
    options: {
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
      // The results of test/lint/typecheck of this project are what quality evaluates.
      { dependentTasksOutputFiles: '**/*.json', transitive: false },
      ...externals(),
    ],
    outputs: [output(RESULT_FILE_NAMES.quality), output(RESULT_FILE_NAMES.health)],
    metadata: {
      technologies: ['nx-quality'],
      description: `Analyses code health and evaluates the project's quality gates on its ${inputTools.join(', ')} results; records ${RESULT_FILE_NAMES.quality} and ${RESULT_FILE_NAMES.health}`,
    },
  };
  return targets;
}
