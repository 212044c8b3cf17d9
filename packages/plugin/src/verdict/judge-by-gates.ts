import { pluginOptionsOrUndefined } from '../inference/plugin-options';
import { targetsOfCommand } from './command-runs-target';

/**
 * Whether a run is judged by the quality gates: the command runs the quality target and the plugin
 * option `strict` is off. Invalid plugin options count as not judged (the graph reports them).
 */
export function judgeByGates(options: unknown, argv: readonly string[]): boolean {
  const normalized = pluginOptionsOrUndefined(options);
  if (!normalized || normalized.strict) return false;
  return targetsOfCommand(argv).has(normalized.qualityTargetName);
}
