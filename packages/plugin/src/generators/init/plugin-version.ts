import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** This package's version (from src/ and dist/ alike, both three levels below package.json). */
export function pluginVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;
}
