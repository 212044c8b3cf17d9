import { joinPathFragments, type Tree } from '@nx/devkit';

/** The `name` of the project's own package.json, when it has one. */
export function readPackageName(tree: Tree, projectRoot: string): string | undefined {
  const file = joinPathFragments(projectRoot, 'package.json');
  if (!tree.exists(file)) return undefined;
  try {
    const name = (JSON.parse(tree.read(file, 'utf-8') ?? '{}') as { name?: unknown }).name;
    return typeof name === 'string' && name.length > 0 ? name : undefined;
  } catch (error) {
    // A package.json that is not JSON is the user's to fix; it just tells us nothing here.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
