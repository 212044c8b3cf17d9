import type { FileCoverage } from 'istanbul-lib-coverage';
import { QualityError } from '../errors/quality-error';
import { ByteArena } from './byte-arena';
import type { ByteSink } from './byte-sink';
import type { CompactFileCoverage } from './compact-file-coverage';
import { orderLikeObjectKeys } from './order-like-object-keys';
import type { JsonPiece } from './parse-coverage-json';
import { renderCoberturaClass, writeCoberturaClass } from './render-cobertura';
import { renderLcovRecord, writeLcovRecord } from './render-lcov';
import { summarizeFileCoverage, type FileCoverageCounts } from './summarize-file-coverage';

/** One merged file as the map keeps it. */
export interface MergedFileEntry {
  /** `JSON.stringify` of the file's istanbul data (in pieces): what coverage-final.json holds. */
  json: readonly JsonPiece[];
  /** Its counts, as istanbul's `toSummary()` gives them. */
  counts: FileCoverageCounts;
  /** What lcov and cobertura print of it, when it was read by `parseCoverageJson`; else they render its data. */
  compact?: CompactFileCoverage;
}

interface StoredFile {
  json: Buffer;
  counts: FileCoverageCounts;
  compact?: CompactFileCoverage;
}

/**
 * The merged coverage of a workspace, one entry per workspace-relative file. A file is kept as the
 * UTF-8 of its JSON text (outside the JavaScript heap, written out as is), its counts and, for
 * files read by `parseCoverageJson`, the little lcov and cobertura print of it: the parsed
 * per-project objects can be released as soon as they are merged.
 */
export class MergedCoverageMap {
  private readonly entries = new Map<string, StoredFile>();
  private readonly bytes = new ByteArena();

  /** Stores (or replaces) a file's coverage. */
  set(key: string, entry: MergedFileEntry): void {
    this.entries.set(key, { json: this.bytes.store(entry.json), counts: entry.counts, ...(entry.compact ? { compact: entry.compact } : {}) });
  }

  /** Whether the map has coverage for `key`. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The files covered, in the order an istanbul CoverageMap lists them (insertion, array-index keys first). */
  files(): string[] {
    return orderLikeObjectKeys([...this.entries.keys()]);
  }

  /** The file's istanbul data, parsed again from its JSON. */
  data(key: string): Record<string, unknown> {
    return JSON.parse(this.entry(key).json.toString()) as Record<string, unknown>;
  }

  /** The file's data as `JSON.stringify` writes it, in UTF-8. */
  json(key: string): Buffer {
    return this.entry(key).json;
  }

  /** The file's statement, line, function and branch counts. */
  counts(key: string): FileCoverageCounts {
    return this.entry(key).counts;
  }

  /** Appends the file's lcov record. */
  writeLcovRecord(key: string, sink: ByteSink): void {
    const { compact } = this.entry(key);
    if (compact) return writeLcovRecord(sink, compact);
    const data = this.data(key);
    sink.write(renderLcovRecord(data, summarizeFileCoverage(data)));
  }

  /** Appends the file's cobertura `<class>` element, every line prefixed with `indent`. */
  writeCoberturaClass(key: string, indent: string, sink: ByteSink): void {
    const { compact } = this.entry(key);
    if (compact) return writeCoberturaClass(sink, compact, indent);
    const data = this.data(key);
    sink.write(renderCoberturaClass(data, summarizeFileCoverage(data), indent));
  }

  /** An istanbul FileCoverage of the file (a new object each call: changing it does not change the map). */
  fileCoverageFor(key: string): FileCoverage {
    const libCoverage = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
    return libCoverage.createFileCoverage(this.data(key) as never);
  }

  /** Every file's data, keyed as `files()` lists them. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {};
    for (const key of this.files()) json[key] = this.data(key);
    return json;
  }

  private entry(key: string): StoredFile {
    const entry = this.entries.get(key);
    if (!entry) throw new QualityError('COVERAGE_FILE_UNKNOWN', `No file coverage available for: ${key}`);
    return entry;
  }
}
