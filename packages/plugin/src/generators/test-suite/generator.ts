import { formatFiles, joinPathFragments, logger, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { posix } from 'node:path';
import { parseOptions } from '../../shared/parse-options';
import { isEsmProject } from '../shared/is-esm-project';
import { listModuleExports } from '../shared/list-module-exports';
import { resolveProject } from '../shared/resolve-project';
import { writeGeneratedFiles, type GeneratedFile } from '../shared/write-generated-files';
import { addTsconfigInclude } from './add-tsconfig-include';
import { findJestConfigFile } from './find-jest-config-file';
import { LAYERED_KINDS, optionsSchema, STANDARD_KINDS, type TestSuiteGeneratorOptions } from './options';
import { folderHasFiles, planExampleSpec, type ExampleContext } from './plan-example-specs';
import { readRecordedKinds, recordTestKinds } from './record-test-kinds';
import { wireJestKinds } from './wire-jest-kinds';

const SUBJECT = 'test-suite';
const DEFAULT_KINDS = ['unit', 'integration', 'e2e'];

/** `nx g @nx-quality/plugin:test-suite`: test folders per kind, wired into Jest, with example specs. */
export default async function testSuiteGenerator(tree: Tree, rawOptions: TestSuiteGeneratorOptions): Promise<void> {
  const options = parseOptions(optionsSchema, rawOptions, `the ${SUBJECT} generator`);
  if (options.layout === 'layered' && options.kinds) {
    throw new QualityError('INVALID_OPTIONS', 'test-suite: --layout=layered sets its own folders (api, services, middleware, database, core); do not pass --kinds with it.', {
      hint: 'Drop --kinds, or use --layout=kinds.',
    });
  }
  const project = resolveProject(tree, options.project, SUBJECT);
  const root = project.root === '.' ? '' : project.root;
  const jestConfig = findJestConfigFile(tree, project.name, project.root);
  const requested = options.layout === 'layered' ? [...LAYERED_KINDS] : (options.kinds ?? DEFAULT_KINDS);
  const kinds = orderKinds([...readRecordedKinds(project.tags), ...requested]);

  const files: GeneratedFile[] = [];
  if (options.examples) {
    const context = exampleContext(tree, project.name, root, project.sourceRoot, options.entry);
    for (const kind of requested) {
      const folder = joinPathFragments(root, options.directory, kind);
      if (folderHasFiles(tree, folder) && !options.force) continue;
      files.push(...planExampleSpec(kind, folder, context));
    }
  } else {
    for (const kind of requested) {
      const folder = joinPathFragments(root, options.directory, kind);
      if (!folderHasFiles(tree, folder)) files.push({ path: `${folder}/.gitkeep`, content: '' });
    }
  }
  await writeGeneratedFiles(tree, files, { force: options.force, subject: SUBJECT, format: !options.skipFormat });

  wireJestKinds(tree, jestConfig, kinds, options.directory);
  addTsconfigInclude(tree, root, options.directory);
  recordTestKinds(tree, project.name, requested);
  if (!options.skipFormat) await formatFiles(tree);
  logger.info(`test-suite: ${project.name} runs ${kinds.join(', ')} as Jest projects; one alone: nx test ${project.name} --selectProjects=<kind>`);
}

/** Known kinds first in their usual order, then any others alphabetically; no duplicates. */
function orderKinds(kinds: string[]): string[] {
  const known: readonly string[] = [...STANDARD_KINDS, ...LAYERED_KINDS];
  const unique = [...new Set(kinds)];
  return [...known.filter((kind) => unique.includes(kind)), ...unique.filter((kind) => !known.includes(kind)).sort()];
}

function exampleContext(tree: Tree, projectName: string, root: string, sourceRoot: string | undefined, entryOption: string | undefined): ExampleContext {
  const entry = entryOption ?? (tree.exists(joinPathFragments(root, 'src/index.ts')) ? 'src/index.ts' : undefined);
  if (entryOption && !tree.exists(joinPathFragments(root, entryOption))) {
    throw new QualityError('INVALID_OPTIONS', `test-suite: --entry ${entryOption} does not exist in ${root || '.'}.`, {
      hint: 'Pass a project-relative module such as src/index.ts, or leave --entry out.',
    });
  }
  const sourceDir = sourceRoot ? posix.relative(root || '.', sourceRoot) || 'src' : 'src';
  return {
    projectName,
    projectRoot: root,
    sourceDir,
    entry,
    entryExports: entry ? listModuleExports(tree, joinPathFragments(root, entry)) : [],
    importExtension: isEsmProject(tree, root || '.') ? '.js' : '',
    hasPackageJson: tree.exists(joinPathFragments(root, 'package.json')),
  };
}
