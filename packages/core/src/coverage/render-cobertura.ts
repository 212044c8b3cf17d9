import { relative } from 'node:path';
import { coverageClassName, relativeName, type CoverageTreeNode } from './coverage-report-tree';
import { escapeMarkupCharacters } from '../text/escape-markup-characters';
import { escapeXml } from '../text/escape-xml';
import { ByteSink } from './byte-sink';
import { compactLayout, type CompactFileCoverage } from './compact-file-coverage';
import { coveragePercent, type FileCoverageCounts, type FileCoverageDigest, type MetricCount } from './summarize-file-coverage';

type Loose = Record<string, unknown>;
interface Position {
  start: { line: unknown };
}

const INDENT = '  ';

// istanbul-reports escapes class names but not the `filename` attribute, so a path with `&` or `<`
// would make the XML invalid. We escape it as this project always has: the same pattern over the
// rendered text, so a name the pattern cannot match (one with a line break) stays as istanbul wrote it.
function escapeFilenames(xml: string): string {
  return xml.replace(/ filename="(.*?)" line-rate=/g, (_, name: string) => ` filename="${escapeXml(name)}" line-rate=`);
}

function rate(count: MetricCount): number {
  return coveragePercent(count.covered, count.total) / 100;
}

/** Hits of every branch outcome per source line, and the share covered, as istanbul computes them. */
function branchesByLine(data: Loose): Record<string, { covered: number; total: number; coverage: number }> {
  const branchMap = data['branchMap'] as Record<string, { line?: unknown; loc: Position }>;
  const b = data['b'] as Record<string, unknown[]>;
  // A plain object on purpose: istanbul looks lines up in one.
  const outcomes: Record<string, unknown[]> = {};
  for (const key of Object.keys(branchMap)) {
    const meta = branchMap[key] as (typeof branchMap)[string];
    const line = (meta.line || meta.loc.start.line) as string;
    outcomes[line] = outcomes[line] || [];
    (outcomes[line] as unknown[]).push(...(b[key] as unknown[]));
  }
  const byLine: Record<string, { covered: number; total: number; coverage: number }> = {};
  for (const line of Object.keys(outcomes)) {
    const hits = outcomes[line] as number[];
    const covered = hits.filter((item) => item > 0).length;
    byLine[line] = { covered, total: hits.length, coverage: (covered / hits.length) * 100 };
  }
  return byLine;
}

/**
 * One file's `<class>` element of istanbul-reports' `cobertura` format (`projectRoot: '.'`), every
 * line prefixed with `indent`, from istanbul data of any shape istanbul accepts. Throws where
 * istanbul would (a function without `decl`, branch hits that are not a list).
 */
export function renderCoberturaClass(data: Loose, digest: FileCoverageDigest, indent: string): string {
  const byLine = branchesByLine(data);
  const { counts, lineHits } = digest;
  const fnMap = data['fnMap'] as Record<string, { name: unknown; decl: Position }>;
  const f = data['f'] as Loose;
  const name = escapeMarkupCharacters(coverageClassName(data['path'] as string));
  const file = relative('.', data['path'] as string);
  const [i1, i2, i3, i4] = [1, 2, 3, 4].map((depth) => indent + INDENT.repeat(depth)) as [string, string, string, string];
  const head = escapeFilenames(`${indent}<class name="${name}" filename="${file}" line-rate="${rate(counts.lines)}" branch-rate="${rate(counts.branches)}">\n`);
  let xml = `${head}${i1}<methods>\n`;
  for (const key of Object.keys(fnMap)) {
    const { name: fnName, decl } = fnMap[key] as (typeof fnMap)[string];
    const hits = f[key];
    xml += `${i2}<method name="${escapeMarkupCharacters(fnName)}" hits="${hits}" signature="()V">\n${i3}<lines>\n`;
    xml += `${i4}<line number="${decl.start.line}" hits="${hits}"/>\n${i3}</lines>\n${i2}</method>\n`;
  }
  xml += `${i1}</methods>\n${i1}<lines>\n`;
  for (const line of Object.keys(lineHits)) {
    const branch = byLine[line];
    const hits = lineHits[line];
    xml += branch
      ? `${i2}<line number="${line}" hits="${hits}" branch="true" condition-coverage="${branch.coverage}% (${branch.covered}/${branch.total})"/>\n`
      : `${i2}<line number="${line}" hits="${hits}" branch="false"/>\n`;
  }
  xml += `${i1}</lines>\n${indent}</class>\n`;
  // Only values istanbul writes unescaped could contain the pattern past the head; then it applies there too.
  return xml.indexOf(' filename="', head.length) === -1 ? xml : head + escapeFilenames(xml.slice(head.length));
}

interface ClassMarkup {
  methods: string;
  methodOpen: string;
  methodLines: string;
  methodClose: string;
  lines: string;
  line: string;
  close: string;
}

const markupByIndent = new Map<string, ClassMarkup>();

function classMarkup(indent: string): ClassMarkup {
  let markup = markupByIndent.get(indent);
  if (!markup) {
    const [i1, i2, i3, i4] = [1, 2, 3, 4].map((depth) => indent + INDENT.repeat(depth)) as [string, string, string, string];
    markup = {
      methods: `${i1}<methods>\n`,
      methodOpen: `${i2}<method name="`,
      methodLines: `" signature="()V">\n${i3}<lines>\n${i4}<line number="`,
      methodClose: `"/>\n${i3}</lines>\n${i2}</method>\n`,
      lines: `${i1}</methods>\n${i1}<lines>\n`,
      line: `${i2}<line number="`,
      close: `${i1}</lines>\n${indent}</class>\n`,
    };
    markupByIndent.set(indent, markup);
  }
  return markup;
}

