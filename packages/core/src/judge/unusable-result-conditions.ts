import type { EvaluatedCondition } from '../schemas/gates';
import type { ResultKind } from '../config/resolve-project-conditions';

/** Metric families each result kind records. */
const FAMILIES_OF_KIND: Record<ResultKind, string[]> = {
  test: ['tests', 'coverage'],
  lint: ['lint'],
  typecheck: ['typecheck'],
  health: ['health'],
};

/** A result that cannot back a passed gate: where it is and why (`stale: …`, `missing: …`, `error: CODE message`). */
export interface UnusableResult {
  because: string;
  file?: string;
}

/**
 * A failing `<kind>.result` condition for each result that is stale, missing, invalid or an error,
 * unless a condition on its metrics already fails for want of them: a gate is never passed by a
 * result that was not produced, even when no condition reads that tool's metrics (health by default).
 */
export function unusableResultConditions(
  project: string,
  unusable: Partial<Record<ResultKind, UnusableResult>>,
  evaluated: readonly EvaluatedCondition[],
): EvaluatedCondition[] {
  const conditions: EvaluatedCondition[] = [];
  for (const kind of Object.keys(FAMILIES_OF_KIND) as ResultKind[]) {
    const entry = unusable[kind];
    if (!entry) continue;
    const explained = evaluated.some((c) => !c.passed && c.actual === null && FAMILIES_OF_KIND[kind].includes(c.metric.split('.')[0] ?? ''));
    if (explained) continue;
    conditions.push(unusableResultCondition(kind, entry, project));
  }
  return conditions;
}

/** The failing `<kind>.result` condition of one result that cannot back a passed gate, and its sentence. */
export function unusableResultCondition(kind: ResultKind | 'quality', entry: UnusableResult, project: string): EvaluatedCondition {
  return {
    metric: `${kind}.result`,
    op: '=',
    threshold: 1,
    source: 'result',
    actual: null,
    passed: false,
    message: `${kind} result ${entry.because}${entry.file ? ` (${entry.file})` : ''} (project ${project})`,
  };
}
