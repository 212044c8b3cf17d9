import type { Config } from 'jest';

export default async (): Promise<Config> => {
  await new Promise((resolve) => setImmediate(resolve));
  return {
    displayName: 'async-config',
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  };
};
