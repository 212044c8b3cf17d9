import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';

// The repository's real @jest/transform (Jest 30) in a child process, outside Jest's own module
// registry: a file transformed twice comes from the cache, and after a release it is transformed anew.
jest.setTimeout(60_000);

const PROBE = `
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
exports.run = async (modulePath, dir) => {
  const { watchJestTransformCaches, releaseJestTransformCaches } = require(modulePath);
  await watchJestTransformCaches([dir]);
  const { createScriptTransformer } = require(require.resolve('@jest/transform', { paths: [dir] }));
  const file = join(dir, 'a.js');
  writeFileSync(file, 'module.exports = 1;\\n');
  const transformer = await createScriptTransformer({ rootDir: dir, cacheDirectory: join(dir, 'cache'), id: 'probe', transform: [], transformIgnorePatterns: [] });
  const options = { collectCoverage: false, coverageProvider: 'babel', supportsDynamicImport: true, supportsExportNamespaceFrom: true, supportsStaticESM: false, supportsTopLevelAwait: false };
  const first = transformer.transform(file, options);
  const cachedBeforeRelease = transformer.transform(file, options) === first;
  releaseJestTransformCaches();
  const afterRelease = transformer.transform(file, options);
  const cachedAgain = transformer.transform(file, options) === afterRelease;
  return { cachedBeforeRelease, sameAfterRelease: afterRelease === first, cachedAgain, code: afterRelease.code };
};
`;

describe('releaseJestTransformCaches', () => {
  it('empties the transform cache of the Jest found from the project, which keeps caching afterwards', async () => {
    const { dir, cleanup } = copyFixture(join(__dirname, '__fixtures__/batch-workspace/libs/clean'), 'jest-transform-cache');
    try {
      writeFileSync(join(dir, 'probe.cjs'), PROBE);
      const { value } = await runInChild<{ cachedBeforeRelease: boolean; sameAfterRelease: boolean; cachedAgain: boolean; code: string }>(join(dir, 'probe.cjs'), 'run', [
        join(__dirname, 'release-jest-transform-caches.ts'),
        dir,
      ]);
      expect(value).toEqual({ cachedBeforeRelease: true, sameAfterRelease: false, cachedAgain: true, code: expect.stringContaining('module.exports = 1;') });
    } finally {
      cleanup();
    }
  });
});
