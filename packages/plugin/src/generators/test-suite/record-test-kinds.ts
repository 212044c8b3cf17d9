import { readProjectConfiguration, updateProjectConfiguration, type Tree } from '@nx/devkit';

/** Tag prefix that records a project's test kinds (`nx show projects --projects tag:test-kind:e2e`). */
export const TEST_KIND_TAG = 'test-kind:';

/** Kinds a previous run recorded in the project's tags. */
export function readRecordedKinds(tags: string[] | undefined): string[] {
  return (tags ?? []).filter((tag) => tag.startsWith(TEST_KIND_TAG)).map((tag) => tag.slice(TEST_KIND_TAG.length));
}

/** Adds one `test-kind:<kind>` tag per kind to the project configuration (project.json or package.json "nx"). */
export function recordTestKinds(tree: Tree, projectName: string, kinds: string[]): void {
  const config = readProjectConfiguration(tree, projectName);
  const tags = config.tags ?? [];
  const missing = kinds.map((kind) => `${TEST_KIND_TAG}${kind}`).filter((tag) => !tags.includes(tag));
  if (missing.length === 0) return;
  updateProjectConfiguration(tree, projectName, { ...config, tags: [...tags, ...missing] });
}
