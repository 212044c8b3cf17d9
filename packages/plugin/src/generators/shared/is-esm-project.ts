import { joinPathFragments, type Tree } from '@nx/devkit';

/**
 * Whether the project's TypeScript compiles to ES modules under `module: nodenext`: its nearest
 * package.json says `"type": "module"`. Relative imports then need explicit `.js` extensions.
 */
export function isEsmProject(tree: Tree, projectRoot: string): boolean {
  for (const dir of [projectRoot, '.']) {
    const file = joinPathFragments(dir, 'package.json');
    if (!tree.exists(file)) continue;
    try {
      return (JSON.parse(tree.read(file, 'utf-8') ?? '{}') as { type?: string }).type === 'module';
    } catch (error) {
      // A package.json that is not JSON is the user's to fix; it just tells us nothing here.
      if (error instanceof SyntaxError) return false;
      throw error;
    }
  }
  return false;
}
