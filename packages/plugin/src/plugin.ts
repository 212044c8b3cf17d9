// `@nx-quality/plugin/plugin`: the same Nx plugin module as the package root (like `@nx/jest/plugin`).
export { createNodes, createNodesV2, postTasksExecution, preTasksExecution } from './index';
export type { PluginOptions, NormalizedPluginOptions } from './index';
