/** A single-quoted TypeScript string literal (the style of Nx workspaces' Prettier config). */
export function tsStringLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