/** Writes a compact file's `<class>` element at `indent`: the bytes `renderCoberturaClass` gives for the same coverage. */
export function writeCoberturaClass(sink: ByteSink, coverage: CompactFileCoverage, indent: string): void {
  const { counts, functionNames: names, numbers } = coverage;
  const layout = compactLayout(numbers);
  const markup = classMarkup(indent);
  sink.write(
    escapeFilenames(`${indent}<class name="${coverage.className}" filename="${coverage.file}" line-rate="${rate(counts.lines)}" branch-rate="${rate(counts.branches)}">\n`),
  );
  sink.write(markup.methods);
  for (let i = 0; i < layout.functionCount; i++) {
    // A function without hits prints as istanbul's does: "undefined".
    const value = numbers[layout.functionHits + i] as number;
    const hits = Number.isNaN(value) ? 'undefined' : value;
    sink.write(`${markup.methodOpen}${names[2 * i + 1]}" hits="${hits}${markup.methodLines}${numbers[layout.functionLines + i]}" hits="${hits}${markup.methodClose}`);
  }
  sink.write(markup.lines);
  for (let i = 0; i < layout.lineCount; i++) {
    const line = numbers[layout.lines + i] as number;
    const hits = numbers[layout.lineHits + i] as number;
    const total = numbers[layout.lineBranchTotal + i] as number;
    const covered = numbers[layout.lineBranchCovered + i] as number;
    sink.write(
      total >= 0
        ? `${markup.line}${line}" hits="${hits}" branch="true" condition-coverage="${(covered / total) * 100}% (${covered}/${total})"/>\n`
        : `${markup.line}${line}" hits="${hits}" branch="false"/>\n`,
    );
  }
  sink.write(markup.close);
}

/** What the cobertura document needs of the merged coverage. */
export interface CoberturaSource {
  counts(key: string): FileCoverageCounts;
  /** Appends the file's `<class>` element, every line prefixed with `indent`. */
  writeCoberturaClass(key: string, indent: string, sink: ByteSink): void;
}

function addCounts(into: { lines: MetricCount; branches: MetricCount }, counts: FileCoverageCounts): void {
  into.lines.total += counts.lines.total;
  into.lines.covered += counts.lines.covered;
  into.branches.total += counts.branches.total;
  into.branches.covered += counts.branches.covered;
}

/**
 * The cobertura XML document istanbul-reports writes for this tree (`projectRoot: '.'`,
 * `timestamp` as given), in buffers of about a megabyte. A folder with files of its own is a
 * `<package>` (the root one named `main`), nested in its parent's `<classes>` as istanbul nests it.
 */
export function* renderCobertura(tree: CoverageTreeNode, source: CoberturaSource, timestamp: number): Generator<Uint8Array> {
  const total = { lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } };
  const files: string[] = [];
  const collect = (node: CoverageTreeNode): void => {
    if (node.file !== undefined) files.push(node.file);
    else for (const child of node.children) collect(child);
  };
  collect(tree);
  for (const key of files) addCounts(total, source.counts(key));
  // istanbul's root summary of an empty tree has no percentage: 'Unknown' / 100.
  const rootRate = (count: MetricCount): number => (files.length === 0 ? Number.NaN : rate(count));

  const sink = new ByteSink();
  sink.write(
    '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n' +
      `<coverage lines-valid="${total.lines.total}" lines-covered="${total.lines.covered}" line-rate="${rootRate(total.lines)}"` +
      ` branches-valid="${total.branches.total}" branches-covered="${total.branches.covered}" branch-rate="${rootRate(total.branches)}"` +
      ` timestamp="${String(timestamp)}" complexity="0" version="0.1">\n` +
      `${INDENT}<sources>\n${INDENT}${INDENT}<source>.</source>\n${INDENT}</sources>\n${INDENT}<packages>\n`,
  );

  // Depth-first, as istanbul visits the tree; `depth` counts the elements open around a node's children.
  const stack: { node: CoverageTreeNode; next: number; depth: number; opened: boolean }[] = [];
  const enter = (node: CoverageTreeNode, depth: number): void => {
    const own = node.children.filter((child) => child.file !== undefined);
    let opened = false;
    if (own.length > 0) {
      const sum = { lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } };
      for (const child of own) addCounts(sum, source.counts(child.file as string));
      const name = node.parent === undefined ? 'main' : escapeMarkupCharacters(relativeName(node).replace(/\//g, '.').replace(/\\/g, '.').replace(/\.$/, ''));
      const indent = INDENT.repeat(depth);
      sink.write(`${indent}<package name="${name}" line-rate="${rate(sum.lines)}" branch-rate="${rate(sum.branches)}">\n${indent}${INDENT}<classes>\n`);
      opened = true;
    }
    stack.push({ node, next: 0, depth: opened ? depth + 2 : depth, opened });
  };
  enter(tree, 2);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const child = top.node.children[top.next++];
    if (child === undefined) {
      stack.pop();
      if (top.opened) {
        const indent = INDENT.repeat(top.depth - 2);
        sink.write(`${indent}${INDENT}</classes>\n${indent}</package>\n`);
      }
    } else if (child.file !== undefined) {
      source.writeCoberturaClass(child.file, INDENT.repeat(top.depth), sink);
      yield* sink.drain();
    } else {
      enter(child, top.depth);
    }
  }
  sink.write(`${INDENT}</packages>\n</coverage>\n`);
  yield* sink.finish();
}
