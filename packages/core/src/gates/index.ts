export * from './collect-metrics';
export * from './default-gates';
export * from './resolve-gate-conditions';
export * from './evaluate-gates';
