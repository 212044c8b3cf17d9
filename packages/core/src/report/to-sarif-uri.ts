/** A workspace-relative POSIX path as a relative URI reference (each segment percent-encoded). */
export function toSarifUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@'))
    .join('/');
}
