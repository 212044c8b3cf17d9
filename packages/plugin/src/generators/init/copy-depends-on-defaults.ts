import type { NxJsonConfiguration } from '@nx/devkit';
import { retargetSelfDependencies } from '../../tool-facts/retarget-self-dependencies';
import { targetDefaultDependsOn } from '../../tool-facts/target-default-depends-on';
import type { RenamedTarget } from './register-plugin';

/**
 * Gives a renamed target (e.g. `quality-test`) the `dependsOn` the workspace's target defaults set
 * for the official one (`test`, typically `^build`), so it runs with the same prerequisites; one
 * naming the official target in other projects (`^typecheck`) names ours. Never overwrites an
 * existing default of the new name.
 */
export function copyDependsOnDefaults(nxJson: NxJsonConfiguration, renamed: RenamedTarget[]): string[] {
  const defaults = nxJson.targetDefaults;
  if (!defaults) return [];
  const copied: string[] = [];
  for (const target of renamed) {
    if (defaults[target.ourName]) continue;
    const dependsOn = targetDefaultDependsOn(defaults, target.officialName, { plugin: target.officialPlugin });
    if (dependsOn === undefined) continue;
    defaults[target.ourName] = { dependsOn: retargetSelfDependencies(dependsOn, target.officialName, target.ourName) };
    copied.push(target.ourName);
  }
  return copied;
}
