import { detectPackageManager, logger, readJson, writeJson, type Tree } from '@nx/devkit';
import { pluginVersion } from '../../generators/init/plugin-version';

const OUR_PACKAGES = ['@nx-quality/core', '@nx-quality/eslint-plugin', '@nx-quality/plugin'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** An override key naming one of our packages: `@nx-quality/core`, `@nx-quality/core@0.1.0`, `**\/@nx-quality/core`. */
const OVERRIDE_KEY = new RegExp(`(^|/)(${OUR_PACKAGES.map((name) => name.replace('/', '\\/')).join('|')})(@[^/]*)?$`);

/**
 * Before 0.2.0 the packages existed only as tarballs from a checkout, installed as `file:` paths
 * (npm, yarn) or forced in with `pnpm.overrides`/`overrides`/`resolutions` pointing at those files,
 * because the plugin depended on an unpublished @nx-quality/core. A local file spec would keep the old
 * build forever and an override would pin it under every dependent, so both give way to the release.
 */
function isLocalSpec(spec: unknown): spec is string {
  return typeof spec === 'string' && (/^(file|link|portal):/.test(spec) || /\.t(ar\.)?gz$/.test(spec));
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
  resolutions?: Record<string, unknown>;
  pnpm?: { overrides?: Record<string, unknown> };
}

/**
 * `nx migrate` 0.2.0: the workspace's `file:` tarball references to nx-quality become the registry
 * release. Returns the next steps `nx migrate --run-migrations` prints: it never calls a migration's
 * generator callback, and installs by itself only when `dependencies` or `devDependencies` changed,
 * so after overrides removed alone (or an optional dependency) the user has to install.
 */
export default function useRegistryVersions(tree: Tree): string[] | void {
  if (!tree.exists('package.json')) return;
  const manifest = readJson<PackageJson>(tree, 'package.json');
  const range = `^${pluginVersion()}`;
  const changes: string[] = [];
  let nxInstalls = false;

  for (const field of DEPENDENCY_FIELDS) {
    for (const name of OUR_PACKAGES) {
      const spec = manifest[field]?.[name];
      if (isLocalSpec(spec)) {
        manifest[field]![name] = range;
        changes.push(`${field}.${name}: ${spec} → ${range}`);
        if (field !== 'optionalDependencies') nxInstalls = true;
      }
    }
  }
  const overrideLists: [string, Record<string, unknown> | undefined][] = [
    ['overrides', manifest.overrides],
    ['resolutions', manifest.resolutions],
    ['pnpm.overrides', manifest.pnpm?.overrides],
  ];
  for (const [where, overrides] of overrideLists) {
    for (const key of Object.keys(overrides ?? {})) {
      if (OVERRIDE_KEY.test(key) && isLocalSpec(overrides![key])) {
        changes.push(`${where}["${key}"] (${String(overrides![key])}) removed`);
        delete overrides![key];
      }
    }
  }
  if (manifest.pnpm?.overrides && Object.keys(manifest.pnpm.overrides).length === 0) delete manifest.pnpm.overrides;
  if (manifest.pnpm && Object.keys(manifest.pnpm).length === 0) delete manifest.pnpm;
  for (const field of ['overrides', 'resolutions'] as const) {
    if (manifest[field] && Object.keys(manifest[field]!).length === 0) delete manifest[field];
  }

  if (changes.length === 0) return;
  writeJson(tree, 'package.json', manifest);
  for (const change of changes) logger.info(`nx-quality: package.json ${change}`);
  if (nxInstalls) return;
  return [`Run \`${detectPackageManager(tree.root)} install\`: nx-quality ${pluginVersion()} replaces the tarballs in node_modules only then.`];
}
