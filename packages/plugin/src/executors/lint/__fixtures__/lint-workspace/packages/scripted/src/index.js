export function greet(name) {
  console.log(`hello ${name}`);
  return name;
}
