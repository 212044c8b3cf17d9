/** The major of an Nx version (`23.0.2` → 23), or undefined when the version is unknown or not a release number. */
export function nxMajor(version: string | undefined): number | undefined {
  const major = Number(/^(\d+)\./.exec(version ?? '')?.[1]);
  return Number.isInteger(major) ? major : undefined;
}
