import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { readResultFile } from './read-result-file';
import { writeJsonAtomic } from './write-json-atomic';

const Schema = z.object({ schemaVersion: z.literal(1), value: z.number() });

describe('result file I/O', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nxq-io-'));

  it('round-trips through an atomic write and leaves no temp file behind', () => {
    const file = join(dir, 'nested/a.json');
    writeJsonAtomic(file, { schemaVersion: 1, value: 3 });
    expect(readResultFile(file, Schema)).toEqual({ state: 'ok', value: { schemaVersion: 1, value: 3 } });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['a.json']);
  });

  it('reports a missing file as missing', () => {
    expect(readResultFile(join(dir, 'none.json'), Schema)).toEqual({ state: 'missing' });
  });

  it('reports a truncated file as invalid JSON', () => {
    writeFileSync(join(dir, 'trunc.json'), '{"schemaVersion": 1, "val');
    const read = readResultFile(join(dir, 'trunc.json'), Schema);
    expect(read.state).toBe('invalid');
    expect(read.state === 'invalid' && read.reason).toMatch(/not valid JSON.*truncated/);
  });

  it('reports a newer schema version with an upgrade hint', () => {
    writeFileSync(join(dir, 'new.json'), JSON.stringify({ schemaVersion: 7, value: 1 }));
    const read = readResultFile(join(dir, 'new.json'), Schema);
    expect(read.state === 'invalid' && read.reason).toMatch(/schemaVersion 7, newer .* upgrade @nx-quality\/plugin/);
  });

  it('names the path of a schema mismatch', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ schemaVersion: 1, value: 'x' }));
    const read = readResultFile(join(dir, 'bad.json'), Schema);
    expect(read.state === 'invalid' && read.reason).toMatch(/at value/);
  });
});
