import { join } from 'node:path';
import {
  HealthResultSchema,
  LintResultSchema,
  QualityResultSchema,
  readResultFile,
  TestResultSchema,
  TypecheckResultSchema,
  type CoverageFileToRead,
  type ReportProjectInput,
  type ReportResultInput,
  type ResultOrigin,
} from '@nx-quality/core';
import type { z } from 'zod';
import type { LocatedProject, LocatedResult } from './locate-project-results';

/** How the caller knows where a result came from: by the Nx task that records it. */
export type OriginOf = (
  project: string,
  target: string,
) => {
  origin: Extract<ResultOrigin, 'fresh' | 'cached' | 'recorded' | 'not-run'>;
  taskStatus?: string;
  /** Epoch ms the invocation started: a `fresh` result that started earlier was replayed from a cache. */
  ranSince?: number;
};

/** A result labelled fresh whose own start predates the invocation is a replay (cached failures): cached. */
function correctedOrigin(origin: ReturnType<OriginOf>, value: unknown): ReturnType<OriginOf>['origin'] {
  if (origin.origin !== 'fresh' || origin.ranSince === undefined) return origin.origin;
  const record = value as { startedAt?: unknown; evaluatedAt?: unknown };
  const at = typeof record.startedAt === 'string' ? record.startedAt : typeof record.evaluatedAt === 'string' ? record.evaluatedAt : undefined;
  const started = at === undefined ? Number.NaN : Date.parse(at);
  return !Number.isNaN(started) && started < origin.ranSince ? 'cached' : 'fresh';
}

const SCHEMAS = {
  test: TestResultSchema,
  lint: LintResultSchema,
  typecheck: TypecheckResultSchema,
  health: HealthResultSchema,
  quality: QualityResultSchema,
} as const;

function readOne<S extends z.ZodType>(
  workspaceRoot: string,
  project: LocatedProject,
  located: LocatedResult,
  schema: S,
  originOf: OriginOf,
): ReportResultInput<z.infer<S>> {
  const labelled = originOf(project.name, located.target);
  const { origin, taskStatus } = labelled;
  const base = { ...(located.file ? { file: located.file } : {}), ...(taskStatus ? { taskStatus } : {}) };
  if (!located.file) return { origin: 'invalid', ...base, reason: located.invalidReason ?? 'no usable output declared' };
  const read = readResultFile(join(workspaceRoot, located.file), schema);
  if (read.state === 'ok') {
    const owner = (read.value as { project?: string }).project;
    if (owner !== undefined && owner !== project.name) {
      return { origin: origin === 'not-run' ? 'not-run' : 'invalid', ...base, reason: `belongs to project "${owner}", not "${project.name}"` };
    }
    return { origin: correctedOrigin(labelled, read.value), ...base, value: read.value };
  }
  // A task outside this invocation leaves whatever is on disk: not run, with no usable last result.
  if (origin === 'not-run') return { origin, ...base, reason: read.state === 'missing' ? 'no earlier result on disk' : `earlier result ${read.reason}` };
  if (read.state === 'missing') return { origin: 'missing', ...base, reason: located.missingReason ?? `target ${located.target} has not written it` };
  return { origin: 'invalid', ...base, reason: read.reason };
}

/**
 * Reads every located result of a project with its zod schema: a missing, corrupt, foreign or
 * newer-version file never throws, it becomes a `missing`/`invalid` entry with the reason.
 * Also names the project's coverage-final.json when its test result records coverage (read and
 * merged by the report's coverage collector).
 */
export function readProjectResults(
  workspaceRoot: string,
  project: LocatedProject,
  originOf: OriginOf,
): { input: ReportProjectInput; coverageFile?: CoverageFileToRead } {
  const results: ReportProjectInput['results'] = {};
  for (const kind of ['test', 'lint', 'typecheck', 'health', 'quality'] as const) {
    const located = project.results[kind];
    if (located) (results as Record<string, unknown>)[kind] = readOne(workspaceRoot, project, located, SCHEMAS[kind], originOf);
  }
  const coverageFile = project.results.coverage?.file;
  return {
    input: { name: project.name, root: project.root, tags: project.tags, ...(project.projectFile ? { projectFile: project.projectFile } : {}), results },
    ...(results.test?.value?.coverage && coverageFile
      ? { coverageFile: { project: project.name, target: project.results.coverage?.target ?? 'test', file: coverageFile } }
      : {}),
  };
}
