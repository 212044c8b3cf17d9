import { formatFiles, getProjects, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { join } from 'node:path';
import { parseOptions } from '../../shared/parse-options';
import { renderTemplates } from '../shared/render-templates';
import { writeGeneratedFiles } from '../shared/write-generated-files';
import { optionsSchema, type CiWorkflowGeneratorOptions } from './options';
import { PINNED_ACTIONS } from './pinned-actions';

const SUBJECT = 'ci-workflow';

/**
 * `nx g @nx-quality/plugin:ci-workflow`: affected quality on GitHub Actions with report, SARIF and
 * summary; with `--shards=N`, N jobs share the projects through the Nx remote cache and a last job
 * writes the report from the restored results (the way it also works under Nx Agents, where the
 * after-run hook does not run).
 */
export default async function ciWorkflowGenerator(tree: Tree, rawOptions: CiWorkflowGeneratorOptions): Promise<void> {
  const options = parseOptions(optionsSchema, rawOptions, `the ${SUBJECT} generator`);
  const reportTarget = options.reportTarget ?? `${rootProjectName(tree)}:quality-report`;
  const sharded = options.shards > 1;
  const files = renderTemplates(join(__dirname, 'files', sharded ? 'sharded' : 'single'), '.github/workflows', {
    tmpl: '',
    shards: options.shards,
    shardNumbers: Array.from({ length: options.shards }, (_, index) => index + 1),
    name: options.name,
    mainBranch: options.mainBranch,
    nodeVersion: options.nodeVersion,
    reportDir: options.reportDir,
    reportTarget,
    actions: PINNED_ACTIONS,
  });
  await writeGeneratedFiles(tree, files, { force: options.force, subject: SUBJECT, format: !options.skipFormat });
  if (!options.skipFormat) await formatFiles(tree);
}

/** The project at the workspace root, which holds the quality-report target `init` adds. */
function rootProjectName(tree: Tree): string {
  for (const [name, project] of getProjects(tree)) {
    if (project.root === '.' || project.root === '') return name;
  }
  throw new QualityError('NO_ROOT_PROJECT', 'ci-workflow: the workspace has no root project to run quality-report on.', {
    hint: 'Run `nx g @nx-quality/plugin:init` first (it adds the root quality-report target), or pass --reportTarget=<project>:<target>.',
  });
}
