import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirPerTest } from '../test-support/temp-dir-per-test';
import { writeFilesAtomic } from './write-files-atomic';

describe('writeFilesAtomic', () => {
  const dir = tempDirPerTest('nxq-atomic-');

  it('writes text, bytes and pieces of either (many, large) and leaves no temp file', () => {
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 5000; i++) pieces.push(i % 2 ? `line ${i} é\n` : Buffer.from(`bytes ${i} ✓\n`));
    pieces.push('x'.repeat(3 << 20));
    writeFilesAtomic([
      { file: join(dir(), 'a.txt'), content: 'text' },
      { file: join(dir(), 'nested/b.bin'), content: Buffer.from([1, 2, 3]) },
      { file: join(dir(), 'c.txt'), content: pieces },
    ]);
    expect(readFileSync(join(dir(), 'a.txt'), 'utf8')).toBe('text');
    expect([...readFileSync(join(dir(), 'nested/b.bin'))]).toEqual([1, 2, 3]);
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(readFileSync(join(dir(), 'c.txt')).equals(expected)).toBe(true);
    expect(readdirSync(dir()).sort()).toEqual(['a.txt', 'c.txt', 'nested']);
  });

  it('copies each piece before asking for the next, so a producer may reuse its buffer', () => {
    function* reusing(): Generator<string | Uint8Array> {
      const buffer = Buffer.alloc(300 << 10);
      for (let i = 0; i < 12; i++) {
        buffer.fill(65 + i);
        yield buffer;
        yield `|${i}|`;
      }
      yield Buffer.alloc(3 << 20, 'z');
      yield 'é'.repeat(1 << 19);
    }
    // Slices of long text end before a surrogate pair rather than inside it, wherever the pairs fall.
    const astral = ['x', 'xy'].map((lead) => lead + '😀'.repeat(1 << 19));
    writeFilesAtomic(astral.map((text, i) => ({ file: join(dir(), `astral-${i}.txt`), content: text })));
    astral.forEach((text, i) => expect(readFileSync(join(dir(), `astral-${i}.txt`), 'utf8') === text).toBe(true));
    writeFilesAtomic([{ file: join(dir(), 'reused.txt'), content: reusing() }]);
    const expected: string[] = [];
    for (let i = 0; i < 12; i++) expected.push(String.fromCharCode(65 + i).repeat(300 << 10), `|${i}|`);
    expected.push('z'.repeat(3 << 20), 'é'.repeat(1 << 19));
    expect(readFileSync(join(dir(), 'reused.txt'), 'utf8') === expected.join('')).toBe(true);
  });

  it('changes no file and leaves no temp file when producing a piece fails half-way', () => {
    mkdirSync(join(dir(), 'out'));
    writeFileSync(join(dir(), 'out/a.txt'), 'old a');
    writeFileSync(join(dir(), 'out/b.txt'), 'old b');
    function* failing(): Generator<string> {
      yield 'new b, part 1';
      throw new Error('renderer failed');
    }
    expect(() =>
      writeFilesAtomic([
        { file: join(dir(), 'out/a.txt'), content: 'new a' },
        { file: join(dir(), 'out/b.txt'), content: failing() },
        { file: join(dir(), 'out/c.txt'), content: 'new c' },
      ]),
    ).toThrow('renderer failed');
    expect(readFileSync(join(dir(), 'out/a.txt'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir(), 'out/b.txt'), 'utf8')).toBe('old b');
    expect(existsSync(join(dir(), 'out/c.txt'))).toBe(false);
    expect(readdirSync(join(dir(), 'out')).sort()).toEqual(['a.txt', 'b.txt']);
  });
});
