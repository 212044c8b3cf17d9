import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import useRegistryVersions from './use-registry-versions';

const packageRoot = join(__dirname, '../../..');
const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('migration 0.2.0: file: tarball references become the registry release', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('rewrites file: tarballs of our packages and removes the overrides that forced them, leaving everything else', () => {
    writeJson(tree, 'package.json', {
      name: '@ws/source',
      devDependencies: {
        '@nx-quality/plugin': 'file:../nx-quality/dist/tarballs/nx-quality-plugin-0.1.0.tgz',
        '@nx-quality/eslint-plugin': '../nx-quality/dist/tarballs/nx-quality-eslint-plugin-0.1.0.tgz',
        '@nx-quality/core': '0.1.0',
        jest: 'file:../vendored/jest.tgz',
        nx: '23.2.1',
      },
      overrides: { '@nx-quality/core': 'file:../nx-quality/dist/tarballs/nx-quality-core-0.1.0.tgz', lodash: '4.17.21' },
      resolutions: { '**/@nx-quality/core': 'file:./vendor/nx-quality-core-0.1.0.tgz' },
      pnpm: { overrides: { '@nx-quality/core@0.1.0': 'file:../t/nx-quality-core-0.1.0.tgz' } },
    });

    const nextSteps = useRegistryVersions(tree);

    expect(readJson(tree, 'package.json')).toEqual({
      name: '@ws/source',
      devDependencies: {
        '@nx-quality/plugin': `^${version}`,
        '@nx-quality/eslint-plugin': `^${version}`,
        // A registry version is the user's choice; only local files are replaced.
        '@nx-quality/core': '0.1.0',
        jest: 'file:../vendored/jest.tgz',
        nx: '23.2.1',
      },
      overrides: { lodash: '4.17.21' },
    });
    // devDependencies changed: `nx migrate --run-migrations` installs by itself, no next step.
    expect(nextSteps).toBeUndefined();
  });

  it('asks for an install when it removed overrides alone (nx migrate installs only after dependency changes)', () => {
    writeJson(tree, 'package.json', {
      name: '@ws/source',
      devDependencies: { '@nx-quality/plugin': version },
      overrides: { '@nx-quality/core': 'file:../tarballs/nx-quality-core-0.1.0.tgz' },
    });

    // What `nx migrate --run-migrations` prints (it runs no generator callback of a migration).
    expect(useRegistryVersions(tree)).toEqual([`Run \`npm install\`: nx-quality ${version} replaces the tarballs in node_modules only then.`]);
    expect(readJson(tree, 'package.json')).toEqual({ name: '@ws/source', devDependencies: { '@nx-quality/plugin': version } });
  });

  it('changes nothing and asks for no install when no local reference is left (a second run, or a registry install)', () => {
    const manifest = { name: '@ws/source', devDependencies: { '@nx-quality/plugin': `^${version}` }, pnpm: { overrides: { lodash: '4.17.21' } } };
    writeJson(tree, 'package.json', manifest);
    const before = tree.read('package.json', 'utf-8');

    expect(useRegistryVersions(tree)).toBeUndefined();
    expect(tree.read('package.json', 'utf-8')).toBe(before);
  });

  it('is registered in migrations.json, which package.json names as nx-migrations (with the packages released with it), at the version it migrates to', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { 'nx-migrations'?: unknown; files: string[] };
    // packageGroup: `nx migrate @nx-quality/plugin` moves a workspace's direct core/eslint-plugin dependencies along.
    expect(manifest['nx-migrations']).toEqual({ migrations: './migrations.json', packageGroup: ['@nx-quality/core', '@nx-quality/eslint-plugin'] });
    expect(manifest.files).toContain('migrations.json');
    const migrations = JSON.parse(readFileSync(join(packageRoot, 'migrations.json'), 'utf8')) as {
      generators: Record<string, { version: string; implementation: string }>;
    };
    expect(migrations.generators['update-0-2-0-use-registry-versions']).toMatchObject({
      version: '0.2.0',
      implementation: './dist/migrations/update-0-2-0/use-registry-versions',
    });
  });
});
