export function greet(name: string): string {
  let greeting: string = `Hello ${name}`;
  return greeting;
}
