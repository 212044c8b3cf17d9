import { relative } from 'node:path';
import { coverageClassName } from './coverage-report-tree';
import { escapeMarkupCharacters } from '../text/escape-markup-characters';
import type { ScannedFileData } from './parse-coverage-json';
import type { FileCoverageCounts, MetricCount } from './summarize-file-coverage';

/**
 * What lcov and cobertura print of one file whose coverage `parseCoverageJson` read (so every
 * count and line is a non-negative integer), computed once when it is merged: the file's counts,
 * its lines with their hits, its functions and its branches, each in istanbul's order. The numbers
 * are packed in one typed array outside the JavaScript heap (read them with `compactLayout`): a
 * workspace's files hold hundreds of thousands of them, which the garbage collector would
 * otherwise copy as they survive.
 */
export interface CompactFileCoverage {
  counts: FileCoverageCounts;
  /** The path as both formats print it (relative to '.'). */
  file: string;
  /** The cobertura class name, escaped. */
  className: string;
  /** Per function, its name raw and escaped for cobertura: `[name0, escaped0, name1, escaped1, …]`. */
  functionNames: string[];
  /** See `CompactLayout`. */
  numbers: Float64Array;
}

/**
 * Where each list lies in `CompactFileCoverage.numbers`, which holds, in this order: the source
 * lines with statements (ascending), the most hits of a statement starting on each, the branch
 * outcomes on each line in all and covered (cobertura's attribution; -1 without branches there),
 * each function's declaration line and hits (NaN without an `f` entry), then per `b` entry its
 * `branchMap` start line (NaN without one), its number of outcomes and their hits.
 */
export interface CompactLayout {
  lineCount: number;
  functionCount: number;
  /** Offsets of the lists. */
  lines: number;
  lineHits: number;
  lineBranchTotal: number;
  lineBranchCovered: number;
  functionLines: number;
  functionHits: number;
  branches: number;
}

const HEADER = 2;

/** The layout of a compact file's numbers. */
export function compactLayout(numbers: Float64Array): CompactLayout {
  const lineCount = numbers[0] as number;
  const functionCount = numbers[1] as number;
  const lineHits = HEADER + lineCount;
  const lineBranchTotal = lineHits + lineCount;
  const lineBranchCovered = lineBranchTotal + lineCount;
  const functionLines = lineBranchCovered + lineCount;
  const functionHits = functionLines + functionCount;
  return { lineCount, functionCount, lines: HEADER, lineHits, lineBranchTotal, lineBranchCovered, functionLines, functionHits, branches: functionHits + functionCount };
}

// The packed numbers of many files share large arrays, handed out in slices.
const SLAB_NUMBERS = 1 << 17;
let slab = new Float64Array(0);
let slabUsed = 0;

function allocateNumbers(count: number): Float64Array {
  if (count > slab.length - slabUsed) {
    slab = new Float64Array(Math.max(SLAB_NUMBERS, count));
    slabUsed = 0;
  }
  const numbers = slab.subarray(slabUsed, slabUsed + count);
  slabUsed += count;
  return numbers;
}

const MAX_ARRAY_INDEX = 2 ** 32 - 2;

function covered(hits: readonly number[]): number {
  let count = 0;
  for (const value of hits) if (value > 0) count++;
  return count;
}

/**
 * The compact form of a scanned file's coverage, with the counts istanbul's `toSummary()` gives, or
 * undefined when istanbul's reporters would not print it the plain way (a line number that is not
 * an array index, a `branchMap` entry without hits): such a file is then rendered from its data.
 */
