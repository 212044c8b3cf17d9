import { globToRegExp } from './glob-to-regexp';
import { DEFAULT_NODE_TEST_GLOBS } from './find-node-test-files';

describe('globToRegExp', () => {
  it.each([
    ['**/*.test.{js,ts}', 'a.test.js', true],
    ['**/*.test.{js,ts}', 'src/deep/a.test.ts', true],
    ['**/*.test.{js,ts}', 'src/a.test.mjs', false],
    ['src/*.spec.ts', 'src/a.spec.ts', true],
    ['src/*.spec.ts', 'src/x/a.spec.ts', false],
    ['**/test/**/*.js', 'test/helpers/a.js', true],
    ['**/test/**/*.js', 'lib/test/a.js', true],
    ['**/test/**/*.js', 'testing/a.js', false],
    ['file?.js', 'file1.js', true],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('node’s default patterns pick the files node --test picks', () => {
    const matches = (path: string) => DEFAULT_NODE_TEST_GLOBS.some((glob) => globToRegExp(glob).test(path));
    expect(['a.test.js', 'src/a-test.mjs', 'src/a_test.cts', 'test-a.ts', 'test.js', 'test/util.js'].every(matches)).toBe(true);
    expect(['a.spec.js', 'src/latest.js', 'contest/a.js'].some(matches)).toBe(false);
  });
});
