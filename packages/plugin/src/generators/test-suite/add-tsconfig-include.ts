import { joinPathFragments, logger, updateJson, type Tree } from '@nx/devkit';

/** Adds `<directory>/**\/*.ts` to the project's tsconfig.spec.json so the kind folders are type-checked. */
export function addTsconfigInclude(tree: Tree, projectRoot: string, directory: string): void {
  const file = joinPathFragments(projectRoot, 'tsconfig.spec.json');
  if (!tree.exists(file)) {
    logger.warn(`test-suite: ${file} does not exist; add "${directory}/**/*.ts" to the tsconfig your specs are checked with.`);
    return;
  }
  const pattern = `${directory}/**/*.ts`;
  const current = JSON.parse(tree.read(file, 'utf-8') ?? '{}') as { include?: string[] };
  if (current.include?.includes(pattern)) return;
  updateJson(tree, file, (json: { include?: string[] }) => ({ ...json, include: [...(json.include ?? []), pattern] }));
}
