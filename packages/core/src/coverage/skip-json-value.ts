import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DOT,
  isDigit,
  isWhitespace,
  JSON_STRING_BODY,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PLUS,
  QUOTE,
} from './json-syntax';

const LITERALS = [Buffer.from('true'), Buffer.from('false'), Buffer.from('null')];

/** The offset of the first byte at or after `i` that is not JSON whitespace. */
export function skipJsonWhitespace(bytes: Uint8Array, i: number): number {
  while (isWhitespace(bytes[i])) i++;
  return i;
}

// A string is matched a window at a time as Latin-1 text, natively (JSON_STRING_BODY): one match for
// its plain runs and valid escapes. Small windows live in the young generation, which recycles them
// (one text of a whole source map would be fresh memory, slow to touch).
const WINDOW = 16 * 1024;

// Whole members `"key":"value",` of plain strings, matched in bulk: Jest records an @swc/jest source
// map as its JSON text spread into an object, `{"0":"{","1":"\"",...}`, two strings per character.
// One character per step inside a value (no `x+` in a repeated group): a member cut by the window's end
// then fails in linear time, not by trying every split of its run.
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: excluding them is the point.
const STRING_MEMBERS = /(?:"[^"\\\x00-\x1f]*":"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*",)*/y;

/** The bytes of one value, with the window of them last decoded (shared by the strings in it). */
interface Source {
  bytes: Buffer;
  windowStart: number;
  text: string;
}

// Decodes the window starting at `i` unless the current one holds it; returns where the window ends.
function windowAt(source: Source, i: number): number {
  if (i < source.windowStart || i >= source.windowStart + source.text.length) {
    source.windowStart = i;
    source.text = source.bytes.toString('latin1', i, Math.min(i + WINDOW, source.bytes.length));
  }
  return source.windowStart + source.text.length;
}

// Where the string members at `i` that are each followed by a comma end (`i` when there is none).
function skipStringMembers(source: Source, i: number): number {
  windowAt(source, i);
  STRING_MEMBERS.lastIndex = i - source.windowStart;
  STRING_MEMBERS.test(source.text);
  return source.windowStart + STRING_MEMBERS.lastIndex;
}

// The offset after the string opening at `i`, or -1 when it is not a JSON string.
function skipString(source: Source, i: number): number {
  const { bytes } = source;
  i++;
  for (;;) {
    if (i >= bytes.length) return -1;
    const end = windowAt(source, i);
    JSON_STRING_BODY.lastIndex = i - source.windowStart;
    JSON_STRING_BODY.test(source.text);
    const stop = source.windowStart + JSON_STRING_BODY.lastIndex;
    if (stop === end) {
      i = stop;
      continue;
    }
    if (bytes[stop] === QUOTE) return stop + 1;
    // An escape cut by the window's end is matched again in a window that starts with it.
    if (bytes[stop] === BACKSLASH && stop + 6 > end && stop > source.windowStart) {
      source.text = '';
      i = stop;
      continue;
    }
    return -1;
  }
}

// The offset after the number starting at `i` (JSON's grammar), or -1.
function skipNumber(bytes: Uint8Array, i: number): number {
  if (bytes[i] === MINUS) i++;
  if (bytes[i] === 48) i++;
  else if (isDigit(bytes[i])) while (isDigit(bytes[i])) i++;
  else return -1;
  if (bytes[i] === DOT) {
    i++;
    if (!isDigit(bytes[i])) return -1;
    while (isDigit(bytes[i])) i++;
  }
  if (bytes[i] === 101 || bytes[i] === 69) {
    i++;
    if (bytes[i] === PLUS || bytes[i] === MINUS) i++;
    if (!isDigit(bytes[i])) return -1;
    while (isDigit(bytes[i])) i++;
  }
  return i;
}

// The offset after the literal (true, false, null) at `i`, or -1.
function skipLiteral(bytes: Uint8Array, i: number): number {
  for (const literal of LITERALS) {
    if (bytes[i] !== literal[0]) continue;
    for (let k = 1; k < literal.length; k++) if (bytes[i + k] !== literal[k]) return -1;
    return i + literal.length;
  }
  return -1;
}

/**
 * Steps over the JSON value starting at `start` (no whitespace before it) without decoding it: the
 * offset just after it, or -1 when the bytes there are not a JSON value, with exactly JSON.parse's
 * grammar (keys may repeat; text is not checked to be UTF-8, which JSON.parse of decoded text never
 * is either). Iterative, so nesting depth costs no stack.
 */
export function skipJsonValue(bytes: Buffer, start: number): number {
  const source: Source = { bytes, windowStart: 0, text: '' };
  // The closing byte of each open container, innermost last.
  const open: number[] = [];
  let i = start;
  for (;;) {
    // A value at i.
    const c = bytes[i];
    if (c === QUOTE) i = skipString(source, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      i = skipJsonWhitespace(bytes, i + 1);
      if (bytes[i] === close) i++;
      else {
        open.push(close);
        if (close === CLOSE_BRACE) i = skipKey(source, i);
        if (i < 0) return -1;
        continue;
      }
    } else if (c === MINUS || isDigit(c)) i = skipNumber(bytes, i);
    else i = skipLiteral(bytes, i);
    if (i < 0) return -1;
    // After a value: the container's next member or item, or its end.
    for (;;) {
      const close = open[open.length - 1];
      if (close === undefined) return i;
      i = skipJsonWhitespace(bytes, i);
      if (bytes[i] === close) {
        open.pop();
        i++;
        continue;
      }
      if (bytes[i] !== COMMA) return -1;
      i = skipJsonWhitespace(bytes, i + 1);
      if (close === CLOSE_BRACE) {
        // Members the bulk match leaves (the last, one cut by the window, any other value) go one by one.
        if (bytes[i] === QUOTE) i = skipJsonWhitespace(bytes, skipStringMembers(source, i));
        i = skipKey(source, i);
      }
      break;
    }
    if (i < 0) return -1;
  }
}

// A member's key at `i`, the colon and the whitespace up to its value: the value's offset, or -1.
function skipKey(source: Source, i: number): number {
  const { bytes } = source;
  if (bytes[i] !== QUOTE) return -1;
  i = skipString(source, i);
  if (i < 0) return -1;
  i = skipJsonWhitespace(bytes, i);
  if (bytes[i] !== COLON) return -1;
  return skipJsonWhitespace(bytes, i + 1);
}
