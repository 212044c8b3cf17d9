import { defineConfig } from 'vitest/config';

// The same project with Vitest's own passWithNoTests in its config.
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], passWithNoTests: true },
});