export function compactFileCoverage(path: string, data: ScannedFileData): CompactFileCoverage | undefined {
  const { statementLines, s, fnMap, f, branchMap, b } = data;
  // Lines keep their highest count, in ascending order (statements usually come in line order already).
  let lines: number[] = [];
  let lineHits: number[] = [];
  let most: Map<number, number> | undefined;
  const statements = Math.min(s.length, statementLines.length);
  for (let i = 0; i < statements; i++) {
    const line = statementLines[i] as number;
    if (line > MAX_ARRAY_INDEX) return undefined;
    const hits = s[i] as number;
    const last = lines.length - 1;
    if (most === undefined && (last < 0 || line > (lines[last] as number))) {
      lines.push(line);
      lineHits.push(hits);
    } else if (most === undefined && line === lines[last]) {
      if ((lineHits[last] as number) < hits) lineHits[last] = hits;
    } else {
      most ??= new Map(lines.map((known, j) => [known, lineHits[j] as number]));
      const previous = most.get(line);
      if (previous === undefined || previous < hits) most.set(line, hits);
    }
  }
  if (most) {
    const sorted = [...most.keys()].sort((x, y) => x - y);
    lineHits = sorted.map((line) => (most as Map<number, number>).get(line) as number);
    lines = sorted;
  }

  const branchesByLine = new Map<number, MetricCount>();
  for (let i = 0; i < branchMap.length; i++) {
    const meta = branchMap[i] as ScannedFileData['branchMap'][number];
    const hits = b[i];
    if (hits === undefined) return undefined;
    const line = meta.line || meta.locLine;
    const count = branchesByLine.get(line) ?? { total: 0, covered: 0 };
    count.total += hits.length;
    count.covered += covered(hits);
    branchesByLine.set(line, count);
  }

  let branchTotal = 0;
  let branchCovered = 0;
  let outcomes = 0;
  for (const hits of b) {
    branchTotal += hits.length;
    branchCovered += covered(hits);
    outcomes += hits.length;
  }

  const numbers = allocateNumbers(HEADER + 4 * lines.length + 2 * fnMap.length + 2 * b.length + outcomes);
  numbers[0] = lines.length;
  numbers[1] = fnMap.length;
  const layout = compactLayout(numbers);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as number;
    const branches = branchesByLine.get(line);
    numbers[layout.lines + i] = line;
    numbers[layout.lineHits + i] = lineHits[i] as number;
    numbers[layout.lineBranchTotal + i] = branches ? branches.total : -1;
    numbers[layout.lineBranchCovered + i] = branches ? branches.covered : -1;
  }
  const functionNames: string[] = [];
  for (let i = 0; i < fnMap.length; i++) {
    const fn = fnMap[i] as ScannedFileData['fnMap'][number];
    functionNames.push(fn.name, escapeMarkupCharacters(fn.name));
    numbers[layout.functionLines + i] = fn.line;
    numbers[layout.functionHits + i] = f[i] ?? Number.NaN;
  }
  let at = layout.branches;
  for (let i = 0; i < b.length; i++) {
    const hits = b[i] as number[];
    numbers[at++] = branchMap[i]?.locLine ?? Number.NaN;
    numbers[at++] = hits.length;
    for (const count of hits) numbers[at++] = count;
  }
  return {
    counts: {
      lines: { total: lines.length, covered: covered(lineHits) },
      statements: { total: s.length, covered: covered(s) },
      functions: { total: f.length, covered: covered(f) },
      branches: { total: branchTotal, covered: branchCovered },
    },
    file: relative('.', path),
    className: escapeMarkupCharacters(coverageClassName(path)),
    functionNames,
    numbers,
  };
}

type Loose = Record<string, unknown>;

const MAX_COUNT = 1e15;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_COUNT;
}

// The values of an object keyed "0", "1", ... in order (as istanbul writes its maps), or undefined.
function indexedValues(value: unknown): unknown[] | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== String(i)) return undefined;
  return keys.map((key) => (value as Loose)[key]);
}

function startLine(location: unknown): number | undefined {
  const start = location && typeof location === 'object' ? (location as { start?: unknown }).start : undefined;
  const line = start && typeof start === 'object' ? (start as { line?: unknown }).line : undefined;
  return isCount(line) ? line : undefined;
}

function countLists(value: unknown): number[][] | undefined {
  const lists = indexedValues(value);
  if (!lists) return undefined;
  for (const list of lists) if (!Array.isArray(list) || list.length !== Object.keys(list).length || !list.every(isCount)) return undefined;
  return lists as number[][];
}

/**
 * What `parseCoverageJson` would read from this istanbul data, when it has that plain shape (maps
 * keyed "0", "1", ..., integer counts and lines, named functions with a declaration): lets merged or
 * parsed objects be printed from their compact form too. Undefined otherwise.
 */
export function scannedFromData(data: Loose): ScannedFileData | undefined {
  const statements = indexedValues(data['statementMap']);
  const s = indexedValues(data['s']);
  const functions = indexedValues(data['fnMap']);
  const f = indexedValues(data['f']);
  const branches = indexedValues(data['branchMap']);
  const b = countLists(data['b']);
  if (!statements || !s || !functions || !f || !branches || !b || !s.every(isCount) || !f.every(isCount)) return undefined;
  if (data['bT'] !== undefined && !countLists(data['bT'])) return undefined;
  const statementLines: number[] = [];
  for (const statement of statements) {
    const line = startLine(statement);
    if (line === undefined) return undefined;
    statementLines.push(line);
  }
  const fnMap: ScannedFileData['fnMap'] = [];
  for (const fn of functions) {
    const { name, decl } = (fn ?? {}) as { name?: unknown; decl?: unknown };
    const line = startLine(decl);
    if (typeof name !== 'string' || line === undefined) return undefined;
    fnMap.push({ name, line });
  }
  const branchMap: ScannedFileData['branchMap'] = [];
  for (const branch of branches) {
    const { loc, line } = (branch ?? {}) as { loc?: unknown; line?: unknown };
    const locLine = startLine(loc);
    if (locLine === undefined || !(line === undefined || line === null || isCount(line))) return undefined;
    branchMap.push({ locLine, line });
  }
  return { statementLines, s: s as number[], fnMap, f: f as number[], branchMap, b };
}
