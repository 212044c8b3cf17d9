import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: __dirname,
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    coverage: { provider: 'v8', reportsDirectory: './coverage' },
  },
});
