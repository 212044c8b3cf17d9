import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileVersion } from './file-version';

// File times advance with the kernel's coarse clock (a few ms): wait one tick between writes.
const nextClockTick = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);

describe('fileVersion', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'file-version-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stays the same while the file is untouched', () => {
    writeFileSync(join(dir, 'a.json'), '{}');
    expect(fileVersion(join(dir, 'a.json'))).toBe(fileVersion(join(dir, 'a.json')));
  });

  it('changes when the file is rewritten with the same bytes, replaced, or its times are put back', () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, '{}');
    const seen = new Set([fileVersion(file)]);
    nextClockTick();
    writeFileSync(file, '{}');
    seen.add(fileVersion(file));
    nextClockTick();
    writeFileSync(join(dir, 'b.json'), '{}');
    renameSync(join(dir, 'b.json'), file);
    seen.add(fileVersion(file));
    // A copy that keeps the old modification time still changes the change time.
    nextClockTick();
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    seen.add(fileVersion(file));
    expect(seen.size).toBe(4);
  });

  it('says missing for no file and marks a folder', () => {
    expect(fileVersion(join(dir, 'none'))).toBe('missing');
    expect(fileVersion(dir)).toMatch(/^not a file:/);
  });
});
