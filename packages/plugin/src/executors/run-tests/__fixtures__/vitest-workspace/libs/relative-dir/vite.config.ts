import { defineConfig } from 'vitest/config';

// TanStack Query's shape: no `root`, test files under a `dir` relative to the project, which Vitest
// resolves against the working directory (its own script runs in the project's directory).
export default defineConfig({
  test: {
    name: 'relative-dir',
    dir: './src',
    watch: false,
    environment: 'node',
    coverage: { provider: 'istanbul', include: ['src/**/*'], exclude: ['src/**/*.test.ts'] },
  },
});
