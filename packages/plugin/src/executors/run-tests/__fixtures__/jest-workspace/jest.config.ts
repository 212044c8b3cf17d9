import type { Config } from 'jest';
import { swcTransform } from './jest.shared';

// A multi-project root config: one project by its (TypeScript) config file, one inline.
export default {
  projects: [
    '<rootDir>/libs/nx-style/jest.config.cts',
    {
      displayName: 'inline',
      rootDir: '<rootDir>/libs/async-config',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swcTransform },
    },
  ],
} satisfies Config;
