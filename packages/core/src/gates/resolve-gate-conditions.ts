import type { GateCondition, GatesConfig } from '../schemas/gates';
import { defaultGateConditions } from './default-gates';

/** A condition and the scope it came from. */
export interface SourcedCondition extends GateCondition {
  source: string;
}

/**
 * The conditions that apply to a project: defaults, then each matching tag (in the config's
 * order), then the project's own; a later scope replaces an earlier condition on the same metric.
 */
export function resolveGateConditions(
  config: GatesConfig | undefined,
  project: { name: string; tags?: string[] },
  coverageLines?: number,
): SourcedCondition[] {
  const byMetric = new Map<string, SourcedCondition>();
  const apply = (conditions: GateCondition[], source: string) => {
    const seen = new Set<string>();
    for (const condition of conditions) {
      // Within one scope several conditions may share a metric (a range); across scopes they replace.
      if (!seen.has(condition.metric)) {
        for (const key of [...byMetric.keys()]) if (key.startsWith(`${condition.metric}\u0000`)) byMetric.delete(key);
        seen.add(condition.metric);
      }
      byMetric.set(`${condition.metric}\u0000${condition.op}`, { ...condition, source });
    }
  };
  apply(config?.defaults ?? defaultGateConditions(coverageLines), 'default');
  const tags = new Set(project.tags ?? []);
  for (const [tag, conditions] of Object.entries(config?.tags ?? {})) {
    if (tags.has(tag)) apply(conditions, `tag:${tag}`);
  }
  const own = config?.projects?.[project.name];
  if (own) apply(own, 'project');
  return [...byMetric.values()];
}
