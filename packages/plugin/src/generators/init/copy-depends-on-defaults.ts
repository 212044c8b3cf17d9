import type { NxJsonConfiguration } from '@nx/devkit';
import { officialDefaultDependsOn } from '../../tool-facts/official-default-depends-on';
import type { RenamedTarget } from './register-plugin';

/**
 * Gives a renamed target (e.g. `quality-test`) the `dependsOn` the workspace's target defaults set
 * for the official one (`test`, typically `^build`), so it runs with the same prerequisites. Never
 * overwrites an existing default of the new name.
 */
export function copyDependsOnDefaults(nxJson: NxJsonConfiguration, renamed: RenamedTarget[]): string[] {
  const defaults = nxJson.targetDefaults;
  if (!defaults) return [];
  const copied: string[] = [];
  for (const target of renamed) {
    if (defaults[target.ourName]) continue;
    const dependsOn = officialDefaultDependsOn(defaults, target.officialName, target.officialPlugin);
    if (dependsOn === undefined) continue;
    defaults[target.ourName] = { dependsOn };
    copied.push(target.ourName);
  }
  return copied;
}
