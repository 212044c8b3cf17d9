import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageSummary } from '../schemas/coverage';
import { stageFile } from '../io/write-files-atomic';
import { CoverageFileOnDisk } from './coverage-file-on-disk';
import { CoverageMerger, type RejectedCoverageEntry } from './merge-coverage';
import type { MergedCoverageMap } from './merged-coverage-map';
import { parseCoverageJson } from './parse-coverage-json';
import { coverageFileContents } from './render-coverage-files';
import type { ReportFileContent } from '../io/report-file-content';
import type { InvalidOutput } from '../schemas/common';

/** A project's coverage-final.json to merge. */
export interface CoverageFileToRead {
  project: string;
  /** The target that writes it (named in problems). */
  target: string;
  /** Workspace-relative path. */
  file: string;
}

/** The merge of every coverage file added: its summary, the entries left out and the files that could not be read. */
export interface CollectedCoverage {
  /** Coverage files read (a file that could not be read is not counted). */
  sources: number;
  summary: CoverageSummary;
  rejected: RejectedCoverageEntry[];
  /** Files missing or unreadable, in the order they were added. */
  problems: InvalidOutput[];
}

/** Reads and merges the coverage files of a report, then writes the merged coverage formats. */
export interface CoverageCollector {
  /** Adds a project's coverage file (read now, or soon by a worker thread). */
  add(file: CoverageFileToRead): void;
  /** Everything added, merged. */
  result(): CollectedCoverage;
  /**
   * The merged coverage files for `outputDir` (coverage-final.json, lcov.info, cobertura.xml), to
   * pass to `writeReportFiles`; may be asked before `result()` (a worker then starts on them at
   * once). Files never written are cleaned up by `close()`.
   */
  files(outputDir: string, options: { timestamp: number }): Record<string, ReportFileContent>;
  /** Releases the collector (and removes temp files no one renamed). */
  close(): void;
}

/**
 * Collects coverage in the calling thread: each file is read (`parseCoverageJson`) and merged as
 * soon as it is added, so its parsed form is released at once; the merged coverage-final.json is
 * written from the files themselves, read again (see `MergedCoverageMap`). A missing or unreadable
 * file is a problem, not an error.
 */
export class CoverageCollectorInThread implements CoverageCollector {
  private readonly merger: CoverageMerger;
  private readonly problems: InvalidOutput[] = [];
  private sources = 0;
  private merged: { summary: CoverageSummary; rejected: RejectedCoverageEntry[]; map: MergedCoverageMap } | undefined;

  constructor(private readonly workspaceRoot: string) {
    this.merger = new CoverageMerger(workspaceRoot);
  }

  add({ project, target, file }: CoverageFileToRead): void {
    let data: unknown;
    let onDisk: ReturnType<typeof CoverageFileOnDisk.read>;
    try {
      onDisk = CoverageFileOnDisk.read(join(this.workspaceRoot, file));
      data = parseCoverageJson(onDisk.bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!(error instanceof SyntaxError) && typeof code !== 'string') throw error;
      this.problems.push({
        project,
        target,
        output: file,
        reason: code === 'ENOENT' ? 'coverage file missing although test.json records coverage' : `coverage file unreadable: ${(error as Error).message}`,
      });
      return;
    }
    this.merger.add({ project, file, data, onDisk });
    this.sources++;
  }

  result(): CollectedCoverage {
    this.merged ??= this.merger.result();
    return { sources: this.sources, summary: this.merged.summary, rejected: this.merged.rejected, problems: this.problems };
  }

  files(_outputDir: string, options: { timestamp: number }): Record<string, ReportFileContent> {
    this.merged ??= this.merger.result();
    return coverageFileContents(this.merged.map, options);
  }

  /**
   * Writes the merged coverage files to temp files beside their targets (for a worker thread);
   * returns name → temp path. `onPiece` is called for every piece written.
   */
  stage(outputDir: string, options: { timestamp: number }, onPiece?: () => void): Record<string, string> {
    const staged: Record<string, string> = {};
    try {
      for (const [name, content] of Object.entries(this.files(outputDir, options))) {
        const chunks = (content as { chunks(): Iterable<string | Uint8Array> }).chunks();
        staged[name] = stageFile(join(outputDir, name), onPiece ? reportingEach(chunks, onPiece) : chunks);
      }
    } catch (error) {
      for (const temp of Object.values(staged)) rmSync(temp, { force: true });
      throw error;
    }
    return staged;
  }

  close(): void {
    this.merged = undefined;
  }
}

function* reportingEach<T>(items: Iterable<T>, onItem: () => void): Generator<T> {
  for (const item of items) {
    onItem();
    yield item;
  }
}
