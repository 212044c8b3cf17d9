// A TypeScript module a Jest config imports: plain Node 20 cannot require it, our loader must.
export const swcTransform: [string, Record<string, unknown>] = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];
