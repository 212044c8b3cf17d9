import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageSummary } from '../schemas/coverage';
import { fileVersion } from '../io/file-version';
import { stageFile } from '../io/write-files-atomic';
import { CoverageFileOnDisk } from './coverage-file-on-disk';
import { CoverageMerger, type RejectedCoverageEntry } from './merge-coverage';
import type { MergedCoverageMap } from './merged-coverage-map';
import { parseCoverageJson } from './parse-coverage-json';
import { coverageFileContents } from './render-coverage-files';
import type { ReportFileContent } from '../io/report-file-content';
import type { InvalidOutput } from '../schemas/common';

/** How many bytes of coverage files `prepare` holds at most (their parsed form refers to them). */
export const PREPARE_BUDGET_BYTES = 32 * 1024 * 1024;

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
  /**
   * Reads and parses a coverage file ahead of `add`, while there is time (the tasks still run):
   * `add` of the same file then takes what was read here if the file is still that version
   * (`fileVersionOf`), else reads it again. Nothing is merged or reported before `add`.
   */
  prepare(file: CoverageFileToRead): void;
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
  /** Files read by `prepare`, by absolute path, until `add` takes them. */
  private readonly prepared = new Map<string, ReadCoverageFile>();
  private preparedBytes = 0;

  /** `prepareBudgetBytes`: how many bytes of coverage files `prepare` may hold (default `PREPARE_BUDGET_BYTES`). */
  constructor(
    private readonly workspaceRoot: string,
    private readonly options: { prepareBudgetBytes?: number } = {},
  ) {
    this.merger = new CoverageMerger(workspaceRoot);
  }

  prepare({ file }: CoverageFileToRead): void {
    const path = join(this.workspaceRoot, file);
    this.forget(path);
    try {
      // What is read ahead is held until the report: beyond the budget, `add` reads as it would without.
      const size = statSync(path).size;
      if (this.preparedBytes + size > (this.options.prepareBudgetBytes ?? PREPARE_BUDGET_BYTES)) return;
      const read = readCoverageFile(path);
      this.prepared.set(path, read);
      this.preparedBytes += read.onDisk.bytes.length;
    } catch (error) {
      // `add` reads it again and says what is wrong with it.
      if (!isUnreadableFile(error)) throw error;
    }
  }

  add({ project, target, file }: CoverageFileToRead): void {
    let read: ReadCoverageFile;
    try {
      const path = join(this.workspaceRoot, file);
      read = this.takePrepared(path) ?? readCoverageFile(path);
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      this.problems.push({
        project,
        target,
        output: file,
        reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'coverage file missing although test.json records coverage' : `coverage file unreadable: ${(error as Error).message}`,
      });
      return;
    }
    this.merger.add({ project, file, data: read.data, onDisk: read.onDisk });
    this.sources++;
  }

  /** What `prepare` read of `path`, if the file is still the version it read (once: it is let go). */
  private takePrepared(path: string): ReadCoverageFile | undefined {
    const prepared = this.forget(path);
    return prepared && fileVersion(path) === prepared.onDisk.file.version ? prepared : undefined;
  }

  private forget(path: string): ReadCoverageFile | undefined {
    const prepared = this.prepared.get(path);
    if (prepared) {
      this.prepared.delete(path);
      this.preparedBytes -= prepared.onDisk.bytes.length;
    }
    return prepared;
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
    this.prepared.clear();
    this.preparedBytes = 0;
  }
}

interface ReadCoverageFile {
  onDisk: ReturnType<typeof CoverageFileOnDisk.read>;
  data: unknown;
}

function readCoverageFile(path: string): ReadCoverageFile {
  const onDisk = CoverageFileOnDisk.read(path);
  return { onDisk, data: parseCoverageJson(onDisk.bytes) };
}

/** A coverage file that cannot be read or parsed (a file-system error or bad JSON), as opposed to a bug. */
function isUnreadableFile(error: unknown): boolean {
  return error instanceof SyntaxError || typeof (error as NodeJS.ErrnoException).code === 'string';
}

function* reportingEach<T>(items: Iterable<T>, onItem: () => void): Generator<T> {
  for (const item of items) {
    onItem();
    yield item;
  }
}
