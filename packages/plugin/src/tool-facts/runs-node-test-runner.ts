/**
 * Whether a package.json `test` script runs Node's test runner: one of its shell commands is
 * `node … --test …` (`/usr/bin/node` too; `nodemon --test` is not node).
 */
export function runsNodeTestRunner(script: unknown): boolean {
  if (typeof script !== 'string') return false;
  return script.split(/&&|\|\||;|\|/).some((command) => {
    const words = command.trim().replace(/^\(+/, '').split(/\s+/);
    const node = words.findIndex((word) => word === 'node' || word.endsWith('/node'));
    return node >= 0 && words.slice(node + 1).some((word) => word === '--test' || word.startsWith('--test='));
  });
}
