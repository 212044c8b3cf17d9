import { relative } from 'node:path';
import { ByteSink } from './byte-sink';
import { compactLayout, type CompactFileCoverage } from './compact-file-coverage';
import type { CoverageTreeNode } from './coverage-report-tree';
import type { FileCoverageDigest } from './summarize-file-coverage';

type Loose = Record<string, unknown>;
interface Position {
  start: { line: unknown };
}

// Array#join's text for a value: empty for null and undefined.
function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * One file's lcov record (`TN:` to `end_of_record`), the format of istanbul-reports' `lcovonly`
 * with `projectRoot: '.'`: functions in map order, lines ascending, every branch outcome. A branch
 * without its location in `branchMap` is left out, as istanbul does. Throws where istanbul would
 * (a function without `decl` and `loc`, a branch without `loc`).
 */
export function renderLcovRecord(data: Loose, digest: FileCoverageDigest): string {
  const { counts, lineHits } = digest;
  const fnMap = data['fnMap'] as Record<string, { name: unknown; decl?: Position; loc?: Position }>;
  const f = data['f'] as Loose;
  const branchMap = data['branchMap'] as Record<string, { loc: Position } | undefined>;
  const b = data['b'] as Record<string, unknown[]>;
  let out = `TN:\nSF:${relative('.', data['path'] as string)}\n`;
  const functionKeys = Object.keys(fnMap);
  for (const key of functionKeys) {
    const meta = fnMap[key] as (typeof fnMap)[string];
    const decl = (meta.decl || meta.loc) as Position;
    out += `FN:${text(decl.start.line)},${text(meta.name)}\n`;
  }
  out += `FNF:${counts.functions.total}\nFNH:${counts.functions.covered}\n`;
  for (const key of functionKeys) out += `FNDA:${text(f[key])},${text((fnMap[key] as (typeof fnMap)[string]).name)}\n`;
  for (const line of Object.keys(lineHits)) out += `DA:${line},${text(lineHits[line])}\n`;
  out += `LF:${counts.lines.total}\nLH:${counts.lines.covered}\n`;
  for (const key of Object.keys(b)) {
    const meta = branchMap[key];
    if (!meta) continue;
    const line = text(meta.loc.start.line);
    (b[key] as unknown[]).forEach((hits, i) => {
      out += `BRDA:${line},${key},${i},${text(hits)}\n`;
    });
  }
  return `${out}BRF:${counts.branches.total}\nBRH:${counts.branches.covered}\nend_of_record\n`;
}

/** Writes a compact file's lcov record: the bytes `renderLcovRecord` gives for the same coverage. */
export function writeLcovRecord(sink: ByteSink, coverage: CompactFileCoverage): void {
  const { counts, functionNames: names, numbers } = coverage;
  const layout = compactLayout(numbers);
  sink.write(`TN:\nSF:${coverage.file}\n`);
  for (let i = 0; i < layout.functionCount; i++) sink.write(`FN:${numbers[layout.functionLines + i]},${names[2 * i]}\n`);
  sink.write(`FNF:${counts.functions.total}\nFNH:${counts.functions.covered}\n`);
  for (let i = 0; i < layout.functionCount; i++) {
    const hits = numbers[layout.functionHits + i] as number;
    sink.write(`FNDA:${Number.isNaN(hits) ? '' : hits},${names[2 * i]}\n`);
  }
  for (let i = 0; i < layout.lineCount; i++) sink.write(`DA:${numbers[layout.lines + i]},${numbers[layout.lineHits + i]}\n`);
  sink.write(`LF:${counts.lines.total}\nLH:${counts.lines.covered}\n`);
  for (let key = 0, at = layout.branches; at < numbers.length; key++) {
    const line = numbers[at] as number;
    const outcomes = numbers[at + 1] as number;
    at += 2;
    if (!Number.isNaN(line)) {
      const prefix = `BRDA:${line},${key},`;
      for (let i = 0; i < outcomes; i++) sink.write(`${prefix}${i},${numbers[at + i]}\n`);
    }
    at += outcomes;
  }
  sink.write(`BRF:${counts.branches.total}\nBRH:${counts.branches.covered}\nend_of_record\n`);
}

/** What the lcov document needs of the merged coverage. */
export interface LcovSource {
  /** Appends the file's lcov record. */
  writeLcovRecord(key: string, sink: ByteSink): void;
}

/** The lcov.info istanbul-reports' `lcovonly` writes for this tree: one record per file, in tree order, in buffers of about a megabyte. */
export function* renderLcov(tree: CoverageTreeNode, source: LcovSource): Generator<Uint8Array> {
  const sink = new ByteSink();
  const visit = function* (node: CoverageTreeNode): Generator<Uint8Array> {
    if (node.file !== undefined) {
      source.writeLcovRecord(node.file, sink);
      yield* sink.drain();
      return;
    }
    for (const child of node.children) yield* visit(child);
  };
  yield* visit(tree);
  yield* sink.finish();
}
