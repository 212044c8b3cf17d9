import { readCachedProjectGraph } from '@nx/devkit';
import { join } from 'node:path';
import {
  createCoverageCollector,
  fileVersion,
  readProjectResult,
  type CoverageCollector,
  type ProjectResultKind,
  type ProjectResultOf,
} from '@nx-quality/core';
import { locateProjectResults } from '../report/locate-project-results';
import { REPORT_RESULT_KINDS, testRecordsCoverage, type ReadResultFile } from '../report/read-project-results';

/** What the report after a run takes from the reading done while the run's tasks ran. */
export interface ReportWarmUp {
  workspaceRoot: string;
  /** Reads a result file: what was read ahead if the file is still the version read, else the file itself. */
  readResult: ReadResultFile;
  /** A coverage collector that has read ahead the coverage files of the results read (`CoverageCollector.prepare`). */
  coverage: CoverageCollector;
}

/**
 * Reads, while the tasks run, the result and coverage files the report after them reads, located
 * through the graph Nx computed for this run. A run rewrites the results of the projects it runs
 * only; reading and checking the others is most of the report's time after a small affected run,
 * and the machine has time for it while Nx starts the tasks. Each file's version (`fileVersion`) is
 * taken before it is read and compared again when the report reads it, so a file rewritten since
 * is read again and the report is the one it would be without this.
 */
export function warmUpReport(workspaceRoot: string): ReportWarmUp {
  const graph = readCachedProjectGraph();
  const located = locateProjectResults(graph, workspaceRoot);
  const coverage = createCoverageCollector(workspaceRoot, Object.keys(graph.nodes).length);
  const readAhead = new Map<string, { version: string; read: ReturnType<ReadResultFile> }>();
  const keyOf = (path: string, kind: string, project: string): string => `${path}\u0000${kind}\u0000${project}`;
  for (const project of located.projects) {
    for (const kind of REPORT_RESULT_KINDS) {
      const file = project.results[kind]?.file;
      if (!file) continue;
      const path = join(workspaceRoot, file);
      const version = fileVersion(path);
      if (version === 'missing') continue;
      const read = readProjectResult(path, kind, project.name);
      readAhead.set(keyOf(path, kind, project.name), { version, read });
      // The coverage file the report will merge if this test result is still the one on disk then.
      const coverageFile = project.results.coverage;
      if (kind === 'test' && read.state === 'ok' && testRecordsCoverage(read.value as ProjectResultOf<'test'>) && coverageFile?.file) {
        coverage.prepare({ project: project.name, target: coverageFile.target, file: coverageFile.file });
      }
    }
  }
  const readResult = ((path: string, kind: ProjectResultKind, project: string) => {
    const key = keyOf(path, kind, project);
    const ahead = readAhead.get(key);
    readAhead.delete(key);
    return ahead && ahead.version === fileVersion(path) ? ahead.read : readProjectResult(path, kind, project);
  }) as ReadResultFile;
  return { workspaceRoot, readResult, coverage };
}
