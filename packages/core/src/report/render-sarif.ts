import type * as Sarif from 'sarif';
import { sourceLineFingerprint } from './source-line-fingerprint';
import { stripAnsi } from '../text/strip-ansi';
import { toSarifUri } from './to-sarif-uri';
import type { Report } from './report-model';

/** Default cap of results per run; GitHub code scanning shows at most 5,000 results of a run. */
export const DEFAULT_SARIF_MAX_RESULTS_PER_RUN = 5000;

/** A diagnostic in tool-neutral form before it becomes a SARIF result. */
interface Finding {
  ruleId: string;
  level: Sarif.Result.level;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** Options of the SARIF renderer. */
export interface SarifOptions {
  /** Text of a line of a workspace-relative file (1-based), for fingerprints; undefined when unknown. */
  readSourceLine?: (file: string, line: number) => string | undefined;
  maxResultsPerRun?: number;
}

function buildRun(
  project: string,
  tool: { name: string; version: string; informationUri: string; category: string },
  findings: Finding[],
  omittedByTool: number,
  options: SarifOptions,
): Sarif.Run {
  const max = options.maxResultsPerRun ?? DEFAULT_SARIF_MAX_RESULTS_PER_RUN;
  const kept = findings.slice(0, max);
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const results: Sarif.Result[] = kept.map((finding) => {
    if (!ruleIndex.has(finding.ruleId)) {
      ruleIndex.set(finding.ruleId, rules.length);
      rules.push({ id: finding.ruleId });
    }
    const message = stripAnsi(finding.message);
    const lineText = finding.file && finding.line ? options.readSourceLine?.(finding.file, finding.line) : undefined;
    const hash = sourceLineFingerprint({ ruleId: finding.ruleId, file: finding.file ?? '', message, lineText });
    // Identical findings on identical lines are told apart by their order, as GitHub's own hashes do.
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) as number,
      level: finding.level,
      message: { text: message },
      partialFingerprints: { 'nxQualityFindingHash/v1': `${hash}:${occurrence}` },
    };
    if (finding.file) {
      const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: { uri: toSarifUri(finding.file), uriBaseId: '%SRCROOT%' } };
      if (finding.line && finding.line >= 1) {
        const region: Sarif.Region = { startLine: finding.line };
        if (finding.column && finding.column >= 1) region.startColumn = finding.column;
        if (finding.endLine && finding.endLine >= finding.line) region.endLine = finding.endLine;
        if (finding.endColumn && finding.endColumn >= 1 && finding.endLine) region.endColumn = finding.endColumn;
        physicalLocation.region = region;
      }
      result.locations = [{ physicalLocation }];
    }
    return result;
  });
  return {
    tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
    automationDetails: { id: `nx-quality/${tool.category}/${project}/` },
    columnKind: 'utf16CodeUnits',
    results,
    properties: { project, resultsOmitted: findings.length - kept.length + omittedByTool },
  };
}

/**
 * `quality.sarif` (SARIF 2.1.0): one run per project and tool (ESLint, TypeScript) with its own
 * `automationDetails` id, workspace-relative URIs under `%SRCROOT%`, and partial fingerprints that
 * depend on rule, file, message and line text only, never on absolute paths or line numbers.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const runs: Sarif.Run[] = [];
  for (const { project, lint, typecheck } of report.findings) {
    if (lint && lint.status !== 'error') {
      const findings: Finding[] = lint.messages.map((m) => ({
        ruleId: m.ruleId,
        level: m.severity === 'error' ? 'error' : 'warning',
        message: m.message,
        file: m.file,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      }));
      runs.push(
        buildRun(project, { name: 'ESLint', version: lint.tool.version, informationUri: 'https://eslint.org', category: 'eslint' }, findings, lint.messagesOmitted, options),
      );
    }
    if (typecheck && typecheck.status !== 'error') {
      const findings: Finding[] = typecheck.diagnostics.map((d) => ({
        ruleId: d.code,
        level: d.category === 'error' ? 'error' : d.category === 'warning' ? 'warning' : 'note',
        message: d.message,
        file: d.file,
        line: d.line,
        column: d.column,
      }));
      runs.push(
        buildRun(
          project,
          { name: 'TypeScript', version: typecheck.tool.version, informationUri: 'https://www.typescriptlang.org', category: 'typescript' },
          findings,
          typecheck.diagnosticsOmitted,
          options,
        ),
      );
    }
  }
  const log: Sarif.Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs };
  return `${JSON.stringify(log)}\n`;
}
