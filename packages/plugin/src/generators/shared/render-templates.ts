import { generateFiles, type Tree } from '@nx/devkit';
import type { GeneratedFile } from './write-generated-files';

/**
 * Renders a `files/` template folder (EJS, `__name__` path substitutions) to a list of files instead of
 * writing them, so the caller can check for conflicts with user files before anything changes.
 */
export function renderTemplates(
  templateDir: string,
  target: string,
  substitutions: Record<string, unknown>,
): GeneratedFile[] {
  const rendered = new Map<string, string>();
  // generateFiles only needs these members of a Tree: an in-memory sink captures its output.
  const sink = {
    root: '/',
    exists: () => false,
    write: (path: string, content: string | Buffer) => {
      rendered.set(path, content.toString());
    },
  } as unknown as Tree;
  generateFiles(sink, templateDir, target, substitutions);
  return [...rendered.entries()].map(([path, content]) => ({ path: path.replace(/^\/+/, ''), content }));
}
