import { join } from 'node:path';
import { writeFilesAtomic } from '../io/write-files-atomic';
import type { ReportFileContent } from '../io/report-file-content';

/**
 * Writes every rendered file into `outputDir` (chunked ones piece by piece), all through temp files
 * renamed into place once every file is complete. Returns the paths written.
 */
export function writeReportFiles(outputDir: string, files: Record<string, ReportFileContent>): string[] {
  const entries = Object.entries(files).map(([name, content]) => ({
    file: join(outputDir, name),
    content: typeof content === 'string' || 'temp' in content ? content : content.chunks(),
  }));
  writeFilesAtomic(entries);
  return entries.map((entry) => entry.file);
}
