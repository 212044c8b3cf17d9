import { loadJestConfig } from '../load-jest-config';

/** The loaded config, and whether loading it brought the TypeScript compiler into this process. */
export async function loadJestConfigInChild(configFile: string, workspaceRoot: string): Promise<{ config: unknown; typescriptLoaded: boolean }> {
  const config = await loadJestConfig(configFile, workspaceRoot);
  return { config, typescriptLoaded: Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]typescript[\\/]/.test(file)) };
}
