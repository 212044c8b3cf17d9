// The pieces of JSON's grammar both coverage readers need (the scanner in parse-coverage-json.ts, and
// skipJsonValue), as character codes: the same in UTF-8 bytes and in their Latin-1 text.

export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const MINUS = 45;
export const PLUS = 43;
export const DOT = 46;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;

/** JSON whitespace: space, line feed, carriage return, tab. */
export function isWhitespace(c: number | undefined): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** An ASCII digit; false past the end of the input (`undefined` from bytes, NaN from text). */
export function isDigit(c: number | undefined): boolean {
  // Both comparisons are false for undefined and NaN, so the end needs no test of its own.
  return (c as number) >= 48 && (c as number) <= 57;
}

/**
 * A JSON string's body, sticky: its plain runs and valid escapes, up to (not including) what ends
 * it. A closing quote must stand where it stops; anything else there (a raw control character, a
 * bad escape, the end of the input) is not JSON. With no suffix to match, it never backtracks.
 */
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: excluding them is the point.
export const JSON_STRING_BODY = /(?:[^"\\\x00-\x1f]+|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;
