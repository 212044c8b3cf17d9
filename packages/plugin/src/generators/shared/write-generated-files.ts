import type { Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { formatContent } from './format-content';

/** One file a generator wants to create, workspace-relative. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** Thrown when a generator would replace a file whose content differs from what it generates. */
export class FileConflictError extends QualityError {
  constructor(subject: string, files: string[]) {
    super('FILE_EXISTS', `${subject}: refusing to overwrite existing ${files.length === 1 ? 'file' : 'files'}: ${files.join(', ')}`, {
      file: files[0],
      hint: 'Move or delete the listed files, or re-run with --force to overwrite them.',
    });
  }
}

/**
 * Writes generated files (formatted with the workspace's Prettier) into the tree. A file that already
 * exists with the same content is left alone (so a second run changes nothing); one with different
 * content is never replaced unless `force`: every conflict is listed before anything is written.
 */
export async function writeGeneratedFiles(
  tree: Tree,
  files: GeneratedFile[],
  options: { force: boolean; subject: string; format?: boolean },
): Promise<void> {
  const formatted = await Promise.all(
    files.map(async (file) => ({
      path: file.path,
      content: options.format === false ? file.content : await formatContent(tree, file.path, file.content),
    })),
  );
  const conflicts = formatted.filter((file) => tree.exists(file.path) && tree.read(file.path, 'utf-8') !== file.content);
  if (conflicts.length > 0 && !options.force) {
    throw new FileConflictError(options.subject, conflicts.map((file) => file.path));
  }
  for (const file of formatted) tree.write(file.path, file.content);
}
