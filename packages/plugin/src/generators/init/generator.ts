import { addDependenciesToPackageJson, formatFiles, logger, readNxJson, updateNxJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { parseOptions } from '../../shared/parse-options';
import { addReportTarget } from './add-report-target';
import { checkOfficialTargetDefaults } from './check-official-target-defaults';
import { copyDependsOnDefaults } from './copy-depends-on-defaults';
import { ignoreResults } from './ignore-results';
import { installedNxVersion } from '../../inference/installed-nx-version';
import { OFFICIAL_PLUGINS, type ToolKind } from '../../tool-facts/official-plugins';
import { optionsSchema, type InitGeneratorOptions } from './options';
import { pluginVersion } from './plugin-version';
import { planOfficialCarryOver, type CarriedEntry } from './plan-official-carry-over';
import { ourPluginOptions, PLUGIN_NAME, registerPlugin } from './register-plugin';
import { replaceOfficialPlugins } from './replace-official-plugins';
import { retargetPluginDefaults } from './retarget-plugin-defaults';

/** `nx g @nx-quality/plugin:init` (run by `nx add @nx-quality/plugin`). Idempotent. */
export default async function initGenerator(tree: Tree, rawOptions: InitGeneratorOptions): Promise<GeneratorCallback> {
  const options = parseOptions(optionsSchema, rawOptions, '@nx-quality/plugin:init');
  const nxJson = readNxJson(tree) ?? {};
  const before = JSON.stringify(nxJson);

  let carried: Partial<Record<ToolKind, CarriedEntry>> = {};
  if (options.replaceOfficial) {
    // Both throw before anything is written when an official entry cannot be carried over.
    carried = planOfficialCarryOver(nxJson, ourPluginOptions(nxJson));
    checkOfficialTargetDefaults(nxJson, carried);
    const replaced = replaceOfficialPlugins(nxJson);
    if (replaced.length > 0) logger.info(`nx-quality: replaced the inferred targets of ${replaced.join(', ')}`);
    const names = new Set(['test', 'lint', 'typecheck', ...Object.values(carried).map((entry) => entry.targetName)]);
    retargetPluginDefaults(nxJson, Object.values(OFFICIAL_PLUGINS), [...names]);
  }
  const wasRegistered = (nxJson.plugins ?? []).some((entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN_NAME);
  const renamed = registerPlugin(nxJson, installedNxVersion(tree.root), carried);
  if (!wasRegistered) logger.info(`nx-quality: registered ${PLUGIN_NAME} in nx.json "plugins" (it infers the quality targets)`);
  for (const target of renamed) {
    logger.info(`nx-quality: ${target.officialPlugin} already infers "${target.officialName}"; ours is "${target.ourName}" (run with --replaceOfficial to take over "${target.officialName}")`);
  }
  copyDependsOnDefaults(nxJson, renamed);
  if (JSON.stringify(nxJson) !== before) updateNxJson(tree, nxJson);

  const reportFile = addReportTarget(tree, options.reportTargetName);
  if (reportFile) logger.info(`nx-quality: added the "${options.reportTargetName}" target to ${reportFile}`);
  const ignored = ignoreResults(tree);
  if (ignored.length > 0) logger.info(`nx-quality: added ${ignored.join(', ')} to .gitignore (where the results go)`);

  let install: GeneratorCallback = () => undefined;
  if (!options.skipPackageJson) {
    install = addDependenciesToPackageJson(tree, {}, { [PLUGIN_NAME]: `^${pluginVersion()}` }, undefined, options.keepExistingVersions);
  }
  if (!options.skipFormat) await formatFiles(tree);
  return install;
}
