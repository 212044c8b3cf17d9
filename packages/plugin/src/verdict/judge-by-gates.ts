import { normalizePluginOptions } from '../inference/plugin-options';
import { targetsOfCommand } from './command-runs-target';

/**
 * Whether a run is judged by the quality gates: the command runs the quality target and the plugin
 * option `strict` is off. Invalid plugin options count as not judged (the graph reports them).
 */
export function judgeByGates(options: unknown, argv: readonly string[]): boolean {
  let normalized;
  try {
    normalized = normalizePluginOptions(options);
  } catch (error) {
    if (error instanceof Error) return false;
    throw error;
  }
  if ((normalized as { strict?: boolean }).strict === true) return false;
  return targetsOfCommand(argv).has(normalized.qualityTargetName);
}
