import { formatFiles, joinPathFragments, logger, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { posix } from 'node:path';
import { parseOptions } from '../../shared/parse-options';
import { isEsmProject } from '../shared/is-esm-project';
import { readPackageName } from '../shared/read-package-name';
import { resolveProject } from '../shared/resolve-project';
import { writeGeneratedFiles, type GeneratedFile } from '../shared/write-generated-files';
import { configureBareErrorRule } from './configure-bare-error-rule';
import { toHierarchyModel } from './hierarchy-model';
import { loadErrorSpec } from './load-error-spec';
import { optionsSchema, type ErrorHierarchyGeneratorOptions } from './options';
import { renderBaseError } from './render-base-error';
import { renderCategoryFile } from './render-category-file';
import { renderErrorIndex } from './render-error-index';
import { renderErrorTests } from './render-error-tests';
import { renderGuards } from './render-guards';
import { reExportFromEntry } from './re-export-from-entry';

const SUBJECT = 'error-hierarchy';

/** `nx g @nx-quality/plugin:error-hierarchy`: a typed error module with full-coverage tests. */
export default async function errorHierarchyGenerator(tree: Tree, rawOptions: ErrorHierarchyGeneratorOptions): Promise<void> {
  const options = parseOptions(optionsSchema, rawOptions, `the ${SUBJECT} generator`);
  const project = resolveProject(tree, options.project, SUBJECT);
  const spec = loadErrorSpec(tree, options);
  const model = toHierarchyModel(spec);
  const directory = resolveDirectory(tree, project.root, options.directory ?? spec.directory);
  const ext = isEsmProject(tree, project.root) ? '.js' : '';
  const dir = joinPathFragments(project.root, directory);

  const files: GeneratedFile[] = [
    { path: `${dir}/${model.base.fileName}.ts`, content: renderBaseError(model) },
    ...model.categories.map((category) => ({ path: `${dir}/${category.fileName}.ts`, content: renderCategoryFile(model, category, ext) })),
    { path: `${dir}/guards.ts`, content: renderGuards(model, ext) },
    { path: `${dir}/index.ts`, content: renderErrorIndex(model, ext) },
    { path: `${dir}/errors.spec.ts`, content: renderErrorTests(model, ext) },
  ];
  await writeGeneratedFiles(tree, files, { force: options.force, subject: SUBJECT, format: !options.skipFormat });

  const exportedFrom = options.exportFromEntry ? reExportFromEntry(tree, project.root, directory, ext) : undefined;
  const packageName = readPackageName(tree, project.root);
  const importPath = exportedFrom && packageName ? packageName : `./${directory}`;
  const eslintFiles = configureBareErrorRule(tree, project.root, { baseClass: model.base.className, importPath });
  for (const file of eslintFiles) logger.info(`Configured @nx-quality/no-bare-error-throw in ${file} to require ${model.base.className}.`);

  if (!options.skipFormat) await formatFiles(tree);
}

/** Project-relative POSIX folder of the module; refuses paths that leave the project. */
function resolveDirectory(tree: Tree, projectRoot: string, requested: string | undefined): string {
  const directory = posix.normalize((requested ?? (tree.exists(joinPathFragments(projectRoot, 'src/lib')) ? 'src/lib/errors' : 'src/errors')).replace(/\\/g, '/')).replace(/\/+$/, '');
  if (directory.startsWith('..') || posix.isAbsolute(directory) || directory === '.') {
    throw new QualityError('INVALID_OPTIONS', `error-hierarchy: directory "${requested}" must be a folder inside the project (relative to ${projectRoot}).`, {
      hint: 'Pass --directory like src/lib/errors.',
    });
  }
  return directory;
}
