export function greet(name: string): string {
  return `hello ${name}`;
}

export function farewell(name: string): string {
  return `bye ${name}`;
}
