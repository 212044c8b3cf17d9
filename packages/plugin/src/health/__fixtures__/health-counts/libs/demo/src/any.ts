export function parse(input: any): any {
  return input;
}

export const table: Record<string, any> = {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allowed: any = null;

// eslint-disable-next-line @nx/enforce-module-boundaries
export const other = 1;
