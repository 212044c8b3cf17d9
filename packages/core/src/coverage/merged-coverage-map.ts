import type { FileCoverage } from 'istanbul-lib-coverage';
import { QualityError } from '../errors/quality-error';
import { ByteArena } from './byte-arena';
import type { ByteSink } from './byte-sink';
import type { CompactFileCoverage } from './compact-file-coverage';
import type { CoverageFileOnDisk } from './coverage-file-on-disk';
import { orderLikeObjectKeys } from '../text/order-like-object-keys';
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
  /** The bytes `json`'s byte pieces are views of, read from `file`: the map then keeps where they are, not a copy. */
  source?: { file: CoverageFileOnDisk; bytes: Uint8Array };
}

/** JSON text that lies in a file on disk: byte ranges of it (pairs of numbers, [start, end)) and rewritten tokens (strings), in order. */
interface JsonOnDisk {
  file: CoverageFileOnDisk;
  parts: (number | string)[];
}

interface StoredFile {
  json: Buffer | JsonOnDisk;
  counts: FileCoverageCounts;
  compact?: CompactFileCoverage;
}

// Where the byte pieces lie in `bytes`, or undefined when one is not a view of it.
function partsIn(pieces: readonly JsonPiece[], bytes: Uint8Array): (number | string)[] | undefined {
  const parts: (number | string)[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      parts.push(piece);
      continue;
    }
    const start = piece.byteOffset - bytes.byteOffset;
    if (piece.buffer !== bytes.buffer || start < 0 || start + piece.length > bytes.length) return undefined;
    parts.push(start, start + piece.length);
  }
  return parts;
}

/**
 * The merged coverage of a workspace, one entry per workspace-relative file. A file is kept as its
 * JSON text (where it lies in the project's coverage file, when it was copied from one unchanged
 * but for rewritten tokens; else as UTF-8 outside the JavaScript heap), its counts and, for files
 * read by `parseCoverageJson`, the little lcov and cobertura print of it: the parsed per-project
 * objects can be released as soon as they are merged. Not copying the text spares writing (and
 * first touching) as much memory as the coverage files hold, for a second read of them from the
 * page cache when coverage-final.json is written.
 */
export class MergedCoverageMap {
  private readonly entries = new Map<string, StoredFile>();
  private readonly bytes = new ByteArena();
  // The file read last (a project's entries are usually written one after another), into a buffer
  // reused for the next file: memory touched once, however many files are read.
  private lastRead: { file: CoverageFileOnDisk; bytes: Buffer } | undefined;
  private scratch: Buffer | undefined;

  /** Stores (or replaces) a file's coverage. */
  set(key: string, entry: MergedFileEntry): void {
    const parts = entry.source && partsIn(entry.json, entry.source.bytes);
    const json = entry.source && parts ? { file: entry.source.file, parts } : this.bytes.store(entry.json);
    this.entries.set(key, { json, counts: entry.counts, ...(entry.compact ? { compact: entry.compact } : {}) });
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
    const bytes = this.json(key).map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece));
    return JSON.parse(Buffer.concat(bytes).toString()) as Record<string, unknown>;
  }

  /**
   * The file's data as `JSON.stringify` writes it, in pieces (UTF-8 bytes, or strings): read again
   * from its coverage file when it lies there (throws `CoverageFileChangedError` if that changed).
   * The bytes may be overwritten by the next call: use or copy them first.
   */
  json(key: string): JsonPiece[] {
    const { json } = this.entry(key);
    if (json instanceof Uint8Array) return [json];
    if (this.lastRead?.file !== json.file) {
      const bytes = json.file.reread(this.scratch);
      if (bytes.buffer !== this.scratch?.buffer) this.scratch = bytes;
      this.lastRead = { file: json.file, bytes };
    }
    const { bytes } = this.lastRead;
    const pieces: JsonPiece[] = [];
    const { parts } = json;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as number | string;
      pieces.push(typeof part === 'string' ? part : bytes.subarray(part, parts[++i] as number));
    }
    return pieces;
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
