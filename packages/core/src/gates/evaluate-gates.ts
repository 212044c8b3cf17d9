import type { EvaluatedCondition, GateOperator } from '../schemas/gates';
import type { SourcedCondition } from './resolve-gate-conditions';

const NEGATION: Record<GateOperator, string> = { '<': '>=', '<=': '>', '=': '!=', '>=': '<', '>': '<=' };

/** Whether `actual op threshold` holds. */
export function compare(actual: number, op: GateOperator, threshold: number): boolean {
  switch (op) {
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
    case '=':
      return actual === threshold;
    case '>=':
      return actual >= threshold;
    case '>':
      return actual > threshold;
  }
}

/** Formats a metric value the way reports print it (integers as is, others with up to two decimals). */
export function formatMetricValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/**
 * Evaluates conditions against a project's metrics. Pure: the quality target and the workspace
 * report both call it. A metric that is unknown fails its condition (a gate is never passed by
 * missing data); `unknownReasons` says why a metric family is absent (e.g. test result missing).
 */
export function evaluateGates(input: {
  project: string;
  metrics: Record<string, number>;
  conditions: SourcedCondition[];
  unknownReasons?: Record<string, string>;
}): { passed: boolean; conditions: EvaluatedCondition[]; violations: string[] } {
  const evaluated: EvaluatedCondition[] = input.conditions.map((condition) => {
    const actual = input.metrics[condition.metric];
    if (actual === undefined) {
      const family = condition.metric.split('.')[0] ?? condition.metric;
      const reason = input.unknownReasons?.[family] ?? 'no result recorded it';
      return {
        ...condition,
        actual: null,
        passed: false,
        message: `${condition.metric} unknown (${reason}), required ${condition.op} ${formatMetricValue(condition.threshold)} (project ${input.project})`,
      };
    }
    const passed = compare(actual, condition.op, condition.threshold);
    return {
      ...condition,
      actual,
      passed,
      message: passed
        ? undefined
        : `${condition.metric} ${formatMetricValue(actual)} ${NEGATION[condition.op]} ${formatMetricValue(condition.threshold)} (project ${input.project}${condition.source === 'default' ? '' : `, ${condition.source}`})`,
    };
  });
  const violations = evaluated.filter((c) => !c.passed).map((c) => c.message as string);
  return { passed: violations.length === 0, conditions: evaluated, violations };
}
