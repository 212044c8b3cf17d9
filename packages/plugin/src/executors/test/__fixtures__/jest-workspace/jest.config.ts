import type { Config } from 'jest';

// A multi-project root config: one project by its (TypeScript) config file, one inline.
export default {
  projects: [
    '<rootDir>/libs/nx-style/jest.config.cts',
    {
      displayName: 'inline',
      rootDir: '<rootDir>/libs/async-config',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
    },
  ],
} satisfies Config;
