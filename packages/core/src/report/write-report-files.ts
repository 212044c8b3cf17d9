import { join } from 'node:path';
import { writeFileAtomic } from '../io/write-json-atomic';

/** Writes every rendered file into `outputDir`, each atomically (temp file + rename). Returns the paths written. */
export function writeReportFiles(outputDir: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, content]) => {
    const file = join(outputDir, name);
    writeFileAtomic(file, content);
    return file;
  });
}
