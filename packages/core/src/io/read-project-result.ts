import { HealthResultSchema } from '../schemas/health-result';
import { LintResultSchema } from '../schemas/lint-result';
import { QualityResultSchema } from '../schemas/quality-result';
import { TestResultSchema } from '../schemas/test-result';
import { TypecheckResultSchema } from '../schemas/typecheck-result';
import { readResultFile, type ReadResult } from './read-result-file';

const SCHEMAS = {
  test: TestResultSchema,
  lint: LintResultSchema,
  typecheck: TypecheckResultSchema,
  health: HealthResultSchema,
  quality: QualityResultSchema,
} as const;

/** The result files a project has, by kind. */
export type ProjectResultKind = keyof typeof SCHEMAS;
/** The value of a project's result file of one kind. */
export type ProjectResultOf<K extends ProjectResultKind> = ReturnType<(typeof SCHEMAS)[K]['parse']>;

/**
 * The one validating reader of a project's result files (the quality target and the report both
 * read through it): the file's zod schema, then its owner. A missing, corrupt, newer or foreign file
 * never throws; `invalid` says why, and a file of another project names that project.
 */
export function readProjectResult<K extends ProjectResultKind>(file: string, kind: K, project: string): ReadResult<ProjectResultOf<K>> {
  const read = readResultFile(file, SCHEMAS[kind]) as ReadResult<ProjectResultOf<K>>;
  if (read.state !== 'ok') return read;
  const owner = (read.value as { project: string }).project;
  if (owner !== project) return { state: 'invalid', reason: `belongs to project "${owner}", not "${project}"; check the resultsDir options` };
  return read;
}
