import { join } from 'node:path';
import {
  readProjectResult,
  type CoverageFileToRead,
  type ProjectResultKind,
  type ProjectResultOf,
  type ReportProjectInput,
  type ReportResultInput,
} from '@nx-quality/core';
import { labelResultOrigin, type TaskOrigin } from './label-result-origin';
import type { LocatedProject, LocatedResult } from './locate-project-results';

/** How the caller knows where a result came from: by the Nx task that records it. */
export type OriginOf = (project: string, target: string) => TaskOrigin;

/** How a result file is read: `readProjectResult`, or what the after-run report read ahead (`warmUpReport`). */
export type ReadResultFile = typeof readProjectResult;

/** The result kinds a project's results are read for, in the report's order. */
export const REPORT_RESULT_KINDS = ['test', 'lint', 'typecheck', 'health', 'quality'] as const;

/** Whether a test result has coverage to merge: it records coverage and its tests ran. */
export function testRecordsCoverage(test: ProjectResultOf<'test'> | undefined): boolean {
  return !!test?.coverage && test.status !== 'error';
}

function readOne<K extends ProjectResultKind>(
  workspaceRoot: string,
  project: LocatedProject,
  located: LocatedResult,
  kind: K,
  originOf: OriginOf,
  readResult: ReadResultFile,
): ReportResultInput<ProjectResultOf<K>> {
  const labelled = originOf(project.name, located.target);
  const { origin, taskStatus } = labelled;
  const base = { ...(located.file ? { file: located.file } : {}), ...(taskStatus ? { taskStatus } : {}) };
  if (!located.file) return { origin: 'invalid', ...base, reason: located.invalidReason ?? 'no usable output declared' };
  const read = readResult(join(workspaceRoot, located.file), kind, project.name);
  if (read.state === 'ok') {
    const labelledOrigin = labelResultOrigin(labelled, read.value as Record<string, unknown>);
    return { origin: labelledOrigin.origin, ...base, ...(labelledOrigin.reason ? { reason: labelledOrigin.reason } : {}), value: read.value };
  }
  // A task outside this invocation leaves whatever is on disk: not run, with no usable last result.
  if (origin === 'not-run') {
    return read.state === 'missing'
      ? { origin, ...base, reason: 'no earlier result on disk', nothingOnDisk: true }
      : { origin, ...base, reason: `earlier result ${read.reason}` };
  }
  if (read.state === 'missing') {
    return { origin: 'missing', ...base, reason: located.missingReason ?? `target ${located.target} has not written it`, nothingOnDisk: true };
  }
  return { origin: 'invalid', ...base, reason: read.reason };
}

/**
 * Reads every located result of a project with its zod schema: a missing, corrupt, foreign or
 * newer-version file never throws, it becomes a `missing`/`invalid` entry with the reason.
 * Also names the project's coverage-final.json when its test result records coverage (read and
 * merged by the report's coverage collector); a stale test result contributes none, since its
 * coverage file is not this run's either.
 */
export function readProjectResults(
  workspaceRoot: string,
  project: LocatedProject,
  originOf: OriginOf,
  readResult: ReadResultFile = readProjectResult,
): { input: ReportProjectInput; coverageFile?: CoverageFileToRead } {
  const results: ReportProjectInput['results'] = {};
  for (const kind of REPORT_RESULT_KINDS) {
    const located = project.results[kind];
    if (located) (results as Record<string, unknown>)[kind] = readOne(workspaceRoot, project, located, kind, originOf, readResult);
  }
  const coverageFile = project.results.coverage?.file;
  return {
    input: { name: project.name, root: project.root, tags: project.tags, ...(project.projectFile ? { projectFile: project.projectFile } : {}), results },
    ...(results.test?.origin !== 'stale' && testRecordsCoverage(results.test?.value) && coverageFile
      ? { coverageFile: { project: project.name, target: project.results.coverage?.target ?? 'test', file: coverageFile } }
      : {}),
  };
}
