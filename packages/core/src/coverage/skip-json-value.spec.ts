import { skipJsonValue, skipJsonWhitespace } from './skip-json-value';

/** Whether skipJsonValue takes `text` as one JSON value (whitespace around it allowed), as JSON.parse does. */
function skipsWhole(text: string): boolean {
  const bytes = Buffer.from(text);
  const end = skipJsonValue(bytes, skipJsonWhitespace(bytes, 0));
  return end >= 0 && skipJsonWhitespace(bytes, end) === bytes.length;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return false;
  }
}

// A deterministic stream of numbers in [0, 1), so a failure can be replayed.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('skipJsonValue', () => {
  const source = `const é = "x";\n\tif (a \\ b) return '\u2028</script>';\r\n${'// plain\n'.repeat(3)}`;
  const map = { version: 3, sources: ['/abs/a.ts'], sourcesContent: [source], mappings: 'AAAA,CAAC;'.repeat(20), names: [], n: [0, -1.5e-3, 2e10, true, false, null, {}, [[]]] };

  it('steps over every kind of value exactly where it ends', () => {
    for (const value of [map, JSON.stringify(map), Object.assign({}, [...JSON.stringify(map)]), 0, -0.5, 1e-7, 'x', '', true, false, null, [], {}, [1, [2, [3]]]]) {
      const text = JSON.stringify(value);
      const bytes = Buffer.from(`${text},"next"`);
      expect({ text, end: skipJsonValue(bytes, 0) }).toEqual({ text, end: Buffer.byteLength(text) });
    }
    // Whitespace wherever JSON allows it, and deep nesting without recursion.
    expect(skipsWhole(` {\n "a" :\t[ 1 , "b" , { } ] ,\r\n"c":null }  `)).toBe(true);
    expect(skipsWhole(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(true);
  });

  it('reads strings far longer than its window, with escapes at every offset around each window end', () => {
    for (let shift = 0; shift < 8; shift++) {
      const text = `${'a'.repeat(16 * 1024 - 4 + shift)}\\u00e9\\"\\\\\\n${'é"\\\n\u0001'.repeat(5000)}`;
      // Built through JSON.stringify, so every piece is a valid escape; also spread into an object, as Jest records maps.
      const long = JSON.stringify(text);
      expect(skipsWhole(long)).toBe(true);
      expect(skipsWhole(JSON.stringify(Object.assign({}, [...text.slice(16_000, 20_000)])))).toBe(true);
      // Cut before its closing quote, or in the middle of an escape: not JSON.
      expect(skipsWhole(long.slice(0, -1))).toBe(false);
      expect(skipsWhole(`${long.slice(0, 16 * 1024 + shift)}"`)).toBe(parses(`${long.slice(0, 16 * 1024 + shift)}"`));
    }
  });

  it('accepts exactly what JSON.parse accepts, on thousands of mutations of a source map', () => {
    const random = seeded(7);
    const base = [JSON.stringify(map), JSON.stringify(Object.assign({}, [...JSON.stringify(map).slice(0, 200)]))];
    const pieces = ['"', '\\', '\\u', '\\x', '\u0001', '\n', ' ', ',', ':', '{', '}', '[', ']', '-', '0', '01', '.', 'e', 'tru', 'null', '1.', '-0', 'é'];
    let accepted = 0;
    for (let round = 0; round < 4000; round++) {
      const text = base[round % base.length] as string;
      const at = Math.floor(random() * text.length);
      const cut = Math.floor(random() * 3);
      const piece = pieces[Math.floor(random() * pieces.length)] as string;
      const mutated = text.slice(0, at) + piece + text.slice(at + cut);
      const expected = parses(mutated);
      if (expected) accepted++;
      expect({ mutated, accepted: skipsWhole(mutated) }).toEqual({ mutated, accepted: expected });
    }
    // Both kinds were tried.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(3900);
  });
});
