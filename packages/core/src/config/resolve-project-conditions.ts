import { resolveGateConditions, type SourcedCondition } from '../gates/resolve-gate-conditions';
import type { QualityConfig } from './quality-config-schema';

/** Result kinds a project may lack (no Jest config, no ESLint config, no tsconfig, health off). */
export type ResultKind = 'test' | 'lint' | 'typecheck' | 'health';

const OWNER: Record<string, ResultKind> = { tests: 'test', coverage: 'test', lint: 'lint', typecheck: 'typecheck', health: 'health' };

/** The result kind whose metrics a metric name belongs to (`coverage.lines` → test), if any. */
export function resultKindOfMetric(metric: string): ResultKind | undefined {
  return OWNER[metric.split('.')[0] ?? ''];
}

/**
 * The gate conditions of one project under a (merged) quality config. Default conditions (built-in
 * or `gates.defaults`) on a result kind the project does not have are dropped: a project without
 * tests is not failed for missing coverage. Tag and project conditions are demands and stay, so a
 * `coverage.lines` gate for a tag fails as unknown on a project of that tag without tests.
 * Shared by the quality target and the workspace report so both judge a project alike.
 */
export function resolveProjectConditions(
  config: QualityConfig,
  project: { name: string; tags?: string[] },
  absent: Iterable<ResultKind> = [],
): SourcedCondition[] {
  const skip = new Set(absent);
  return resolveGateConditions(config.gates, project, config.coverage?.lines).filter((condition) => {
    if (condition.source !== 'default') return true;
    const kind = resultKindOfMetric(condition.metric);
    return kind === undefined || !skip.has(kind);
  });
}
