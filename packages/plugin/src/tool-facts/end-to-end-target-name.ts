/**
 * Whether a target name says it runs end-to-end suites (`e2e`, `e2e-local`, `e2e-ci`): suites that
 * start servers or a local registry, which `nx run-many -t test` does not run and our test target
 * never stands beside.
 */
export function isEndToEndTargetName(name: string): boolean {
  return /e2e/i.test(name);
}
