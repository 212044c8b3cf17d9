// This repository's built packages as tarballs of another version: to npm and `nx migrate`, an
// older install or a newer release of the same code (the migrations' end-to-end test needs both
// sides of an upgrade). Each package folder is packed as `npm pack` packs it, then its version and
// the plugin's exact dependencies on its siblings are set to `version` and it is packed again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCommand } from './run-command';

const REPO_ROOT = resolve(__dirname, '..', '..');

/** Our packages in publishing order (a dependency before its dependents). */
export const OUR_PACKAGES = ['@nx-quality/core', '@nx-quality/eslint-plugin', '@nx-quality/plugin'] as const;
export type OurPackage = (typeof OUR_PACKAGES)[number];

const FOLDERS: Record<OurPackage, string> = {
  '@nx-quality/core': 'packages/core',
  '@nx-quality/eslint-plugin': 'packages/eslint-plugin',
  '@nx-quality/plugin': 'packages/plugin',
};

interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
}

/** `npm pack --json` of `folder` into `destination`; the tarball's path. */
function npmPack(folder: string, destination: string): string {
  const packed = runCommand('npm', ['pack', folder, '--pack-destination', destination, '--json', '--ignore-scripts'], { cwd: destination });
  const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
  return join(destination, filename);
}

/** Tarballs of the three packages at `version` in `outDir` (built packages: run `npm run build` first). */
export function packAsVersion(version: string, outDir: string): Record<OurPackage, string> {
  const staging = join(outDir, 'staging');
  mkdirSync(staging, { recursive: true });
  const tarballs = {} as Record<OurPackage, string>;
  for (const name of OUR_PACKAGES) {
    const unpacked = join(staging, name.replace('@nx-quality/', ''));
    mkdirSync(unpacked, { recursive: true });
    const asBuilt = npmPack(join(REPO_ROOT, FOLDERS[name]), staging);
    runCommand('tar', ['-xzf', asBuilt, '-C', unpacked, '--strip-components=1'], { cwd: staging });
    const manifestFile = join(unpacked, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    manifest.version = version;
    for (const sibling of OUR_PACKAGES) {
      if (manifest.dependencies?.[sibling]) manifest.dependencies[sibling] = version;
    }
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    tarballs[name] = npmPack(unpacked, outDir);
  }
  return tarballs;
}
