import { FsTree } from 'nx/src/generators/tree';
import { formatContent } from '../format-content';

/** Test probe: formats `content` as `path` inside the workspace at `root` (runs outside Jest). */
export function formatInWorkspace(root: string, path: string, content: string): Promise<string> {
  return formatContent(new FsTree(root, false), path, content);
}
