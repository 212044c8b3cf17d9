import { enableCompileCache } from './enable-compile-cache';

// Node's own status codes (module.constants.compileCacheStatus).
const constants = { compileCacheStatus: { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 } };
const nodeApi = (status: number) => ({ enableCompileCache: jest.fn(() => ({ status })), constants });

describe('enableCompileCache', () => {
  it('asks Node to turn the cache on', () => {
    const api = nodeApi(constants.compileCacheStatus.ENABLED);
    expect(enableCompileCache({}, api)).toBe(true);
    expect(api.enableCompileCache).toHaveBeenCalledTimes(1);
  });

  it('is on when Nx or another caller turned it on first', () => {
    expect(enableCompileCache({}, nodeApi(constants.compileCacheStatus.ALREADY_ENABLED))).toBe(true);
  });

  it.each([
    ['NX_COMPILE_CACHE=false', { NX_COMPILE_CACHE: 'false' }],
    ['NODE_DISABLE_COMPILE_CACHE=1', { NODE_DISABLE_COMPILE_CACHE: '1' }],
  ])('leaves it off under %s', (_name, env) => {
    const api = nodeApi(constants.compileCacheStatus.ENABLED);
    expect(enableCompileCache(env, api)).toBe(false);
    expect(api.enableCompileCache).not.toHaveBeenCalled();
  });

  it('does nothing on a Node without the API (before 22.1)', () => {
    expect(enableCompileCache({}, {})).toBe(false);
  });

  it('reports it off when Node cannot set up the cache directory (the run goes on without it)', () => {
    expect(enableCompileCache({}, nodeApi(constants.compileCacheStatus.FAILED))).toBe(false);
  });

  it('turns it on in this process when Node has it', () => {
    const nodeModule = require('node:module') as { enableCompileCache?: unknown; getCompileCacheDir?: () => string | undefined };
    const expected = typeof nodeModule.enableCompileCache === 'function' && !process.env['NODE_DISABLE_COMPILE_CACHE'];
    expect(enableCompileCache({})).toBe(expected);
    if (nodeModule.getCompileCacheDir) expect(nodeModule.getCompileCacheDir()).toEqual(expect.any(String));
  });
});
