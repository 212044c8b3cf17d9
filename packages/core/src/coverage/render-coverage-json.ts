import type { MergedCoverageMap } from './merged-coverage-map';
import { orderLikeObjectKeys } from '../text/order-like-object-keys';

/**
 * The merged `coverage-final.json` in pieces: `JSON.stringify` of an object holding every file's
 * data with keys added in sorted order (so array-index keys come first, and a `__proto__` key,
 * which such an assignment does not store, is left out), then a line break.
 */
export function* renderCoverageJson(map: MergedCoverageMap): Generator<Uint8Array | string> {
  let separator = '{';
  for (const key of orderLikeObjectKeys(map.files().sort())) {
    if (key === '__proto__') continue;
    yield `${separator}${JSON.stringify(key)}:`;
    yield* map.json(key);
    separator = ',';
  }
  yield separator === '{' ? '{}\n' : '}\n';
}
