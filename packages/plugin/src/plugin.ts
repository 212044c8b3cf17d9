// Entry point Nx loads for `"plugins": ["@nx-quality/plugin"]`: keep it light, the graph loads it often.
export {};
