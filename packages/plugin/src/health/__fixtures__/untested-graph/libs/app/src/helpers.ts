export function help(value: number): number {
  return value;
}

export function helpMore(value: number): number {
  return help(value) + 1;
}

export const HELP_VERSION = 1;
