export * from './baseline-schema';
export * from './metric-directions';
export * from './update-baseline';
export * from './ratchet-conditions';
export * from './compute-deltas';
