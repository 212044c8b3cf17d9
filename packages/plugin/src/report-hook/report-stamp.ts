import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileVersion, writeJsonAtomic } from '@nx-quality/core';
import { z } from 'zod';

/** File in the report folder that records what the report was made from (not part of the report). */
export const REPORT_STAMP_FILE = '.nx-quality-stamp.json';

const versions = z.record(z.string(), z.string());

const ReportStampSchema = z.object({
  stampVersion: z.literal(1),
  /** `reportInputsKey` of the run that wrote the report. */
  key: z.string(),
  generatedAt: z.string(),
  /** Workspace-relative files whose lines SARIF quotes, with the version read. */
  sourceFiles: versions,
  /** Workspace-relative report files, with the version written. */
  outputs: versions,
  /** What the run printed: the summary and the GitHub annotations. */
  summary: z.string(),
  annotations: z.array(z.string()),
  /** The report.md appended to `$GITHUB_STEP_SUMMARY`, workspace-relative. */
  markdown: z.string().optional(),
});

/** What the after-run hook records next to the report it wrote. */
export type ReportStamp = z.infer<typeof ReportStampSchema>;

/** Current versions of workspace-relative files. */
export function versionsOf(workspaceRoot: string, files: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...files].sort().map((file) => [file, fileVersion(join(workspaceRoot, file))]));
}

/** The stamp in `outputDir`, or undefined when there is none or it cannot be used (then the report is written anew). */
export function readReportStamp(outputDir: string): ReportStamp | undefined {
  let text: string;
  try {
    text = readFileSync(join(outputDir, REPORT_STAMP_FILE), 'utf8');
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === 'string') return undefined;
    throw error;
  }
  try {
    const parsed = ReportStampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * Whether the report in place is the one `key` describes: the stamp was made from the same inputs,
 * and neither a quoted source file nor a report file changed since (a report file edited, deleted or
 * written by `quality-report` in between has another version).
 */
export function reportIsCurrent(stamp: ReportStamp | undefined, key: string, workspaceRoot: string): stamp is ReportStamp {
  if (!stamp || stamp.key !== key) return false;
  for (const recorded of [stamp.sourceFiles, stamp.outputs]) {
    for (const [file, version] of Object.entries(recorded)) {
      if (fileVersion(join(workspaceRoot, file)) !== version) return false;
    }
  }
  return true;
}

/** Records the stamp, atomically, after the report files are in place. */
export function writeReportStamp(outputDir: string, stamp: Omit<ReportStamp, 'stampVersion'>): void {
  writeJsonAtomic(join(outputDir, REPORT_STAMP_FILE), { stampVersion: 1, ...stamp });
}
