import { formatFiles, joinPathFragments, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { posix } from 'node:path';
import { parseOptions } from '../../shared/parse-options';
import { isEsmProject } from '../shared/is-esm-project';
import { listModuleExports } from '../shared/list-module-exports';
import { resolveProject } from '../shared/resolve-project';
import { FileConflictError, writeGeneratedFiles } from '../shared/write-generated-files';
import { optionsSchema, type NormalizedSpecOptions, type SpecGeneratorOptions } from './options';
import { renderSpecStubs } from './render-spec-stubs';

const SUBJECT = 'spec';

/** `nx g @nx-quality/plugin:spec`: todo stubs for every runtime export of an untested module. */
export default async function specGenerator(tree: Tree, rawOptions: SpecGeneratorOptions): Promise<void> {
  const options = parseOptions(optionsSchema, rawOptions, `the ${SUBJECT} generator`);
  const project = resolveProject(tree, options.project, SUBJECT);
  const root = project.root === '.' ? '' : project.root;
  const moduleFile = resolveModuleFile(tree, root, options.file);
  const exports = listModuleExports(tree, moduleFile);
  if (exports.length === 0) {
    throw new QualityError('NO_RUNTIME_EXPORTS', `spec: ${moduleFile} has no runtime exports (only types, or none) to write stubs for.`, {
      file: moduleFile,
      hint: 'Pass a module that exports functions, classes or constants.',
    });
  }
  const specFile = specPath(tree, root, moduleFile, options);
  const existing = [specFile, specFile.replace(/\.spec\.ts$/, '.test.ts')].find((file) => tree.exists(file));
  if (existing && !options.force) throw new FileConflictError(SUBJECT, [existing]);

  let importPath = posix.relative(posix.dirname(specFile), moduleFile.replace(/\.[cm]?tsx?$/, ''));
  if (!importPath.startsWith('.')) importPath = `./${importPath}`;
  importPath += isEsmProject(tree, root || '.') ? '.js' : '';
  const moduleName = posix.basename(moduleFile);
  await writeGeneratedFiles(tree, [{ path: specFile, content: renderSpecStubs(moduleName, importPath, exports) }], {
    force: true,
    subject: SUBJECT,
    format: !options.skipFormat,
  });
  if (!options.skipFormat) await formatFiles(tree);
}

/** Accepts the module relative to the project root or to the workspace root. */
function resolveModuleFile(tree: Tree, root: string, file: string): string {
  const normalized = posix.normalize(file.replace(/\\/g, '/'));
  const candidates = [joinPathFragments(root, normalized), normalized];
  const found = candidates.find((candidate) => (root === '' || candidate === root || candidate.startsWith(`${root}/`)) && tree.exists(candidate));
  if (!found) {
    throw new QualityError('MODULE_NOT_FOUND', `spec: --file ${file} does not exist in project ${root || '.'}.`, {
      hint: 'Pass the module relative to the project root, e.g. --file=src/lib/foo.ts.',
    });
  }
  return found;
}

function specPath(tree: Tree, root: string, moduleFile: string, options: NormalizedSpecOptions): string {
  const unitFolder = joinPathFragments(root, options.unitFolder);
  const useUnitFolder = options.location === 'unit-folder' || (options.location === 'auto' && tree.exists(unitFolder) && tree.children(unitFolder).length > 0);
  const stem = moduleFile.replace(/\.[cm]?tsx?$/, '');
  if (!useUnitFolder) return `${stem}.spec.ts`;
  const sourceRoot = joinPathFragments(root, 'src');
  const relative = stem.startsWith(`${sourceRoot}/`) ? posix.relative(sourceRoot, stem) : posix.relative(root || '.', stem);
  return `${joinPathFragments(unitFolder, relative)}.spec.ts`;
}
